import Logging
import KafkaProtocol
import LogStorage

/// CreateTopics, DeleteTopics and CreatePartitions on a standalone broker: the broker is its own
/// controller, so it records the change and creates or deletes partition directories at once.
struct TopicAdminHandler {
    let state: BrokerState

    func createTopics(_ request: CreateTopicsRequest, context: RequestContext) async -> CreateTopicsResponse {
        var response = CreateTopicsResponse()
        var seen: Set<String> = []
        for topic in request.topics {
            var result = CreateTopicsResponse.CreatableTopicResult(name: topic.name)
            defer { response.topics.append(result) }
            guard seen.insert(topic.name).inserted else {
                result.errorCode = ErrorCode.invalidRequest.rawValue
                result.errorMessage = "Topic '\(topic.name)' appears more than once in the request."
                continue
            }
            do {
                let record = try await self.create(topic, validateOnly: request.validateOnly)
                result.topicId = record.id
                result.numPartitions = record.partitions
                result.replicationFactor = record.replicationFactor
                result.configs = self.describeConfigs(of: record)
            } catch {
                result.errorCode = error.code.rawValue
                result.errorMessage = error.message
            }
        }
        return response
    }

    private func create(_ topic: CreateTopicsRequest.CreatableTopic, validateOnly: Bool) async throws(TopicError)
        -> TopicRecord
    {
        var partitions = topic.numPartitions == -1 ? self.state.config.numPartitions : topic.numPartitions
        var replicationFactor =
            topic.replicationFactor == -1 ? self.state.config.defaultReplicationFactor : topic.replicationFactor
        if !topic.assignments.isEmpty {
            guard topic.numPartitions == -1, topic.replicationFactor == -1 else {
                throw TopicError(
                    .invalidRequest,
                    "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.")
            }
            let indexes = topic.assignments.map(\.partitionIndex).sorted()
            guard indexes == Array(0..<Int32(indexes.count)) else {
                throw TopicError(.invalidReplicaAssignment, "Partitions should be a consecutive 0-based integer sequence.")
            }
            for assignment in topic.assignments {
                guard assignment.brokerIds.allSatisfy({ $0 == self.state.brokerId }), !assignment.brokerIds.isEmpty else {
                    throw TopicError(
                        .invalidReplicaAssignment,
                        "Partition \(assignment.partitionIndex) is assigned to brokers \(assignment.brokerIds) but only broker \(self.state.brokerId) exists.")
                }
            }
            partitions = Int32(topic.assignments.count)
            replicationFactor = Int16(topic.assignments[0].brokerIds.count)
        }
        guard partitions >= 1 else { throw TopicError(.invalidPartitions, "Number of partitions must be larger than 0.") }
        guard replicationFactor >= 1 else {
            throw TopicError(.invalidReplicationFactor, "Replication factor must be larger than 0.")
        }
        guard replicationFactor <= 1 else {
            throw TopicError(
                .invalidReplicationFactor, "Replication factor: \(replicationFactor) larger than available brokers: 1.")
        }
        var configs: [String: String] = [:]
        for config in topic.configs {
            guard let value = config.value else {
                throw TopicError(.invalidConfig, "Null value not supported for topic configs: \(config.name)")
            }
            configs[config.name] = value
        }
        let record = try await self.state.topics.create(
            name: topic.name, partitions: partitions, replicationFactor: replicationFactor, configs: configs,
            defaults: self.state.config.logConfig, validateOnly: validateOnly)
        if !validateOnly {
            do {
                try self.state.createLogs(for: record)
            } catch {
                throw TopicError(.kafkaStorageError, error.description)
            }
            self.state.logger.info(
                "created topic", metadata: ["topic": "\(record.name)", "partitions": "\(record.partitions)"])
        }
        return record
    }

    private func describeConfigs(of record: TopicRecord) -> [CreateTopicsResponse.CreatableTopicConfigs] {
        let config = self.state.logConfig(for: record)
        return LogConfig.keys.map { key in
            let isOverride = record.configs[key.rawValue] != nil
            let fromBroker = self.state.config.originals[key.brokerKey] != nil
            return .init(
                name: key.rawValue, value: config.value(of: key), readOnly: false,
                configSource: (isOverride ? ConfigSource.dynamicTopic : fromBroker ? .staticBroker : .default).rawValue,
                isSensitive: false)
        }
    }

    func deleteTopics(_ request: DeleteTopicsRequest, context: RequestContext) async -> DeleteTopicsResponse {
        var response = DeleteTopicsResponse()
        var targets: [(name: String?, id: KafkaUUID)] = request.topicNames.map { ($0, .zero) }
        targets += request.topics.map { ($0.name, $0.topicId) }
        for target in targets {
            var result = DeleteTopicsResponse.DeletableTopicResult(name: target.name, topicId: target.id)
            defer { response.responses.append(result) }
            guard self.state.config.deleteTopicEnable else {
                result.errorCode = ErrorCode.topicDeletionDisabled.rawValue
                result.errorMessage = "Topic deletion is disabled (delete.topic.enable=false)."
                continue
            }
            var name = target.name
            if name == nil { name = await self.state.topics.topic(id: target.id)?.name }
            guard let name else {
                result.errorCode = ErrorCode.unknownTopicId.rawValue
                result.errorMessage = "This server does not host a topic with id \(target.id.base64URLString)."
                continue
            }
            do {
                let record = try await self.state.topics.delete(name: name)
                for partition in 0..<record.partitions {
                    self.state.logManager.deleteLog(for: TopicPartition(name, partition))
                }
                result.name = name
                result.topicId = record.id
                self.state.logger.info("deleted topic", metadata: ["topic": "\(name)"])
            } catch {
                result.errorCode = error.code.rawValue
                result.errorMessage = error.message
            }
        }
        return response
    }

    func createPartitions(_ request: CreatePartitionsRequest, context: RequestContext) async -> CreatePartitionsResponse {
        var response = CreatePartitionsResponse()
        for topic in request.topics {
            var result = CreatePartitionsResponse.CreatePartitionsTopicResult(name: topic.name)
            do throws(TopicError) {
                let record = try await self.state.topics.setPartitionCount(
                    topic.count, of: topic.name, validateOnly: request.validateOnly)
                if !request.validateOnly {
                    do {
                        try self.state.createLogs(for: record)
                    } catch {
                        throw TopicError(.kafkaStorageError, error.description)
                    }
                }
            } catch {
                result.errorCode = error.code.rawValue
                result.errorMessage = error.message
            }
            response.results.append(result)
        }
        return response
    }
}

/// Where a config value comes from, with Kafka's numbers (DescribeConfigs `config_source`).
enum ConfigSource: Int8 {
    case unknown = 0
    case dynamicTopic = 1
    case dynamicBroker = 2
    case dynamicDefaultBroker = 3
    case staticBroker = 4
    case `default` = 5
}
