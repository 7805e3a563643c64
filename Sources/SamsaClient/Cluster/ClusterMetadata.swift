import KafkaProtocol

/// A snapshot of what the cluster told us in a Metadata response: brokers, controller, and for each topic its
/// partitions with leader, replicas and ISR.
public struct ClusterMetadata: Sendable, Hashable {
    public struct Broker: Sendable, Hashable {
        public var nodeId: Int32
        public var address: BrokerAddress
        public var rack: String?
    }

    public struct Partition: Sendable, Hashable {
        public var partition: Int32
        /// -1 when the partition has no leader (all replicas offline, or an election in progress).
        public var leader: Int32
        public var leaderEpoch: Int32
        public var replicas: [Int32]
        public var isr: [Int32]
        public var offlineReplicas: [Int32]
        public var error: ErrorCode
    }

    public struct Topic: Sendable, Hashable {
        public var name: String
        public var topicId: KafkaUUID
        public var isInternal: Bool
        /// Sorted by partition number.
        public var partitions: [Partition]
        public var error: ErrorCode
    }

    public var clusterId: String?
    public var controllerId: Int32
    public var brokers: [Int32: Broker]
    public var topics: [String: Topic]

    public init(
        clusterId: String? = nil, controllerId: Int32 = -1, brokers: [Int32: Broker] = [:],
        topics: [String: Topic] = [:]
    ) {
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.brokers = brokers
        self.topics = topics
    }

    init(response: MetadataResponse) {
        var brokers: [Int32: Broker] = [:]
        for broker in response.brokers {
            brokers[broker.nodeId] = Broker(
                nodeId: broker.nodeId, address: BrokerAddress(host: broker.host, port: Int(broker.port)),
                rack: broker.rack)
        }
        var topics: [String: Topic] = [:]
        for topic in response.topics {
            guard let name = topic.name else { continue }
            let partitions = topic.partitions.map {
                Partition(
                    partition: $0.partitionIndex, leader: $0.leaderId, leaderEpoch: $0.leaderEpoch,
                    replicas: $0.replicaNodes, isr: $0.isrNodes, offlineReplicas: $0.offlineReplicas,
                    error: ErrorCode(rawValue: $0.errorCode) ?? .unknownServerError)
            }.sorted { $0.partition < $1.partition }
            topics[name] = Topic(
                name: name, topicId: topic.topicId, isInternal: topic.isInternal, partitions: partitions,
                error: ErrorCode(rawValue: topic.errorCode) ?? .unknownServerError)
        }
        self.init(clusterId: response.clusterId, controllerId: response.controllerId, brokers: brokers, topics: topics)
    }

    /// The leader's node id of `partition`, or an error that says which part is missing.
    public func leader(of partition: TopicPartition) throws(SamsaClientError) -> Int32 {
        guard let topic = self.topics[partition.topic], topic.error == .none || !topic.partitions.isEmpty else {
            throw .unknownTopic(partition.topic)
        }
        guard let entry = topic.partitions.first(where: { $0.partition == partition.partition }) else {
            throw .unknownPartition(
                topic: partition.topic, partition: partition.partition, partitionCount: topic.partitions.count)
        }
        guard entry.leader >= 0 else { throw .noLeader(topic: partition.topic, partition: partition.partition) }
        return entry.leader
    }

    /// Number of partitions of `topic`, or nil when the topic is unknown.
    public func partitionCount(of topic: String) -> Int? {
        guard let entry = self.topics[topic], entry.error == .none else { return nil }
        return entry.partitions.count
    }
}
