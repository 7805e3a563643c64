import Foundation

/// Process-level state of a cluster at one moment: a plain value for `cluster status` and the
/// prompt, so rendering never touches processes.
public struct ClusterSnapshot: Sendable, Equatable {
    public var name: String
    public var mode: ClusterMode
    public var folder: String
    public var isDetached: Bool
    public var processes: [ProcessStatus]

    public init(name: String, mode: ClusterMode, folder: String, isDetached: Bool, processes: [ProcessStatus]) {
        self.name = name
        self.mode = mode
        self.folder = folder
        self.isDetached = isDetached
        self.processes = processes
    }

    public var brokers: [ProcessStatus] { self.processes.filter { $0.role.brokerID != nil } }
    public var metadataServer: ProcessStatus? { self.processes.first { $0.role == .metadataServer } }
    /// Brokers running (paused ones count: they still hold their sessions until they expire).
    public var brokersUp: Int { self.brokers.filter { $0.state != .stopped }.count }
    public var isAnythingRunning: Bool { self.processes.contains { $0.state != .stopped } }
}

/// One process in a `ClusterSnapshot`.
public struct ProcessStatus: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case running, paused, stopped
    }

    public var role: ClusterRole
    public var state: State
    public var pid: Int32?
    public var port: Int
    public var startedAt: Date?
    public var residentBytes: Int?
    public var logFile: String

    public init(
        role: ClusterRole, state: State, pid: Int32?, port: Int, startedAt: Date?, residentBytes: Int?,
        logFile: String
    ) {
        self.role = role
        self.state = state
        self.pid = pid
        self.port = port
        self.startedAt = startedAt
        self.residentBytes = residentBytes
        self.logFile = logFile
    }
}

/// What `cluster start` did, for the REPL to print line by line.
public struct ClusterStartReport: Sendable, Equatable {
    /// The processes started, in start order, with their ports and PIDs.
    public var started: [ProcessRecord]
    /// Ports that were busy and what was used instead, in words.
    public var notes: [String]
    public var elapsed: Duration
    /// True when brokers started again on data from an earlier run.
    public var isRestart: Bool
    public var folder: String
}
