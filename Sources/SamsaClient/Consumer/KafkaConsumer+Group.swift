import KafkaProtocol
import Logging
import NIOCore

/// Group management (Kafka's classic consumer protocol): JoinGroup, the leader's assignment, SyncGroup,
/// heartbeats, LeaveGroup, and the rebalance callbacks around them. Eager assignors revoke everything before
/// joining; cooperative ones (KIP-429) keep their partitions and give up only those that move.
extension KafkaConsumer {
    /// Joins the group and reads what the group's assignor hands this member. Needs `group.id`.
    public func subscribe(_ topics: [String], listener: (any RebalanceListener)? = nil) throws {
        guard self.coordinator != nil else {
            throw SamsaClientError.invalidConfiguration("subscribe needs group.id; use assign() without a group")
        }
        guard !topics.isEmpty else { throw SamsaClientError.invalidConfiguration("subscribe needs at least one topic") }
        if !self.group.isSubscribed { self.setAssignment([]) }
        self.group.topics = Array(Set(topics)).sorted()
        self.group.listener = listener
        self.group.needsJoin = true
    }

    /// Leaves the group (revoking partitions) and clears the subscription.
    public func unsubscribe() async {
        await self.leaveGroup()
        self.group = GroupMemberState()
        self.setAssignment([])
    }

    /// Member id and generation from the last successful join ("" and -1 before).
    public var groupGeneration: (memberId: String, generationId: Int32, protocolName: String?, isLeader: Bool) {
        (self.group.memberId, self.group.generationId, self.group.protocolName, self.group.isLeader)
    }

    public var subscription: [String] { self.group.topics }

    /// Joins (or rejoins) until this member has an assignment for the current generation.
    func ensureActiveGroup() async throws {
        guard let coordinator = self.coordinator, let groupId = self.configuration.groupId else { return }
        var attempts = 0
        while self.group.needsJoin {
            attempts += 1
            guard attempts <= 50 else {
                throw SamsaClientError.groupFailure(
                    group: groupId, reason: "could not join after \(attempts - 1) attempts")
            }
            try await self.joinAndSync(coordinator: coordinator, groupId: groupId)
        }
        self.startHeartbeats()
    }

    private func joinAndSync(coordinator: GroupCoordinatorClient, groupId: String) async throws {
        let cooperative = self.configuration.isCooperative
        let owned = self.assignment.keys.sorted()
        if !cooperative && !owned.isEmpty {
            try? await self.maybeAutoCommit(force: true)
            await self.group.listener?.partitionsRevoked(owned)
            self.setAssignment([])
        }
        let subscription = GroupSubscription(
            memberId: self.group.memberId, groupInstanceId: self.configuration.groupInstanceId,
            topics: self.group.topics,
            ownedPartitions: cooperative ? owned : [], generationId: self.group.generationId)
        let join = JoinGroupRequest(
            groupId: groupId, sessionTimeoutMs: KafkaAdmin.milliseconds(self.configuration.sessionTimeout),
            rebalanceTimeoutMs: KafkaAdmin.milliseconds(self.configuration.rebalanceTimeout),
            memberId: self.group.memberId, groupInstanceId: self.configuration.groupInstanceId,
            protocolType: "consumer",
            protocols: self.configuration.assignors.map {
                JoinGroupRequest.JoinGroupRequestProtocol(name: $0.rawValue, metadata: subscription.encoded())
            }, reason: nil)
        let response: JoinGroupResponse
        do {
            response = try await coordinator.send(join, timeout: self.configuration.rebalanceTimeout + .seconds(5))
        } catch let error as SamsaClientError where error.isRetriable {
            try await Task.sleep(for: self.client.configuration.retryBackoff)
            return
        }
        let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
        switch code {
        case .none:
            break
        case .memberIdRequired:
            // KIP-394: the coordinator names us, then we join again with that id.
            self.group.memberId = response.memberId
            return
        case .unknownMemberId, .illegalGeneration:
            self.group.memberId = ""
            self.group.generationId = -1
            return
        case .rebalanceInProgress:
            return
        case _ where GroupCoordinatorClient.isCoordinatorError(code) || code.isRetriable:
            await coordinator.markCoordinatorUnknown()
            try await Task.sleep(for: self.client.configuration.retryBackoff)
            return
        default:
            throw SamsaClientError.kafka(code, context: "joining group \(groupId)")
        }
        self.group.memberId = response.memberId
        self.group.generationId = response.generationId
        self.group.protocolName = response.protocolName
        self.group.isLeader = response.leader == response.memberId
        var assignments: [SyncGroupRequest.SyncGroupRequestAssignment] = []
        if self.group.isLeader {
            assignments = try await self.computeAssignments(
                members: response.members, protocolName: response.protocolName ?? "", groupId: groupId)
        }
        let sync = SyncGroupRequest(
            groupId: groupId, generationId: response.generationId, memberId: response.memberId,
            groupInstanceId: self.configuration.groupInstanceId, protocolType: "consumer",
            protocolName: response.protocolName, assignments: assignments)
        let synced: SyncGroupResponse
        do {
            synced = try await coordinator.send(sync, timeout: self.configuration.rebalanceTimeout + .seconds(5))
        } catch let error as SamsaClientError where error.isRetriable {
            try await Task.sleep(for: self.client.configuration.retryBackoff)
            return
        }
        let syncCode = ErrorCode(rawValue: synced.errorCode) ?? .unknownServerError
        switch syncCode {
        case .none:
            break
        case .rebalanceInProgress:
            return
        case .unknownMemberId, .illegalGeneration:
            self.group.memberId = ""
            self.group.generationId = -1
            return
        case _ where GroupCoordinatorClient.isCoordinatorError(syncCode) || syncCode.isRetriable:
            await coordinator.markCoordinatorUnknown()
            return
        default:
            throw SamsaClientError.kafka(syncCode, context: "syncing group \(groupId)")
        }
        let assigned = try GroupAssignmentCodec.decode(synced.assignment)
        self.group.needsJoin = false
        try await self.applyAssignment(assigned, cooperative: cooperative)
        self.logger.info(
            "joined group",
            metadata: [
                "group": "\(groupId)", "generation": "\(response.generationId)", "member": "\(response.memberId)",
                "partitions": "\(assigned)",
            ])
    }

