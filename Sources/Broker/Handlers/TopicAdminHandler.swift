import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging

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
            if let cluster = self.state.cluster {
                let configs = Dictionary(topic.configs.compactMap { config in config.value.map { (config.name, $0) } })
                { $1 }
                var partitions = topic.numPartitions == -1 ? self.state.config.numPartitions : topic.numPartitions
                var replicationFactor =
                    topic.replicationFactor == -1 ? self.state.config.defaultReplicationFactor : topic.replicationFactor
                let assignment: [Int32: [Int32]]?
                do {
                    assignment = try Self.requestedAssignment(topic, brokers: Set(cluster.metadata.brokers.map(\.id)))
                } catch {
                    result.errorCode = error.code.rawValue
                    result.errorMessage = error.message
                    continue
                }
                if let assignment {
                    partitions = Int32(assignment.count)
                    replicationFactor = Int16(assignment[0]?.count ?? 0)
                }
                let outcome = await self.createInCluster(
                    name: topic.name, partitions: partitions, replicationFactor: replicationFactor,
                    assignment: assignment,
                    configs: configs, cluster: cluster, validateOnly: request.validateOnly,
                    waitMs: Int(request.timeoutMs))
                switch outcome {
                case .success(let id):
                    result.topicId = id
                    result.numPartitions = partitions
                    result.replicationFactor = replicationFactor
                case .failure(let error):
                    result.errorCode = error.code.rawValue
                    result.errorMessage = error.message
                }
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
        // Standalone: this broker is the only one a request may name (Kafka's checks otherwise).
        if let assignment = try Self.requestedAssignment(topic, brokers: [self.state.brokerId]) {
            partitions = Int32(assignment.count)
            replicationFactor = Int16(assignment[0]?.count ?? 0)
        }
        guard partitions >= 1 else {
            throw TopicError(.invalidPartitions, "Number of partitions must be larger than 0.")
        }
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
            defaults: self.state.logDefaults, validateOnly: validateOnly)
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

    /// Cluster mode: write `/config/topics/<t>` and `/brokers/topics/<t>` with Kafka's replica
    /// assignment; the controller creates the partitions. Waits (up to `waitMs`) until this
    /// broker's metadata shows every partition with a leader, so the caller can use it at once.
    /// A replica assignment given in the request, checked as Kafka's `ZkAdminManager` and
    /// `AdminZkClient` check it; nil when the request leaves placement to the broker.
    static func requestedAssignment(_ topic: CreateTopicsRequest.CreatableTopic, brokers: Set<Int32>) throws(TopicError)
        -> [Int32: [Int32]]?
    {
        guard !topic.assignments.isEmpty else { return nil }
        guard topic.numPartitions == -1, topic.replicationFactor == -1 else {
            throw TopicError(
                .invalidRequest,
                "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time."
            )
        }
        let indexes = topic.assignments.map(\.partitionIndex).sorted()
        guard indexes == Array(0..<Int32(indexes.count)) else {
            throw TopicError(.invalidReplicaAssignment, "Partitions should be a consecutive 0-based integer sequence.")
        }
        let unknown = Set(topic.assignments.flatMap(\.brokerIds)).subtracting(brokers).sorted()
        guard unknown.isEmpty else {
            throw TopicError(
                .invalidReplicaAssignment,
                "Unknown broker(s) in replica assignment: \(unknown.map(String.init).joined(separator: ", ")).")
        }
        guard Set(topic.assignments.map(\.brokerIds.count)).count == 1, !topic.assignments[0].brokerIds.isEmpty else {
            throw TopicError(.invalidReplicaAssignment, "All partitions should have the same number of replicas")
        }
        for item in topic.assignments where Set(item.brokerIds).count != item.brokerIds.count {
            throw TopicError(
                .invalidReplicaAssignment,
                "Duplicate replica assignment found: \(item.partitionIndex) -> \(item.brokerIds.map(String.init).joined(separator: ","))"
            )
        }
        return Dictionary(uniqueKeysWithValues: topic.assignments.map { ($0.partitionIndex, $0.brokerIds) })
    }

    func createInCluster(
        name: String, partitions: Int32, replicationFactor: Int16, assignment requested: [Int32: [Int32]]? = nil,
        configs: [String: String], cluster: ClusterContext, validateOnly: Bool, waitMs: Int
    ) async -> Result<KafkaUUID, TopicError> {
        do {
            try TopicName.validate(name)
        } catch {
            return .failure(TopicError(.invalidTopicException, error.description))
        }
        guard partitions >= 1 else {
            return .failure(TopicError(.invalidPartitions, "Number of partitions must be larger than 0."))
        }
        let brokers = cluster.metadata.brokers.map(\.id)
        guard replicationFactor >= 1, Int(replicationFactor) <= brokers.count else {
            return .failure(
                TopicError(
                    .invalidReplicationFactor,
                    "Replication factor: \(replicationFactor) larger than available brokers: \(brokers.count)."))
        }
        do {
            _ = try self.state.logDefaults.applying(configs)
        } catch {
            return .failure(TopicError(.invalidConfig, error.description))
        }
        let znodeExists = (try? await cluster.zk.exists(ZkPaths.topic(name))) != nil
        if cluster.metadata.topic(name) != nil || znodeExists {
            return .failure(TopicError(.topicAlreadyExists, "Topic '\(name)' already exists."))
        }
        let id = KafkaUUID.random()
        if validateOnly { return .success(id) }
        let assignment =
            requested
            ?? PartitionLeaderElection.assignReplicas(
                partitions: partitions, replicationFactor: replicationFactor, brokers: brokers)
        do {
            try await cluster.zk.ensurePath(ZkPaths.topicConfig(name))
            try await cluster.zk.set(ZkPaths.topicConfig(name), TopicConfigZNode(config: configs))
            try await cluster.zk.create(
                ZkPaths.topic(name), TopicZNode(topicId: id.base64URLString, assignment: assignment))
        } catch {
            let raced = (try? await cluster.zk.exists(ZkPaths.topic(name))) != nil
            if raced { return .failure(TopicError(.topicAlreadyExists, "Topic '\(name)' already exists.")) }
            return .failure(
                TopicError(.unknownServerError, "could not write the topic to the metadata server: \(error)"))
        }
        self.state.logger.info(
            "created topic", metadata: ["topic": "\(name)", "assignment": "\(assignment.sorted { $0.key < $1.key })"])
        await self.waitForMetadata(cluster: cluster, waitMs: waitMs) { metadata in
            guard let topic = metadata.topic(name) else { return false }
            return topic.partitions.count == Int(partitions) && topic.partitions.values.allSatisfy { $0.leader >= 0 }
        }
        return .success(id)
    }

    /// Polls this broker's metadata cache until `isDone` or `waitMs` passes (bounded).
    private func waitForMetadata(cluster: ClusterContext, waitMs: Int, _ isDone: (MetadataCache) -> Bool) async {
        let deadline = ContinuousClock.now + .milliseconds(max(0, min(waitMs, 30_000)))
        while ContinuousClock.now < deadline, !isDone(cluster.metadata), !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func describeConfigs(of record: TopicRecord) -> [CreateTopicsResponse.CreatableTopicConfigs] {
        let config = self.state.logConfig(for: record)
        return TopicConfigCatalog.all.map { definition in
            let isOverride = record.configs[definition.name] != nil
            let fromBroker = definition.brokerSynonym.flatMap { self.state.config.originals[$0] } != nil
            return .init(
                name: definition.name, value: config.value(ofConfig: definition.name), readOnly: false,
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
            if let cluster = self.state.cluster {
                if name == nil { name = cluster.metadata.topic(id: target.id)?.0 }
                guard let name, cluster.metadata.topic(name) != nil else {
                    result.errorCode = ErrorCode.unknownTopicOrPartition.rawValue
                    result.errorMessage = "This server does not host this topic-partition."
                    continue
                }
                result.name = name
                result.topicId = cluster.metadata.topic(name)?.id ?? .zero
                do {
                    try await cluster.zk.createEmpty(ZkPaths.deleteTopic(name))
                } catch {
                    // Already marked for deletion: wait for it like the first request did.
                }
                await self.waitForMetadata(cluster: cluster, waitMs: Int(request.timeoutMs)) { $0.topic(name) == nil }
                continue
            }
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

    func createPartitions(_ request: CreatePartitionsRequest, context: RequestContext) async -> CreatePartitionsResponse
    {
        var response = CreatePartitionsResponse()
        for topic in request.topics {
            var result = CreatePartitionsResponse.CreatePartitionsTopicResult(name: topic.name)
            if let cluster = self.state.cluster {
                if let error = await self.addPartitionsInCluster(
                    topic.name, count: topic.count, assignments: topic.assignments?.map(\.brokerIds), cluster: cluster,
                    validateOnly: request.validateOnly, waitMs: Int(request.timeoutMs))
                {
                    result.errorCode = error.code.rawValue
                    result.errorMessage = error.message
                }
                response.results.append(result)
                continue
            }
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

extension TopicAdminHandler {
    /// Cluster mode CreatePartitions: extend `/brokers/topics/<t>` (with the replicas the request
    /// gives for the new partitions, else Kafka's placement); the controller sees the data change
    /// and brings the new partitions online.
    func addPartitionsInCluster(
        _ name: String, count: Int32, assignments given: [[Int32]]? = nil, cluster: ClusterContext, validateOnly: Bool,
        waitMs: Int
    ) async -> TopicError? {
        guard var znode = try? await cluster.zk.topicAssignment(name) else {
            return TopicError(.unknownTopicOrPartition, "The topic '\(name)' does not exist.")
        }
        var assignment = znode.assignment
        let current = Int32(assignment.count)
        guard count > current else {
            return TopicError(
                .invalidPartitions,
                "Topic currently has \(current) partitions, which is higher than the requested \(count).")
        }
        let replicationFactor = Int16(assignment[0]?.count ?? 1)
        let brokers = cluster.metadata.brokers.map(\.id)
        guard Int(replicationFactor) <= brokers.count else {
            return TopicError(
                .invalidReplicationFactor,
                "Replication factor: \(replicationFactor) larger than available brokers: \(brokers.count).")
        }
        if let given {
            guard given.count == Int(count - current) else {
                return TopicError(
                    .invalidReplicaAssignment,
                    "Increasing the number of partitions by \(count - current) but \(given.count) assignments provided."
                )
            }
            let unknown = Set(given.flatMap { $0 }).subtracting(brokers).sorted()
            guard unknown.isEmpty else {
                return TopicError(
                    .invalidReplicaAssignment,
                    "Unknown broker(s) in replica assignment: \(unknown.map(String.init).joined(separator: ", ")).")
            }
            guard given.allSatisfy({ $0.count == Int(replicationFactor) && Set($0).count == $0.count }) else {
                return TopicError(
                    .invalidReplicaAssignment,
                    "Inconsistent replication factor between partitions, partition 0 has \(replicationFactor) replicas."
                )
            }
        }
        if validateOnly { return nil }
        let fresh = PartitionLeaderElection.assignReplicas(
            partitions: count, replicationFactor: replicationFactor, brokers: brokers)
        for partition in current..<count {
            assignment[partition] = given.map { $0[Int(partition - current)] } ?? fresh[partition]
        }
        znode.partitions = Dictionary(uniqueKeysWithValues: assignment.map { (String($0.key), $0.value) })
        do {
            try await cluster.zk.set(ZkPaths.topic(name), znode)
        } catch {
            return TopicError(.unknownServerError, "could not write the new partitions: \(error)")
        }
        await self.waitForMetadata(cluster: cluster, waitMs: waitMs) {
            ($0.topic(name)?.partitions.count ?? 0) == Int(count)
        }
        return nil
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
