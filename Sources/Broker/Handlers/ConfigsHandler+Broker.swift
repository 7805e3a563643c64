import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging

/// AlterConfigs, IncrementalAlterConfigs and DescribeConfigs on BROKER resources: a broker id
/// for that broker's own dynamic configs, "" for the cluster default, as Kafka 3.x in ZooKeeper
/// mode keeps them (`ZkAdminManager.alterBrokerConfigs`).
extension ConfigsHandler {
    func setBrokerConfigs(
        _ name: String, validateOnly: Bool, _ change: ([String: String]) throws(TopicError) -> [String: String]
    ) async -> TopicError? {
        let perBroker = !name.isEmpty
        if perBroker {
            guard let id = Int32(name) else {
                return TopicError(.invalidRequest, "Broker id must be an integer, but it is: \(name)")
            }
            guard id == self.state.brokerId else {
                return TopicError(
                    .invalidRequest, "Unexpected broker id, expected \(self.state.brokerId), but received \(name)")
            }
        }
        do throws(TopicError) {
            let layers = self.state.dynamicConfig.layers
            let updated = try change(perBroker ? layers.broker : layers.clusterDefault)
            if let problem = DynamicBrokerConfigRules.problem(in: updated, perBroker: perBroker) {
                throw TopicError(
                    .invalidConfig,
                    "Invalid config value for resource ConfigResource(type=BROKER, name='\(name)'): \(problem)")
            }
            if validateOnly { return nil }
            if let cluster = self.state.cluster {
                let entity = perBroker ? name : ZkPaths.defaultBrokerEntity
                do {
                    try await TopicConfigChanges.writeBrokerConfigs(updated, entity: entity, zk: cluster.zk)
                    try await TopicConfigChanges.loadBrokerConfigs(zk: cluster.zk, state: self.state)
                } catch {
                    throw TopicError(
                        .unknownServerError, "could not write the broker's configs to the metadata server: \(error)")
                }
            } else {
                do {
                    try self.state.dynamicConfig.replace(perBroker: perBroker, with: updated)
                } catch {
                    throw TopicError(.kafkaStorageError, "could not save the dynamic broker configs: \(error)")
                }
                for topic in await self.state.topics.all {
                    let config = self.state.logConfig(for: topic)
                    for log in self.state.logManager.allLogs where log.topicPartition.topic == topic.name {
                        log.updateConfig(config)
                    }
                }
            }
            self.state.logger.info(
                "altered broker configs",
                metadata: ["resource": "\(perBroker ? name : "<default>")", "configs": "\(updated)"])
            return nil
        } catch {
            return error
        }
    }

    /// This broker's configs: every key set anywhere plus the `log.*` defaults Samsa acts on,
    /// read-only unless Kafka can change it at runtime.
    func brokerEntries(keys: [String]?, synonyms includeSynonyms: Bool) -> [DescribeConfigsResponse
        .DescribeConfigsResourceResult]
    {
        let dynamic = self.state.dynamicConfig
        let layers = dynamic.layers
        var names = Set(self.state.config.originals.keys).union(layers.broker.keys).union(layers.clusterDefault.keys)
        let kafkaDefaults = Dictionary(
            TopicConfigCatalog.all.compactMap { definition in
                definition.brokerSynonym.map { ($0, definition.defaultValue) }
            },
            uniquingKeysWith: { first, _ in first })
        for (name, _) in kafkaDefaults where !Self.nullDefaultKeys.contains(name) { names.insert(name) }
        return names.sorted().filter { keys?.contains($0) ?? true }.map { name in
            var chain: [DescribeConfigsResponse.DescribeConfigsSynonym] = []
            if let value = layers.broker[name] {
                chain.append(.init(name: name, value: value, source: ConfigSource.dynamicBroker.rawValue))
            }
            if let value = layers.clusterDefault[name] {
                chain.append(.init(name: name, value: value, source: ConfigSource.dynamicDefaultBroker.rawValue))
            }
            if let value = self.state.config.originals[name] {
                chain.append(.init(name: name, value: value, source: ConfigSource.staticBroker.rawValue))
            }
            if let value = kafkaDefaults[name], !Self.nullDefaultKeys.contains(name) {
                chain.append(.init(name: name, value: value, source: ConfigSource.default.rawValue))
            }
            let sensitive = name.contains("password") || name.hasSuffix("jaas.config")
            let source = chain.first?.source ?? ConfigSource.default.rawValue
            return .init(
                name: name, value: sensitive ? nil : chain.first?.value,
                readOnly: !DynamicBrokerConfigRules.isDynamic(name),
                isDefault: source == ConfigSource.default.rawValue, configSource: source, isSensitive: sensitive,
                synonyms: includeSynonyms ? chain : [], configType: 0, documentation: nil)
        }
    }

    /// The cluster default resource ("") lists only the dynamic defaults, as Kafka does.
    func defaultBrokerEntries(keys: [String]?, synonyms includeSynonyms: Bool) -> [DescribeConfigsResponse
        .DescribeConfigsResourceResult]
    {
        let defaults = self.state.dynamicConfig.layers.clusterDefault
        return defaults.keys.sorted().filter { keys?.contains($0) ?? true }.map { name in
            let synonym = DescribeConfigsResponse.DescribeConfigsSynonym(
                name: name, value: defaults[name], source: ConfigSource.dynamicDefaultBroker.rawValue)
            return .init(
                name: name, value: defaults[name], readOnly: false, isDefault: false,
                configSource: ConfigSource.dynamicDefaultBroker.rawValue, isSensitive: false,
                synonyms: includeSynonyms ? [synonym] : [], configType: 0, documentation: nil)
        }
    }

    /// Broker keys Kafka defines without a default (the hours/minutes forms supply it).
    private static let nullDefaultKeys: Set<String> = [
        "log.retention.ms", "log.roll.ms", "log.flush.interval.ms", "log.roll.jitter.ms",
    ]
}
