import POSIXFile

/// Why `dataDir` could not be read or written.
public enum PersistenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case systemCall(String, path: String, errno: Int32)
    case corruptSnapshot(path: String)

    public var description: String {
        switch self {
        case .systemCall(let call, let path, let errno):
            return
                "\(call) failed for \(path) (errno \(errno)); check that dataDir exists, is writable and the disk is not full"
        case .corruptSnapshot(let path):
            return "snapshot \(path) is corrupt; remove it to recover from an older snapshot and the logs"
        }
    }
}

extension PersistenceError {
    /// A failed call of `POSIXFile`, as `systemCall`.
    init(_ error: POSIXFileError) {
        self = .systemCall(error.operation, path: error.path, errno: error.errno)
    }
}
