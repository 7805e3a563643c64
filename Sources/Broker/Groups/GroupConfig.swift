/// The broker settings the group coordinator uses, with Kafka's names and defaults.
struct GroupConfig: Sendable {
    var minSessionTimeoutMs: Int32 = 6_000
    var maxSessionTimeoutMs: Int32 = 1_800_000
    /// KIP-134: a new group waits this long for more members before its first rebalance.
    var initialRebalanceDelayMs: Int64 = 3_000
    var offsetsTopicNumPartitions: Int32 = 50
    var offsetsTopicReplicationFactor: Int16 = 3
    /// `offsets.retention.minutes` (7 days since Kafka 2.0, KIP-186), in ms.
    var offsetsRetentionMs: Int64 = 10_080 * 60_000
    var offsetsRetentionCheckIntervalMs: Int64 = 600_000
    var offsetMetadataMaxBytes = 4_096
    /// `offsets.commit.timeout.ms`: how long a commit waits for the offsets topic's replicas.
    var offsetCommitTimeoutMs: Int32 = 5_000

    init() {}

    init(_ config: BrokerConfig) {
        self.minSessionTimeoutMs = Int32(clamping: config.groupMinSessionTimeoutMs)
        self.maxSessionTimeoutMs = Int32(clamping: config.groupMaxSessionTimeoutMs)
        self.initialRebalanceDelayMs = config.groupInitialRebalanceDelayMs
        self.offsetsTopicNumPartitions = config.offsetsTopicNumPartitions
        self.offsetsTopicReplicationFactor = config.offsetsTopicReplicationFactor
        // Read from the originals so BrokerConfig stays untouched; both keys are Kafka's.
        if let text = config.originals["offsets.commit.timeout.ms"],
            let value = Int32(text.trimmingCharacters(in: " ")),
            value > 0
        {
            self.offsetCommitTimeoutMs = value
        }
        if let text = config.originals["offsets.retention.minutes"],
            let minutes = Int64(text.trimmingCharacters(in: " ")),
            minutes > 0
        {
            let (ms, overflow) = minutes.multipliedReportingOverflow(by: 60_000)
            self.offsetsRetentionMs = overflow ? .max : ms
        }
        if let text = config.originals["offsets.retention.check.interval.ms"],
            let interval = Int64(text.trimmingCharacters(in: " ")), interval > 0
        {
            self.offsetsRetentionCheckIntervalMs = interval
        }
        if let text = config.originals["offset.metadata.max.bytes"], let max = Int(text.trimmingCharacters(in: " ")),
            max >= 0
        {
            self.offsetMetadataMaxBytes = max
        }
    }
}
