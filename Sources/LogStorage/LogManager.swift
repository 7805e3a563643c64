import KafkaProtocol
import Logging
import POSIXFile
import Synchronization

/// All partition logs of a broker across its `log.dirs`: loading them at start-up (with crash
/// recovery unless the last shutdown was clean), creating and deleting them, checkpoints,
/// retention and flushing. The broker's scheduler calls `runRetention` and `flushDirty`.
public final class LogManager: Sendable {
    public static let cleanShutdownFileName = ".kafka_cleanshutdown"
    public static let recoveryPointFileName = "recovery-point-offset-checkpoint"
    public static let logStartOffsetFileName = "log-start-offset-checkpoint"
    /// Kafka's `LogCleanerManager` checkpoint: per compacted partition, where its dirty section starts.
    public static let cleanerCheckpointFileName = "cleaner-offset-checkpoint"

    public let logDirs: [String]
    private let logger: Logger
    var cleanerLogger: Logger { self.logger }
    private let logs: Mutex<[TopicPartition: PartitionLog]>
    /// The cleaner's first dirty offset per partition, read from and written to every log dir.
    let cleanerCheckpoints = Mutex<[TopicPartition: Int64]>([:])

    public init(logDirs: [String], logger: Logger) throws(LogStorageError) {
        precondition(!logDirs.isEmpty, "log.dirs must name at least one directory")
        self.logDirs = logDirs
        self.logger = logger
        self.logs = Mutex([:])
        for directory in logDirs { try FileManagerless.makeDirectory(directory) }
    }

    /// Opens every `<topic>-<partition>` directory found. `config` gives each topic's settings.
    /// Returns the partitions loaded and whether each dir had been shut down cleanly.
    @discardableResult
    public func loadLogs(now: Int64, config: (String) -> LogConfig) throws(LogStorageError) -> [TopicPartition] {
        var loaded: [TopicPartition] = []
        for directory in self.logDirs {
            let marker = "\(directory)/\(Self.cleanShutdownFileName)"
            let isClean = FileSystem.exists(marker)
            let recoveryPoints = OffsetCheckpointFile(path: "\(directory)/\(Self.recoveryPointFileName)").read()
            let startOffsets = OffsetCheckpointFile(path: "\(directory)/\(Self.logStartOffsetFileName)").read()
            let cleaned = OffsetCheckpointFile(path: "\(directory)/\(Self.cleanerCheckpointFileName)").read()
            self.cleanerCheckpoints.withLock { $0.merge(cleaned) { _, new in new } }
            let names = try FileManagerless.contents(of: directory)
            if !isClean, names.contains(where: { Self.parse(directoryName: $0) != nil }) {
                self.logger.info(
                    "log dir was not shut down cleanly; recovering unflushed segments",
                    metadata: ["dir": "\(directory)"])
            }
            for name in names {
                let path = "\(directory)/\(name)"
                if name.hasSuffix("-delete") {
                    try? FileManagerless.removeTree(path)  // a topic deletion interrupted by a crash
                    continue
                }
                guard FileSystem.isDirectory(path), let partition = Self.parse(directoryName: name) else { continue }
                let log = try PartitionLog(
                    topicPartition: partition, directory: path, config: config(partition.topic),
                    recoveryPoint: recoveryPoints[partition] ?? 0, logStartOffset: startOffsets[partition] ?? 0,
                    isCleanShutdown: isClean, now: now, logger: self.logger)
                self.logs.withLock { $0[partition] = log }
                loaded.append(partition)
            }
            try? FileManagerless.remove(marker)  // from now on a crash means recovery
        }
        return loaded.sorted()
    }

    /// `orders-3` → (orders, 3). Topic names may themselves contain '-'.
    public static func parse(directoryName name: String) -> TopicPartition? {
        guard let dash = name.lastIndex(of: "-"), let partition = Int32(name[name.index(after: dash)...]),
            partition >= 0
        else { return nil }
        let topic = String(name[..<dash])
        guard TopicName.isValid(topic) else { return nil }
        return TopicPartition(topic, partition)
    }

    public func log(for partition: TopicPartition) -> PartitionLog? {
        self.logs.withLock { $0[partition] }
    }

    public var allLogs: [PartitionLog] {
        self.logs.withLock { Array($0.values) }.sorted { $0.topicPartition < $1.topicPartition }
    }

