import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import Synchronization

/// Topic config overrides in a cluster, as Kafka keeps them in ZooKeeper mode: the overrides live
/// in `/config/topics/<topic>`, and whoever changes them adds a sequential
/// `/config/changes/config_change_N` naming the topic, which every broker watches to re-read the
/// overrides and apply them to its replicas' logs.
enum TopicConfigChanges {
    static let notificationPrefix = "\(ZkPaths.configChanges)/config_change_"

    /// `{"version":2,"entity_path":"topics/<topic>"}`.
    struct Notification: Codable, Sendable, Equatable {
        var version = 2
        var entityPath: String

        enum CodingKeys: String, CodingKey {
            case version
            case entityPath = "entity_path"
        }
    }

    /// Writes the new overrides and tells every broker.
    static func write(_ configs: [String: String], of topic: String, zk: KafkaZkClient) async throws {
        try await zk.ensurePath(ZkPaths.topicConfig(topic))
        try await zk.set(ZkPaths.topicConfig(topic), TopicConfigZNode(config: configs))
        try await zk.ensurePath(ZkPaths.configChanges)
        _ = try await zk.createSequential(Self.notificationPrefix, Notification(entityPath: "topics/\(topic)"))
    }

    /// Applies a topic's overrides to this broker's logs of it.
    static func apply(_ overrides: [String: String], to topic: String, defaults: LogConfig, logManager: LogManager)
        -> LogConfig
    {
        let config = (try? defaults.applying(overrides)) ?? defaults
        for log in logManager.allLogs where log.topicPartition.topic == topic {
            log.updateConfig(config)
        }
        return config
    }

    /// Writes a broker's dynamic configs (`/config/brokers/<id>` or `/config/brokers/<default>`)
    /// and tells every broker, as Kafka's `AdminZkClient.changeBrokerConfig` does.
    static func writeBrokerConfigs(_ configs: [String: String], entity: String, zk: KafkaZkClient) async throws {
        try await zk.ensurePath(ZkPaths.brokerConfig(entity))
        try await zk.set(ZkPaths.brokerConfig(entity), TopicConfigZNode(config: configs))
        try await zk.ensurePath(ZkPaths.configChanges)
        _ = try await zk.createSequential(Self.notificationPrefix, Notification(entityPath: "brokers/\(entity)"))
    }

    /// Reads this broker's and the cluster default's dynamic configs and applies them.
    static func loadBrokerConfigs(zk: KafkaZkClient, state: BrokerState) async throws {
        var layers = DynamicBrokerConfig.Layers()
        layers.broker =
            try await zk.get(TopicConfigZNode.self, at: ZkPaths.brokerConfig(String(state.brokerId)))?.0.config ?? [:]
        layers.clusterDefault =
            try await zk.get(TopicConfigZNode.self, at: ZkPaths.brokerConfig(ZkPaths.defaultBrokerEntity))?.0.config
            ?? [:]
        guard layers != state.dynamicConfig.layers else { return }
        try state.dynamicConfig.adopt(layers)
        await Self.reapplyLogDefaults(zk: zk, state: state)
        state.logger.info(
            "dynamic broker configs", metadata: ["broker": "\(layers.broker)", "default": "\(layers.clusterDefault)"])
    }

    /// New broker defaults reach every log here, under each topic's own overrides.
    static func reapplyLogDefaults(zk: KafkaZkClient, state: BrokerState) async {
        let defaults = state.logDefaults
        for topic in Set(state.logManager.allLogs.map(\.topicPartition.topic)) {
            let overrides = (try? await zk.topicConfig(topic)) ?? [:]
            _ = Self.apply(overrides, to: topic, defaults: defaults, logManager: state.logManager)
        }
    }

    /// Watches `/config/changes` until cancelled: each notification newer than the ones present
    /// at start re-reads its topic's overrides, or this broker's dynamic configs, and applies them.
    static func watch(zk: KafkaZkClient, state: BrokerState) -> Task<Void, Never> {
        let logger = state.logger
        let ownEntities = ["brokers/\(state.brokerId)", "brokers/\(ZkPaths.defaultBrokerEntity)"]
        return Task {
            var seen: Set<String>?
            while !Task.isCancelled {
                do {
                    try await zk.ensurePath(ZkPaths.configChanges)
                    let (children, watch) = try await zk.childrenWatching(ZkPaths.configChanges)
                    let fresh = seen.map { old in children.filter { !old.contains($0) }.sorted() } ?? []
                    seen = Set(children)
                    for child in fresh {
                        guard
                            let (notification, _) = try await zk.get(
                                Notification.self, at: "\(ZkPaths.configChanges)/\(child)")
                        else { continue }
                        if ownEntities.contains(notification.entityPath) {
                            try await Self.loadBrokerConfigs(zk: zk, state: state)
                            continue
                        }
                        guard notification.entityPath.hasPrefix("topics/") else { continue }
                        let topic = String(notification.entityPath.dropFirst("topics/".count))
                        let overrides = try await zk.topicConfig(topic)
                        let config = Self.apply(
                            overrides, to: topic, defaults: state.logDefaults, logManager: state.logManager)
                        logger.info(
                            "topic config changed",
                            metadata: [
                                "topic": "\(topic)", "overrides": "\(overrides)",
                                "retention.ms": "\(config.retentionMs)",
                            ])
                    }
                    for await _ in watch { break }
                } catch is CancellationError {
                    return
                } catch {
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
        }
    }
}
