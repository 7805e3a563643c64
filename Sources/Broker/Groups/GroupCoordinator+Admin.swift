import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// ListGroups, DescribeGroups and DeleteGroups, and the REPL's snapshot of a group.
extension GroupCoordinator {
    // MARK: - Admin

    /// The groups loaded so far. Kafka's `handleListGroups` adds COORDINATOR_LOAD_IN_PROGRESS while
    /// a partition loads; here the list comes without it, since SamsaClient's `listGroups` (and so
    /// `group list`) does not retry that error yet.
    func listGroups(states: [String]) -> [(groupId: String, protocolType: String, state: String)] {
        let wanted = Set(states.map { $0.lowercased() })
        return self.groups.values.sorted { $0.groupId < $1.groupId }
            .filter { wanted.isEmpty || wanted.contains($0.state.rawValue.lowercased()) }
            .map { ($0.groupId, $0.protocolType ?? "", $0.state.rawValue) }
    }

    func describeGroup(_ groupId: String) -> DescribeGroupsResponse.DescribedGroup {
        if let error = self.readiness(groupId: groupId) {
            return .init(errorCode: error.rawValue, groupId: groupId)
        }
        guard let group = self.groups[groupId] else {
            return .init(errorCode: 0, groupId: groupId, groupState: ClassicGroup.State.dead.rawValue)
        }
        let isStable = group.state == .stable
        return .init(
            errorCode: 0, groupId: groupId, groupState: group.state.rawValue, protocolType: group.protocolType ?? "",
            protocolData: isStable ? group.protocolName ?? "" : "",
            members: group.orderedMembers.map { member in
                .init(
                    memberId: member.memberId, groupInstanceId: member.groupInstanceId, clientId: member.clientId,
                    clientHost: member.clientHost,
                    memberMetadata: isStable ? member.metadata(for: group.protocolName) : ByteBuffer(),
                    memberAssignment: isStable ? member.assignment : ByteBuffer())
            })
    }

    /// DeleteGroups: only groups without members; their offsets and metadata get tombstones.
    func deleteGroup(_ groupId: String, now: Int64 = Clock.millis()) -> ErrorCode {
        if let error = self.readiness(groupId: groupId) { return error }
        guard let group = self.groups[groupId], group.state != .dead else { return .groupIdNotFound }
        guard group.isEmpty else { return .nonEmptyGroup }
        var records: [OffsetsTopicRecord] = (self.offsets[groupId] ?? [:]).keys.map {
            .offsetCommit(OffsetCommitKey(group: groupId, topic: $0.topic, partition: $0.partition), nil)
        }
        records.append(.groupMetadata(GroupMetadataKey(group: groupId), nil))
        do {
            try self.write(records, groupId: groupId, now: now)
        } catch {
            return error.code
        }
        self.groups.removeValue(forKey: groupId)
        self.offsets.removeValue(forKey: groupId)
        self.logger.info("Group \(groupId) transitioned to Dead (deleted)", metadata: ["group": "\(groupId)"])
        return .none
    }

    /// For tests and the REPL: the group's state and generation.
    func snapshot(of groupId: String) -> (state: ClassicGroup.State, generation: Int32, members: [String])? {
        self.groups[groupId].map { ($0.state, $0.generation, $0.memberOrder) }
    }
}
