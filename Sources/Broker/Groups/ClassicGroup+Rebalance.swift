import Foundation
import KafkaProtocol
import NIOCore

/// Completing a rebalance (Kafka's `GroupCoordinator.onCompleteJoin`), SyncGroup, and the
/// timers that end a join phase or a member's session.
extension ClassicGroup {
    // MARK: - Rebalance

    mutating func prepareRebalance(now: Int64, config: GroupConfig, reason: String) -> [GroupEffect] {
        var effects: [GroupEffect] = []
        if self.state == .completingRebalance {
            for id in self.memberOrder {
                guard var member = self.members[id] else { continue }
                member.assignment = ByteBuffer()
                if member.isAwaitingSync {
                    member.isAwaitingSync = false
                    effects.append(.completeSync(memberId: id, .failure(.rebalanceInProgress)))
                }
                self.members[id] = member
            }
        }
        let wasEmpty = self.state == .empty
        self.state = .preparingRebalance
        self.stateTimestamp = now
        self.syncDeadline = nil
        self.pendingSync = []
        let rebalanceTimeout = self.maxRebalanceTimeoutMs
        if wasEmpty, config.initialRebalanceDelayMs > 0 {
            let delay = min(config.initialRebalanceDelayMs, rebalanceTimeout)
            self.initialDelay = InitialDelay(
                remainingMs: max(rebalanceTimeout - config.initialRebalanceDelayMs, 0), hasNewMember: false)
            self.joinDeadline = now + delay
        } else {
            self.initialDelay = nil
            self.joinDeadline = now + rebalanceTimeout
        }
        effects.append(
            self.logged(
                "Preparing to rebalance group \(self.groupId) in state PreparingRebalance with old generation "
                    + "\(self.generation) (reason: \(reason))"))
        effects += self.tryCompleteJoin(now: now)
        return effects
    }

    /// Ends the join phase early once every member has rejoined (not during the initial delay).
    mutating func tryCompleteJoin(now: Int64) -> [GroupEffect] {
        guard self.state == .preparingRebalance, self.initialDelay == nil, self.pendingMembers.isEmpty,
            self.members.values.allSatisfy(\.isAwaitingJoin)
        else { return [] }
        return self.completeJoin(now: now)
    }

    /// Starts the next generation with the members that joined: picks the protocol and the
    /// leader, and answers every parked JoinGroup.
    mutating func completeJoin(now: Int64) -> [GroupEffect] {
        var effects: [GroupEffect] = []
        for id in self.memberOrder {
            guard let member = self.members[id], !member.isAwaitingJoin, !member.isStatic else { continue }
            effects.append(self.logged("member \(id) of group \(self.groupId) did not rejoin in time; removing it"))
            effects += self.removeMember(id)
        }
        self.joinDeadline = nil
        self.initialDelay = nil
        self.generation += 1
        self.stateTimestamp = now
        if self.isEmpty {
            self.state = .empty
            self.protocolName = nil
            self.leaderId = nil
            effects.append(self.logged("Group \(self.groupId) with generation \(self.generation) is now empty"))
            effects.append(.storeGroup)
            return effects
        }
        if self.leaderId.flatMap({ self.members[$0] }) == nil {
            self.leaderId = self.orderedMembers.first(where: \.isAwaitingJoin)?.memberId ?? self.memberOrder.first
        }
        self.protocolName = self.selectProtocol()
        self.state = .completingRebalance
        self.pendingSync = Set(self.members.keys)
        self.syncDeadline = now + self.maxRebalanceTimeoutMs
        effects.append(
            self.logged(
                "Stabilized group \(self.groupId) generation \(self.generation) (protocol \(self.protocolName ?? "-")) "
                    + "with \(self.members.count) members; leader \(self.leaderId ?? "-")"))
        for id in self.memberOrder {
            guard var member = self.members[id], member.isAwaitingJoin else { continue }
            member.isAwaitingJoin = false
            member.heartbeatDeadline = now + Int64(member.sessionTimeoutMs)
            self.members[id] = member
            effects.append(.completeJoin(memberId: id, self.joinOutcome(for: id)))
        }
        return effects
    }

