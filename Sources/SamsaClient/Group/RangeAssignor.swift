import KafkaProtocol

/// Kafka's `RangeAssignor`: per topic, the sorted members each get a contiguous range of partitions; the first
/// `partitions % members` get one extra. Co-partitioned topics line up on the same member.
public struct RangeAssignor: PartitionAssignor {
    public let name = "range"

    public init() {}

    public func assign(partitionCounts: [String: Int], subscriptions: [GroupSubscription]) -> [String: [TopicPartition]]
    {
        var result: [String: [TopicPartition]] = [:]
        for member in subscriptions { result[member.memberId] = [] }
        let members = Self.sortedMembers(subscriptions)
        for topic in partitionCounts.keys.sorted() {
            let count = partitionCounts[topic] ?? 0
            let consumers = members.filter { $0.topics.contains(topic) }
            guard !consumers.isEmpty, count > 0 else { continue }
            let perConsumer = count / consumers.count
            let extra = count % consumers.count
            for (index, consumer) in consumers.enumerated() {
                let start = perConsumer * index + min(index, extra)
                let length = perConsumer + (index < extra ? 1 : 0)
                for partition in start..<(start + length) {
                    result[consumer.memberId, default: []].append(TopicPartition(topic, Int32(partition)))
                }
            }
        }
        return result
    }
}
