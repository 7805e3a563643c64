#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin POSIX wrappers: the log needs `fsync` and `ftruncate` exactly where it says, which is
/// easier to see without Foundation in between.
enum FileSystem {
    static func makeDirectories(_ path: String) throws(PersistenceError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .systemCall("mkdir", path: current, errno: errno)
            }
        }
    }

    static func list(_ directory: String) throws(PersistenceError) -> [String] {
        guard let handle = opendir(directory) else { throw .systemCall("opendir", path: directory, errno: errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func readAll(_ path: String) throws(PersistenceError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .systemCall("open", path: path, errno: errno) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .systemCall("read", path: path, errno: errno)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    static func openForAppend(_ path: String, truncate: Bool) throws(PersistenceError) -> Int32 {
        let flags = O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw .systemCall("open", path: path, errno: errno) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(PersistenceError) {
        let failure = bytes.withUnsafeBytes { Self.write(fd, $0) }
        if let failure { throw .systemCall("write", path: path, errno: failure) }
    }

    /// Writes every byte; returns errno on failure.
    static func write(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < raw.count {
            #if canImport(Glibc)
                let written = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            #else
                let written = Darwin.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Writes every byte at `offset` (pwrite); returns errno on failure.
    static func write(_ fd: Int32, _ raw: UnsafeRawBufferPointer, at offset: Int) -> Int32? {
        var done = 0
        while done < raw.count {
            let written = pwrite(fd, raw.baseAddress.map { $0 + done }, raw.count - done, off_t(offset + done))
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += written
        }
        return nil
    }

    static func sync(_ fd: Int32, path: String) throws(PersistenceError) {
        #if canImport(Glibc)
            let result = fdatasync(fd)
        #else
            let result = fsync(fd)
        #endif
        guard result == 0 else { throw .systemCall("fsync", path: path, errno: errno) }
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func truncate(_ path: String, to length: Int) throws(PersistenceError) {
        guard systemTruncate(path, off_t(length)) == 0 else {
            throw .systemCall("truncate", path: path, errno: errno)
        }
    }

    static func rename(_ from: String, to: String) throws(PersistenceError) {
        #if canImport(Glibc)
            let result = Glibc.rename(from, to)
        #else
            let result = Darwin.rename(from, to)
        #endif
        guard result == 0 else { throw .systemCall("rename", path: from, errno: errno) }
    }

    static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Writes a whole file durably: temp file, fsync, rename, fsync of the directory.
    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) throws(PersistenceError) {
        let temporary = path + ".tmp"
        let fd = try self.openForAppend(temporary, truncate: true)
        do throws(PersistenceError) {
            try self.writeAll(fd, bytes, path: temporary)
            try self.sync(fd, path: temporary)
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        try self.rename(temporary, to: path)
        self.syncDirectory(directory)
    }
}

#if canImport(Glibc)
    private func systemTruncate(_ path: String, _ length: off_t) -> Int32 { Glibc.truncate(path, length) }
#else
    private func systemTruncate(_ path: String, _ length: off_t) -> Int32 { Darwin.truncate(path, length) }
#endif
