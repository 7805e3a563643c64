import KafkaProtocol

/// Requests to a consumer group's coordinator (the broker leading the group's `__consumer_offsets` partition).
/// Finds the coordinator with FindCoordinator and finds it again when it moves (NOT_COORDINATOR,
/// COORDINATOR_NOT_AVAILABLE, or a closed connection).
actor GroupCoordinatorClient {
    let client: KafkaClient
    let groupId: String
    private var coordinator: Int32?

    init(client: KafkaClient, groupId: String) {
        self.client = client
        self.groupId = groupId
    }

    /// The coordinator's node id, asking a broker if not known.
    func coordinatorId() async throws -> Int32 {
        if let coordinator = self.coordinator { return coordinator }
        var attempt = 0
        while true {
            let response = try await self.client.sendToAny(FindCoordinatorRequest(key: self.groupId, keyType: 0))
            let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
            if code == .none {
                self.coordinator = response.nodeId
                if await self.client.metadata.brokers[response.nodeId] == nil {
                    _ = try await self.client.refreshMetadata(topics: [])
                }
                return response.nodeId
            }
            attempt += 1
            guard code.isRetriable, attempt <= self.client.configuration.retries else {
                throw SamsaClientError.kafka(code, context: "finding the coordinator of group \(self.groupId)")
            }
            try await Task.sleep(for: self.client.configuration.retryBackoff)
        }
    }

    /// Forgets the coordinator so the next request looks it up again.
    func markCoordinatorUnknown() {
        self.coordinator = nil
    }

    /// Sends `request` to the coordinator; a connection failure forgets the coordinator and is rethrown.
    func send<Request: KafkaRequest>(_ request: Request, timeout: Duration? = nil) async throws -> Request.Response {
        let nodeId = try await self.coordinatorId()
        do {
            let connection = try await self.client.connection(to: nodeId)
            return try await connection.send(request, timeout: timeout)
        } catch let error as SamsaClientError where KafkaClient.isConnectionError(error) {
            self.coordinator = nil
            throw error
        }
    }

    /// Whether `code` means the coordinator moved; the caller retries after `markCoordinatorUnknown`.
    static func isCoordinatorError(_ code: ErrorCode) -> Bool {
        code == .notCoordinator || code == .coordinatorNotAvailable
    }

    // MARK: Offsets

    /// OffsetCommit; generation -1 and an empty member id commit as a standalone consumer (assign mode).
    func commit(
        _ offsets: [TopicPartition: Int64], generationId: Int32 = -1, memberId: String = "",
        groupInstanceId: String? = nil
    ) async throws {
        var remaining = offsets
        var attempt = 0
        while !remaining.isEmpty {
            let request = OffsetCommitRequest(
                groupId: self.groupId, generationIdOrMemberEpoch: generationId, memberId: memberId,
                groupInstanceId: groupInstanceId, retentionTimeMs: -1,
                topics: Dictionary(grouping: remaining.keys, by: \.topic).sorted { $0.key < $1.key }.map {
                    topic, parts in
                    OffsetCommitRequest.OffsetCommitRequestTopic(
                        name: topic,
                        partitions: parts.sorted().map {
                            OffsetCommitRequest.OffsetCommitRequestPartition(
                                partitionIndex: $0.partition, committedOffset: remaining[$0] ?? 0,
                                committedLeaderEpoch: -1,
                                commitTimestamp: -1, committedMetadata: "")
                        })
                })
            let response = try await self.send(request)
            var retry: [TopicPartition: Int64] = [:]
            var lastCode = ErrorCode.none
            for topic in response.topics {
                for partition in topic.partitions {
                    let key = TopicPartition(topic.name, partition.partitionIndex)
                    let code = ErrorCode(rawValue: partition.errorCode) ?? .unknownServerError
                    guard code != .none else { continue }
                    if Self.isCoordinatorError(code) { self.coordinator = nil }
                    if code.isRetriable || Self.isCoordinatorError(code) {
                        retry[key] = remaining[key]
                        lastCode = code
                    } else {
                        throw SamsaClientError.kafka(
                            code, context: "committing offset of \(key) for group \(self.groupId)")
                    }
                }
            }
            remaining = retry
            if !remaining.isEmpty {
                attempt += 1
                guard attempt <= self.client.configuration.retries else {
                    throw SamsaClientError.kafka(lastCode, context: "committing offsets for group \(self.groupId)")
                }
                try await Task.sleep(for: self.client.configuration.retryBackoff)
            }
        }
    }

    /// OffsetFetch; nil for partitions with no committed offset. `partitions` nil asks for every partition
    /// the group committed (OffsetFetch v2+ with null topics).
    func committed(_ partitions: [TopicPartition]?) async throws -> [TopicPartition: Int64?] {
        var attempt = 0
        while true {
            let request = OffsetFetchRequest(
                groupId: self.groupId,
                topics: partitions.map { partitions in
                    Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map {
                        OffsetFetchRequest.OffsetFetchRequestTopic(
                            name: $0.key, partitionIndexes: $0.value.map(\.partition).sorted())
                    }
                }, requireStable: false)
            let response = try await self.send(request)
            var code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
            var result: [TopicPartition: Int64?] = [:]
            for topic in response.topics {
                for partition in topic.partitions {
                    let partitionCode = ErrorCode(rawValue: partition.errorCode) ?? .unknownServerError
                    if partitionCode != .none && partitionCode != .unknownTopicOrPartition && code == .none {
                        code = partitionCode
                    }
                    result[TopicPartition(topic.name, partition.partitionIndex)] =
                        partition.committedOffset >= 0 ? partition.committedOffset : nil
                }
            }
            if code == .none {
                for partition in partitions ?? [] where result[partition] == nil { result[partition] = .some(nil) }
                return result
            }
            if Self.isCoordinatorError(code) { self.coordinator = nil }
            attempt += 1
            guard code.isRetriable || Self.isCoordinatorError(code), attempt <= self.client.configuration.retries else {
                throw SamsaClientError.kafka(code, context: "fetching committed offsets of group \(self.groupId)")
            }
            try await Task.sleep(for: self.client.configuration.retryBackoff)
        }
    }
}
