import LabExerciseKit

/// Lab 4 — process each record once although it may be delivered again, in its partition's order
/// (see README.es.md or README.md, step 8). Delivery stays at least once; skipping what was already
/// processed is de-duplication, not Kafka's exactly-once, which needs transactions.
///
/// A consumer that crashes restarts from its last *committed* offset, so records it already
/// processed arrive again. Keep, per partition, the last offset you processed:
///   - `shouldProcess` is true for a record after that offset, false for one at or before it
///     (a redelivery). Records of one partition arrive in offset order; partitions interleave.
///   - `offsetToCommit` is what Kafka expects in a commit: the *next* offset to read.
public struct RedeliveryFilter: DeduplicatingProcessor {
    public init() {}

    public mutating func shouldProcess(_ record: DeliveredRecord) throws -> Bool {
        throw ExerciseNotDone()  // delete this line and keep track of the last processed offset
    }

    public func offsetToCommit(partition: Int32) throws -> Int64? {
        throw ExerciseNotDone()  // delete this line and return the offset to commit
    }
}
