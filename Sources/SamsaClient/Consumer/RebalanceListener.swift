import KafkaProtocol

/// Kafka's `ConsumerRebalanceListener`: told when partitions arrive and leave, so an application can commit or
/// save state before another member takes a partition over.
public protocol RebalanceListener: Sendable {
    /// Partitions this member now owns (only the new ones under cooperative rebalancing).
    func partitionsAssigned(_ partitions: [TopicPartition]) async
    /// Partitions given up in an orderly rebalance; offsets can still be committed here.
    func partitionsRevoked(_ partitions: [TopicPartition]) async
    /// Partitions lost without a handover (session timeout, fenced): another member may already own them.
    func partitionsLost(_ partitions: [TopicPartition]) async
}

extension RebalanceListener {
    public func partitionsLost(_ partitions: [TopicPartition]) async {
        await self.partitionsRevoked(partitions)
    }
}
