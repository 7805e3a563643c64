import KafkaProtocol

/// Kafka's `RoundRobinAssignor`: all partitions of all subscribed topics, sorted, dealt to the sorted members in
/// turn, skipping a member that does not subscribe to the partition's topic.
public struct RoundRobinAssignor: PartitionAssignor {
    public let name = "roundrobin"

    public init() {}

    public func assign(partitionCounts: [String: Int], subscriptions: [GroupSubscription]) -> [String: [TopicPartition]]
    {
        var result: [String: [TopicPartition]] = [:]
        for member in subscriptions { result[member.memberId] = [] }
        let members = Self.sortedMembers(subscriptions)
        guard !members.isEmpty else { return result }
        let subscribed = Set(members.flatMap(\.topics))
        var next = 0
        for topic in partitionCounts.keys.sorted() where subscribed.contains(topic) {
            for partition in 0..<(partitionCounts[topic] ?? 0) {
                // At most one full turn: some member subscribes to this topic.
                for _ in 0..<members.count {
                    let member = members[next % members.count]
                    next += 1
                    if member.topics.contains(topic) {
                        result[member.memberId, default: []].append(TopicPartition(topic, Int32(partition)))
                        break
                    }
                }
            }
        }
        return result
    }
}
