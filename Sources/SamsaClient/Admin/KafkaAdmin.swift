import KafkaProtocol

/// Cluster administration as `kafka-topics`, `kafka-configs` and `kafka-get-offsets` do it: topics,
/// partitions, configs, the cluster itself, and offsets by time.
public struct KafkaAdmin: Sendable {
    public let client: KafkaClient

    public init(client: KafkaClient) {
        self.client = client
    }

    public init(bootstrapServers: String, clientId: String = "samsa-admin") throws(SamsaClientError) {
        self.client = try KafkaClient(bootstrapServers: bootstrapServers, clientId: clientId)
    }

    /// Closes the connections of the underlying client.
    public func close() async {
        await self.client.close()
    }

    // MARK: Topics

    /// Creates topics on the controller. Throws the first per-topic error, naming its topic.
    public func createTopics(_ topics: [NewTopic], timeout: Duration = .seconds(30), validateOnly: Bool = false)
        async throws
    {
        let request = CreateTopicsRequest(
            topics: topics.map { topic in
                CreateTopicsRequest.CreatableTopic(
                    name: topic.name,
                    numPartitions: topic.replicaAssignment.isEmpty ? topic.numPartitions : -1,
                    replicationFactor: topic.replicaAssignment.isEmpty ? topic.replicationFactor : -1,
                    assignments: topic.replicaAssignment.sorted { $0.key < $1.key }.map {
                        CreateTopicsRequest.CreatableReplicaAssignment(partitionIndex: $0.key, brokerIds: $0.value)
                    },
                    configs: topic.configs.sorted { $0.key < $1.key }.map {
                        CreateTopicsRequest.CreatableTopicConfig(name: $0.key, value: $0.value)
                    })
            },
            timeoutMs: Self.milliseconds(timeout), validateOnly: validateOnly)
        let response = try await self.client.sendToController(request)
        for result in response.topics {
            try Self.check(result.errorCode, result.errorMessage, "creating topic \(result.name)")
        }
        _ = try? await self.client.refreshMetadata(topics: topics.map(\.name))
    }

    public func createTopic(
        _ name: String, partitions: Int32 = -1, replicationFactor: Int16 = -1, configs: [String: String] = [:]
    ) async throws {
        try await self.createTopics(
            [NewTopic(name: name, numPartitions: partitions, replicationFactor: replicationFactor, configs: configs)])
    }

    /// Deletes topics by name.
    public func deleteTopics(_ names: [String], timeout: Duration = .seconds(30)) async throws {
        let request = DeleteTopicsRequest(topicNames: names, timeoutMs: Self.milliseconds(timeout))
        let response = try await self.client.sendToController(request)
        for result in response.responses {
            try Self.check(result.errorCode, result.errorMessage, "deleting topic \(result.name ?? "?")")
        }
        _ = try? await self.client.refreshMetadata(topics: [])
    }

    /// All topic names (internal ones only when asked).
    public func listTopics(includeInternal: Bool = false) async throws -> [String] {
        let metadata = try await self.client.refreshMetadata(topics: nil)
        return metadata.topics.values.filter { includeInternal || !$0.isInternal }.map(\.name).sorted()
    }

    /// Partitions, leaders, replicas and ISR of each topic; throws for a topic that does not exist.
    public func describeTopics(_ names: [String]) async throws -> [TopicDescription] {
        let metadata = try await self.client.refreshMetadata(topics: names)
        return try names.map { name throws(SamsaClientError) -> TopicDescription in
            guard let topic = metadata.topics[name] else { throw .unknownTopic(name) }
            if topic.error == .unknownTopicOrPartition { throw .unknownTopic(name) }
            try Self.check(topic.error.rawValue, nil, "describing topic \(name)")
            return TopicDescription(
                name: name, topicId: topic.topicId, isInternal: topic.isInternal, partitions: topic.partitions)
        }
    }

    /// Raises the partition count of topics to the given totals (Kafka cannot lower it).
    /// `assignments` optionally places the new partitions of a topic: one broker list per new partition.
    public func createPartitions(
        _ totals: [String: Int32], assignments: [String: [[Int32]]] = [:], timeout: Duration = .seconds(30)
    ) async throws {
        let request = CreatePartitionsRequest(
            topics: totals.sorted { $0.key < $1.key }.map {
                CreatePartitionsRequest.CreatePartitionsTopic(
                    name: $0.key, count: $0.value,
                    assignments: assignments[$0.key].map {
                        $0.map { CreatePartitionsRequest.CreatePartitionsAssignment(brokerIds: $0) }
                    })
            },
            timeoutMs: Self.milliseconds(timeout), validateOnly: false)
        let response = try await self.client.sendToController(request)
        for result in response.results {
            try Self.check(result.errorCode, result.errorMessage, "adding partitions to \(result.name)")
        }
        _ = try? await self.client.refreshMetadata(topics: Array(totals.keys))
    }

