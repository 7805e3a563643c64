import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file of a segment (`.log`, `.index` or `.timeindex`) with positional I/O.
///
/// The descriptor closes when the last reference goes away, not when the segment is deleted, so a
/// fetch that is reading a segment while retention unlinks it finishes with the bytes it asked
/// for, as it would on Kafka with an open `FileChannel`.
final class SegmentFile: Sendable {
    let path: String
    let descriptor: CInt
    /// `FileRecords` slices of this file not yet sent: a truncation must not cut under them.
    let readers = Atomic<Int>(0)

    var hasUnsentSlices: Bool { self.readers.load(ordering: .relaxed) > 0 }

    init(path: String, create: Bool) throws(LogStorageError) {
        let flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    var size: Int64 {
        get throws(LogStorageError) {
            var info = stat()
            guard fstat(self.descriptor, &info) == 0 else {
                throw .io(operation: "fstat", path: self.path, errno: errno)
            }
            return Int64(info.st_size)
        }
    }

    /// Writes all readable bytes of `buffer` at `position`.
    func write(_ buffer: ByteBuffer, at position: Int64) throws(LogStorageError) {
        let result: Int32 = buffer.withUnsafeReadableBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = pwrite(
                    self.descriptor, bytes.baseAddress! + written, bytes.count - written,
                    off_t(position) + off_t(written))
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return 0
        }
        if result != 0 { throw .io(operation: "write", path: self.path, errno: result) }
    }

    /// Reads up to `count` bytes at `position` into `buffer`; fewer only at end of file.
    @discardableResult
    func read(into buffer: inout ByteBuffer, at position: Int64, count: Int) throws(LogStorageError) -> Int {
        guard count > 0 else { return 0 }
        let descriptor = self.descriptor
        var failure: Int32 = 0
        let done = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
            var done = 0
            while done < count {
                let got = pread(descriptor, bytes.baseAddress! + done, count - done, off_t(position) + off_t(done))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return 0
                }
                if got == 0 { break }
                done += got
            }
            return done
        }
        if failure != 0 { throw .io(operation: "read", path: self.path, errno: failure) }
        return done
    }

    func read(at position: Int64, count: Int) throws(LogStorageError) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        try self.read(into: &buffer, at: position, count: count)
        return buffer
    }

    func truncate(to size: Int64) throws(LogStorageError) {
        guard ftruncate(self.descriptor, off_t(size)) == 0 else {
            throw .io(operation: "ftruncate", path: self.path, errno: errno)
        }
    }

    func sync() throws(LogStorageError) {
        guard fsync(self.descriptor) == 0 else { throw .io(operation: "fsync", path: self.path, errno: errno) }
    }
}
