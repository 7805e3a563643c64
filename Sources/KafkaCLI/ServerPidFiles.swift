import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The servers a start tool launched, one small file each, so the stop tools signal only those.
/// Kafka's stop scripts find their target with `ps | grep java`, which can hit any Java process;
/// here a PID is signalled only while its command line still names our executable and the same
/// config file, so a reused PID is never touched.
struct ServerPidFiles: Sendable {
    enum Role: String, Sendable {
        case kafka, zookeeper

        var executable: String { self == .kafka ? "samsa-broker" : "samsa-meta" }
    }

    struct Entry: Sendable {
        let pid: Int32
        let configPath: String
        let file: URL
    }

    let directory: URL

    /// `SAMSA_PID_DIR`, else a per-user folder in the temporary directory.
    init(environment: [String: String]) {
        if let dir = environment["SAMSA_PID_DIR"], !dir.isEmpty {
            self.directory = URL(fileURLWithPath: dir, isDirectory: true)
        } else {
            let tmp = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            self.directory = URL(fileURLWithPath: tmp, isDirectory: true).appendingPathComponent(
                "samsa-servers-\(getuid())")
        }
    }

    func record(_ role: Role, pid: Int32, configPath: String) throws {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let file = self.directory.appendingPathComponent("\(role.rawValue)-\(pid).pid")
        try "\(pid)\n\(configPath)\n".write(to: file, atomically: true, encoding: .utf8)
    }

    /// Recorded servers of `role` that still run; files of servers that are gone are removed.
    func running(_ role: Role) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: self.directory.path)) ?? []
        var entries: [Entry] = []
        for name in names.sorted() where name.hasPrefix("\(role.rawValue)-") && name.hasSuffix(".pid") {
            let file = self.directory.appendingPathComponent(name)
            let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            guard lines.count >= 2, let pid = Int32(lines[0]), Self.isOurs(pid: pid, role: role, configPath: lines[1])
            else {
                try? FileManager.default.removeItem(at: file)
                continue
            }
            entries.append(Entry(pid: pid, configPath: lines[1], file: file))
        }
        return entries
    }

    /// Whether `pid` runs our server executable with this config file (not a zombie, not reused).
    static func isOurs(pid: Int32, role: Role, configPath: String) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 else { return false }
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
            #if os(Linux)
                return false
            #else
                return true  // no /proc: trust the file, as the PID was alive
            #endif
        }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let first = arguments.first, first.hasSuffix(role.executable) else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")"),
            stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        {
            return false
        }
        return arguments.contains(configPath)
    }
}
