#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calls on paths, without Foundation: the logs need `fsync`, `rename` and `ftruncate` exactly where
/// they say, which is easier to see with nothing in between.
public enum FileSystem {
    /// `mkdir -p`: every missing directory of `path`, mode 0755.
    public static func makeDirectories(_ path: String) throws(POSIXFileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw POSIXFileError(operation: "mkdir", path: current, errno: errno)
            }
        }
    }

    /// The names in `directory`, without `.` and `..`, sorted.
    public static func list(_ directory: String) throws(POSIXFileError) -> [String] {
        guard let handle = opendir(directory) else {
            throw POSIXFileError(operation: "opendir", path: directory, errno: errno)
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file.
    public static func readAll(_ path: String) throws(POSIXFileError) -> [UInt8] {
        let file = try OpenFile(path: path, flags: O_RDONLY)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let offset = Int64(result.count)
            let count = try chunk.withUnsafeMutableBytes { bytes in
                Result { () throws(POSIXFileError) in try file.read(into: bytes, at: offset) }
            }.get()
            result.append(contentsOf: chunk[0..<count])
            if count < chunk.count { return result }
        }
    }

    /// `rename(2)`: atomic within one file system, replacing `to` if it exists.
    public static func rename(_ from: String, to: String) throws(POSIXFileError) {
        #if canImport(Glibc)
            let result = Glibc.rename(from, to)
        #else
            let result = Darwin.rename(from, to)
        #endif
        guard result == 0 else { throw POSIXFileError(operation: "rename", path: from, errno: errno) }
    }

    /// Unlinks a file; one that is already gone is not an error. Open descriptors of it stay valid.
    public static func remove(_ path: String) throws(POSIXFileError) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw POSIXFileError(operation: "unlink", path: path, errno: errno)
        }
    }

    /// Deletes a file, or a directory and everything under it.
    public static func removeTree(_ path: String) throws(POSIXFileError) {
        if self.isDirectory(path) {
            for name in try self.list(path) { try self.removeTree("\(path)/\(name)") }
            guard rmdir(path) == 0 || errno == ENOENT else {
                throw POSIXFileError(operation: "rmdir", path: path, errno: errno)
            }
        } else {
            try self.remove(path)
        }
    }

    /// Cuts the file at `path` to `length` bytes (`truncate(2)`).
    public static func truncate(_ path: String, to length: Int64) throws(POSIXFileError) {
        #if canImport(Glibc)
            let result = Glibc.truncate(path, off_t(length))
        #else
            let result = Darwin.truncate(path, off_t(length))
        #endif
        guard result == 0 else { throw POSIXFileError(operation: "truncate", path: path, errno: errno) }
    }

    /// `fsync` of a directory, which makes the names created or renamed in it durable. Best effort:
    /// failures are ignored, as some file systems refuse to sync a directory.
    public static func syncDirectory(_ path: String) {
        guard let directory = try? OpenFile(path: path, flags: O_RDONLY) else { return }
        _ = withExtendedLifetime(directory) { fsync(directory.descriptor) }
    }

    /// Replaces the file at `path` with `bytes` so that a crash leaves the old or the new content,
    /// never a mix: a temporary file `<path>.tmp` is written and synced (`sync`), then renamed over
    /// `path`; with `directory`, that directory is synced too, so the rename itself survives a crash.
    public static func writeAtomically(
        _ bytes: [UInt8], to path: String, sync: OpenFile.Sync, syncingDirectory directory: String? = nil
    ) throws(POSIXFileError) {
        let temporary = path + ".tmp"
        do {
            let file = try OpenFile(path: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
            try bytes.withUnsafeBytes { raw in
                Result { () throws(POSIXFileError) in try file.append(raw) }
            }.get()
            try file.sync(sync)
        }  // closes the temporary file before the rename
        try self.rename(temporary, to: path)
        if let directory { self.syncDirectory(directory) }
    }
}
