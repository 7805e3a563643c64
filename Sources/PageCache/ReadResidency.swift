/// What a read is about to go through, measured before it: the page residency of each partition's
/// log is taken when this is made, the offsets read are recorded as they arrive, and `residency`
/// then says how much of the bytes holding them had been in memory. Partitions whose log is not on
/// this machine are left out (`partitionsSeen` says how many were).
public struct ReadResidency<Partition: Hashable & Sendable>: Sendable {
    private var snapshots: [Partition: PartitionLogResidency] = [:]
    private var ranges: [Partition: [Range<Int64>]] = [:]

    /// Takes each partition's snapshot now, from its directory on this machine.
    public init(directories: [Partition: String]) {
        for (partition, directory) in directories {
            if let snapshot = PartitionLogResidency.snapshot(directory: directory) {
                self.snapshots[partition] = snapshot
            }
        }
    }

    /// Partitions whose log was found on this machine.
    public var partitionsSeen: Int { self.snapshots.count }

    /// One record read; consecutive offsets make one range.
    public mutating func record(_ partition: Partition, offset: Int64) {
        guard self.snapshots[partition] != nil else { return }
        if let last = self.ranges[partition]?.last, offset >= last.lowerBound, offset <= last.upperBound {
            self.ranges[partition]![self.ranges[partition]!.count - 1] =
                last.lowerBound..<max(last.upperBound, offset + 1)
        } else {
            self.ranges[partition, default: []].append(offset..<offset + 1)
        }
    }

    /// Of the log bytes holding what was read, how many were in the page cache before the read;
    /// nil when no partition read is on this machine.
    public var residency: PageCache.Residency? {
        var total = PageCache.Residency(size: 0, residentBytes: 0)
        var found = false
        for (partition, ranges) in self.ranges {
            guard let snapshot = self.snapshots[partition] else { continue }
            found = true
            let part = snapshot.residency(ofOffsets: ranges)
            total.size += part.size
            total.residentBytes += part.residentBytes
        }
        return found ? total : nil
    }
}

extension PageCache.Residency {
    /// Resident share in whole percent (0 for an empty file).
    public var percent: Int {
        self.size > 0 ? Int((Double(self.residentBytes) * 100 / Double(self.size)).rounded()) : 0
    }
}
