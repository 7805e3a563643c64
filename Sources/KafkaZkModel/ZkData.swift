import Foundation
import KafkaProtocol

/// The znodes Kafka kept in ZooKeeper before KRaft, with the same paths and JSON
/// (`kafka.zk.ZkData`), so a student browsing the metadata tree sees what a real ZooKeeper-mode
/// cluster wrote, and Samsa's brokers can share a real ZooKeeper.
public enum ZkPaths {
    public static let brokerIds = "/brokers/ids"
    public static let topics = "/brokers/topics"
    public static let controller = "/controller"
    public static let controllerEpoch = "/controller_epoch"
    public static let configTopics = "/config/topics"
    public static let configChanges = "/config/changes"
    public static let configBrokers = "/config/brokers"
    /// The entity name of the cluster-wide default broker configs.
    public static let defaultBrokerEntity = "<default>"
    public static let deleteTopics = "/admin/delete_topics"
    public static let isrChangeNotification = "/isr_change_notification"
    public static let clusterId = "/cluster/id"

    /// Created at start-up if missing, as Kafka's `KafkaZkClient.createTopLevelPaths` does.
    public static let persistentPaths = [
        "/brokers", brokerIds, topics, "/config", configTopics, configChanges, configBrokers, "/admin", deleteTopics,
        isrChangeNotification, "/cluster", "/latest_producer_id_block",
    ]

    public static func broker(_ id: Int32) -> String { "\(brokerIds)/\(id)" }
    public static func topic(_ name: String) -> String { "\(topics)/\(name)" }
    public static func partitions(_ topic: String) -> String { "\(topics)/\(topic)/partitions" }
    public static func partition(_ tp: TopicPartition) -> String { "\(topics)/\(tp.topic)/partitions/\(tp.partition)" }
    public static func partitionState(_ tp: TopicPartition) -> String { "\(Self.partition(tp))/state" }
    public static func topicConfig(_ name: String) -> String { "\(configTopics)/\(name)" }
    /// `/config/brokers/<id>` or `/config/brokers/<default>`: dynamic broker configs.
    public static func brokerConfig(_ entity: String) -> String { "\(configBrokers)/\(entity)" }
    public static func deleteTopic(_ name: String) -> String { "\(deleteTopics)/\(name)" }
}

/// The znodes a watcher of the tree tells apart, read back from a path (the inverse of `ZkPaths`).
public enum ZkNode: Equatable, Sendable {
    case controller
    case controllerEpoch
    /// `/brokers/ids/<id>`.
    case broker(Int32)
    /// `/brokers/topics/<t>/partitions/<p>/state`.
    case partitionState(TopicPartition)

    /// Nil for any other path.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        switch parts.count {
        case 1 where "/" + parts[0] == ZkPaths.controller: self = .controller
        case 1 where "/" + parts[0] == ZkPaths.controllerEpoch: self = .controllerEpoch
        case 3 where parts[0] == "brokers" && parts[1] == "ids":
            guard let id = Int32(parts[2]) else { return nil }
            self = .broker(id)
        case 6 where parts[0] == "brokers" && parts[1] == "topics" && parts[3] == "partitions" && parts[5] == "state":
            guard let partition = Int32(parts[4]) else { return nil }
            self = .partitionState(TopicPartition(parts[2], partition))
        default: return nil
        }
    }
}

/// `/brokers/ids/<id>` (ephemeral), version 5.
public struct BrokerRegistrationZNode: Codable, Sendable, Equatable {
    public var version = 5
    public var host: String
    public var port: Int32
    public var jmxPort: Int32 = -1
    public var timestamp: String
    public var endpoints: [String]
    public var listenerSecurityProtocolMap: [String: String]
    public var features: [String: Int] = [:]
    public var rack: String?

    public init(
        host: String, port: Int32, timestamp: String, endpoints: [String],
        listenerSecurityProtocolMap: [String: String],
        features: [String: Int] = [:], rack: String? = nil
    ) {
        self.host = host
        self.port = port
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.listenerSecurityProtocolMap = listenerSecurityProtocolMap
        self.features = features
        self.rack = rack
    }

