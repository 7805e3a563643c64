import Logging
import NIOCore
import POSIXFile
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
        /// Closes when the next log replaces it, or with this directory.
        var file: OpenFile
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

    /// Loads the newest valid snapshot and replays the logs after it. A torn last record is cut
    /// off the file (its client never got a reply, since replies wait for fsync).
    public func recover() throws(PersistenceError) -> MetadataDatabase {
        do {
            return try self.recoverFiles()
        } catch {
            throw PersistenceError(error)
        }
    }

    private func recoverFiles() throws(POSIXFileError) -> MetadataDatabase {
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
                try FileSystem.truncate(file, to: Int64(validLength))
            } else if validLength < bytes.count {
                self.logger.warning(
                    "dropping torn tail of transaction log",
                    metadata: ["file": "\(file)", "bytes": "\(bytes.count - validLength)"]
                )
                try FileSystem.truncate(file, to: Int64(validLength))
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
        let path = self.path + "/log." + String(firstZxid, radix: 16)
        var header = ByteBuffer()
        TransactionLogFormat.writeFileHeader(to: &header)
        let file: OpenFile
        do throws(POSIXFileError) {
            // No O_APPEND: records go in with pwrite at `position`, before the preallocated zeros,
            // and Linux's pwrite ignores the offset on a file opened with O_APPEND.
            file = try OpenFile(path: path, flags: O_WRONLY | O_CREAT | O_TRUNC)
            let failure = header.withUnsafeReadableBytes { raw in
                Self.failure { () throws(POSIXFileError) in try file.append(raw) }
            }
            if let failure { throw failure }
            try file.sync(.data)
        } catch {
            throw PersistenceError(error)
        }
        FileSystem.syncDirectory(self.path)
        let size = header.readableBytes
        self.current.withLock { log in
            log = OpenLog(file: file, position: size, allocated: size)  // the previous log closes
        }
    }

    /// Appends encoded records and syncs them to disk before returning.
    public func append(_ records: ByteBuffer) throws(PersistenceError) {
        guard var log = self.current.withLock({ $0 }) else {
            throw .systemCall("append", path: self.path + "/log.?", errno: EBADF)
        }
        let end = log.position + records.readableBytes
        let file = log.file
        if end > log.allocated {
            let target = (end / self.preallocationSize + 1) * self.preallocationSize
            let zeros = [UInt8](repeating: 0, count: min(1 << 20, target - log.allocated))
            var offset = log.allocated
            while offset < target {
                let count = min(zeros.count, target - offset)
                let failure = zeros.withUnsafeBytes { raw in
                    Self.failure { () throws(POSIXFileError) in
                        try file.write(UnsafeRawBufferPointer(rebasing: raw[0..<count]), at: Int64(offset))
                    }
                }
                if let failure { throw PersistenceError(failure) }
                offset += count
            }
            log.allocated = target
        }
        let position = log.position
        let failure = records.withUnsafeReadableBytes { raw in
            Self.failure { () throws(POSIXFileError) in try file.write(raw, at: Int64(position)) }
        }
        if let failure { throw PersistenceError(failure) }
        do { try file.sync(.data) } catch { throw PersistenceError(error) }
        log.position = end
        let updated = log
        self.current.withLock { $0 = updated }
    }

    /// Writes a snapshot of state as of `zxid`, then removes files beyond the newest `retain`.
    public func writeSnapshot(_ bytes: [UInt8], zxid: Int64, retain: Int?) throws(PersistenceError) {
        let file = self.path + "/snapshot." + String(zxid, radix: 16)
        do {
            try FileSystem.writeAtomically(bytes, to: file, sync: .data, syncingDirectory: self.path)
        } catch {
            throw PersistenceError(error)
        }
        self.logger.info("wrote snapshot", metadata: ["file": "\(file)", "bytes": "\(bytes.count)"])
        if let retain { try self.purge(retain: retain) }
    }

    /// Keeps the newest `retain` snapshots and the logs that might hold transactions after the
    /// oldest of them, like ZooKeeper's `PurgeTxnLog`.
    public func purge(retain: Int) throws(PersistenceError) {
        let names: [String]
        do { names = try FileSystem.list(self.path) } catch { throw PersistenceError(error) }
        let snapshots = Self.files(names, prefix: "snapshot.")
        guard snapshots.count > retain, retain > 0 else { return }
        let oldestKept = snapshots[snapshots.count - retain].zxid
        for (_, name) in snapshots.dropLast(retain) { try? FileSystem.remove(self.path + "/" + name) }
        let logs = Self.files(names, prefix: "log.")
        // The last log starting at or before the oldest kept snapshot may still be needed.
        let needed = logs.last(where: { $0.zxid <= oldestKept })?.zxid ?? Int64.min
        let active = self.current.withLock { $0?.file.path }
        for (zxid, name) in logs where zxid < needed && self.path + "/" + name != active {
            try? FileSystem.remove(self.path + "/" + name)
        }
    }

    /// What `body` threw, if anything: for calls inside `withUnsafe…Bytes`, which only rethrow untyped.
    private static func failure(_ body: () throws(POSIXFileError) -> Void) -> POSIXFileError? {
        do {
            try body()
            return nil
        } catch {
            return error
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
