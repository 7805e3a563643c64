import Foundation

/// The metadata server's sessions as its `dump` four-letter word lists them (samsa-meta answers it
/// in ZooKeeper's format; lab clusters allow it in `4lw.commands.whitelist`): when each session
/// expires (the last time the server heard from it plus its timeout), the ephemeral znodes each
/// holds, and which sessions still have a connection.
struct MetadataSessionDump: Equatable {
    struct Session: Equatable {
        var id: String
        /// Milliseconds since 1970 (the server prints whole seconds).
        var expiresAt: Int64
        var ephemerals: [String]
        var isConnected: Bool
    }

    var sessions: [Session]

    /// Parses `dump`'s text; a server that refuses the word ("… is not in the whitelist") has no sessions.
    init(parsing text: String) {
        var expiries: [String: Int64] = [:]
        var ephemerals: [String: [String]] = [:]
        var connected: Set<String> = []
        var order: [String] = []
        enum Part { case sessions, ephemerals, connections, other }
        var part = Part.other
        var expiry: Int64?
        var owner: String?
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Session Sets") {
                part = .sessions
                continue
            }
            if line.hasPrefix("ephemeral nodes dump") {
                part = .ephemerals
                continue
            }
            if line.hasPrefix("Connections dump") {
                part = .connections
                continue
            }
            switch part {
            case .sessions:
                if let range = line.range(of: " expire at ") {
                    expiry = Self.parseDate(String(line[range.upperBound...].dropLast(line.hasSuffix(":") ? 1 : 0)))
                } else if line.hasPrefix("0x"), let expiry {
                    expiries[line] = expiry
                    order.append(line)
                }
            case .ephemerals:
                if line.hasPrefix("0x"), line.hasSuffix(":") {
                    owner = String(line.dropLast())
                } else if line.hasPrefix("/"), let owner {
                    ephemerals[owner, default: []].append(line)
                }
            case .connections:
                if let range = line.range(of: "sessionId: ") { connected.insert(String(line[range.upperBound...])) }
            case .other:
                continue
            }
        }
        self.sessions = order.map { id in
            Session(
                id: id, expiresAt: expiries[id] ?? 0, ephemerals: ephemerals[id] ?? [],
                isConnected: connected.contains(id))
        }
    }

    /// `Thu Nov 26 14:56:10 UTC 2026` (Java's `Date.toString()`), in milliseconds since 1970.
    static func parseDate(_ text: String) -> Int64? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss zzz yyyy"
        return formatter.date(from: text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }

    /// The broker id of a `/brokers/ids/N` znode (under any chroot).
    static func brokerID(ofEphemeral path: String) -> Int? {
        guard let range = path.range(of: "/brokers/ids/", options: .backwards) else { return nil }
        return Int(path[range.upperBound...])
    }

    /// Sends `dump` to `host:port` and reads the answer until the server closes (within `timeout`); nil when it cannot.
    static func read(host: String, port: Int, timeout: Duration = .seconds(1)) -> MetadataSessionDump? {
        FourLetterWord.ask("dump", host: host, port: port, timeout: timeout).map(MetadataSessionDump.init(parsing:))
    }
}
