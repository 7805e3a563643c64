import NIOCore
import POSIXFile
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
/// for, as it would on Kafka with an open `FileChannel`. (`OpenFile` closes on its last release,
/// and only this object holds it.)
final class SegmentFile: Sendable {
    private let file: OpenFile
    /// `FileRecords` slices of this file not yet sent: a truncation must not cut under them.
    let readers = Atomic<Int>(0)

    var path: String { self.file.path }
    /// For `dup` (`FileRecords.makeFileRegion`); it stays owned here.
    var descriptor: CInt { self.file.descriptor }
    var hasUnsentSlices: Bool { self.readers.load(ordering: .relaxed) > 0 }

    init(path: String, create: Bool) throws(LogStorageError) {
        do {
            self.file = try OpenFile(path: path, flags: O_RDWR | (create ? O_CREAT : 0))
        } catch {
            throw LogStorageError(error)
        }
    }

    var size: Int64 {
        get throws(LogStorageError) {
            do { return try self.file.size } catch { throw LogStorageError(error) }
        }
    }

    /// Writes all readable bytes of `buffer` at `position`.
    func write(_ buffer: ByteBuffer, at position: Int64) throws(LogStorageError) {
        let failure = buffer.withUnsafeReadableBytes { bytes -> POSIXFileError? in
            do throws(POSIXFileError) {
                try self.file.write(bytes, at: position)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw LogStorageError(failure) }
    }

    /// Reads up to `count` bytes at `position` into `buffer`; fewer only at end of file.
    @discardableResult
    func read(into buffer: inout ByteBuffer, at position: Int64, count: Int) throws(LogStorageError) -> Int {
        guard count > 0 else { return 0 }
        let file = self.file
        var failure: POSIXFileError?
        let done = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
            do throws(POSIXFileError) {
                return try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[..<count]), at: position)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw LogStorageError(failure) }
        return done
    }

    func read(at position: Int64, count: Int) throws(LogStorageError) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        try self.read(into: &buffer, at: position, count: count)
        return buffer
    }

    func truncate(to size: Int64) throws(LogStorageError) {
        do { try self.file.truncate(to: size) } catch { throw LogStorageError(error) }
    }

    /// `fsync` with all metadata, as Kafka's `FileRecords.flush` calls `force(true)`.
    func sync() throws(LogStorageError) {
        do { try self.file.sync(.all) } catch { throw LogStorageError(error) }
    }
}
