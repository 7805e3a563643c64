import POSIXFile

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

        init(operation: String, path: String, errno: Int32) {
            self.operation = operation
            self.path = path
            self.errno = errno
        }

        init(_ error: POSIXFileError) {
            self.init(operation: error.operation, path: error.path, errno: error.errno)
        }
    }

    /// Maps the file without touching it and asks `mincore(2)` which pages are in memory. Mapping
    /// reads nothing, so looking does not change what is cached.
    public static func residency(ofFile path: String) throws(Failure) -> Residency {
        let pages = try self.residentPages(ofFile: path)
        return pages.residency(ofBytes: 0..<pages.size)
    }

    /// Which pages of a file are in memory now, page by page (`mincore` on a fresh `mmap`).
    public static func residentPages(ofFile path: String) throws(Failure) -> ResidentPages {
        let file: OpenFile
        let size: Int
        do {
            file = try OpenFile(path: path, flags: O_RDONLY)
            size = Int(try file.size)
        } catch {
            throw Failure(error)
        }
        defer { withExtendedLifetime(file) {} }  // open until the calls on its descriptor are done
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard size > 0 else { return ResidentPages(size: 0, pageSize: pageSize, isResident: []) }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, file.descriptor, 0), mapping != MAP_FAILED else {
            throw Failure(operation: "mmap", path: path, errno: errno)
        }
        defer { munmap(mapping, size) }
        let pages = (size + pageSize - 1) / pageSize
        var vector = [UInt8](repeating: 0, count: pages)
        let result = vector.withUnsafeMutableBufferPointer { mincore(mapping, size, $0.baseAddress) }
        guard result == 0 else { throw Failure(operation: "mincore", path: path, errno: errno) }
        return ResidentPages(size: Int64(size), pageSize: pageSize, isResident: vector.map { $0 & 1 == 1 })
    }

    /// Drops the file's pages from the page cache: written back first (`fdatasync`), since the
    /// kernel keeps dirty pages, then `posix_fadvise(POSIX_FADV_DONTNEED)`. No root needed, unlike
    /// `echo 1 > /proc/sys/vm/drop_caches`; a memory file system (tmpfs) cannot drop them.
    public static func evict(file path: String) throws(Failure) {
        let file: OpenFile
        do {
            file = try OpenFile(path: path, flags: O_RDONLY)
            try file.sync(.data)
        } catch {
            throw Failure(error)
        }
        defer { withExtendedLifetime(file) {} }  // open until the calls on its descriptor are done
        let result = posix_fadvise(file.descriptor, 0, 0, POSIX_FADV_DONTNEED)
        guard result == 0 else { throw Failure(operation: "posix_fadvise", path: path, errno: result) }
    }
}

/// A file's page-by-page residency at one moment, so that what a read is about to touch can be
/// measured before the read and summed once the read says which bytes it touched.
public struct ResidentPages: Sendable, Equatable {
    public var size: Int64
    public var pageSize: Int
    public var isResident: [Bool]

    public init(size: Int64, pageSize: Int, isResident: [Bool]) {
        self.size = size
        self.pageSize = pageSize
        self.isResident = isResident
    }

    /// The pages holding `bytes` (clamped to the file).
    public func pages(holding bytes: Range<Int64>) -> Range<Int> {
        let lower = max(0, min(bytes.lowerBound, self.size))
        let upper = max(lower, min(bytes.upperBound, self.size))
        guard upper > lower else { return 0..<0 }
        return Int(lower) / self.pageSize..<Int((upper - 1)) / self.pageSize + 1
    }

    /// Bytes of `pages` that belong to the file, and how many of them are resident.
    public func residency(ofPages pages: some Sequence<Int>) -> PageCache.Residency {
        var total: Int64 = 0
        var resident: Int64 = 0
        for page in pages where page >= 0 && page < self.isResident.count {
            let start = Int64(page * self.pageSize)
            let bytes = min(Int64(self.pageSize), self.size - start)  // the last page is only partly the file's
            total += bytes
            if self.isResident[page] { resident += bytes }
        }
        return PageCache.Residency(size: total, residentBytes: resident)
    }

    public func residency(ofBytes bytes: Range<Int64>) -> PageCache.Residency {
        self.residency(ofPages: self.pages(holding: bytes))
    }
}
