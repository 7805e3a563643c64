import KafkaProtocol
import KafkaZkModel

/// What a controller decision asks the world to do, in order: write partition state znodes,
/// then tell brokers (Kafka's `ControllerBrokerRequestBatch`). The decisions have already
/// applied each write to the `ControllerContext` as if it succeeded; the controller actor makes
/// the writes and, if one loses a version race, reloads and decides again.
struct ControllerEffects: Sendable, Equatable {
    struct PartitionWrite: Sendable, Equatable {
        var partition: TopicPartition
        var znode: PartitionStateZNode
        /// nil: create the znode (a new partition); otherwise the version it must still have.
        var expectedVersion: Int32?
    }

    /// Something a student (or an operator reading the log) would want to know happened.
    enum Note: Sendable, Equatable {
        case elected(TopicPartition, leader: Int32, leaderEpoch: Int32, isr: [Int32], reason: ElectionReason)
        /// No replica may lead: the partition is offline until one comes back.
        case noLeader(TopicPartition, isr: [Int32])
        case leftIsr(PartitionAndReplica, isr: [Int32])
        case invalidTransition(String)
    }

    enum ElectionReason: String, Sendable, Equatable {
        case newPartition = "new partition"
        case leaderOffline = "leader offline"
        case unclean = "UNCLEAN: no in-sync replica alive, records it never copied are lost"
        case preferred = "preferred replica"
        case controlledShutdown = "controlled shutdown"
    }

    var writes: [PartitionWrite] = []
    /// Brokers that get the new list of live brokers (an UpdateMetadata without partitions)
    /// before anything else: a leader must not take a follower on a broker that is gone back
    /// into the ISR (KIP-841) while the LeaderAndIsr that removed it is on its way.
    var liveBrokerListFirst: Set<Int32> = []
    /// Brokers that get every partition's metadata before any LeaderAndIsr (failover, startup),
    /// so they know the live brokers before they follow anyone.
    var fullUpdateMetadata: Set<Int32> = []
    /// LeaderAndIsr: broker → the partitions whose current state it must be sent.
    var leaderAndIsr: [Int32: Set<TopicPartition>] = [:]
    /// Partitions whose metadata every live broker must get (all LeaderAndIsr partitions too).
    var updateMetadata: Set<TopicPartition> = []
    /// StopReplica: broker → partition → delete the log.
    var stopReplica: [Int32: [TopicPartition: Bool]] = [:]
    var notes: [Note] = []

    var isEmpty: Bool {
        self.writes.isEmpty && self.liveBrokerListFirst.isEmpty && self.fullUpdateMetadata.isEmpty
            && self.leaderAndIsr.isEmpty && self.updateMetadata.isEmpty
            && self.stopReplica.isEmpty
    }

    mutating func sendLeaderAndIsr(_ tp: TopicPartition, to brokers: some Sequence<Int32>) {
        for broker in brokers { self.leaderAndIsr[broker, default: []].insert(tp) }
        self.updateMetadata.insert(tp)
    }

    mutating func sendStopReplica(_ tp: TopicPartition, delete: Bool, to broker: Int32) {
        self.stopReplica[broker, default: [:]][tp] = delete
    }

    /// Requests from an earlier attempt of the same decision stay due (their writes happened).
    mutating func mergeRequests(from other: ControllerEffects) {
        self.liveBrokerListFirst.formUnion(other.liveBrokerListFirst)
        self.fullUpdateMetadata.formUnion(other.fullUpdateMetadata)
        for (broker, partitions) in other.leaderAndIsr { self.leaderAndIsr[broker, default: []].formUnion(partitions) }
        self.updateMetadata.formUnion(other.updateMetadata)
        for (broker, partitions) in other.stopReplica {
            self.stopReplica[broker, default: [:]].merge(partitions) { first, second in first || second }
        }
        self.notes = other.notes + self.notes
    }
}