    /// Removes a member and answers whatever it had parked with UNKNOWN_MEMBER_ID.
    mutating func removeMember(_ memberId: String) -> [GroupEffect] {
        guard let member = self.members.removeValue(forKey: memberId) else { return [] }
        var effects: [GroupEffect] = []
        self.memberOrder.removeAll { $0 == memberId }
        if let instanceId = member.groupInstanceId, self.staticMembers[instanceId] == memberId {
            self.staticMembers.removeValue(forKey: instanceId)
        }
        self.pendingSync.remove(memberId)
        if self.leaderId == memberId { self.leaderId = self.memberOrder.first }
        if member.isAwaitingJoin {
            effects.append(.completeJoin(memberId: memberId, .failure(.unknownMemberId, memberId: memberId)))
        }
        if member.isAwaitingSync { effects.append(.completeSync(memberId: memberId, .failure(.unknownMemberId))) }
        return effects
    }

    /// A member went away (LeaveGroup, expiry): the rest rebalance.
    mutating func removeMemberAndRebalance(_ memberId: String, now: Int64, config: GroupConfig, reason: String)
        -> [GroupEffect]
    {
        var effects = self.removeMember(memberId)
        switch self.state {
        case .stable, .completingRebalance:
            effects += self.prepareRebalance(now: now, config: config, reason: reason)
        case .preparingRebalance:
            effects += self.tryCompleteJoin(now: now)
        case .empty, .dead:
            break
        }
        return effects
    }

    // MARK: - SyncGroup

    mutating func sync(
        memberId: String, groupInstanceId: String?, generation: Int32, protocolType: String?, protocolName: String?,
        assignments: [String: ByteBuffer], now: Int64
    ) -> (GroupDecision<SyncOutcome>, [GroupEffect]) {
        if let error = self.validateMember(memberId, groupInstanceId: groupInstanceId) {
            return (.respond(.failure(error)), [])
        }
        guard generation == self.generation else { return (.respond(.failure(.illegalGeneration)), []) }
        if let protocolType, protocolType != self.protocolType {
            return (.respond(.failure(.inconsistentGroupProtocol)), [])
        }
        if let protocolName, protocolName != self.protocolName {
            return (.respond(.failure(.inconsistentGroupProtocol)), [])
        }
        guard var member = self.members[memberId] else { return (.respond(.failure(.unknownMemberId)), []) }
        member.heartbeatDeadline = now + Int64(member.sessionTimeoutMs)
        self.pendingSync.remove(memberId)
        switch self.state {
        case .preparingRebalance:
            self.members[memberId] = member
            return (.respond(.failure(.rebalanceInProgress)), [])
        case .completingRebalance:
            member.isAwaitingSync = true
            self.members[memberId] = member
            guard memberId == self.leaderId else { return (.await(memberId: memberId), []) }
            var effects: [GroupEffect] = [.storeGroup]
            for id in self.memberOrder {
                guard var other = self.members[id] else { continue }
                other.assignment = assignments[id] ?? ByteBuffer()
                self.members[id] = other
            }
            self.state = .stable
            self.stateTimestamp = now
            effects.append(
                self.logged(
                    "Assignment received from leader \(memberId) for group \(self.groupId) for generation "
                        + "\(self.generation). The group has \(self.members.count) members, "
                        + "\(self.staticMembers.count) of which are static."))
            for id in self.memberOrder {
                guard var other = self.members[id], other.isAwaitingSync else { continue }
                other.isAwaitingSync = false
                self.members[id] = other
                effects.append(.completeSync(memberId: id, self.syncOutcome(for: other)))
            }
            return (.await(memberId: memberId), effects)
        case .stable:
            self.members[memberId] = member
            return (.respond(self.syncOutcome(for: member)), [])
        case .empty, .dead:
            return (.respond(.failure(.unknownMemberId)), [])
        }
    }

    private func syncOutcome(for member: GroupMember) -> SyncOutcome {
        SyncOutcome(protocolType: self.protocolType, protocolName: self.protocolName, assignment: member.assignment)
    }

    /// UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID (KIP-345) or COORDINATOR_NOT_AVAILABLE for a dead group.
    func validateMember(_ memberId: String, groupInstanceId: String?) -> ErrorCode? {
        if self.state == .dead { return .coordinatorNotAvailable }
        if let groupInstanceId, let current = self.staticMembers[groupInstanceId], current != memberId {
            return .fencedInstanceId
        }
        guard self.members[memberId] != nil else { return .unknownMemberId }
        return nil
    }
}
