import KafkaProtocol

/// `auto.offset.reset`: where to start when a partition has no committed offset or the offset is gone.
public enum OffsetResetPolicy: String, Sendable {
    case earliest, latest, none
}

/// Consumer settings, named after Kafka's consumer configs, with Kafka's defaults.
public struct ConsumerConfiguration: Sendable {
    /// `group.id`: needed for `subscribe` and for committing offsets.
    public var groupId: String?
    /// `group.instance.id`: static membership (KIP-345).
    public var groupInstanceId: String?
    public var autoOffsetReset: OffsetResetPolicy = .latest
    public var enableAutoCommit = true
    /// `auto.commit.interval.ms`.
    public var autoCommitInterval: Duration = .seconds(5)
    /// `fetch.max.wait.ms`: how long the broker may hold a fetch waiting for `fetch.min.bytes`.
    public var fetchMaxWait: Duration = .milliseconds(500)
    public var fetchMinBytes: Int32 = 1
    public var fetchMaxBytes: Int32 = 52_428_800
    /// `max.partition.fetch.bytes`.
    public var maxPartitionFetchBytes: Int32 = 1_048_576
    /// `max.poll.records`.
    public var maxPollRecords = 500
    /// `isolation.level`: 0 read_uncommitted, 1 read_committed.
    public var isolationLevel: Int8 = 0
    /// `check.crcs`.
    public var checkCRCs = true
    /// `session.timeout.ms`: the coordinator drops a member silent for this long.
    public var sessionTimeout: Duration = .seconds(45)
    /// `heartbeat.interval.ms`.
    public var heartbeatInterval: Duration = .seconds(3)
    /// `max.poll.interval.ms`, sent as the rebalance timeout.
    public var rebalanceTimeout: Duration = .seconds(300)
    /// `partition.assignment.strategy`, in preference order (Kafka 3.x default: range, cooperative-sticky).
    public var assignors: [AssignorKind] = [.range, .cooperativeSticky]

    public init(groupId: String? = nil) {
        self.groupId = groupId
    }

    /// Cooperative rebalancing only when every configured assignor supports it, as Kafka decides.
    var isCooperative: Bool { !self.assignors.isEmpty && self.assignors.allSatisfy { $0.assignor.isCooperative } }
}
