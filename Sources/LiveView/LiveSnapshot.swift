/// Everything the page draws at one moment, as JSON. The REPL (or `samsa ui`) fills it from what it
/// already reads for `cluster status`, `group describe` and its event feed; the page only renders it.
public struct LiveSnapshot: Sendable, Equatable, Codable {
    /// The metadata server or a broker, as the local cluster knows it (or as ZooKeeper shows it for
    /// a cluster started elsewhere).
    public struct Server: Sendable, Equatable, Codable {
        public enum State: String, Sendable, Codable {
            case up, down, paused, faulted
        }

        /// nil for the metadata server.
        public var brokerID: Int?
        public var address: String
        public var state: State
        /// Faults injected with `fault ...` (`cut-replication`), in the REPL's words.
        public var faults: [String]

        public init(brokerID: Int?, address: String, state: State, faults: [String] = []) {
            self.brokerID = brokerID
            self.address = address
            self.state = state
            self.faults = faults
        }
    }

    public struct Partition: Sendable, Equatable, Codable {
        public enum Health: String, Sendable, Codable {
            /// Every replica is in the ISR.
            case healthy
            /// Fewer replicas in the ISR than assigned: `missing` says which.
            case underReplicated = "under-replicated"
            /// No leader: nobody can read or write it.
            case offline
        }

        public var partition: Int
        public var leader: Int?
        public var replicas: [Int]
        public var isr: [Int]
        /// The leader's log end offset (the next offset it will write).
        public var logEndOffset: Int64?
        public var highWatermark: Int64?
        /// Each replica's own log end offset, by broker id ("2"), where its broker answered.
        public var replicaLogEndOffsets: [String: Int64]
        /// Assigned replicas missing from the ISR.
        public var missing: [Int]
        public var health: Health

        public init(
            partition: Int, leader: Int?, replicas: [Int], isr: [Int], logEndOffset: Int64? = nil,
            highWatermark: Int64? = nil,
            replicaLogEndOffsets: [Int: Int64] = [:]
        ) {
            self.replicaLogEndOffsets = Dictionary(
                uniqueKeysWithValues: replicaLogEndOffsets.map { (String($0.key), $0.value) })
            self.partition = partition
            self.leader = leader
            self.replicas = replicas
            self.isr = isr
            self.logEndOffset = logEndOffset
            self.highWatermark = highWatermark
            self.missing = replicas.filter { !isr.contains($0) }
            self.health = leader == nil ? .offline : self.missing.isEmpty ? .healthy : .underReplicated
        }
    }

    public struct Topic: Sendable, Equatable, Codable {
        public var name: String
        public var partitions: [Partition]

        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    public struct Group: Sendable, Equatable, Codable {
        public struct Member: Sendable, Equatable, Codable {
            /// The REPL's name for a member it started (`c1`), else its client id.
            public var name: String
            public var memberID: String
            public var host: String
            /// `topic-partition` names.
            public var partitions: [String]

            public init(name: String, memberID: String, host: String, partitions: [String]) {
                self.name = name
                self.memberID = memberID
                self.host = host
                self.partitions = partitions
            }
        }

        public struct Offset: Sendable, Equatable, Codable {
            public var partition: String
            public var owner: String?
            public var committed: Int64?
            public var logEndOffset: Int64?
            public var lag: Int64?

            public init(partition: String, owner: String?, committed: Int64?, logEndOffset: Int64?, lag: Int64?) {
                self.partition = partition
                self.owner = owner
                self.committed = committed
                self.logEndOffset = logEndOffset
                self.lag = lag
            }
        }

        public var id: String
        /// Kafka's name: Empty, PreparingRebalance, CompletingRebalance, Stable, Dead.
        public var state: String
        /// Known for groups whose members the REPL runs (from their JoinGroup answers).
        public var generation: Int?
        public var assignor: String
        public var members: [Member]
        public var offsets: [Offset]

        public init(id: String, state: String, generation: Int?, assignor: String, members: [Member], offsets: [Offset])
        {
            self.id = id
            self.state = state
            self.generation = generation
            self.assignor = assignor
            self.members = members
            self.offsets = offsets
        }
    }

    /// One line of the REPL's event feed.
    public struct Event: Sendable, Equatable, Codable {
        /// Increases by one per event, so the page can tell new ones apart.
        public var sequence: Int
        /// Milliseconds since 1970 (wall clock), for the time shown and for tests.
        public var at: Int64
        public var text: String
        public var kind: TimelineEventKind

        public init(sequence: Int, at: Int64, text: String, kind: TimelineEventKind) {
            self.sequence = sequence
            self.at = at
            self.text = text
            self.kind = kind
        }
    }

    public var clusterName: String
    public var servers: [Server]
    public var controller: Int?
    public var controllerEpoch: Int?
    /// Sessions of the metadata server that will expire unless their client returns.
    public var expiringSessions: [ExpiringSession]
    public var topics: [Topic]
    public var groups: [Group]
    public var timeline: [Event]
    /// Why some of it is missing (no cluster, metadata server down), in the REPL's words; nil when all is there.
    public var note: String?
    /// Milliseconds since 1970 when it was read.
    public var takenAt: Int64

    public init(
        clusterName: String, servers: [Server] = [], controller: Int? = nil, controllerEpoch: Int? = nil,
        expiringSessions: [ExpiringSession] = [], topics: [Topic] = [],
        groups: [Group] = [], timeline: [Event] = [], note: String? = nil, takenAt: Int64 = 0
    ) {
        self.clusterName = clusterName
        self.servers = servers
        self.controller = controller
        self.controllerEpoch = controllerEpoch
        self.expiringSessions = expiringSessions
        self.topics = topics
        self.groups = groups
        self.timeline = timeline
        self.note = note
        self.takenAt = takenAt
    }
}
