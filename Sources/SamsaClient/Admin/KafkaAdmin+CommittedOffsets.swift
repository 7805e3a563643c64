import KafkaProtocol

/// Every committed offset of a group, as `kafka-consumer-groups --describe` needs them: the
/// OffsetFetch form with no topic list (all topics the group committed for).
extension KafkaAdmin {
    public func listGroupOffsets(_ groupId: String) async throws -> [TopicPartition: Int64] {
        try await GroupCoordinatorClient(client: self.client, groupId: groupId).committedForAllTopics()
    }
}

extension GroupCoordinatorClient {
    func committedForAllTopics() async throws -> [TopicPartition: Int64] {
        var attempt = 0
        while true {
            let response = try await self.send(OffsetFetchRequest(groupId: self.groupId, topics: nil, requireStable: false))
            let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
            if code == .none {
                var result: [TopicPartition: Int64] = [:]
                for topic in response.topics {
                    for partition in topic.partitions where partition.errorCode == 0 && partition.committedOffset >= 0 {
                        result[TopicPartition(topic.name, partition.partitionIndex)] = partition.committedOffset
                    }
                }
                return result
            }
            attempt += 1
            guard code.isRetriable || Self.isCoordinatorError(code), attempt <= self.client.configuration.retries else {
                throw SamsaClientError.kafka(code, context: "fetching committed offsets of group \(self.groupId)")
            }
            try await Task.sleep(for: self.client.configuration.retryBackoff)
        }
    }
}
