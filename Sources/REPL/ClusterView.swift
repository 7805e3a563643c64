import Foundation
import LocalCluster

/// Everything `cluster status` and the prompt show, as plain values: filled from process state
/// today (`init(snapshot:)`) and from the client's Metadata and ListOffsets answers once it exists
/// (`controller`, `topics`). Rendering reads only this, so it is tested without any process.
public struct ClusterView: Sendable, Equatable {
    public struct Process: Sendable, Equatable {
        public var role: ClusterRole
        public var state: ProcessStatus.State
        public var address: String
        public var pid: Int32?
        public var uptime: Duration?
        public var residentBytes: Int?
        /// Faults injected with `fault ...`, in the REPL's words (`cut-replication`).
        public var faults: [String]

        public init(
            role: ClusterRole, state: ProcessStatus.State, address: String, pid: Int32? = nil,
            uptime: Duration? = nil, residentBytes: Int? = nil, faults: [String] = []
        ) {
            self.role = role
            self.state = state
            self.address = address
            self.pid = pid
            self.uptime = uptime
            self.residentBytes = residentBytes
            self.faults = faults
        }
    }

    public struct Partition: Sendable, Equatable {
        public var partition: Int
        /// nil when the partition has no leader (every ISR member is down).
        public var leader: Int?
        public var replicas: [Int]
        public var isr: [Int]
        public var logEndOffset: Int64?
        public var highWatermark: Int64?

        public init(
            partition: Int, leader: Int?, replicas: [Int], isr: [Int], logEndOffset: Int64? = nil,
            highWatermark: Int64? = nil
        ) {
            self.partition = partition
            self.leader = leader
            self.replicas = replicas
            self.isr = isr
            self.logEndOffset = logEndOffset
            self.highWatermark = highWatermark
        }
    }

    public struct Topic: Sendable, Equatable {
        public var name: String
        public var partitions: [Partition]

        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    public var name: String
    public var mode: ClusterMode
    public var folder: String
    public var processes: [Process]
    /// The controller's broker id, when known (from Metadata).
    public var controller: Int?
    /// Per-topic partition state, when known (from the client).
    public var topics: [Topic]?
    /// A cluster Samsa did not start (`cluster attach`): `name` is its bootstrap, `processes` are
    /// the brokers its metadata lists (no pid, uptime or memory: they are not this machine's).
    public var isAttached = false
    /// The attached cluster's ZooKeeper (`--zookeeper`), if one was given.
    public var attachedZooKeeper: String?

    public init(
        name: String, mode: ClusterMode, folder: String, processes: [Process], controller: Int? = nil,
        topics: [Topic]? = nil
    ) {
        self.name = name
        self.mode = mode
        self.folder = folder
        self.processes = processes
        self.controller = controller
        self.topics = topics
    }

    /// The process-level view of a `LocalCluster` snapshot taken at `now`.
    public init(snapshot: ClusterSnapshot, now: Date = Date()) {
        self.init(
            name: snapshot.name, mode: snapshot.mode, folder: snapshot.folder,
            processes: snapshot.processes.map { status in
                Process(
                    role: status.role, state: status.state, address: "127.0.0.1:\(status.port)", pid: status.pid,
                    uptime: status.startedAt.map { .milliseconds(Int64(max(0, now.timeIntervalSince($0)) * 1000)) },
                    residentBytes: status.residentBytes)
            })
    }

    public var brokers: [Process] { self.processes.filter { $0.role.brokerID != nil } }
    public var brokersUp: Int { self.brokers.filter { $0.state == .running }.count }
    public var brokersPaused: Int { self.brokers.filter { $0.state == .paused }.count }
    public var isAnythingRunning: Bool { self.processes.contains { $0.state != .stopped } }
}
