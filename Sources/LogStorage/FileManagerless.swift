import POSIXFile

/// File-system calls the log needs, without Foundation: `POSIXFile`'s, failing with
/// `LogStorageError.io` as the log's own API does.
enum FileManagerless {
    /// Unlinks a file; one already gone is fine.
    static func remove(_ path: String) throws(LogStorageError) {
        do { try FileSystem.remove(path) } catch { throw LogStorageError(error) }
    }

    static func makeDirectory(_ path: String) throws(LogStorageError) {
        do { try FileSystem.makeDirectories(path) } catch { throw LogStorageError(error) }
    }

    /// The names in `directory`, sorted.
    static func contents(of directory: String) throws(LogStorageError) -> [String] {
        do { return try FileSystem.list(directory) } catch { throw LogStorageError(error) }
    }

    /// Deletes a directory tree (a deleted partition).
    static func removeTree(_ path: String) throws(LogStorageError) {
        do { try FileSystem.removeTree(path) } catch { throw LogStorageError(error) }
    }

    static func rename(_ from: String, to: String) throws(LogStorageError) {
        do { try FileSystem.rename(from, to: to) } catch { throw LogStorageError(error) }
    }

    /// Writes a small file atomically: temp file, fsync, rename, as Kafka writes checkpoints.
    static func writeAtomically(_ text: String, to path: String) throws(LogStorageError) {
        do {
            try FileSystem.writeAtomically(Array(text.utf8), to: path, sync: .all)
        } catch {
            throw LogStorageError(error)
        }
    }

    static func read(_ path: String) throws(LogStorageError) -> String {
        do {
            return String(decoding: try FileSystem.readAll(path), as: UTF8.self)
        } catch {
            throw LogStorageError(error)
        }
    }
}
