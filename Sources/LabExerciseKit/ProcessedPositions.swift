import KafkaProtocol
import Synchronization

/// Lab 5: the last offset the application finished processing, per partition. The poll loop writes
/// it; the rebalance listener reads it when partitions are taken away.
public final class ProcessedPositions: Sendable {
    private let offsets = Mutex<[TopicPartition: Int64]>([:])

    public init(_ initial: [TopicPartition: Int64] = [:]) {
        self.offsets.withLock { $0 = initial }
    }

    /// Records that the record at `offset` of `partition` has been processed.
    public func processed(_ partition: TopicPartition, offset: Int64) {
        self.offsets.withLock { $0[partition] = offset }
    }

    /// The last processed offset of `partition`, nil if none.
    public func lastProcessed(_ partition: TopicPartition) -> Int64? {
        self.offsets.withLock { $0[partition] }
    }

    /// Forgets a partition (it now belongs to another member).
    public func forget(_ partition: TopicPartition) {
        self.offsets.withLock { $0[partition] = nil }
    }
}

/// Commits offsets for a group, as `KafkaConsumer.commit`: each value is the next offset to read.
public protocol OffsetCommitter: Sendable {
    func commit(_ offsets: [TopicPartition: Int64]) async throws
}
