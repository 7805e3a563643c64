import Foundation

/// What `cluster.json` holds: enough for a REPL started later to find the processes of a running
/// cluster (PIDs checked against their command lines, so a reused PID is not mistaken for ours),
/// restart stopped brokers on the same ports and folders, and say how long each has been up.
public struct ClusterState: Codable, Sendable, Equatable {
    /// Bumped when the format changes incompatibly.
    public var formatVersion: Int = 1
    public var name: String
    public var mode: ClusterMode
    /// Started with `--detach`: its processes outlive the REPL that started them.
    public var isDetached: Bool
    /// The REPL process that started the processes, if still known.
    public var ownerPID: Int32?
    public var createdAt: Date
    public var metadataServer: ProcessRecord?
    public var brokers: [ProcessRecord]

    public init(
        name: String, mode: ClusterMode, isDetached: Bool, ownerPID: Int32?, createdAt: Date,
        metadataServer: ProcessRecord?, brokers: [ProcessRecord]
    ) {
        self.name = name
        self.mode = mode
        self.isDetached = isDetached
        self.ownerPID = ownerPID
        self.createdAt = createdAt
        self.metadataServer = metadataServer
        self.brokers = brokers
    }

    /// Every process record, metadata server first.
    public var processes: [ProcessRecord] {
        (self.metadataServer.map { [$0] } ?? []) + self.brokers
    }

    public var brokerIDs: [Int] { self.brokers.compactMap(\.role.brokerID) }

    public func record(for role: ClusterRole) -> ProcessRecord? {
        self.processes.first { $0.role == role }
    }

    mutating func update(_ record: ProcessRecord) {
        if record.role == .metadataServer {
            self.metadataServer = record
        } else if let index = self.brokers.firstIndex(where: { $0.role == record.role }) {
            self.brokers[index] = record
        } else {
            self.brokers.append(record)
            self.brokers.sort { $0.role < $1.role }
        }
    }

    /// Pretty, sorted JSON with ISO 8601 dates: a file students may open.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> ClusterState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ClusterState.self, from: data)
    }

    /// Reads `url`; nil when there is no file, `corruptState` when it cannot be read.
    public static func load(from url: URL) throws -> ClusterState? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try self.decode(try Data(contentsOf: url))
        } catch {
            throw LocalClusterError.corruptState(path: url.path, reason: "\(error)")
        }
    }

    /// Writes atomically, so a REPL killed mid-write leaves the previous state, not half a file.
    public func save(to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try self.encoded().write(to: url, options: .atomic)
        } catch {
            throw LocalClusterError.fileSystem(path: url.path, reason: "\(error.localizedDescription)")
        }
    }
}

/// One process of the cluster as recorded in `cluster.json`. `pid` is nil while it is not running.
public struct ProcessRecord: Codable, Sendable, Equatable {
    public var role: ClusterRole
    public var port: Int
    public var pid: Int32?
    public var startedAt: Date?
    public var isPaused: Bool
    public var configFile: String
    public var dataDir: String
    public var logFile: String

    public init(
        role: ClusterRole, port: Int, pid: Int32? = nil, startedAt: Date? = nil, isPaused: Bool = false,
        configFile: String, dataDir: String, logFile: String
    ) {
        self.role = role
        self.port = port
        self.pid = pid
        self.startedAt = startedAt
        self.isPaused = isPaused
        self.configFile = configFile
        self.dataDir = dataDir
        self.logFile = logFile
    }

    /// `"127.0.0.1:9092"`: `bootstrap.servers` or `zookeeper.connect`.
    public var address: String { "127.0.0.1:\(self.port)" }
}
