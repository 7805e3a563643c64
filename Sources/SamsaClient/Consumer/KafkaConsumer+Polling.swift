import KafkaProtocol
import Logging
import NIOCore

/// `poll`: fetch sessions per leader, decoding batches into records, advancing positions, and
/// what a fetch error means for each partition.
extension KafkaConsumer {
    // MARK: Polling

    /// Returns the next records (at most `max.poll.records`), waiting up to `timeout` for some to arrive.
    /// With a subscription this also joins the group, runs rebalance callbacks and auto-commits.
    public func poll(timeout: Duration = .seconds(1)) async throws -> [ConsumerRecord] {
        guard !self.isClosed else { throw SamsaClientError.closed("consumer") }
        let deadline = ContinuousClock.now + timeout
        if self.group.isSubscribed { try await self.ensureActiveGroup() }
        try await self.maybeAutoCommit()
        try await self.resolveMissingPositions()
        while true {
            let ready = self.takeBuffered()
            if !ready.isEmpty { return ready }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return [] }
            if self.group.isSubscribed && self.group.needsJoin { return [] }
            let fetchable = self.assignment.filter { !$0.value.isPaused && $0.value.fetchPosition != nil }
            if fetchable.isEmpty {
                try await Task.sleep(for: min(remaining, .milliseconds(100)))
                continue
            }
            try await self.fetchOnce(maxWait: min(remaining, self.configuration.fetchMaxWait))
        }
    }

    /// Returns up to `max.poll.records` buffered records and advances positions past them.
    private func takeBuffered() -> [ConsumerRecord] {
        guard self.bufferedIndex < self.buffered.count else {
            self.buffered.removeAll(keepingCapacity: true)
            self.bufferedIndex = 0
            self.catchUpPositions()
            return []
        }
        let end = min(self.buffered.count, self.bufferedIndex + self.configuration.maxPollRecords)
        let records = Array(self.buffered[self.bufferedIndex..<end])
        self.bufferedIndex = end
        for record in records { self.assignment[record.topicPartition]?.position = record.offset + 1 }
        if self.bufferedIndex >= self.buffered.count {
            self.buffered.removeAll(keepingCapacity: true)
            self.bufferedIndex = 0
            self.catchUpPositions()
        }
        return records
    }

    /// With nothing buffered, the position is where fetching continues (past control batches and gaps).
    private func catchUpPositions() {
        for (partition, state) in self.assignment {
            if let fetchPosition = state.fetchPosition, fetchPosition > (state.position ?? -1) {
                self.assignment[partition]?.position = fetchPosition
            }
        }
    }

    /// One Fetch to every leader of a fetchable partition, in parallel; records go to the buffer.
    private func fetchOnce(maxWait: Duration) async throws {
        let fetchable = self.assignment.filter { !$0.value.isPaused && $0.value.fetchPosition != nil }
        let metadata = try await self.client.metadata(for: Array(Set(fetchable.keys.map(\.topic))))
        var byLeader: [Int32: [(TopicPartition, Int64)]] = [:]
        var needsRefresh = false
        for (partition, state) in fetchable {
            guard let offset = state.fetchPosition else { continue }
            guard let leader = try? metadata.leader(of: partition) else {
                needsRefresh = true
                continue
            }
            byLeader[leader, default: []].append((partition, offset))
        }
        if needsRefresh {
            _ = try? await self.client.refreshMetadata(topics: Array(Set(fetchable.keys.map(\.topic))))
            if byLeader.isEmpty {
                try await Task.sleep(for: self.client.configuration.retryBackoff)
                return
            }
        }
        let client = self.client
        let configuration = self.configuration
        let results = await withTaskGroup(of: (Int32, Result<FetchResponse, any Error>).self) { group in
            for (leader, partitions) in byLeader {
                group.addTask {
                    do {
                        let response = try await Self.fetch(
                            client: client, leader: leader, partitions: partitions, configuration: configuration,
                            maxWait: maxWait)
                        return (leader, .success(response))
                    } catch {
                        return (leader, .failure(error))
                    }
                }
            }
            var results: [(Int32, Result<FetchResponse, any Error>)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (leader, result) in results {
            switch result {
            case .success(let response):
                let requested = Dictionary(uniqueKeysWithValues: (byLeader[leader] ?? []).map { ($0.0, $0.1) })
                try await self.apply(response, requested: requested)
            case .failure(let error):
                self.logger.debug("fetch failed", metadata: ["broker.id": "\(leader)", "error": "\(error)"])
                if let error = error as? SamsaClientError, !error.isRetriable { throw error }
                _ = try? await self.client.refreshMetadata(topics: Array(Set(fetchable.keys.map(\.topic))))
            }
        }
    }

    static func fetch(
        client: KafkaClient, leader: Int32, partitions: [(TopicPartition, Int64)], configuration: ConsumerConfiguration,
        maxWait: Duration
    ) async throws -> FetchResponse {
        let topics = Dictionary(grouping: partitions, by: \.0.topic).sorted { $0.key < $1.key }.map { topic, entries in
            FetchRequest.FetchTopic(
                topic: topic,
                partitions: entries.map {
                    FetchRequest.FetchPartition(
                        partition: $0.0.partition, currentLeaderEpoch: -1, fetchOffset: $0.1, lastFetchedEpoch: -1,
                        logStartOffset: -1, partitionMaxBytes: configuration.maxPartitionFetchBytes)
                })
        }
        let request = FetchRequest(
            replicaId: -1, maxWaitMs: KafkaAdmin.milliseconds(maxWait), minBytes: configuration.fetchMinBytes,
            maxBytes: configuration.fetchMaxBytes, isolationLevel: configuration.isolationLevel, sessionId: 0,
            sessionEpoch: -1, topics: topics)
        let connection = try await client.connection(to: leader)
        do {
            return try await connection.send(request, timeout: maxWait + client.configuration.requestTimeout)
        } catch let error as SamsaClientError where KafkaClient.isConnectionError(error) {
            await client.invalidate(connection)
            throw error
        }
    }

    private func apply(_ response: FetchResponse, requested: [TopicPartition: Int64]) async throws {
        if response.errorCode != 0 {
            let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
            guard code.isRetriable else { throw SamsaClientError.kafka(code, context: "fetching") }
            return
        }
        var reset: [TopicPartition] = []
        var needsMetadata = false
        for topic in response.responses {
            for data in topic.partitions {
                let partition = TopicPartition(topic.topic, data.partitionIndex)
                guard let fetchOffset = requested[partition], let state = self.assignment[partition],
                    state.fetchPosition == fetchOffset, !state.isPaused
                else { continue }  // seeked, paused or revoked meanwhile
                let code = ErrorCode(rawValue: data.errorCode) ?? .unknownServerError
                switch code {
                case .none:
                    self.assignment[partition]?.highWatermark = data.highWatermark
                    self.assignment[partition]?.lastStableOffset = data.lastStableOffset
                    self.assignment[partition]?.logStartOffset = data.logStartOffset
                    guard let records = data.records, records.readableBytes > 0 else { continue }
                    let batches = try FetchedRecordsDecoder.decode(
                        records, partition: partition, verifyCRC: self.configuration.checkCRCs)
                    var next = fetchOffset
                    for batch in batches {
                        next = max(next, batch.header.nextOffset)
                        if batch.header.attributes.isControl { continue }
                        for record in batch.records where record.offset >= fetchOffset {
                            self.buffered.append(
                                ConsumerRecord(
                                    topic: partition.topic, partition: partition.partition, offset: record.offset,
                                    timestamp: record.timestamp, timestampType: batch.header.attributes.timestampType,
                                    key: record.key, value: record.value, headers: record.headers,
                                    leaderEpoch: batch.header.partitionLeaderEpoch))
                        }
                    }
                    self.assignment[partition]?.fetchPosition = next
                case .offsetOutOfRange:
                    reset.append(partition)
                case .notLeaderOrFollower, .leaderNotAvailable, .unknownTopicOrPartition, .fencedLeaderEpoch,
                    .unknownLeaderEpoch, .kafkaStorageError:
                    needsMetadata = true
                default:
                    if !code.isRetriable {
                        throw SamsaClientError.kafka(
                            code, context: "fetching partition \(partition.partition) of \(partition.topic)")
                    }
                }
            }
        }
        if !reset.isEmpty {
            self.logger.info("offset out of range; resetting", metadata: ["partitions": "\(reset)"])
            try await self.resetPositions(reset)
        }
        if needsMetadata {
            _ = try? await self.client.refreshMetadata(topics: Array(Set(requested.keys.map(\.topic))))
        }
    }
}
