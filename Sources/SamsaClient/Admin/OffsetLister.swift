import KafkaProtocol

/// ListOffsets spread over partition leaders, with a metadata refresh and retry when a leader moved. Shared by
/// the admin client and the consumer (which resets positions with it).
struct OffsetLister: Sendable {
    let client: KafkaClient

    /// `replicaId` -1 is a consumer; -2 (debugging) asks for the log end offset instead of the high watermark.
    func listOffsets(_ specs: [TopicPartition: OffsetSpec], isolationLevel: Int8 = 0, replicaId: Int32 = -1)
        async throws
        -> [TopicPartition: ListedOffset]
    {
        var results: [TopicPartition: ListedOffset] = [:]
        var remaining = specs
        var attempt = 0
        let retries = self.client.configuration.retries
        while !remaining.isEmpty {
            let metadata = try await self.client.metadata(for: Array(Set(remaining.keys.map(\.topic))))
            var byLeader: [Int32: [TopicPartition]] = [:]
            var retry: [TopicPartition: OffsetSpec] = [:]
            var lastError: SamsaClientError?
            for partition in remaining.keys.sorted() {
                do {
                    byLeader[try metadata.leader(of: partition), default: []].append(partition)
                } catch {
                    guard error.isRetriable || Self.isMaybeStale(error), attempt < retries else { throw error }
                    retry[partition] = remaining[partition]
                    lastError = error
                }
            }
            for (leader, partitions) in byLeader {
                let topics = Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map {
                    topic, parts in
                    ListOffsetsRequest.ListOffsetsTopic(
                        name: topic,
                        partitions: parts.map {
                            ListOffsetsRequest.ListOffsetsPartition(
                                partitionIndex: $0.partition, currentLeaderEpoch: -1,
                                timestamp: remaining[$0]?.wireTimestamp ?? -1, maxNumOffsets: 1)
                        })
                }
                let request = ListOffsetsRequest(replicaId: replicaId, isolationLevel: isolationLevel, topics: topics)
                let response: ListOffsetsResponse
                do {
                    response = try await self.client.send(request, to: leader)
                } catch let error as SamsaClientError where error.isRetriable && attempt < retries {
                    for partition in partitions { retry[partition] = remaining[partition] }
                    lastError = error
                    continue
                }
                for topic in response.topics {
                    for partition in topic.partitions {
                        let key = TopicPartition(topic.name, partition.partitionIndex)
                        let code = ErrorCode(rawValue: partition.errorCode) ?? .unknownServerError
                        if code == .none {
                            results[key] = ListedOffset(
                                offset: partition.offset, timestamp: partition.timestamp,
                                leaderEpoch: partition.leaderEpoch)
                        } else if code.isRetriable && attempt < retries {
                            retry[key] = remaining[key]
                            lastError = .kafka(code, context: "listing offsets of \(key)")
                        } else {
                            throw SamsaClientError.kafka(code, context: "listing offsets of \(key)")
                        }
                    }
                }
            }
            remaining = retry
            if !remaining.isEmpty {
                attempt += 1
                if attempt > retries, let lastError { throw lastError }
                try await Task.sleep(for: self.client.configuration.retryBackoff)
                _ = try? await self.client.refreshMetadata(topics: Array(Set(remaining.keys.map(\.topic))))
            }
        }
        return results
    }

    /// Unknown topic or partition right after a create may just be metadata lag.
    static func isMaybeStale(_ error: SamsaClientError) -> Bool {
        switch error {
        case .unknownTopic, .unknownPartition: true
        default: false
        }
    }
}
