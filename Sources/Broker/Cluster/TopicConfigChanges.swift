import KafkaProtocol
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
    static func apply(_ overrides: [String: String], to topic: String, brokerConfig: BrokerConfig, logManager: LogManager) -> LogConfig {
        let config = (try? brokerConfig.logConfig.applying(overrides)) ?? brokerConfig.logConfig
        for log in logManager.allLogs where log.topicPartition.topic == topic {
            log.updateConfig(config)
        }
        return config
    }

    /// Watches `/config/changes` until cancelled: each notification newer than the ones present
    /// at start re-reads its topic's overrides and applies them here.
    static func watch(zk: KafkaZkClient, brokerConfig: BrokerConfig, logManager: LogManager, logger: Logger) -> Task<Void, Never> {
        Task {
            var seen: Set<String>?
            while !Task.isCancelled {
                do {
                    try await zk.ensurePath(ZkPaths.configChanges)
                    let (children, watch) = try await zk.childrenWatching(ZkPaths.configChanges)
                    let fresh = seen.map { old in children.filter { !old.contains($0) }.sorted() } ?? []
                    seen = Set(children)
                    for child in fresh {
                        guard let (notification, _) = try await zk.get(Notification.self, at: "\(ZkPaths.configChanges)/\(child)"),
                            notification.entityPath.hasPrefix("topics/")
                        else { continue }
                        let topic = String(notification.entityPath.dropFirst("topics/".count))
                        let overrides = try await zk.topicConfig(topic)
                        let config = Self.apply(overrides, to: topic, brokerConfig: brokerConfig, logManager: logManager)
                        logger.info(
                            "topic config changed", metadata: ["topic": "\(topic)", "overrides": "\(overrides)", "retention.ms": "\(config.retentionMs)"])
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