    enum CodingKeys: String, CodingKey {
        case version, host, port, timestamp, endpoints, features, rack
        case jmxPort = "jmx_port"
        case listenerSecurityProtocolMap = "listener_security_protocol_map"
    }
}

/// `/controller` (ephemeral): who the controller is.
public struct ControllerZNode: Codable, Sendable, Equatable {
    public var version = 2
    public var brokerid: Int32
    public var timestamp: String
    public var kraftControllerEpoch: Int32? = -1

    public init(brokerid: Int32, timestamp: String) {
        self.brokerid = brokerid
        self.timestamp = timestamp
    }
}

/// `/brokers/topics/<topic>`: the replica assignment, partition keys as strings.
public struct TopicZNode: Codable, Sendable, Equatable {
    public var version = 3
    public var topicId: String?
    public var partitions: [String: [Int32]]
    public var addingReplicas: [String: [Int32]] = [:]
    public var removingReplicas: [String: [Int32]] = [:]

    enum CodingKeys: String, CodingKey {
        case version, partitions
        case topicId = "topic_id"
        case addingReplicas = "adding_replicas"
        case removingReplicas = "removing_replicas"
    }

    public init(topicId: String, assignment: [Int32: [Int32]]) {
        self.topicId = topicId
        self.partitions = Dictionary(uniqueKeysWithValues: assignment.map { (String($0.key), $0.value) })
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        self.topicId = try container.decodeIfPresent(String.self, forKey: .topicId)
        self.partitions = try container.decode([String: [Int32]].self, forKey: .partitions)
        self.addingReplicas = try container.decodeIfPresent([String: [Int32]].self, forKey: .addingReplicas) ?? [:]
        self.removingReplicas = try container.decodeIfPresent([String: [Int32]].self, forKey: .removingReplicas) ?? [:]
    }

    /// Partition number → replicas, skipping keys that are not numbers.
    public var assignment: [Int32: [Int32]] {
        Dictionary(
            uniqueKeysWithValues: self.partitions.compactMap { key, replicas in Int32(key).map { ($0, replicas) } })
    }
}

/// `/brokers/topics/<t>/partitions/<p>/state`: leader, ISR and the epochs that fence stale ones.
public struct PartitionStateZNode: Codable, Sendable, Equatable {
    public var version = 1
    public var leader: Int32
    public var leaderEpoch: Int32
    public var controllerEpoch: Int32
    public var isr: [Int32]

    public init(leader: Int32, leaderEpoch: Int32, controllerEpoch: Int32, isr: [Int32]) {
        self.leader = leader
        self.leaderEpoch = leaderEpoch
        self.controllerEpoch = controllerEpoch
        self.isr = isr
    }

    enum CodingKeys: String, CodingKey {
        case version, leader, isr
        case leaderEpoch = "leader_epoch"
        case controllerEpoch = "controller_epoch"
    }
}

/// `/config/topics/<topic>`: the topic's config overrides.
public struct TopicConfigZNode: Codable, Sendable, Equatable {
    public var version = 1
    public var config: [String: String]

    public init(config: [String: String]) { self.config = config }
}

/// `/cluster/id` (the version is a string here, as Kafka writes it).
public struct ClusterIdZNode: Codable, Sendable, Equatable {
    public var version = "1"
    public var id: String

    public init(id: String) { self.id = id }
}

/// `/isr_change_notification/isr_change_<seq>`: a leader tells the controller an ISR changed.
public struct IsrChangeNotificationZNode: Codable, Sendable, Equatable {
    public struct Partition: Codable, Sendable, Equatable {
        public var topic: String
        public var partition: Int32

        public init(topic: String, partition: Int32) {
            self.topic = topic
            self.partition = partition
        }
    }

    public var version = 1
    public var partitions: [Partition]

    public init(partitions: [Partition]) { self.partitions = partitions }
}

public enum ZkJSON {
    public static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data())
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Milliseconds since the epoch, as Kafka writes `timestamp` fields.
    public static func timestamp() -> String { String(Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) }
}
