#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's page cache as seen from one file: how many of its bytes are in memory
/// now, and a way to drop them. A broker reads recent records from here rather than from the disk,
/// which is why Kafka leaves caching to the OS instead of keeping records in its own heap.
public enum PageCache {
    /// How much of a file is resident.
    public struct Residency: Sendable, Equatable {
        public var size: Int64
        /// Bytes of the file in the page cache (whole pages, so at most `size` rounded up to a page).
        public var residentBytes: Int64

        public init(size: Int64, residentBytes: Int64) {
            self.size = size
            self.residentBytes = residentBytes
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var errno: Int32

        public var description: String {
            "\(self.operation) failed on \(self.path): \(String(cString: strerror(self.errno)))"
        }
    }

    /// Maps the file without touching it and asks `mincore(2)` which pages are in memory. Mapping
    /// reads nothing, so looking does not change what is cached.
    public static func residency(ofFile path: String) throws(Failure) -> Residency {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(operation: "fstat", path: path, errno: errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return Residency(size: 0, residentBytes: 0) }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else {
            throw Failure(operation: "mmap", path: path, errno: errno)
        }
        defer { munmap(mapping, size) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let pages = (size + pageSize - 1) / pageSize
        var vector = [UInt8](repeating: 0, count: pages)
        let result = vector.withUnsafeMutableBufferPointer { mincore(mapping, size, $0.baseAddress) }
        guard result == 0 else { throw Failure(operation: "mincore", path: path, errno: errno) }
        let residentPages = vector.reduce(0) { $0 + Int($1 & 1) }
        // The last page is only partly the file's.
        let lastPageIsResident = vector[pages - 1] & 1 == 1
        let tail = lastPageIsResident ? pages * pageSize - size : 0
        return Residency(size: Int64(size), residentBytes: Int64(residentPages * pageSize - tail))
    }

    /// Drops the file's pages from the page cache: written back first (`fdatasync`), since the
    /// kernel keeps dirty pages, then `posix_fadvise(POSIX_FADV_DONTNEED)`. No root needed, unlike
    /// `echo 1 > /proc/sys/vm/drop_caches`; a memory file system (tmpfs) cannot drop them.
    public static func evict(file path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        guard fdatasync(descriptor) == 0 else { throw Failure(operation: "fdatasync", path: path, errno: errno) }
        let result = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        guard result == 0 else { throw Failure(operation: "posix_fadvise", path: path, errno: result) }
    }
}
