#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call on a file that failed: which call, on which path, and the `errno` the OS gave.
/// Modules map it into their own error where their API has one (`LogStorageError.io`,
/// `PersistenceError.systemCall`, `PageCache.Failure`).
public struct POSIXFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call as the OS names it (`open`, `fdatasync`, `rename`, ...).
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var description: String {
        "\(self.operation) failed on \(self.path): \(String(cString: strerror(self.errno))) (errno \(self.errno))"
    }
}