    /// Returns the existing log or creates one in the log dir holding the fewest partitions.
    public func getOrCreateLog(for partition: TopicPartition, config: LogConfig, now: Int64) throws(LogStorageError)
        -> PartitionLog
    {
        do {
            try TopicName.validate(partition.topic)
        } catch {
            throw .invalidDirectoryName(partition.description)
        }
        return try self.logs.withLock { logs throws(LogStorageError) -> PartitionLog in
            if let existing = logs[partition] { return existing }
            var counts: [String: Int] = Dictionary(uniqueKeysWithValues: self.logDirs.map { ($0, 0) })
            for log in logs.values {
                for dir in self.logDirs where log.directory.hasPrefix(dir + "/") { counts[dir, default: 0] += 1 }
            }
            let dir = self.logDirs.min { (counts[$0] ?? 0, $0) < (counts[$1] ?? 0, $1) } ?? self.logDirs[0]
            let log = try PartitionLog(
                topicPartition: partition, directory: "\(dir)/\(partition)", config: config, now: now,
                logger: self.logger)
            logs[partition] = log
            return log
        }
    }

    /// Closes the log and removes its directory: first renamed to `<dir>.<id>-delete` so a crash
    /// mid-way finishes the deletion at the next start.
    public func deleteLog(for partition: TopicPartition) {
        guard let log = self.logs.withLock({ $0.removeValue(forKey: partition) }) else { return }
        self.cleanerCheckpoints.withLock { _ = $0.removeValue(forKey: partition) }
        log.close()
        let doomed = "\(log.directory).\(UInt64.random(in: 0...UInt64.max))-delete"
        if (try? FileManagerless.rename(log.directory, to: doomed)) != nil {
            try? FileManagerless.removeTree(doomed)
        } else {
            try? FileManagerless.removeTree(log.directory)
        }
    }

    /// Runs retention on every log; returns partitions whose segments were deleted.
    @discardableResult
    public func runRetention(now: Int64) -> [TopicPartition: [Int64]] {
        var deleted: [TopicPartition: [Int64]] = [:]
        for log in self.allLogs {
            do {
                let bases = try log.applyRetention(now: now)
                if !bases.isEmpty { deleted[log.topicPartition] = bases }
            } catch {
                self.logger.error(
                    "retention failed", metadata: ["partition": "\(log.topicPartition)", "error": "\(error)"])
            }
        }
        return deleted
    }

    public func flushDirty(now: Int64) {
        for log in self.allLogs {
            do { try log.flushIfDue(now: now) } catch {
                self.logger.error(
                    "flush failed", metadata: ["partition": "\(log.topicPartition)", "error": "\(error)"])
            }
        }
    }

    /// Writes recovery points and log start offsets for every log dir.
    public func writeCheckpoints() throws(LogStorageError) {
        let logs = self.allLogs
        for directory in self.logDirs {
            let mine = logs.filter { $0.directory.hasPrefix(directory + "/") }
            try OffsetCheckpointFile(path: "\(directory)/\(Self.recoveryPointFileName)").write(
                Dictionary(uniqueKeysWithValues: mine.map { ($0.topicPartition, $0.recoveryPoint) }))
            try OffsetCheckpointFile(path: "\(directory)/\(Self.logStartOffsetFileName)").write(
                Dictionary(uniqueKeysWithValues: mine.map { ($0.topicPartition, $0.logStartOffset) }))
            let cleaned = self.cleanerCheckpoints.withLock { $0 }
            try OffsetCheckpointFile(path: "\(directory)/\(Self.cleanerCheckpointFileName)").write(
                Dictionary(
                    uniqueKeysWithValues: mine.compactMap { log in
                        cleaned[log.topicPartition].map { (log.topicPartition, $0) }
                    }))
        }
    }

    /// Flushes everything, writes checkpoints and the clean-shutdown marker: the next start skips
    /// recovery.
    public func shutdown(now: Int64) throws(LogStorageError) {
        for log in self.allLogs {
            try log.flush(now: now)
            log.close()
        }
        try self.writeCheckpoints()
        for directory in self.logDirs {
            try FileManagerless.writeAtomically("", to: "\(directory)/\(Self.cleanShutdownFileName)")
        }
    }
}
