import KafkaProtocol
import KafkaZkModel

/// One replica of one partition: the unit of Kafka's replica state machine (`PartitionAndReplica`).
struct PartitionAndReplica: Hashable, Sendable, Comparable, CustomStringConvertible {
    var partition: TopicPartition
    var replica: Int32

    init(_ partition: TopicPartition, _ replica: Int32) {
        self.partition = partition
        self.replica = replica
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.partition, lhs.replica) < (rhs.partition, rhs.replica)
    }

    var description: String { "\(self.partition) on broker \(self.replica)" }
}

/// A partition's state znode as last read or written, with the znode version that the next
/// write is conditional on (Kafka's `LeaderIsrAndControllerEpoch` plus the partition epoch).
struct PartitionLeadership: Sendable, Equatable {
    var znode: PartitionStateZNode
    var version: Int32
}

/// Everything the controller knows about the cluster, as Kafka's `ControllerContext`: live and
/// shutting-down brokers, topics and their assignments, each partition's leader and ISR, and the
/// state of every partition and replica in the two state machines. It is a value: the
/// controller's decisions (`ControllerContext+PartitionStateMachine.swift`,
/// `+ReplicaStateMachine.swift`, `+Events.swift`) change it and return `ControllerEffects` for
/// the actor to carry out, so they are tested without sockets or a metadata server.
struct ControllerContext: Sendable {
    struct LiveBroker: Sendable, Equatable {
        var id: Int32
        var host: String
        var port: Int32
        /// The czxid of the broker's registration: a restarted broker has a new one.
        var epoch: Int64
    }

    var epoch: Int32 = 0
    var liveBrokers: [Int32: LiveBroker] = [:]
    /// Brokers that asked for a controlled shutdown and are still registered.
    var shuttingDownBrokers: Set<Int32> = []
    var topics: [String: TopicZNode] = [:]
    var topicConfigs: [String: [String: String]] = [:]
    /// The broker's `unclean.leader.election.enable`, for topics without an override.
    var defaultUncleanLeaderElection = false
    var leadership: [TopicPartition: PartitionLeadership] = [:]
    var partitionStates: [TopicPartition: PartitionState] = [:]
    var replicaStates: [PartitionAndReplica: ReplicaState] = [:]

    init(defaultUncleanLeaderElection: Bool = false) {
        self.defaultUncleanLeaderElection = defaultUncleanLeaderElection
    }

    // MARK: - Brokers

    /// Registered brokers, shutting down or not (Kafka's `liveOrShuttingDownBrokerIds`).
    var liveOrShuttingDownBrokerIds: Set<Int32> { Set(self.liveBrokers.keys) }

    /// Registered brokers that are not shutting down: the ones that may lead (`liveBrokerIds`).
    var liveBrokerIds: Set<Int32> { self.liveOrShuttingDownBrokerIds.subtracting(self.shuttingDownBrokers) }

    func isReplicaOnline(_ broker: Int32, includeShuttingDown: Bool = false) -> Bool {
        includeShuttingDown ? self.liveBrokers[broker] != nil : self.liveBrokerIds.contains(broker)
    }

    // MARK: - Topics and partitions

    func assignment(_ tp: TopicPartition) -> [Int32] {
        self.topics[tp.topic]?.assignment[tp.partition] ?? []
    }

    var allPartitions: [TopicPartition] {
        self.topics.flatMap { topic, znode in znode.assignment.keys.map { TopicPartition(topic, $0) } }.sorted()
    }

    func partitions(of topic: String) -> [TopicPartition] {
        (self.topics[topic]?.assignment.keys.map { TopicPartition(topic, $0) } ?? []).sorted()
    }

    func partitions(hostedBy broker: Int32) -> [TopicPartition] {
        self.allPartitions.filter { self.assignment($0).contains(broker) }
    }

    func replicas(of partitions: [TopicPartition]) -> [PartitionAndReplica] {
        partitions.flatMap { tp in self.assignment(tp).map { PartitionAndReplica(tp, $0) } }
    }

    func replicas(onBrokers brokers: Set<Int32>) -> [PartitionAndReplica] {
        self.replicas(of: self.allPartitions).filter { brokers.contains($0.replica) }
    }

    /// Partitions whose leader is not an online broker (`partitionsWithOfflineLeader`).
    var partitionsWithOfflineLeader: [TopicPartition] {
        self.leadership.keys.filter { tp in
            guard let leader = self.leadership[tp]?.znode.leader else { return false }
            return !self.isReplicaOnline(leader)
        }.sorted()
    }

    func isUncleanLeaderElectionEnabled(_ topic: String) -> Bool {
        if let value = self.topicConfigs[topic]?["unclean.leader.election.enable"] {
            return value.lowercased() == "true"
        }
        return self.defaultUncleanLeaderElection
    }

    func topicId(_ topic: String) -> KafkaUUID {
        self.topics[topic]?.topicId.flatMap(KafkaUUID.init(base64URLString:)) ?? .zero
    }

    // MARK: - Loading

    /// A partition state znode read from the metadata server (at load, or after a conflicting write).
    mutating func refresh(_ tp: TopicPartition, _ leadership: PartitionLeadership?) {
        self.leadership[tp] = leadership
    }
}
