import KafkaProtocol
import LogStorage
import Logging

/// DescribeConfigs, AlterConfigs and IncrementalAlterConfigs for topics (and describing the
/// broker). Topic overrides are saved with the topic and applied to its logs at once, so
/// `retention.ms` changed from a lab takes effect at the next retention check.
struct ConfigsHandler {
    static let topicResource: Int8 = 2
    static let brokerResource: Int8 = 4

    let state: BrokerState

    func describeConfigs(_ request: DescribeConfigsRequest, context: RequestContext) async -> DescribeConfigsResponse {
        var response = DescribeConfigsResponse()
        for resource in request.resources {
            var result = DescribeConfigsResponse.DescribeConfigsResult(
                resourceType: resource.resourceType, resourceName: resource.resourceName)
            switch resource.resourceType {
            case Self.topicResource:
                if let overrides = await self.topicOverrides(resource.resourceName) {
                    result.configs = self.topicEntries(overrides, keys: resource.configurationKeys, request: request)
                } else {
                    result.errorCode = ErrorCode.unknownTopicOrPartition.rawValue
                    result.errorMessage = "Topic \(resource.resourceName) does not exist."
                }
            case Self.brokerResource:
                if resource.resourceName.isEmpty {
                    result.configs = self.defaultBrokerEntries(
                        keys: resource.configurationKeys, synonyms: request.includeSynonyms)
                } else if resource.resourceName == String(self.state.brokerId) {
                    result.configs = self.brokerEntries(
                        keys: resource.configurationKeys, synonyms: request.includeSynonyms)
                } else {
                    result.errorCode = ErrorCode.invalidRequest.rawValue
                    result.errorMessage =
                        "Unexpected broker id, expected \(self.state.brokerId) or empty string, but received \(resource.resourceName)"
                }
            default:
                result.errorCode = ErrorCode.invalidRequest.rawValue
                result.errorMessage =
                    "Resource type \(resource.resourceType) is not supported; use TOPIC (2) or BROKER (4)."
            }
            response.results.append(result)
        }
        return response
    }

    /// A topic's overrides, nil if it does not exist: from the topic registry standalone, from
    /// `/config/topics/<topic>` in a cluster.
    private func topicOverrides(_ name: String) async -> [String: String]? {
        guard let cluster = self.state.cluster else { return await self.state.topics.topic(named: name)?.configs }
        guard cluster.metadata.topic(name) != nil else { return nil }
        return (try? await cluster.zk.topicConfig(name)) ?? [:]
    }

    /// Every topic config Kafka knows, with its value, source and (if asked) synonyms: the
    /// topic's override, then the broker's `server.properties`, then Kafka's default.
    private func topicEntries(_ overrides: [String: String], keys: [String]?, request: DescribeConfigsRequest)
        -> [DescribeConfigsResponse.DescribeConfigsResourceResult]
    {
        let defaults = self.state.logDefaults
        let config = (try? defaults.applying(overrides)) ?? defaults
        return TopicConfigCatalog.all.filter { keys?.contains($0.name) ?? true }.map { definition in
            let override = overrides[definition.name].map { (try? definition.parse($0)) ?? $0 }
            let broker = definition.brokerSynonym.flatMap { self.state.dynamicConfig.value(of: $0) }
            let brokerSource: ConfigSource? = broker.map {
                switch $0.1 {
                case .dynamicBroker: .dynamicBroker
                case .dynamicDefault: .dynamicDefaultBroker
                case .staticFile: .staticBroker
                }
            }
            let source: ConfigSource = override != nil ? .dynamicTopic : brokerSource ?? .default
            var synonyms: [DescribeConfigsResponse.DescribeConfigsSynonym] = []
            if request.includeSynonyms {
                if let override {
                    synonyms.append(
                        .init(name: definition.name, value: override, source: ConfigSource.dynamicTopic.rawValue))
                }
                if let brokerKey = definition.brokerSynonym {
                    if let broker, let brokerSource {
                        synonyms.append(.init(name: brokerKey, value: broker.0, source: brokerSource.rawValue))
                    }
                    synonyms.append(
                        .init(name: brokerKey, value: definition.defaultValue, source: ConfigSource.default.rawValue))
                }
            }
            return .init(
                name: definition.name, value: config.value(ofConfig: definition.name), readOnly: false,
                isDefault: source == .default, configSource: source.rawValue, isSensitive: false, synonyms: synonyms,
                configType: definition.type.describeConfigsId, documentation: nil)
        }
    }

    func alterConfigs(_ request: AlterConfigsRequest, context: RequestContext) async -> AlterConfigsResponse {
        var response = AlterConfigsResponse()
        for resource in request.resources {
            var result = AlterConfigsResponse.AlterConfigsResourceResponse(
                resourceType: resource.resourceType, resourceName: resource.resourceName)
            // AlterConfigs replaces the whole set of overrides with the one given.
            var configs: [String: String] = [:]
            for entry in resource.configs { configs[entry.name] = entry.value }
            if let error = await self.setTopicConfigs(
                resource.resourceType, resource.resourceName, validateOnly: request.validateOnly, { _ in configs })
            {
                result.errorCode = error.code.rawValue
                result.errorMessage = error.message
            }
            response.responses.append(result)
        }
        return response
    }

    func incrementalAlterConfigs(_ request: IncrementalAlterConfigsRequest, context: RequestContext) async
        -> IncrementalAlterConfigsResponse
    {
        var response = IncrementalAlterConfigsResponse()
        for resource in request.resources {
            var result = IncrementalAlterConfigsResponse.AlterConfigsResourceResponse(
                resourceType: resource.resourceType, resourceName: resource.resourceName)
            let error = await self.setTopicConfigs(
                resource.resourceType, resource.resourceName, validateOnly: request.validateOnly
            ) { current throws(TopicError) in
                var configs = current
                for entry in resource.configs {
                    try Self.apply(entry, to: &configs, isTopic: resource.resourceType == Self.topicResource)
                }
                return configs
            }
            if let error {
                result.errorCode = error.code.rawValue
                result.errorMessage = error.message
            }
            response.responses.append(result)
        }
        return response
    }

