/// Chooses a partition for each record as Kafka's default partitioner does: murmur2 of the key for keyed
/// records; for records without a key, a "sticky" partition kept until a batch to it is sent, then a new one
/// (KIP-480), which fills batches faster than round-robin.
public struct Partitioner: Sendable {
    private var sticky: [String: Int32] = [:]
    private var generator = SystemRandomNumberGenerator()

    public init() {}

    /// The partition for a record with `key` (nil for none) among `partitionCount` partitions, preferring
    /// `available` ones (those with a leader) for keyless records.
    public mutating func partition(
        topic: String, key: [UInt8]?, partitionCount: Int, available: [Int32]? = nil
    ) -> Int32 {
        if let key { return Murmur2.partition(forKey: key, partitionCount: partitionCount) }
        if let current = self.sticky[topic], current < partitionCount { return current }
        return self.newStickyPartition(
            topic: topic, partitionCount: partitionCount, available: available, previous: nil)
    }

    /// Called when a batch for the sticky partition is closed: switch to a different partition.
    @discardableResult
    public mutating func batchCompleted(topic: String, partition: Int32, partitionCount: Int, available: [Int32]? = nil)
        -> Int32
    {
        guard self.sticky[topic] == partition else { return self.sticky[topic] ?? partition }
        return self.newStickyPartition(
            topic: topic, partitionCount: partitionCount, available: available, previous: partition)
    }

    private mutating func newStickyPartition(
        topic: String, partitionCount: Int, available: [Int32]?, previous: Int32?
    ) -> Int32 {
        let candidates =
            (available?.isEmpty == false ? available : nil) ?? (0..<Int32(max(1, partitionCount))).map { $0 }
        var choice = candidates[Int.random(in: 0..<candidates.count, using: &self.generator)]
        if candidates.count > 1, let previous, choice == previous {
            let index = candidates.firstIndex(of: previous) ?? 0
            choice = candidates[(index + 1) % candidates.count]
        }
        self.sticky[topic] = choice
        return choice
    }
}
