#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file descriptor with whole-buffer positional I/O, closed when the last reference goes.
///
/// Closing on the last release, not when the file is unlinked, is what lets a reader finish with a
/// file that another part of the program deletes meanwhile: the descriptor keeps the bytes, as a
/// Java `FileChannel` does. Every descriptor is opened with `O_CLOEXEC`, so a process started from
/// this one (the REPL starts servers) never inherits it.
public final class OpenFile: Sendable {
    /// What a sync commits. `all` is `fsync`: the data and every metadata change. `data` is
    /// `fdatasync`: only the metadata needed to read the data back (a new size, not the times),
    /// which saves a write; where there is no `fdatasync` (Darwin) it is `fsync`.
    public enum Sync: Sendable {
        case data
        case all
    }

    public let path: String
    /// For the calls this type does not wrap (`dup`, `mmap`, `posix_fadvise`); it stays owned here.
    public let descriptor: CInt

    /// `open(2)` with `flags` (plus `O_CLOEXEC`); `permissions` apply when `O_CREAT` creates it.
    public init(path: String, flags: CInt, permissions: mode_t = 0o644) throws(POSIXFileError) {
        let descriptor = open(path, flags | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw POSIXFileError(operation: "open", path: path, errno: errno) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// The file's size now (`fstat`).
    public var size: Int64 {
        get throws(POSIXFileError) {
            var info = stat()
            guard fstat(self.descriptor, &info) == 0 else { throw self.failure("fstat") }
            return Int64(info.st_size)
        }
    }

    /// Writes every byte of `bytes` at `offset` (`pwrite`, again after a partial write or `EINTR`).
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(POSIXFileError) {
        var done = 0
        while done < bytes.count {
            let count = pwrite(
                self.descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw self.failure("write")
            }
            done += count
        }
    }

    /// Writes every byte of `bytes` at the file's position (`write`: the end, with `O_APPEND`).
    public func append(_ bytes: UnsafeRawBufferPointer) throws(POSIXFileError) {
        var done = 0
        while done < bytes.count {
            #if canImport(Glibc)
                let count = Glibc.write(self.descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            #else
                let count = Darwin.write(self.descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                throw self.failure("write")
            }
            done += count
        }
    }

    /// Fills `bytes` from `offset` (`pread`, again after a short read or `EINTR`) and returns how
    /// many it read: fewer than `bytes.count` only at the end of the file.
    public func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int64) throws(POSIXFileError) -> Int {
        var done = 0
        while done < bytes.count {
            let count = pread(
                self.descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw self.failure("read")
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Cuts or extends the file to `size` bytes (`ftruncate`).
    public func truncate(to size: Int64) throws(POSIXFileError) {
        guard ftruncate(self.descriptor, off_t(size)) == 0 else { throw self.failure("ftruncate") }
    }

    /// Waits until the written bytes are on disk; see `Sync` for which call.
    public func sync(_ what: Sync) throws(POSIXFileError) {
        switch what {
        case .all:
            guard fsync(self.descriptor) == 0 else { throw self.failure("fsync") }
        case .data:
            #if canImport(Glibc)
                guard fdatasync(self.descriptor) == 0 else { throw self.failure("fdatasync") }
            #else
                guard fsync(self.descriptor) == 0 else { throw self.failure("fsync") }
            #endif
        }
    }

    private func failure(_ operation: String) -> POSIXFileError {
        POSIXFileError(operation: operation, path: self.path, errno: errno)
    }
}
