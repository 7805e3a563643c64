import Foundation

/// One line a server writes once, when it is up (`ok broker.id=2 port=9093`) or when it gives up
/// starting (`failed: <its error line>`), to the file named by `SAMSA_READY_FILE`; like systemd's
/// `sd_notify(READY=1)`. `kafka-server-start` runs the server in the foreground in its own process
/// (it becomes the server), so only the server itself can tell the lab's log whether the start
/// worked: the port was free and its broker.id not already registered.
public enum ReadinessNotice {
    /// The environment variable naming the file; unset, servers write nothing.
    public static let environmentKey = "SAMSA_READY_FILE"

    /// Writes `line` to the file named in `environment`, atomically (a reader never sees half of
    /// it); the first notice wins. Does nothing without the variable; errors are ignored, since a
    /// server must never fail for its notice.
    public static func announce(_ line: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment[Self.environmentKey], !path.isEmpty else { return }
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let oneLine = line.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        try? Data((oneLine + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The notice in `path`, if a server wrote one.
    public static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return nil
        }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    /// A fresh path for one server start's notice, in the temporary folder.
    public static func newFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("samsa-ready-\(UUID().uuidString)").path
    }
}
