/// A record as a consumer receives it (Lab 4). After a crash, the same records can arrive again:
/// the consumer restarts from the last *committed* offset, not from the last one it processed.
public struct DeliveredRecord: Sendable, Hashable, CustomStringConvertible {
    public var partition: Int32
    public var offset: Int64
    public var value: String

    public init(partition: Int32, offset: Int64, value: String) {
        self.partition = partition
        self.offset = offset
        self.value = value
    }

    public var description: String { "partition \(self.partition) offset \(self.offset) (\"\(self.value)\")" }
}

/// Lab 4's processor: decides, record by record, whether to process it, and what offset to commit.
public protocol DeduplicatingProcessor: Sendable {
    /// True when `record` must be processed now: the first time it is seen, in its partition's order.
    /// False for a record already processed (a redelivery after a restart).
    mutating func shouldProcess(_ record: DeliveredRecord) throws -> Bool
    /// The offset to commit for `partition` so a restart resumes at the first record not yet
    /// processed; nil when nothing of that partition was processed.
    func offsetToCommit(partition: Int32) throws -> Int64?
}
