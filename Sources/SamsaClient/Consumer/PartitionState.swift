/// What the consumer tracks for one assigned partition.
struct PartitionState: Sendable {
    /// Offset of the next record to return; nil until reset from a committed offset or the reset policy.
    var position: Int64?
    var isPaused = false
    var highWatermark: Int64 = -1
    var logStartOffset: Int64 = -1
    var lastStableOffset: Int64 = -1
    /// The offset the last auto/explicit commit stored, to skip committing what has not moved.
    var lastCommitted: Int64?
    /// Where the next fetch starts: past the records fetched but not yet returned by `poll`.
    var fetchPosition: Int64?
}
