import LabExerciseKit

/// Lab 4 reference solution.
public struct RedeliveryFilter: DeduplicatingProcessor {
    private var lastProcessed: [Int32: Int64] = [:]

    public init() {}

    public mutating func shouldProcess(_ record: DeliveredRecord) throws -> Bool {
        if let last = self.lastProcessed[record.partition], record.offset <= last { return false }
        self.lastProcessed[record.partition] = record.offset
        return true
    }

    public func offsetToCommit(partition: Int32) throws -> Int64? {
        self.lastProcessed[partition].map { $0 + 1 }
    }
}