    /// SET 0, DELETE 1, APPEND 2, SUBTRACT 3 (the last two only for list configs), as Kafka's
    /// `prepareIncrementalConfigs` does them.
    /// Broker configs take SET and DELETE here (none of the ones Samsa uses is a list).
    private static func apply(
        _ entry: IncrementalAlterConfigsRequest.AlterableConfig, to configs: inout [String: String], isTopic: Bool
    ) throws(TopicError) {
        switch entry.configOperation {
        case 0:
            guard let value = entry.value else {
                throw TopicError(.invalidRequest, "Null value not supported for : \(entry.name)")
            }
            configs[entry.name] = value
        case 1:
            configs[entry.name] = nil
        case 2, 3:
            let verb = entry.configOperation == 2 ? "append" : "subtract"
            guard isTopic else {
                throw TopicError(.invalidRequest, "Config value \(verb) is not allowed for config key: \(entry.name)")
            }
            guard let definition = TopicConfigCatalog.definition(entry.name) else {
                throw TopicError(.invalidConfig, TopicConfigRejection.unknownName(entry.name).description)
            }
            guard definition.type == .list else {
                throw TopicError(.invalidRequest, "Config value \(verb) is not allowed for config key: \(entry.name)")
            }
            let given = (entry.value ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            var items = (configs[entry.name] ?? definition.defaultValue).split(separator: ",")
                .map { String($0).trimmingCharacters(in: " ") }
            if entry.configOperation == 2 {
                items += given.filter { !items.contains($0) }
            } else {
                items.removeAll { given.contains($0) }
            }
            configs[entry.name] = items.joined(separator: ",")
        default:
            throw TopicError(.invalidRequest, "Unknown config operation \(entry.configOperation); use 0-3.")
        }
    }

    /// Checks a topic's new overrides as Kafka's AlterConfigs does: an unknown name or a broken
    /// rule keeps Kafka's sentence, a bad value is prefixed with the resource (`ConfigException`).
    static func validateTopicConfigs(_ configs: [String: String], topic: String) throws(TopicError) {
        do {
            _ = try TopicConfigCatalog.validate(configs)
        } catch {
            let text =
                error.isValueError
                ? "Invalid config value for resource ConfigResource(type=TOPIC, name='\(topic)'): \(error.description)"
                : error.description
            throw TopicError(.invalidConfig, text)
        }
    }

    private func setTopicConfigs(
        _ resourceType: Int8, _ name: String, validateOnly: Bool,
        _ change: ([String: String]) throws(TopicError) -> [String: String]
    ) async -> TopicError? {
        if resourceType == Self.brokerResource {
            return await self.setBrokerConfigs(name, validateOnly: validateOnly, change)
        }
        guard resourceType == Self.topicResource else {
            return TopicError(
                .invalidRequest, "Resource type \(resourceType) is not supported; use TOPIC (2) or BROKER (4).")
        }
        if let cluster = self.state.cluster {
            return await self.setTopicConfigsInCluster(name, cluster: cluster, validateOnly: validateOnly, change)
        }
        do throws(TopicError) {
            guard let topic = await self.state.topics.topic(named: name) else {
                throw TopicError(.unknownTopicOrPartition, "Topic \(name) does not exist.")
            }
            let configs = try change(topic.configs)
            try Self.validateTopicConfigs(configs, topic: name)
            let updated = try await self.state.topics.setConfigs(
                configs, of: name, defaults: self.state.logDefaults, validateOnly: validateOnly)
            if !validateOnly {
                let config = self.state.logConfig(for: updated)
                for partition in 0..<updated.partitions {
                    self.state.logManager.log(for: TopicPartition(name, partition))?.updateConfig(config)
                }
                self.state.logger.info(
                    "altered topic configs", metadata: ["topic": "\(name)", "configs": "\(updated.configs)"])
            }
            return nil
        } catch {
            return error
        }
    }

    /// Cluster mode: validates, writes `/config/topics/<topic>` plus a change notification (every
    /// broker applies it to its logs), and applies it here at once.
    private func setTopicConfigsInCluster(
        _ name: String, cluster: ClusterContext, validateOnly: Bool,
        _ change: ([String: String]) throws(TopicError) -> [String: String]
    ) async -> TopicError? {
        guard cluster.metadata.topic(name) != nil else {
            return TopicError(.unknownTopicOrPartition, "Topic \(name) does not exist.")
        }
        do throws(TopicError) {
            let current: [String: String]
            do {
                current = try await cluster.zk.topicConfig(name)
            } catch {
                throw TopicError(
                    .unknownServerError, "could not read the topic's configs from the metadata server: \(error)")
            }
            let updated = try change(current)
            try Self.validateTopicConfigs(updated, topic: name)
            if validateOnly { return nil }
            do {
                try await TopicConfigChanges.write(updated, of: name, zk: cluster.zk)
            } catch {
                throw TopicError(
                    .unknownServerError, "could not write the topic's configs to the metadata server: \(error)")
            }
            _ = TopicConfigChanges.apply(
                updated, to: name, defaults: self.state.logDefaults, logManager: self.state.logManager)
            self.state.logger.info("altered topic configs", metadata: ["topic": "\(name)", "configs": "\(updated)"])
            return nil
        } catch {
            return error
        }
    }
}
