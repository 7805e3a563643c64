import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions about a PID that is not (or no longer) our child, asked before signalling it: a PID
/// from `cluster.json` may have been reused by an unrelated program since, and we must never
/// signal that one.
public enum ProcessInspector {
    /// True when `pid` exists and, where `/proc` tells us, its command line contains `marker`
    /// (the process's config file path, unique to this cluster and role).
    public static func isOurs(pid: Int32, marker: String) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let arguments = self.commandLine(pid: pid) else {
            // No /proc (macOS): the PID exists; the start time in cluster.json is all we have.
            return true
        }
        if self.state(pid: pid) == "Z" { return false }
        return arguments.contains { $0.contains(marker) }
    }

    /// The arguments of `pid` from `/proc/<pid>/cmdline`; nil where there is no `/proc`.
    public static func commandLine(pid: Int32) -> [String]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The one-letter state from `/proc/<pid>/stat` (`R`, `S`, `T` stopped, `Z` zombie, ...), or
    /// nil where there is no `/proc`. Lets `cluster status` show a paused broker even when another
    /// REPL paused it.
    public static func state(pid: Int32) -> Character? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // "pid (comm) S ...": comm may contain spaces and parentheses, so split at the last ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].first { $0 != " " }
    }

    /// Resident memory of `pid` in bytes from `/proc/<pid>/statm`, for `cluster status`.
    public static func residentBytes(pid: Int32) -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/statm") else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
