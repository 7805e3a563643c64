import KafkaProtocol

/// Metadata: the brokers, the controller and, per topic, each partition's leader, replicas and
/// ISR. A standalone broker is all of these for every partition.
struct MetadataHandler {
    let state: BrokerState

    func handle(_ request: MetadataRequest, context: RequestContext) async -> MetadataResponse {
        if let cluster = self.state.cluster { return await self.handle(request, context: context, cluster: cluster) }
        let endpoint = self.state.advertisedEndpoint
        var response = MetadataResponse(
            brokers: [.init(nodeId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port))],
            clusterId: self.state.clusterId, controllerId: self.state.brokerId)
        // v0: an empty list means all topics; v1+: null means all, empty means none.
        let requested: [MetadataRequest.MetadataRequestTopic]? =
            context.apiVersion == 0 && (request.topics?.isEmpty ?? true) ? nil : request.topics
        guard let requested else {
            response.topics = await self.state.topics.all.map { self.describe($0) }
            return response
        }
        let mayCreate =
            self.state.config.autoCreateTopicsEnable && (context.apiVersion < 4 || request.allowAutoTopicCreation)
        for item in requested {
            var name = item.name
            if name == nil, item.topicId != .zero { name = await self.state.topics.topic(id: item.topicId)?.name }
            guard let name else {
                response.topics.append(
                    .init(errorCode: ErrorCode.unknownTopicId.rawValue, name: nil, topicId: item.topicId))
                continue
            }
            if let topic = await self.state.topics.topic(named: name) {
                response.topics.append(self.describe(topic))
                continue
            }
            guard TopicName.isValid(name) else {
                response.topics.append(.init(errorCode: ErrorCode.invalidTopicException.rawValue, name: name))
                continue
            }
            guard mayCreate else {
                response.topics.append(.init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: name))
                continue
            }
            do {
                response.topics.append(self.describe(try await self.state.autoCreate(name)))
            } catch {
                // Another request's auto-create won the race: retriable, as in cluster mode below.
                let code = error.code == .topicAlreadyExists ? ErrorCode.leaderNotAvailable : error.code
                response.topics.append(.init(errorCode: code.rawValue, name: name))
            }
        }
        return response
    }

    /// Cluster mode: the answer comes from the metadata cache the controller keeps current, so
    /// every broker gives the same one.
    private func handle(_ request: MetadataRequest, context: RequestContext, cluster: ClusterContext) async
        -> MetadataResponse
    {
        var response = MetadataResponse(
            brokers: cluster.metadata.brokers.map { .init(nodeId: $0.id, host: $0.host, port: $0.port, rack: $0.rack) },
            clusterId: self.state.clusterId, controllerId: cluster.metadata.controllerId)
        let all = context.apiVersion == 0 && (request.topics?.isEmpty ?? true) || request.topics == nil
        let names: [String] =
            all
            ? cluster.metadata.topicNames
            : (request.topics ?? []).compactMap { item in item.name ?? cluster.metadata.topic(id: item.topicId)?.0 }
        let mayCreate =
            self.state.config.autoCreateTopicsEnable && (context.apiVersion < 4 || request.allowAutoTopicCreation)
        for name in names {
            guard let topic = cluster.metadata.topic(name) else {
                var code = ErrorCode.unknownTopicOrPartition
                if !TopicName.isValid(name) {
                    code = .invalidTopicException
                } else if mayCreate {
                    // Kafka answers LEADER_NOT_AVAILABLE while the controller elects the new leaders, and also
                    // when the topic znode is already there: an auto-create of another request (or broker) is
                    // in flight, and clients retry on LEADER_NOT_AVAILABLE but give up on TOPIC_ALREADY_EXISTS
                    // (`AutoTopicCreationManager.createTopicsInZk`; librdkafka's test 0002).
                    let outcome = await TopicAdminHandler(state: self.state).createInCluster(
                        name: name, partitions: self.state.config.numPartitions,
                        replicationFactor: self.state.config.defaultReplicationFactor, configs: [:], cluster: cluster,
                        validateOnly: false, waitMs: 0)
                    if case .failure(let error) = outcome, error.code != .topicAlreadyExists {
                        code = error.code
                    } else {
                        code = .leaderNotAvailable
                    }
                }
                response.topics.append(.init(errorCode: code.rawValue, name: name))
                continue
            }
            let partitions = topic.partitions.keys.sorted().compactMap {
                index -> MetadataResponse.MetadataResponsePartition? in
                guard let info = topic.partitions[index] else { return nil }
                let code: ErrorCode = info.leader < 0 ? .leaderNotAvailable : .none
                return .init(
                    errorCode: code.rawValue, partitionIndex: index, leaderId: info.leader,
                    leaderEpoch: info.leaderEpoch,
                    replicaNodes: info.replicas, isrNodes: info.isr, offlineReplicas: info.offlineReplicas)
            }
            response.topics.append(
                .init(
                    errorCode: 0, name: name, topicId: topic.id, isInternal: name.hasPrefix("__"),
                    partitions: partitions))
        }
        return response
    }

    private func describe(_ topic: TopicRecord) -> MetadataResponse.MetadataResponseTopic {
        let me = self.state.brokerId
        let partitions = (0..<topic.partitions).map { index in
            MetadataResponse.MetadataResponsePartition(
                errorCode: 0, partitionIndex: index, leaderId: me, leaderEpoch: self.state.leaderEpoch,
                replicaNodes: [me], isrNodes: [me], offlineReplicas: [])
        }
        return .init(
            errorCode: 0, name: topic.name, topicId: topic.id, isInternal: topic.name.hasPrefix("__"),
            partitions: partitions)
    }
}
