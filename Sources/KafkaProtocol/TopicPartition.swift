/// A partition of a topic: Kafka's unit of ordering, storage and replication.
public struct TopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(_ topic: String, _ partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    /// Kafka's spelling, also the partition's directory name under `log.dirs`: `orders-1`.
    public var description: String { "\(self.topic)-\(self.partition)" }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}
