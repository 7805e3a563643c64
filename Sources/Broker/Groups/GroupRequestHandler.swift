import KafkaProtocol
import LogStorage
import NIOCore

/// The group APIs at the wire: decodes what each version carries into coordinator calls and
/// shapes the answers per version (top-level vs per-member errors, batched groups, ...).
struct GroupRequestHandler {
    let state: BrokerState

    private var coordinator: GroupCoordinator { self.state.groupCoordinator }

    /// FindCoordinator: the group's partition of `__consumer_offsets` is Kafka's
    /// `abs(hashCode) % offsets.topic.num.partitions`; its leader is the coordinator. Standalone,
    /// that is always this broker. v4+ batch keys (KIP-699). Transactions have no coordinator here.
    func findCoordinator(_ request: FindCoordinatorRequest, context: RequestContext) async -> FindCoordinatorResponse {
        let endpoint = self.state.advertisedEndpoint
        let keys = context.apiVersion >= 4 ? request.coordinatorKeys : [request.key]
        var error = ErrorCode.none
        var message: String?
        if request.keyType == 0 {
            error = await self.coordinator.ensureOffsetsTopic()
        } else if request.keyType != 1 {
            error = .invalidRequest
            message = "key type \(request.keyType) is unknown; use 0 (group) or 1 (transaction)"
        }
        if error == .none, request.keyType == 0, let cluster = self.state.cluster {
            return await self.clusterCoordinators(keys, cluster: cluster)
        }
        if error != .none {
            return FindCoordinatorResponse(
                errorCode: error.rawValue, errorMessage: message, nodeId: -1, host: "", port: -1,
                coordinators: keys.map {
                    .init(key: $0, nodeId: -1, host: "", port: -1, errorCode: error.rawValue, errorMessage: message)
                })
        }
        return FindCoordinatorResponse(
            errorCode: 0, nodeId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port),
            coordinators: keys.map {
                .init(
                    key: $0, nodeId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port), errorCode: 0)
            })
    }

    /// Cluster mode: each group's coordinator is the leader of its partition of
    /// `__consumer_offsets`. The first lookup creates that topic through the metadata server
    /// (replication factor min(offsets.topic.replication.factor, live brokers)), as Kafka does.
    private func clusterCoordinators(_ keys: [String], cluster: ClusterContext) async -> FindCoordinatorResponse {
        let topicError = await self.ensureClusterOffsetsTopic(cluster)
        let partitionCount = Int32(cluster.metadata.topic(OffsetsTopicStore.topicName)?.partitions.count ?? 0)
        let entries = keys.map { key -> FindCoordinatorResponse.Coordinator in
            func unavailable(_ message: String) -> FindCoordinatorResponse.Coordinator {
                .init(
                    key: key, nodeId: -1, host: "", port: -1, errorCode: ErrorCode.coordinatorNotAvailable.rawValue,
                    errorMessage: message)
            }
            if let topicError { return unavailable(topicError) }
            let partition = OffsetsTopicStore.partition(for: key, partitions: partitionCount)
            let tp = TopicPartition(OffsetsTopicStore.topicName, partition)
            guard let leader = cluster.metadata.partition(tp)?.leader, leader >= 0,
                let broker = cluster.metadata.broker(leader)
            else {
                return unavailable("\(tp), which holds group \(key), has no leader right now")
            }
            return .init(key: key, nodeId: broker.id, host: broker.host, port: broker.port, errorCode: 0)
        }
        let first = entries.first
        return FindCoordinatorResponse(
            errorCode: first?.errorCode ?? 0, errorMessage: first?.errorMessage, nodeId: first?.nodeId ?? -1,
            host: first?.host ?? "", port: first?.port ?? -1, coordinators: entries)
    }

    /// Creates `__consumer_offsets` if the cluster has none yet; nil when it exists (or now does).
    private func ensureClusterOffsetsTopic(_ cluster: ClusterContext) async -> String? {
        let name = OffsetsTopicStore.topicName
        if cluster.metadata.topic(name) != nil { return nil }
        let config = self.coordinator.config
        let live = cluster.metadata.brokers.count
        guard live > 0 else { return "no broker is registered yet" }
        let result = await TopicAdminHandler(state: self.state).createInCluster(
            name: name, partitions: config.offsetsTopicNumPartitions,
            replicationFactor: min(config.offsetsTopicReplicationFactor, Int16(clamping: live)),
            configs: ["cleanup.policy": "compact"], cluster: cluster, validateOnly: false, waitMs: 5_000)
        switch result {
        case .success:
            return cluster.metadata.topic(name) == nil ? "\(name) is being created" : nil
        case .failure(let error) where error.code == .topicAlreadyExists:
            return cluster.metadata.topic(name) == nil ? "\(name) is being created" : nil
        case .failure(let error):
            return "cannot create \(name): \(error.message)"
        }
    }

    func joinGroup(_ request: JoinGroupRequest, context: RequestContext) async -> JoinGroupResponse {
        _ = await self.coordinator.ensureOffsetsTopic()
        let join = JoinRequest(
            memberId: request.memberId, groupInstanceId: request.groupInstanceId, protocolType: request.protocolType,
            protocols: request.protocols.map { .init(name: $0.name, metadata: $0.metadata) },
            sessionTimeoutMs: request.sessionTimeoutMs,
            // v0 has no rebalance timeout: the session timeout serves both (as in Kafka).
            rebalanceTimeoutMs: context.apiVersion == 0 || request.rebalanceTimeoutMs < 0
                ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
            clientId: context.clientId ?? "", clientHost: Self.host(of: context.peer),
            requireKnownMemberId: context.apiVersion >= 4, reason: request.reason)
        let outcome = await self.coordinator.joinGroup(groupId: request.groupId, join)
        return JoinGroupResponse(
            errorCode: outcome.error.rawValue, generationId: outcome.generation, protocolType: outcome.protocolType,
            protocolName: outcome.protocolName, leader: outcome.leader, skipAssignment: outcome.skipAssignment,
            memberId: outcome.memberId, members: outcome.members)
    }

    func syncGroup(_ request: SyncGroupRequest, context: RequestContext) async -> SyncGroupResponse {
        var assignments: [String: ByteBuffer] = [:]
        for item in request.assignments { assignments[item.memberId] = item.assignment }
        let outcome = await self.coordinator.syncGroup(
            groupId: request.groupId, memberId: request.memberId, groupInstanceId: request.groupInstanceId,
            generation: request.generationId, protocolType: request.protocolType, protocolName: request.protocolName,
            assignments: assignments)
        return SyncGroupResponse(
            errorCode: outcome.error.rawValue, protocolType: outcome.protocolType, protocolName: outcome.protocolName,
            assignment: outcome.assignment)
    }

    func heartbeat(_ request: HeartbeatRequest, context: RequestContext) async -> HeartbeatResponse {
        let error = await self.coordinator.heartbeat(
            groupId: request.groupId, memberId: request.memberId, groupInstanceId: request.groupInstanceId,
            generation: request.generationId)
        return HeartbeatResponse(errorCode: error.rawValue)
    }

    /// v0-2 name one member; v3+ a batch, answered per member (KIP-345).
    func leaveGroup(_ request: LeaveGroupRequest, context: RequestContext) async -> LeaveGroupResponse {
        let members: [(memberId: String, groupInstanceId: String?, reason: String?)] =
            context.apiVersion >= 3
            ? request.members.map { ($0.memberId, $0.groupInstanceId, $0.reason) }
            : [(request.memberId, nil, nil)]
        let (error, errors) = await self.coordinator.leaveGroup(groupId: request.groupId, members: members)
        if context.apiVersion < 3 {
            return LeaveGroupResponse(errorCode: (error != .none ? error : errors.first ?? .none).rawValue)
        }
        return LeaveGroupResponse(
            errorCode: error.rawValue,
            members: zip(request.members, errors).map {
                .init(memberId: $0.memberId, groupInstanceId: $0.groupInstanceId, errorCode: $1.rawValue)
            })
    }

    /// Partitions that do not exist answer UNKNOWN_TOPIC_OR_PARTITION and are not written; the rest are
    /// committed (Kafka's `KafkaApis.handleOffsetCommitRequest` filters by its metadata cache before the
    /// group coordinator sees the request; librdkafka's tests 0030 and 0081).
    func offsetCommit(_ request: OffsetCommitRequest, context: RequestContext) async -> OffsetCommitResponse {
        _ = await self.coordinator.ensureOffsetsTopic()
        let now = Clock.millis()
        var offsets: [(TopicPartition, OffsetCommitValue)] = []
        var unknown: Set<TopicPartition> = []
        for topic in request.topics {
            for partition in topic.partitions {
                let tp = TopicPartition(topic.name, partition.partitionIndex)
                guard await self.partitionExists(tp) else {
                    unknown.insert(tp)
                    continue
                }
                offsets.append(
                    (
                        tp,
                        OffsetCommitValue(
                            offset: partition.committedOffset, leaderEpoch: partition.committedLeaderEpoch,
                            metadata: partition.committedMetadata ?? "", commitTimestamp: now)
                    ))
            }
        }
        var errors: [ErrorCode] = []
        if !offsets.isEmpty {
            // v0 has no generation: it is a simple commit.
            let generation = context.apiVersion == 0 ? -1 : request.generationIdOrMemberEpoch
            let appended: OffsetsTopicStore.Appended?
            (errors, appended) = await self.coordinator.commitOffsets(
                groupId: request.groupId, memberId: request.memberId, groupInstanceId: request.groupInstanceId,
                generation: generation, offsets: offsets, now: now)
            // In a cluster a commit counts once the in-sync replicas of the group's partition have it
            // (Kafka appends offsets with acks=all), so it survives the coordinator's broker.
            if let appended, let store = self.coordinator.store {
                let replication = await store.waitUntilReplicated(
                    appended, timeoutMs: self.coordinator.config.offsetCommitTimeoutMs)
                if replication != .none { errors = errors.map { $0 == .none ? replication : $0 } }
            }
        }
        var iterator = errors.makeIterator()
        return OffsetCommitResponse(
            topics: request.topics.map { topic in
                .init(
                    name: topic.name,
                    partitions: topic.partitions.map {
                        let error =
                            unknown.contains(TopicPartition(topic.name, $0.partitionIndex))
                            ? .unknownTopicOrPartition : (iterator.next() ?? .unknownServerError)
                        return .init(partitionIndex: $0.partitionIndex, errorCode: error.rawValue)
                    })
            })
    }

    /// Whether `tp` exists: the metadata cache in cluster mode, the topic registry standalone.
    private func partitionExists(_ tp: TopicPartition) async -> Bool {
        if let cluster = self.state.cluster { return cluster.metadata.partition(tp) != nil }
        guard let topic = await self.state.topics.topic(named: tp.topic) else {
            return tp.topic == OffsetsTopicStore.topicName && self.state.logManager.log(for: tp) != nil
        }
        return tp.partition >= 0 && tp.partition < topic.partitions
    }

    /// v0-7 one group; v8+ several (KIP-709). Uncommitted partitions answer offset -1.
    func offsetFetch(_ request: OffsetFetchRequest, context: RequestContext) async -> OffsetFetchResponse {
        if context.apiVersion >= 8 {
            var groups: [OffsetFetchResponse.OffsetFetchResponseGroup] = []
            for group in request.groups {
                let partitions = group.topics.map { topics in
                    topics.flatMap { topic in topic.partitionIndexes.map { TopicPartition(topic.name, $0) } }
                }
                let (error, found) = await self.coordinator.fetchOffsets(groupId: group.groupId, partitions: partitions)
                let byTopic = Self.groupByTopic(found)
                groups.append(
                    .init(
                        groupId: group.groupId,
                        topics: byTopic.map { name, entries in
                            .init(
                                name: name,
                                partitions: entries.map { tp, value in
                                    .init(
                                        partitionIndex: tp.partition, committedOffset: value?.offset ?? -1,
                                        committedLeaderEpoch: value?.leaderEpoch ?? -1, metadata: value?.metadata ?? "",
                                        errorCode: 0)
                                })
                        }, errorCode: error.rawValue))
            }
            return OffsetFetchResponse(groups: groups)
        }
        let partitions = request.topics.map { topics in
            topics.flatMap { topic in topic.partitionIndexes.map { TopicPartition(topic.name, $0) } }
        }
        let (error, found) = await self.coordinator.fetchOffsets(groupId: request.groupId, partitions: partitions)
        let partitionError = context.apiVersion < 2 ? error : .none
        return OffsetFetchResponse(
            topics: Self.groupByTopic(found).map { name, entries in
                .init(
                    name: name,
                    partitions: entries.map { tp, value in
                        .init(
                            partitionIndex: tp.partition, committedOffset: value?.offset ?? -1,
                            committedLeaderEpoch: value?.leaderEpoch ?? -1, metadata: value?.metadata ?? "",
                            errorCode: partitionError.rawValue)
                    })
            }, errorCode: error.rawValue)
    }

    private static func groupByTopic(_ found: [(TopicPartition, OffsetCommitValue?)])
        -> [(String, [(TopicPartition, OffsetCommitValue?)])]
    {
        var order: [String] = []
        var byTopic: [String: [(TopicPartition, OffsetCommitValue?)]] = [:]
        for entry in found {
            if byTopic[entry.0.topic] == nil { order.append(entry.0.topic) }
            byTopic[entry.0.topic, default: []].append(entry)
        }
        return order.map { ($0, byTopic[$0] ?? []) }
    }

    func listGroups(_ request: ListGroupsRequest, context: RequestContext) async -> ListGroupsResponse {
        let groups = await self.coordinator.listGroups(states: context.apiVersion >= 4 ? request.statesFilter : [])
        let types = Set(request.typesFilter.map { $0.lowercased() })
        guard types.isEmpty || types.contains("classic") else { return ListGroupsResponse() }
        return ListGroupsResponse(
            groups: groups.map {
                .init(groupId: $0.groupId, protocolType: $0.protocolType, groupState: $0.state, groupType: "classic")
            })
    }

    func describeGroups(_ request: DescribeGroupsRequest, context: RequestContext) async -> DescribeGroupsResponse {
        var described: [DescribeGroupsResponse.DescribedGroup] = []
        for groupId in request.groups { described.append(await self.coordinator.describeGroup(groupId)) }
        return DescribeGroupsResponse(groups: described)
    }

    func deleteGroups(_ request: DeleteGroupsRequest, context: RequestContext) async -> DeleteGroupsResponse {
        var results: [DeleteGroupsResponse.DeletableGroupResult] = []
        for groupId in request.groupsNames {
            results.append(.init(groupId: groupId, errorCode: await self.coordinator.deleteGroup(groupId).rawValue))
        }
        return DeleteGroupsResponse(results: results)
    }

    func offsetDelete(_ request: OffsetDeleteRequest, context: RequestContext) async -> OffsetDeleteResponse {
        let partitions = request.topics.flatMap { topic in
            topic.partitions.map { TopicPartition(topic.name, $0.partitionIndex) }
        }
        let (error, errors) = await self.coordinator.deleteOffsets(groupId: request.groupId, partitions: partitions)
        guard error == .none else { return OffsetDeleteResponse(errorCode: error.rawValue) }
        var iterator = errors.makeIterator()
        return OffsetDeleteResponse(
            topics: request.topics.map { topic in
                .init(
                    name: topic.name,
                    partitions: topic.partitions.map {
                        .init(partitionIndex: $0.partitionIndex, errorCode: (iterator.next() ?? .none).rawValue)
                    })
            })
    }

    /// "127.0.0.1:53412" or "[IPv4]127.0.0.1/127.0.0.1:53412" → Kafka's "/127.0.0.1".
    static func host(of peer: String) -> String {
        var text = peer
        if let bracket = text.lastIndex(of: "]") { text = String(text[text.index(after: bracket)...]) }
        if let slash = text.lastIndex(of: "/") { text = String(text[text.index(after: slash)...]) }
        if let colon = text.lastIndex(of: ":") { text = String(text[..<colon]) }
        return "/" + text
    }
}
