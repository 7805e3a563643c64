import Logging
import KafkaProtocol
import LogStorage

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
                if resource.resourceName.isEmpty || resource.resourceName == String(self.state.brokerId) {
                    result.configs = self.brokerEntries(keys: resource.configurationKeys)
                } else {
                    result.errorCode = ErrorCode.invalidRequest.rawValue
                    result.errorMessage = "Broker \(resource.resourceName) is not this broker (\(self.state.brokerId))."
                }
            default:
                result.errorCode = ErrorCode.invalidRequest.rawValue
                result.errorMessage = "Resource type \(resource.resourceType) is not supported; use TOPIC (2) or BROKER (4)."
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

    private func topicEntries(_ overrides: [String: String], keys: [String]?, request: DescribeConfigsRequest)
        -> [DescribeConfigsResponse.DescribeConfigsResourceResult]
    {
        let config = (try? self.state.config.logConfig.applying(overrides)) ?? self.state.config.logConfig
        return LogConfig.keys.filter { keys?.contains($0.rawValue) ?? true }.map { key in
            let override = overrides[key.rawValue]
            let brokerValue = self.state.config.originals[key.brokerKey]
            let source: ConfigSource = override != nil ? .dynamicTopic : brokerValue != nil ? .staticBroker : .default
            var synonyms: [DescribeConfigsResponse.DescribeConfigsSynonym] = []
            if request.includeSynonyms {
                if let override { synonyms.append(.init(name: key.rawValue, value: override, source: ConfigSource.dynamicTopic.rawValue)) }
                if let brokerValue {
                    synonyms.append(.init(name: key.brokerKey, value: brokerValue, source: ConfigSource.staticBroker.rawValue))
                }
                synonyms.append(
                    .init(name: key.brokerKey, value: LogConfig().value(of: key), source: ConfigSource.default.rawValue))
            }
            return .init(
                name: key.rawValue, value: config.value(of: key), readOnly: false, isDefault: source == .default,
                configSource: source.rawValue, isSensitive: false, synonyms: synonyms,
                configType: Self.configType(key.typeName), documentation: nil)
        }
    }

    private func brokerEntries(keys: [String]?) -> [DescribeConfigsResponse.DescribeConfigsResourceResult] {
        self.state.config.originals.keys.sorted().filter { keys?.contains($0) ?? true }.map { name in
            .init(
                name: name, value: self.state.config.originals[name], readOnly: true, isDefault: false,
                configSource: ConfigSource.staticBroker.rawValue, isSensitive: name.contains("password"),
                synonyms: [], configType: 0, documentation: nil)
        }
    }

    /// Kafka's `ConfigType` numbers for DescribeConfigs v3+.
    private static func configType(_ name: String) -> Int8 {
        switch name {
        case "BOOLEAN": 1
        case "STRING": 2
        case "INT": 3
        case "SHORT": 4
        case "LONG": 5
        case "DOUBLE": 6
        case "LIST": 7
        default: 0
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
                    try Self.apply(entry, to: &configs)
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

    /// SET 0, DELETE 1, APPEND 2, SUBTRACT 3 (the last two for list-valued keys).
    private static func apply(_ entry: IncrementalAlterConfigsRequest.AlterableConfig, to configs: inout [String: String])
        throws(TopicError)
    {
        switch entry.configOperation {
        case 0:
            guard let value = entry.value else { throw TopicError(.invalidConfig, "SET of \(entry.name) needs a value.") }
            configs[entry.name] = value
        case 1:
            configs[entry.name] = nil
        case 2, 3:
            guard entry.name == LogConfig.Key.cleanupPolicy.rawValue, let value = entry.value else {
                throw TopicError(.invalidConfig, "APPEND and SUBTRACT only apply to list configs such as cleanup.policy.")
            }
            var items = (configs[entry.name] ?? "delete").split(separator: ",").map(String.init)
            if entry.configOperation == 2 {
                if !items.contains(value) { items.append(value) }
            } else {
                items.removeAll { $0 == value }
            }
            configs[entry.name] = items.joined(separator: ",")
        default:
            throw TopicError(.invalidRequest, "Unknown config operation \(entry.configOperation); use 0-3.")
        }
    }

    private func setTopicConfigs(
        _ resourceType: Int8, _ name: String, validateOnly: Bool,
        _ change: ([String: String]) throws(TopicError) -> [String: String]
    ) async -> TopicError? {
        guard resourceType == Self.topicResource else {
            return TopicError(
                .invalidRequest, "Only topic configs can be changed on this broker; broker configs come from server.properties.")
        }
        if let cluster = self.state.cluster {
            return await self.setTopicConfigsInCluster(name, cluster: cluster, validateOnly: validateOnly, change)
        }
        do throws(TopicError) {
            guard let topic = await self.state.topics.topic(named: name) else {
                throw TopicError(.unknownTopicOrPartition, "Topic \(name) does not exist.")
            }
            let updated = try await self.state.topics.setConfigs(
                try change(topic.configs), of: name, defaults: self.state.config.logConfig, validateOnly: validateOnly)
            if !validateOnly {
                let config = self.state.logConfig(for: updated)
                for partition in 0..<updated.partitions {
                    self.state.logManager.log(for: TopicPartition(name, partition))?.updateConfig(config)
                }
                self.state.logger.info("altered topic configs", metadata: ["topic": "\(name)", "configs": "\(updated.configs)"])
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
                throw TopicError(.unknownServerError, "could not read the topic's configs from the metadata server: \(error)")
            }
            let updated = try change(current)
            do {
                _ = try self.state.config.logConfig.applying(updated)
            } catch {
                throw TopicError(.invalidConfig, error.description)
            }
            if validateOnly { return nil }
            do {
                try await TopicConfigChanges.write(updated, of: name, zk: cluster.zk)
            } catch {
                throw TopicError(.unknownServerError, "could not write the topic's configs to the metadata server: \(error)")
            }
            _ = TopicConfigChanges.apply(updated, to: name, brokerConfig: self.state.config, logManager: self.state.logManager)
            self.state.logger.info("altered topic configs", metadata: ["topic": "\(name)", "configs": "\(updated)"])
            return nil
        } catch {
            return error
        }
    }
}
