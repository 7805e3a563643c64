import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The faults injected into one broker of a local cluster on purpose (`fault ...` in the REPL), as
/// `LocalCluster` writes them and `samsa-broker` reads them. Its own tiny target so that both sides
/// share one definition: `LocalCluster` must not import `Broker`, and `Broker` must not import
/// `LocalCluster`.
///
/// The file is JSON, written atomically with mode 0600 into the cluster folder
/// (`.samsa/<name>/faults/broker-<id>.json`); the broker learns its path from the Samsa-only key
/// `samsa.fault.control.file` in its `server.properties` and re-reads it on SIGUSR2. Only the
/// user who owns the cluster (or root) can write the file and signal the process, and Kafka
/// clients see nothing of it.
public struct BrokerFaults: Codable, Sendable, Equatable {
    /// `fault cut-replication`: as follower it sends no fetches; as leader it holds followers'
    /// fetches until their max wait and answers them empty, without recording their progress.
    public var isReplicationCut: Bool
    /// `fault slow-replication`: every follower fetch to or from this broker waits this long first.
    public var replicationDelayMs: Int
    /// `fault isolate`: the broker's metadata session is dropped and not re-established until
    /// healed, while it keeps serving clients.
    public var isIsolated: Bool

    public init(isReplicationCut: Bool = false, replicationDelayMs: Int = 0, isIsolated: Bool = false) {
        self.isReplicationCut = isReplicationCut
        self.replicationDelayMs = replicationDelayMs
        self.isIsolated = isIsolated
    }

    public static let healthy = BrokerFaults()

    public var isHealthy: Bool { self == .healthy }

    /// The largest `slow-replication` delay accepted: one minute.
    public static let maximumDelayMs = 60_000

    /// The server.properties key naming the control file. Kafka's brokers do not know it; Samsa's
    /// broker reads it and nothing else does.
    public static let configKey = "samsa.fault.control.file"

    /// One fault as the REPL names it.
    public enum Kind: String, Sendable, CaseIterable {
        case cutReplication = "cut-replication"
        case slowReplication = "slow-replication"
        case isolate = "isolate"
    }

    /// The active faults in the REPL's words, e.g. `["cut-replication", "slow-replication 500 ms"]`.
    public var names: [String] {
        var names: [String] = []
        if self.isReplicationCut { names.append(Kind.cutReplication.rawValue) }
        if self.replicationDelayMs > 0 {
            names.append("\(Kind.slowReplication.rawValue) \(self.replicationDelayMs) ms")
        }
        if self.isIsolated { names.append(Kind.isolate.rawValue) }
        return names
    }

    /// What changed from `old` to `self`: faults injected and faults healed, in the REPL's words.
    public func changes(from old: BrokerFaults) -> (injected: [String], healed: [String]) {
        let before = Set(old.names)
        let after = Set(self.names)
        return (self.names.filter { !before.contains($0) }, old.names.filter { !after.contains($0) })
    }

    // MARK: The file

    enum CodingKeys: String, CodingKey {
        case version
        case isReplicationCut = "cut_replication"
        case replicationDelayMs = "slow_replication_ms"
        case isIsolated = "isolated"
    }

    public static let currentVersion = 1

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decodeIfPresent(Int.self, forKey: .version) ?? Self.currentVersion
        guard version == Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container,
                debugDescription: "fault file version \(version); this build reads version 1")
        }
        self.isReplicationCut = try container.decodeIfPresent(Bool.self, forKey: .isReplicationCut) ?? false
        self.replicationDelayMs = try container.decodeIfPresent(Int.self, forKey: .replicationDelayMs) ?? 0
        self.isIsolated = try container.decodeIfPresent(Bool.self, forKey: .isIsolated) ?? false
        guard (0...Self.maximumDelayMs).contains(self.replicationDelayMs) else {
            throw DecodingError.dataCorruptedError(
                forKey: .replicationDelayMs, in: container,
                debugDescription: "slow_replication_ms must be 0 to \(Self.maximumDelayMs)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(self.isReplicationCut, forKey: .isReplicationCut)
        try container.encode(self.replicationDelayMs, forKey: .replicationDelayMs)
        try container.encode(self.isIsolated, forKey: .isIsolated)
    }

    /// `{"cut_replication":true,"isolated":false,"slow_replication_ms":0,"version":1}`
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    public static func decode(_ data: Data) throws -> BrokerFaults {
        try JSONDecoder().decode(BrokerFaults.self, from: data)
    }

    /// Reads the control file; a missing file means a healthy broker.
    public static func read(from url: URL) throws -> BrokerFaults {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .healthy }
        return try self.decode(data)
    }

    /// Writes the control file atomically (a temporary file, mode 0600, renamed over it), in a
    /// folder of mode 0700, so a broker re-reading it never sees half a file and only the owner
    /// can change it.
    public func write(to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: self.encoded(), attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
