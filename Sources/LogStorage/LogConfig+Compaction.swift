/// The compaction settings of a topic (Kafka's `LogConfig`: `delete.retention.ms`,
/// `min.cleanable.dirty.ratio`, `min.compaction.lag.ms`, `max.compaction.lag.ms`). They live in
/// `storedOnly` like the other keys the catalog validates; the cleaner reads them here.
extension LogConfig {
    public var isCompacted: Bool { self.cleanupPolicy.split(separator: ",").contains { $0 == "compact" } }

    /// How long a tombstone survives after the cleaner first saw the segment holding it.
    public var deleteRetentionMs: Int64 { self.long("delete.retention.ms", default: 86_400_000) }
    /// A log is cleaned when dirty bytes / (clean + dirty bytes) reaches this.
    public var minCleanableDirtyRatio: Double {
        Double(self.value(ofConfig: "min.cleanable.dirty.ratio") ?? "") ?? 0.5
    }
    /// Records younger than this stay uncompacted.
    public var minCompactionLagMs: Int64 { self.long("min.compaction.lag.ms", default: 0) }
    /// Records older than this make the log cleanable whatever its dirty ratio.
    public var maxCompactionLagMs: Int64 { self.long("max.compaction.lag.ms", default: .max) }

    private func long(_ name: String, default value: Int64) -> Int64 {
        Int64(self.value(ofConfig: name) ?? "") ?? value
    }
}
