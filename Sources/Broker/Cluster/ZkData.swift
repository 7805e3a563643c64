import Foundation
import KafkaProtocol

/// The znodes Kafka kept in ZooKeeper before KRaft, with the same paths and JSON
/// (`kafka.zk.ZkData`), so a student browsing the metadata tree sees what a real ZooKeeper-mode
/// cluster wrote, and Samsa's brokers can share a real ZooKeeper.
enum ZkPaths {
    static let brokerIds = "/brokers/ids"
    static let topics = "/brokers/topics"
    static let controller = "/controller"
    static let controllerEpoch = "/controller_epoch"
    static let configTopics = "/config/topics"
    static let configChanges = "/config/changes"
    static let configBrokers = "/config/brokers"
    /// The entity name of the cluster-wide default broker configs.
    static let defaultBrokerEntity = "<default>"
    static let deleteTopics = "/admin/delete_topics"
    static let isrChangeNotification = "/isr_change_notification"
    static let clusterId = "/cluster/id"

    /// Created at start-up if missing, as Kafka's `KafkaZkClient.createTopLevelPaths` does.
    static let persistentPaths = [
        "/brokers", brokerIds, topics, "/config", configTopics, configChanges, configBrokers, "/admin", deleteTopics,
        isrChangeNotification, "/cluster", "/latest_producer_id_block",
    ]

    static func broker(_ id: Int32) -> String { "\(brokerIds)/\(id)" }
    static func topic(_ name: String) -> String { "\(topics)/\(name)" }
    static func partitions(_ topic: String) -> String { "\(topics)/\(topic)/partitions" }
    static func partition(_ tp: TopicPartition) -> String { "\(topics)/\(tp.topic)/partitions/\(tp.partition)" }
    static func partitionState(_ tp: TopicPartition) -> String { "\(Self.partition(tp))/state" }
    static func topicConfig(_ name: String) -> String { "\(configTopics)/\(name)" }
    /// `/config/brokers/<id>` or `/config/brokers/<default>`: dynamic broker configs.
    static func brokerConfig(_ entity: String) -> String { "\(configBrokers)/\(entity)" }
    static func deleteTopic(_ name: String) -> String { "\(deleteTopics)/\(name)" }
}

/// `/brokers/ids/<id>` (ephemeral), version 5.
struct BrokerRegistrationZNode: Codable, Sendable, Equatable {
    var version = 5
    var host: String
    var port: Int32
    var jmxPort: Int32 = -1
    var timestamp: String
    var endpoints: [String]
    var listenerSecurityProtocolMap: [String: String]
    var features: [String: Int] = [:]
    var rack: String?

    enum CodingKeys: String, CodingKey {
        case version, host, port, timestamp, endpoints, features, rack
        case jmxPort = "jmx_port"
        case listenerSecurityProtocolMap = "listener_security_protocol_map"
    }
}

/// `/controller` (ephemeral): who the controller is.
struct ControllerZNode: Codable, Sendable, Equatable {
    var version = 2
    var brokerid: Int32
    var timestamp: String
    var kraftControllerEpoch: Int32? = -1
}

/// `/brokers/topics/<topic>`: the replica assignment, partition keys as strings.
struct TopicZNode: Codable, Sendable, Equatable {
    var version = 3
    var topicId: String?
    var partitions: [String: [Int32]]
    var addingReplicas: [String: [Int32]] = [:]
    var removingReplicas: [String: [Int32]] = [:]

    enum CodingKeys: String, CodingKey {
        case version, partitions
        case topicId = "topic_id"
        case addingReplicas = "adding_replicas"
        case removingReplicas = "removing_replicas"
    }

    init(topicId: String, assignment: [Int32: [Int32]]) {
        self.topicId = topicId
        self.partitions = Dictionary(uniqueKeysWithValues: assignment.map { (String($0.key), $0.value) })
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        self.topicId = try container.decodeIfPresent(String.self, forKey: .topicId)
        self.partitions = try container.decode([String: [Int32]].self, forKey: .partitions)
        self.addingReplicas = try container.decodeIfPresent([String: [Int32]].self, forKey: .addingReplicas) ?? [:]
        self.removingReplicas = try container.decodeIfPresent([String: [Int32]].self, forKey: .removingReplicas) ?? [:]
    }

    /// Partition number → replicas, skipping keys that are not numbers.
    var assignment: [Int32: [Int32]] {
        Dictionary(uniqueKeysWithValues: self.partitions.compactMap { key, replicas in Int32(key).map { ($0, replicas) } })
    }
}

/// `/brokers/topics/<t>/partitions/<p>/state`: leader, ISR and the epochs that fence stale ones.
struct PartitionStateZNode: Codable, Sendable, Equatable {
    var version = 1
    var leader: Int32
    var leaderEpoch: Int32
    var controllerEpoch: Int32
    var isr: [Int32]

    enum CodingKeys: String, CodingKey {
        case version, leader, isr
        case leaderEpoch = "leader_epoch"
        case controllerEpoch = "controller_epoch"
    }
}

/// `/config/topics/<topic>`: the topic's config overrides.
struct TopicConfigZNode: Codable, Sendable, Equatable {
    var version = 1
    var config: [String: String]
}

/// `/cluster/id` (the version is a string here, as Kafka writes it).
struct ClusterIdZNode: Codable, Sendable, Equatable {
    var version = "1"
    var id: String
}

/// `/isr_change_notification/isr_change_<seq>`: a leader tells the controller an ISR changed.
struct IsrChangeNotificationZNode: Codable, Sendable, Equatable {
    struct Partition: Codable, Sendable, Equatable {
        var topic: String
        var partition: Int32
    }

    var version = 1
    var partitions: [Partition]
}

enum ZkJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data())
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    static func timestamp() -> String { String(Clock.millis()) }
}