    // MARK: Configs

    /// Config entries of a resource (all of them, or only `keys`).
    public func describeConfigs(_ resource: ConfigResource, keys: [String]? = nil) async throws -> [ConfigEntry] {
        let request = DescribeConfigsRequest(
            resources: [
                .init(resourceType: resource.resourceType, resourceName: resource.resourceName, configurationKeys: keys)
            ],
            includeSynonyms: false, includeDocumentation: false)
        let response = try await self.send(request, for: resource)
        guard let result = response.results.first else {
            throw SamsaClientError.malformedResponse(.describeConfigs, reason: "no result for \(resource)")
        }
        try Self.check(result.errorCode, result.errorMessage, "describing configs of \(resource)")
        return result.configs.map {
            ConfigEntry(
                name: $0.name, value: $0.value, isReadOnly: $0.readOnly,
                isDefault: $0.isDefault || $0.configSource == 5,
                isSensitive: $0.isSensitive, source: $0.configSource)
        }
    }

    /// Changes configs one key at a time (IncrementalAlterConfigs, KIP-339), leaving other keys alone.
    public func alterConfigs(_ resource: ConfigResource, _ operations: [AlterConfigOperation]) async throws {
        let request = IncrementalAlterConfigsRequest(
            resources: [
                .init(
                    resourceType: resource.resourceType, resourceName: resource.resourceName,
                    configs: operations.map(\.wire))
            ], validateOnly: false)
        let response = try await self.send(request, for: resource)
        for result in response.responses {
            try Self.check(result.errorCode, result.errorMessage, "altering configs of \(resource)")
        }
    }

    /// Broker configs go to that broker, topic configs to the controller (as Kafka's AdminClient routes them).
    private func send<Request: KafkaRequest>(_ request: Request, for resource: ConfigResource) async throws
        -> Request.Response
    {
        switch resource {
        case .broker(let id): try await self.client.send(request, to: id)
        case .topic: try await self.client.sendToController(request)
        }
    }

    // MARK: Cluster

    /// Cluster id, controller and brokers; uses DescribeCluster when the broker has it, else Metadata.
    public func describeCluster() async throws -> ClusterDescription {
        let connection = try await self.client.anyConnection()
        if connection.brokerVersionRange(for: .describeCluster) != nil {
            let response = try await connection.send(DescribeClusterRequest())
            try Self.check(response.errorCode, response.errorMessage, "describing the cluster")
            return ClusterDescription(
                clusterId: response.clusterId, controllerId: response.controllerId,
                brokers: response.brokers.map {
                    ClusterMetadata.Broker(
                        nodeId: $0.brokerId, address: BrokerAddress(host: $0.host, port: Int($0.port)), rack: $0.rack)
                }.sorted { $0.nodeId < $1.nodeId })
        }
        let metadata = try await self.client.refreshMetadata(topics: [])
        return ClusterDescription(
            clusterId: metadata.clusterId ?? "", controllerId: metadata.controllerId,
            brokers: metadata.brokers.values.sorted { $0.nodeId < $1.nodeId })
    }

    // MARK: Offsets

    /// ListOffsets for each partition, sent to each partition's leader.
    public func listOffsets(_ partitions: [TopicPartition], spec: OffsetSpec) async throws -> [TopicPartition:
        ListedOffset]
    {
        try await OffsetLister(client: self.client).listOffsets(
            Dictionary(partitions.map { ($0, spec) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Each partition's log end offset on its leader: ListOffsets "latest" sent with replica_id -2, the
    /// debugging replica id, for which brokers answer the log end offset rather than the high watermark.
    public func listLogEndOffsets(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        let listed = try await OffsetLister(client: self.client).listOffsets(
            Dictionary(partitions.map { ($0, OffsetSpec.latest) }, uniquingKeysWith: { first, _ in first }),
            replicaId: -2)
        return listed.mapValues(\.offset)
    }

    // MARK: Helpers

    static func check(_ code: Int16, _ message: String?, _ context: String) throws(SamsaClientError) {
        guard code != 0 else { return }
        let error = ErrorCode(rawValue: code) ?? .unknownServerError
        if error == .unknownTopicOrPartition, context.hasPrefix("describing topic ") {
            throw .unknownTopic(String(context.dropFirst("describing topic ".count)))
        }
        let detail = message.map { " (\($0))" } ?? ""
        throw .kafka(error, context: context + detail)
    }

    static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(clamping: BrokerConnection.nanoseconds(duration) / 1_000_000)
    }
}
