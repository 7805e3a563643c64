import LabExerciseKit

/// Lab 2 — a partitioner of your own (ES: un particionador propio; see README.es.md or README.md, step 7).
///
/// The shop wants its VIP orders on a partition of their own, so a dedicated consumer reads them
/// first. Rules, for `partitionCount` ≥ 2:
///   1. A key that starts with "vip-" goes to partition 0.
///   2. Any other key goes to one of partitions 1 ..< partitionCount, and the same key always to
///      the same one: 1 + keyHash(key) % (partitionCount - 1).
///   3. A record without a key (nil) goes to partition 1.
/// `keyHash(_:)` (from LabExerciseKit) is the murmur2 hash Kafka's default partitioner uses.
public enum VipPartitioner {
    public static func partition(key: String?, partitionCount: Int) throws -> Int {
        throw ExerciseNotDone()  // delete this line and write your partitioner
    }
}
