import KafkaProtocol
import POSIXFile

/// Which leader epoch wrote which offsets: `(epoch, start offset)` pairs kept in the partition's
/// `leader-epoch-checkpoint` (Kafka's format: `0`, count, `<epoch> <startOffset>` lines). After a
/// leader change a follower asks the new leader where its last epoch ended (OffsetForLeaderEpoch,
/// KIP-101) and cuts off anything after it, so no two replicas keep different records at the same
/// offset.
struct LeaderEpochCache: Sendable {
    struct Entry: Sendable, Equatable {
        var epoch: Int32
        var startOffset: Int64
    }

    static let fileName = "leader-epoch-checkpoint"

    let path: String
    private(set) var entries: [Entry]

    init(directory: String) {
        self.path = "\(directory)/\(Self.fileName)"
        var entries: [Entry] = []
        if FileSystem.exists(self.path), let text = try? FileManagerless.read(self.path) {
            for line in text.split(separator: "\n").dropFirst(2) {
                let fields = line.split(separator: " ")
                if fields.count == 2, let epoch = Int32(fields[0]), let offset = Int64(fields[1]) {
                    entries.append(Entry(epoch: epoch, startOffset: offset))
                }
            }
        }
        self.entries = entries
    }

    var latestEpoch: Int32? { self.entries.last?.epoch }

    /// Records that `epoch` starts at `offset` if it is newer than the last one known.
    mutating func assign(epoch: Int32, startOffset: Int64) {
        guard epoch >= 0, epoch > (self.entries.last?.epoch ?? -1) else { return }
        self.entries.append(Entry(epoch: epoch, startOffset: startOffset))
        self.save()
    }

    /// The largest epoch ≤ `epoch` and the offset where it ended (the next epoch's start, or
    /// `logEndOffset` for the latest): Kafka's answer to OffsetForLeaderEpoch.
    func endOffset(for epoch: Int32, logEndOffset: Int64) -> (epoch: Int32, endOffset: Int64) {
        guard let index = self.entries.lastIndex(where: { $0.epoch <= epoch }) else { return (-1, -1) }
        let end = index + 1 < self.entries.count ? self.entries[index + 1].startOffset : logEndOffset
        return (self.entries[index].epoch, end)
    }

    /// Forgets epochs that start at or after `offset` (the log was truncated there).
    mutating func truncate(fromOffset offset: Int64) {
        let before = self.entries.count
        self.entries.removeAll { $0.startOffset >= offset }
        if self.entries.count != before { self.save() }
    }

    /// Forgets epochs that ended before `offset` (segments deleted by retention).
    mutating func truncateStart(to offset: Int64) {
        guard let keep = self.entries.lastIndex(where: { $0.startOffset <= offset }), keep > 0 else { return }
        self.entries.removeFirst(keep)
        self.entries[0].startOffset = max(self.entries[0].startOffset, offset)
        self.save()
    }

    private func save() {
        var text = "0\n\(self.entries.count)\n"
        for entry in self.entries { text += "\(entry.epoch) \(entry.startOffset)\n" }
        try? FileManagerless.writeAtomically(text, to: self.path)
    }
}
