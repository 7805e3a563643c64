import Foundation

/// Reading a whole text file the way scripts need it: to the end of what the handle gives, so a
/// pipe or FIFO (`samsa --script <(echo "cluster destroy")`, `/dev/fd/63`) reads like a regular
/// file. Reading by the file's size would find 0 bytes there, or fail.
public enum TextFile {
    /// The UTF-8 text at `path`, or nil when it cannot be opened or read (a missing file, a
    /// folder) or is not UTF-8.
    public static func read(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // readToEnd() is nil at once for an empty file: an empty script, not an unreadable one.
        let data: Data?
        do {
            data = try handle.readToEnd()
        } catch {
            return nil
        }
        return String(data: data ?? Data(), encoding: .utf8)
    }
}