    /// Under cooperative rebalancing, partitions that left are revoked and the member rejoins at once so the
    /// leader can give them to their new owner (KIP-429).
    private func applyAssignment(_ assigned: [TopicPartition], cooperative: Bool) async throws {
        let owned = Set(self.assignment.keys)
        let next = Set(assigned)
        let revoked = owned.subtracting(next).sorted()
        let added = next.subtracting(owned).sorted()
        if !revoked.isEmpty {
            try? await self.maybeAutoCommit(force: true, only: Set(revoked))
            await self.group.listener?.partitionsRevoked(revoked)
            if cooperative { self.group.needsJoin = true }
        }
        self.setAssignment(assigned)
        if !added.isEmpty || !cooperative {
            await self.group.listener?.partitionsAssigned(added)
        }
    }

    /// The leader's job: decode every member's subscription, get partition counts, run the chosen assignor.
    private func computeAssignments(
        members: [JoinGroupResponse.JoinGroupResponseMember], protocolName: String, groupId: String
    ) async throws -> [SyncGroupRequest.SyncGroupRequestAssignment] {
        guard let kind = AssignorKind(rawValue: protocolName) else {
            throw SamsaClientError.groupFailure(
                group: groupId, reason: "the group chose assignor '\(protocolName)', which Samsa lacks")
        }
        let subscriptions = try members.map { member throws(SamsaClientError) -> GroupSubscription in
            try GroupSubscription(
                memberId: member.memberId, groupInstanceId: member.groupInstanceId, metadata: member.metadata)
        }
        let topics = Array(Set(subscriptions.flatMap(\.topics))).sorted()
        let metadata = try await self.client.refreshMetadata(topics: topics)
        var counts: [String: Int] = [:]
        for topic in topics {
            if let count = metadata.partitionCount(of: topic) { counts[topic] = count }
        }
        let result = kind.assignor.assign(partitionCounts: counts, subscriptions: subscriptions)
        return subscriptions.map {
            SyncGroupRequest.SyncGroupRequestAssignment(
                memberId: $0.memberId, assignment: GroupAssignmentCodec.encode(result[$0.memberId] ?? []))
        }
    }

    // MARK: Heartbeats

    private func startHeartbeats() {
        guard self.group.heartbeatTask == nil else { return }
        self.group.heartbeatTask = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.configuration.heartbeatInterval)
                guard !Task.isCancelled else { return }
                await self.heartbeat()
            }
        }
    }

    private func heartbeat() async {
        guard let coordinator = self.coordinator, let groupId = self.configuration.groupId, !self.isClosed,
            !self.group.needsJoin, self.group.generationId >= 0
        else { return }
        let generation = self.group.generationId
        let request = HeartbeatRequest(
            groupId: groupId, generationId: generation, memberId: self.group.memberId,
            groupInstanceId: self.configuration.groupInstanceId)
        guard let response = try? await coordinator.send(request) else { return }
        guard self.group.generationId == generation else { return }  // rejoined meanwhile
        let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
        switch code {
        case .none:
            return
        case .rebalanceInProgress:
            self.group.needsJoin = true
        case .illegalGeneration, .unknownMemberId, .fencedInstanceId:
            // Another member may own our partitions already: they are lost, not revoked.
            let lost = self.assignment.keys.sorted()
            if code == .unknownMemberId { self.group.memberId = "" }
            self.group.generationId = -1
            self.group.needsJoin = true
            self.setAssignment([])
            if !lost.isEmpty { await self.group.listener?.partitionsLost(lost) }
        default:
            if GroupCoordinatorClient.isCoordinatorError(code) { await coordinator.markCoordinatorUnknown() }
        }
    }

    // MARK: Leaving

    /// Commits, revokes and sends LeaveGroup, so the group rebalances at once rather than after the session
    /// timeout. Static members (group.instance.id) do not leave, as in Kafka: they are expected back.
    func leaveGroup() async {
        self.group.heartbeatTask?.cancel()
        self.group.heartbeatTask = nil
        guard let coordinator = self.coordinator, let groupId = self.configuration.groupId else { return }
        let owned = self.assignment.keys.sorted()
        if !owned.isEmpty {
            try? await self.maybeAutoCommit(force: true)
            await self.group.listener?.partitionsRevoked(owned)
        }
        self.setAssignment([])
        guard !self.group.memberId.isEmpty, self.configuration.groupInstanceId == nil else { return }
        let request = LeaveGroupRequest(
            groupId: groupId, memberId: self.group.memberId,
            members: [
                LeaveGroupRequest.MemberIdentity(
                    memberId: self.group.memberId, groupInstanceId: nil, reason: "consumer closing")
            ])
        _ = try? await coordinator.send(request)
        self.group.memberId = ""
        self.group.generationId = -1
    }
}
