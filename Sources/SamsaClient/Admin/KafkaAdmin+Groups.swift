import KafkaProtocol

/// Consumer-group administration, as `kafka-consumer-groups` does it, and leader elections.
extension KafkaAdmin {
    /// Groups known to every broker (each broker lists the groups it coordinates).
    public func listGroups() async throws -> [GroupListing] {
        let metadata = try await self.client.refreshMetadata(topics: [])
        var groups: [String: GroupListing] = [:]
        for nodeId in metadata.brokers.keys.sorted() {
            let response = try await self.client.send(ListGroupsRequest(), to: nodeId)
            try Self.check(response.errorCode, nil, "listing groups on broker \(nodeId)")
            for group in response.groups {
                groups[group.groupId] = GroupListing(
                    groupId: group.groupId, protocolType: group.protocolType, state: group.groupState)
            }
        }
        return groups.values.sorted { $0.groupId < $1.groupId }
    }

    /// The broker coordinating `groupId` (the leader of the group's `__consumer_offsets`
    /// partition), found with FindCoordinator and retried while it is not yet available, as the
    /// group's own requests are.
    public func coordinator(ofGroup groupId: String) async throws -> ClusterMetadata.Broker {
        let id = try await GroupCoordinatorClient(client: self.client, groupId: groupId).coordinatorId()
        guard let broker = await self.client.metadata.brokers[id] else {
            throw SamsaClientError.kafka(
                .coordinatorNotAvailable, context: "broker \(id), the coordinator of \(groupId), is not in the metadata"
            )
        }
        return broker
    }

    /// State, protocol and members of each group, asked of its coordinator.
    public func describeGroups(_ groupIds: [String]) async throws -> [GroupDescription] {
        var result: [GroupDescription] = []
        for groupId in groupIds {
            let coordinator = GroupCoordinatorClient(client: self.client, groupId: groupId)
            let response = try await coordinator.send(DescribeGroupsRequest(groups: [groupId]))
            guard let group = response.groups.first(where: { $0.groupId == groupId }) else {
                throw SamsaClientError.malformedResponse(.describeGroups, reason: "no entry for group \(groupId)")
            }
            try Self.check(group.errorCode, nil, "describing group \(groupId)")
            result.append(
                GroupDescription(
                    groupId: groupId, state: group.groupState, protocolType: group.protocolType,
                    protocolName: group.protocolData,
                    members: group.members.map { member in
                        GroupDescription.Member(
                            memberId: member.memberId, groupInstanceId: member.groupInstanceId,
                            clientId: member.clientId,
                            clientHost: member.clientHost,
                            assignment: group.protocolType == "consumer"
                                ? ((try? GroupAssignmentCodec.decode(member.memberAssignment)) ?? []) : [])
                    }))
        }
        return result
    }

    /// Deletes empty groups and their committed offsets (NON_EMPTY_GROUP while members remain).
    public func deleteGroups(_ groupIds: [String]) async throws {
        for groupId in groupIds {
            let coordinator = GroupCoordinatorClient(client: self.client, groupId: groupId)
            let response = try await coordinator.send(DeleteGroupsRequest(groupsNames: [groupId]))
            for result in response.results {
                try Self.check(result.errorCode, nil, "deleting group \(result.groupId)")
            }
        }
    }

    /// Committed offsets of a group for `partitions`, nil where nothing is committed.
    public func listGroupOffsets(_ groupId: String, partitions: [TopicPartition]) async throws
        -> [TopicPartition: Int64?]
    {
        try await GroupCoordinatorClient(client: self.client, groupId: groupId).committed(partitions)
    }

    /// Every offset a group has committed, whatever its members read now (as `kafka-consumer-groups --describe`
    /// shows an empty group's offsets too).
    public func listGroupOffsets(_ groupId: String) async throws -> [TopicPartition: Int64] {
        try await GroupCoordinatorClient(client: self.client, groupId: groupId).committed(nil).compactMapValues { $0 }
    }

    /// Sets a group's committed offsets, as `kafka-consumer-groups --reset-offsets --execute`; the group must
    /// have no active members, else the coordinator refuses.
    public func resetGroupOffsets(_ groupId: String, to offsets: [TopicPartition: Int64]) async throws {
        try await GroupCoordinatorClient(client: self.client, groupId: groupId).commit(offsets)
    }

    /// Moves leadership to the preferred (first) replica, or to any replica for an unclean election; all
    /// partitions when `partitions` is nil.
    public func electLeaders(
        _ type: ElectionType = .preferred, partitions: [TopicPartition]? = nil,
        timeout: Duration = .seconds(30)
    ) async throws {
        let request = ElectLeadersRequest(
            electionType: type.rawValue,
            topicPartitions: partitions.map { list in
                GroupSubscription.grouped(list).map {
                    ElectLeadersRequest.TopicPartitions(topic: $0.0, partitions: $0.1)
                }
            }, timeoutMs: Self.milliseconds(timeout))
        let response = try await self.client.sendToController(request)
        try Self.check(response.errorCode, nil, "electing leaders")
        for topic in response.replicaElectionResults {
            for partition in topic.partitionResult where partition.errorCode != ErrorCode.electionNotNeeded.rawValue {
                try Self.check(
                    partition.errorCode, partition.errorMessage,
                    "electing a leader for partition \(partition.partitionId) of \(topic.topic)")
            }
        }
        _ = try? await self.client.refreshMetadata(topics: nil)
    }
}
