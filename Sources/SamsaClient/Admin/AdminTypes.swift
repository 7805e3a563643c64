import KafkaProtocol

/// A topic to create, with Kafka's defaults where the broker's own `num.partitions` and
/// `default.replication.factor` apply (-1).
public struct NewTopic: Sendable, Hashable {
    public var name: String
    public var numPartitions: Int32
    public var replicationFactor: Int16
    public var configs: [String: String]
    /// Explicit replica placement: partition -> broker ids (then partitions/replication must be -1).
    public var replicaAssignment: [Int32: [Int32]]

    public init(
        name: String, numPartitions: Int32 = -1, replicationFactor: Int16 = -1, configs: [String: String] = [:],
        replicaAssignment: [Int32: [Int32]] = [:]
    ) {
        self.name = name
        self.numPartitions = numPartitions
        self.replicationFactor = replicationFactor
        self.configs = configs
        self.replicaAssignment = replicaAssignment
    }
}

/// What `kafka-topics --describe` shows about a topic.
public struct TopicDescription: Sendable, Hashable {
    public var name: String
    public var topicId: KafkaUUID
    public var isInternal: Bool
    public var partitions: [ClusterMetadata.Partition]
}

/// The thing a config belongs to (KIP-133 resource types).
public enum ConfigResource: Sendable, Hashable, CustomStringConvertible {
    case topic(String)
    case broker(Int32)

    var resourceType: Int8 {
        switch self {
        case .topic: 2
        case .broker: 4
        }
    }

    var resourceName: String {
        switch self {
        case .topic(let name): name
        case .broker(let id): "\(id)"
        }
    }

    public var description: String {
        switch self {
        case .topic(let name): "topic \(name)"
        case .broker(let id): "broker \(id)"
        }
    }
}

/// One config value as DescribeConfigs reports it.
public struct ConfigEntry: Sendable, Hashable {
    public var name: String
    public var value: String?
    public var isReadOnly: Bool
    public var isDefault: Bool
    public var isSensitive: Bool
    /// Kafka's ConfigSource: 1 dynamic topic, 2 dynamic broker, 4 static broker, 5 default, ...
    public var source: Int8
}

/// An IncrementalAlterConfigs operation (KIP-339).
public enum AlterConfigOperation: Sendable, Hashable {
    case set(String, String)
    case delete(String)
    case append(String, String)
    case subtract(String, String)

    var wire: IncrementalAlterConfigsRequest.AlterableConfig {
        switch self {
        case .set(let name, let value): .init(name: name, configOperation: 0, value: value)
        case .delete(let name): .init(name: name, configOperation: 1, value: nil)
        case .append(let name, let value): .init(name: name, configOperation: 2, value: value)
        case .subtract(let name, let value): .init(name: name, configOperation: 3, value: value)
        }
    }
}

/// What DescribeCluster (KIP-700) returns.
public struct ClusterDescription: Sendable, Hashable {
    public var clusterId: String
    public var controllerId: Int32
    public var brokers: [ClusterMetadata.Broker]
}

/// Which offset ListOffsets should find (the special timestamps of KIP-79 and KIP-734).
public enum OffsetSpec: Sendable, Hashable {
    case earliest
    case latest
    /// The first offset whose timestamp is at or after this many milliseconds since the epoch.
    case timestamp(Int64)
    /// The offset of the record with the largest timestamp (ListOffsets v7+).
    case maxTimestamp

    var wireTimestamp: Int64 {
        switch self {
        case .earliest: -2
        case .latest: -1
        case .timestamp(let value): value
        case .maxTimestamp: -3
        }
    }
}

/// A ListOffsets answer for one partition; `offset` is -1 when no record matches a timestamp.
public struct ListedOffset: Sendable, Hashable {
    public var offset: Int64
    public var timestamp: Int64
    public var leaderEpoch: Int32
}
