import Logging
import NIOCore
import Synchronization
import ZooKeeperProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The durable half of the server: `dataDir/version-2` with ZooKeeper's file names
/// (`log.<hex zxid>`, `snapshot.<hex zxid>`). Its methods block on disk I/O, so the server
/// calls them from a thread pool, one at a time.
public final class DataDirectory: Sendable {
    public let path: String
    private let logger: Logger
    private struct OpenLog {
        var fd: Int32
        var path: String
        /// Where the next record goes.
        var position: Int
        /// Bytes of the file already written (header, records, zero preallocation).
        var allocated: Int
    }
    /// Log files grow in steps of zeros, as ZooKeeper's `preAllocSize` does, so an fdatasync
    /// after an append rarely has file-size metadata to commit.
    let preallocationSize: Int
    /// Guards the current log file; only one flush runs at a time, so it is never contended.
    private let current = Mutex<OpenLog?>(nil)

    public init(dataDir: String, logger: Logger, preallocationSize: Int = 4 << 20) {
        self.path = dataDir + "/version-2"
        self.logger = logger
        self.preallocationSize = max(4096, preallocationSize)
    }

    deinit {
        self.current.withLock { log in
            if let fd = log?.fd { close(fd) }
        }
    }

    /// Loads the newest valid snapshot and replays the logs after it. A torn last record is cut
    /// off the file (its client never got a reply, since replies wait for fsync).
    public func recover() throws(PersistenceError) -> MetadataDatabase {
        try FileSystem.makeDirectories(self.path)
        let names = try FileSystem.list(self.path)
        var database = MetadataDatabase()
        for (zxid, name) in Self.files(names, prefix: "snapshot.").reversed() {
            let file = self.path + "/" + name
            if let loaded = SnapshotFormat.decode(try FileSystem.readAll(file)) {
                database = loaded
                self.logger.info(
                    "loaded snapshot", metadata: ["file": "\(file)", "zxid": "0x\(String(zxid, radix: 16))"])
                break
            }
            self.logger.warning("skipping unreadable snapshot", metadata: ["file": "\(file)"])
        }
        var replayed = 0
        var isTorn = false
        for (_, name) in Self.files(names, prefix: "log.") {
            let file = self.path + "/" + name
            if isTorn {
                self.logger.error("moving aside a log that follows a torn one", metadata: ["file": "\(file)"])
                try FileSystem.rename(file, to: file + ".corrupt")
                continue
            }
            let bytes = try FileSystem.readAll(file)
            let (records, validLength, isZeroTail) = TransactionLogFormat.readRecords(bytes)
            var ignored: [WatchTrigger] = []
            for (header, body) in records where header.zxid > database.lastZxid {
                database.apply(body, header: header, triggers: &ignored)
                replayed += 1
            }
            if validLength < bytes.count && isZeroTail {
                // Preallocated space after the last record: a clean end.
                try FileSystem.truncate(file, to: validLength)
            } else if validLength < bytes.count {
                self.logger.warning(
                    "dropping torn tail of transaction log",
                    metadata: ["file": "\(file)", "bytes": "\(bytes.count - validLength)"]
                )
                try FileSystem.truncate(file, to: validLength)
                isTorn = true
            }
        }
        self.logger.info(
            "recovered data tree",
            metadata: [
                "zxid": "0x\(String(database.lastZxid, radix: 16))", "replayed": "\(replayed)",
                "nodes": "\(database.tree.nodeCount)", "sessions": "\(database.sessionTimeouts.count)",
            ]
        )
        return database
    }

    /// Starts a new log file whose first transaction will be `firstZxid`.
    public func startLog(firstZxid: Int64) throws(PersistenceError) {
        let file = self.path + "/log." + String(firstZxid, radix: 16)
        let fd = try FileSystem.openForAppend(file, truncate: true)
        var header = ByteBuffer()
        TransactionLogFormat.writeFileHeader(to: &header)
        try FileSystem.writeAll(fd, Array(header.readableBytesView), path: file)
        try FileSystem.sync(fd, path: file)
        FileSystem.syncDirectory(self.path)
        let size = header.readableBytes
        let previous = self.current.withLock { log in
            let old = log
            log = OpenLog(fd: fd, path: file, position: size, allocated: size)
            return old
        }
        if let previous { close(previous.fd) }
    }

    /// Appends encoded records and syncs them to disk before returning.
    public func append(_ records: ByteBuffer) throws(PersistenceError) {
        guard var log = self.current.withLock({ $0 }) else {
            throw .systemCall("append", path: self.path + "/log.?", errno: EBADF)
        }
        let end = log.position + records.readableBytes
        if end > log.allocated {
            let target = (end / self.preallocationSize + 1) * self.preallocationSize
            let zeros = [UInt8](repeating: 0, count: min(1 << 20, target - log.allocated))
            var offset = log.allocated
            while offset < target {
                let count = min(zeros.count, target - offset)
                if let failure = zeros.withUnsafeBytes({
                    FileSystem.write(log.fd, UnsafeRawBufferPointer(rebasing: $0[0..<count]), at: offset)
                }) {
                    throw .systemCall("write", path: log.path, errno: failure)
                }
                offset += count
            }
            log.allocated = target
        }
        if let failure = records.withUnsafeReadableBytes({ FileSystem.write(log.fd, $0, at: log.position) }) {
            throw .systemCall("write", path: log.path, errno: failure)
        }
        try FileSystem.sync(log.fd, path: log.path)
        log.position = end
        let updated = log
        self.current.withLock { $0 = updated }
    }

    /// Writes a snapshot of state as of `zxid`, then removes files beyond the newest `retain`.
    public func writeSnapshot(_ bytes: [UInt8], zxid: Int64, retain: Int?) throws(PersistenceError) {
        let file = self.path + "/snapshot." + String(zxid, radix: 16)
        try FileSystem.writeAtomically(bytes, to: file, directory: self.path)
        self.logger.info("wrote snapshot", metadata: ["file": "\(file)", "bytes": "\(bytes.count)"])
        if let retain { try self.purge(retain: retain) }
    }

    /// Keeps the newest `retain` snapshots and the logs that might hold transactions after the
    /// oldest of them, like ZooKeeper's `PurgeTxnLog`.
    public func purge(retain: Int) throws(PersistenceError) {
        let names = try FileSystem.list(self.path)
        let snapshots = Self.files(names, prefix: "snapshot.")
        guard snapshots.count > retain, retain > 0 else { return }
        let oldestKept = snapshots[snapshots.count - retain].zxid
        for (_, name) in snapshots.dropLast(retain) { FileSystem.remove(self.path + "/" + name) }
        let logs = Self.files(names, prefix: "log.")
        // The last log starting at or before the oldest kept snapshot may still be needed.
        let needed = logs.last(where: { $0.zxid <= oldestKept })?.zxid ?? Int64.min
        let active = self.current.withLock { $0?.path }
        for (zxid, name) in logs where zxid < needed && self.path + "/" + name != active {
            FileSystem.remove(self.path + "/" + name)
        }
    }

    /// Files named `<prefix><hex zxid>`, oldest first.
    static func files(_ names: [String], prefix: String) -> [(zxid: Int64, name: String)] {
        names.compactMap { name -> (Int64, String)? in
            guard name.hasPrefix(prefix) else { return nil }
            guard let zxid = Int64(name.dropFirst(prefix.count), radix: 16) else { return nil }
            return (zxid, name)
        }.sorted { $0.0 < $1.0 }
    }
}
