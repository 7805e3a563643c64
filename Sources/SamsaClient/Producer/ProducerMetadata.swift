import KafkaProtocol

/// What the producer knows of the topics it writes to, as Kafka's `ProducerMetadata`: partition counts (to
/// partition records without waiting), the partitions that have a leader (where keyless records go), and each
/// partition's leader (where its batches are sent). Kept apart from the client's cache so choosing a
/// partition never suspends.
struct ProducerMetadata: Sendable {
    private var partitionCounts: [String: Int] = [:]
    private var availablePartitions: [String: [Int32]] = [:]
    private var leaders: [TopicPartition: Int32] = [:]
    /// The background refresh under way (after a retriable error or an unknown leader), so only one runs.
    var refreshTask: Task<Void, Never>?

    /// The topic's partition count; nil until a metadata answer has named the topic.
    func partitionCount(of topic: String) -> Int? { self.partitionCounts[topic] }

    /// The topic's partitions that have a leader, which Kafka's sticky partitioner prefers.
    func availablePartitions(of topic: String) -> [Int32]? { self.availablePartitions[topic] }

    /// The broker to send `partition`'s batches to; nil while unknown or without a leader.
    func leader(of partition: TopicPartition) -> Int32? { self.leaders[partition] }

    /// Every partition's leader, for one drain pass.
    var leadersByPartition: [TopicPartition: Int32] { self.leaders }

    /// The topics to ask about on a refresh.
    var knownTopics: Set<String> { Set(self.partitionCounts.keys) }

    /// A NOT_LEADER_OR_FOLLOWER-like answer: the leader moved, so stop sending there until the refresh.
    mutating func forgetLeader(of partition: TopicPartition) {
        self.leaders[partition] = nil
    }

    /// Takes in a metadata answer for `topics`, skipping topics it has no usable answer for (kept as before).
    mutating func update(topics: [String], from metadata: ClusterMetadata) {
        for name in topics {
            guard let topic = metadata.topics[name], topic.error == .none, !topic.partitions.isEmpty else { continue }
            self.partitionCounts[name] = topic.partitions.count
            self.availablePartitions[name] = topic.partitions.filter { $0.leader >= 0 }.map(\.partition)
            for partition in topic.partitions {
                let key = TopicPartition(name, partition.partition)
                self.leaders[key] = partition.leader >= 0 ? partition.leader : nil
            }
        }
    }
}
