import KafkaProtocol
import Logging
import Synchronization

/// The broker's log cleaner (Kafka's `LogCleaner` with `LogCleanerManager`): every
/// `log.cleaner.backoff.ms` the broker asks for a pass; each compacted partition whose dirty
/// ratio reaches `min.cleanable.dirty.ratio` (or whose oldest dirty record passed
/// `max.compaction.lag.ms`) is cleaned, and its checkpoint moves to where cleaning stopped.
/// Kafka cleans the dirtiest log first on `log.cleaner.threads` threads; here one pass cleans
/// every cleanable log in turn.
extension LogManager {
    /// Cleans what is cleanable now; `only` limits the pass to some partitions and `force` ignores
    /// the dirty ratio (a request from the REPL). Returns what each cleaned partition went through.
    @discardableResult
    public func runCleaner(now: Int64, only: Set<TopicPartition>? = nil, force: Bool = false)
        -> [TopicPartition: CleaningResult]
    {
        var results: [TopicPartition: CleaningResult] = [:]
        for log in self.allLogs where only?.contains(log.topicPartition) ?? true {
            let checkpoint = self.cleanerCheckpoint(for: log.topicPartition)
            do {
                guard let result = try log.clean(firstDirtyOffset: checkpoint, now: now, force: force) else { continue }
                self.cleanerCheckpoints.withLock { $0[log.topicPartition] = result.firstUncleanableOffset }
                results[log.topicPartition] = result
                self.cleanerLogger.info(
                    "cleaned log",
                    metadata: [
                        "partition": "\(log.topicPartition)",
                        "dirtySection": "\(result.firstDirtyOffset)..<\(result.firstUncleanableOffset)",
                        "recordsRead": "\(result.recordsRead)", "recordsRemoved": "\(result.recordsRemoved)",
                        "tombstonesRemoved": "\(result.tombstonesRemoved)",
                    ])
            } catch {
                self.cleanerLogger.error(
                    "cleaning failed", metadata: ["partition": "\(log.topicPartition)", "error": "\(error)"])
            }
        }
        if !results.isEmpty { try? self.writeCheckpoints() }
        return results
    }

    /// Where the partition's dirty section starts (0 before its first cleaning: Kafka starts at
    /// the log start offset).
    public func cleanerCheckpoint(for partition: TopicPartition) -> Int64 {
        self.cleanerCheckpoints.withLock { $0[partition] } ?? 0
    }
}
