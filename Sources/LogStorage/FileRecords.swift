import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte range of a segment's `.log` file that a fetch will send, as Kafka's `FileRecords.slice`.
///
/// The broker hands it to the socket with `sendfile` (`makeFileRegion`), so the records never enter
/// the process; `read()` is the `pread` fallback for callers that need the bytes themselves. While
/// a slice exists it holds the segment file open (retention may unlink it: the descriptor keeps the
/// bytes) and counts as a reader, so a truncation moves the file aside instead of cutting bytes
/// the socket has yet to send (`SegmentFile.truncate`).
public final class FileRecords: Sendable {
    let file: SegmentFile
    /// Where the range starts in the file.
    public let position: Int64
    /// How many bytes; the last batch may be cut short at the fetch's size limit, as in Kafka.
    public let length: Int

    init(file: SegmentFile, position: Int64, length: Int) {
        self.file = file
        self.position = position
        self.length = length
        file.readers.add(1, ordering: .relaxed)
    }

    deinit {
        self.file.readers.subtract(1, ordering: .relaxed)
    }

    /// The file's path (it may have been deleted since).
    public var path: String { self.file.path }

    /// Reads the range with `pread`: the copy through user space that `sendfile` avoids.
    public func read() throws(LogStorageError) -> ByteBuffer {
        try self.file.read(at: self.position, count: self.length)
    }

    /// A `FileRegion` over a duplicate of the segment's descriptor. The caller closes the handle
    /// once the write has completed (or failed); the duplicate keeps the bytes readable even if the
    /// segment is deleted meanwhile, as Kafka's open `FileChannel` does.
    public func makeFileRegion() throws(LogStorageError) -> (region: FileRegion, handle: NIOFileHandle) {
        let copy = dup(self.file.descriptor)
        guard copy >= 0 else { throw .io(operation: "dup", path: self.file.path, errno: errno) }
        let handle = NIOFileHandle(_deprecatedTakingOwnershipOfDescriptor: copy)
        let start = Int(self.position)
        return (FileRegion(fileHandle: handle, readerIndex: start, endIndex: start + self.length), handle)
    }
}
