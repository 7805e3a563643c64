import Foundation
import KafkaProtocol
import NIOCore

/// A JoinGroup as the state machine sees it (after the coordinator checked the group id and the
/// session timeout).
struct JoinRequest: Sendable {
    var memberId: String
    var groupInstanceId: String?
    var protocolType: String
    var protocols: [GroupMember.SupportedProtocol]
    var sessionTimeoutMs: Int32
    var rebalanceTimeoutMs: Int32
    var clientId: String
    var clientHost: String
    /// JoinGroup v4+ (KIP-394): a new dynamic member first gets MEMBER_ID_REQUIRED and its id.
    var requireKnownMemberId: Bool
    var reason: String?
}

/// The classic rebalance protocol's transitions, as Kafka 3.x's `GroupCoordinator` makes them:
///
/// ```
/// Empty ──join──▶ PreparingRebalance ──all joined / rebalance timeout──▶ CompletingRebalance
///   ▲                    ▲   ▲                                               │ leader's SyncGroup
///   └── last member left ┘   └──── member joins, leaves, expires, changes ───┴──▶ Stable
/// ```
///
/// Every method takes the time (`now`, wall-clock millis) and returns effects instead of doing
/// I/O, so tests drive it with no sockets and no clock.
extension ClassicGroup {
    // MARK: - JoinGroup

    mutating func join(_ request: JoinRequest, now: Int64, config: GroupConfig) -> (
        GroupDecision<JoinOutcome>, [GroupEffect]
    ) {
        var effects: [GroupEffect] = []
        guard self.state != .dead else {
            return (.respond(.failure(.coordinatorNotAvailable, memberId: request.memberId)), [])
        }
        guard self.supports(protocolType: request.protocolType, protocols: request.protocols) else {
            return (.respond(.failure(.inconsistentGroupProtocol, memberId: request.memberId)), [])
        }
        if request.memberId.isEmpty {
            let newId = "\(request.groupInstanceId ?? request.clientId)-\(UUID().uuidString.lowercased())"
            if let instanceId = request.groupInstanceId {
                if let oldId = self.staticMembers[instanceId], self.members[oldId] != nil {
                    return self.replaceStaticMember(oldId: oldId, newId: newId, request, now: now, config: config)
                }
                self.addMember(newId, request, now: now, config: config, effects: &effects)
                return (.await(memberId: newId), effects)
            }
            if request.requireKnownMemberId {
                self.pendingMembers[newId] = now + Int64(request.sessionTimeoutMs)
                return (.respond(.failure(.memberIdRequired, memberId: newId)), [])
            }
            self.addMember(newId, request, now: now, config: config, effects: &effects)
            return (.await(memberId: newId), effects)
        }
        if self.pendingMembers.removeValue(forKey: request.memberId) != nil {
            self.addMember(request.memberId, request, now: now, config: config, effects: &effects)
            return (.await(memberId: request.memberId), effects)
        }
        guard var member = self.members[request.memberId] else {
            return (.respond(.failure(.unknownMemberId, memberId: request.memberId)), [])
        }
        if let instanceId = request.groupInstanceId, self.staticMembers[instanceId] != request.memberId {
            return (.respond(.failure(.fencedInstanceId, memberId: request.memberId)), [])
        }
        let isSameProtocols = member.protocols == request.protocols
        switch self.state {
        case .preparingRebalance:
            self.update(&member, request)
            self.members[member.memberId] = member
            effects += self.tryCompleteJoin(now: now)
            return (.await(memberId: member.memberId), effects)
        case .completingRebalance where isSameProtocols:
            // A retried JoinGroup whose response was lost: answer with the current generation.
            return (.respond(self.joinOutcome(for: member.memberId)), [])
        case .stable where isSameProtocols && member.memberId != self.leaderId:
            return (.respond(self.joinOutcome(for: member.memberId)), [])
        case .completingRebalance, .stable:
            self.update(&member, request)
            self.members[member.memberId] = member
            let why =
                member.memberId == self.leaderId
                ? "leader \(member.memberId) rejoined" : "member \(member.memberId) changed its protocols"
            effects += self.prepareRebalance(
                now: now, config: config, reason: request.reason.map { "\(why): \($0)" } ?? why)
            return (.await(memberId: member.memberId), effects)
        case .empty, .dead:
            return (.respond(.failure(.unknownMemberId, memberId: request.memberId)), [])
        }
    }

    private func update(_ member: inout GroupMember, _ request: JoinRequest) {
        member.protocols = request.protocols
        member.sessionTimeoutMs = request.sessionTimeoutMs
        member.rebalanceTimeoutMs = request.rebalanceTimeoutMs
        member.clientId = request.clientId
        member.clientHost = request.clientHost
        member.isAwaitingJoin = true
    }

    private mutating func addMember(
        _ memberId: String, _ request: JoinRequest, now: Int64, config: GroupConfig, effects: inout [GroupEffect]
    ) {
        if self.isEmpty { self.protocolType = request.protocolType }
        let member = GroupMember(
            memberId: memberId, groupInstanceId: request.groupInstanceId, clientId: request.clientId,
            clientHost: request.clientHost, sessionTimeoutMs: request.sessionTimeoutMs,
            rebalanceTimeoutMs: request.rebalanceTimeoutMs, protocols: request.protocols, isAwaitingJoin: true,
            heartbeatDeadline: now + Int64(request.sessionTimeoutMs))
        self.members[memberId] = member
        self.memberOrder.append(memberId)
        if let instanceId = request.groupInstanceId { self.staticMembers[instanceId] = memberId }
        if self.leaderId == nil { self.leaderId = memberId }
        self.initialDelay?.hasNewMember = true
        switch self.state {
        case .empty, .stable, .completingRebalance:
            let reason =
                "adding new member \(memberId)"
                + (request.groupInstanceId.map { " with group instance id \($0)" } ?? "")
            effects += self.prepareRebalance(
                now: now, config: config, reason: request.reason.map { "\(reason); client reason: \($0)" } ?? reason)
        case .preparingRebalance:
            effects += self.tryCompleteJoin(now: now)
        case .dead:
            break
        }
    }

    /// A static member restarted (new JoinGroup without member id, known `group.instance.id`): it takes
    /// over the old member's place, and the old member id is fenced (KIP-345). As Kafka 3.x's
    /// `GroupCoordinator.updateStaticMemberAndRebalance` and `GroupMetadata.replaceStaticMember`:
    /// - Stable: no rebalance unless the group's protocol would change. The member keeps its
    ///   assignment and gets the current generation, no member list and the leader id from *before*
    ///   the replacement, so a restarted leader does not take itself for the leader and compute an
    ///   assignment that a stable group would never hand out (it becomes the leader for the next
    ///   rebalance). librdkafka's test 0102.
    /// - CompletingRebalance: rebalance, so the new member id receives an assignment.
    /// - PreparingRebalance: it simply waits for the join to complete.
    private mutating func replaceStaticMember(
        oldId: String, newId: String, _ request: JoinRequest, now: Int64, config: GroupConfig
    ) -> (GroupDecision<JoinOutcome>, [GroupEffect]) {
        guard var member = self.members.removeValue(forKey: oldId) else {
            return (.respond(.failure(.unknownMemberId)), [])
        }
        let currentLeader = self.leaderId
        var effects: [GroupEffect] = []
        if member.isAwaitingJoin {
            effects.append(.completeJoin(memberId: oldId, .failure(.fencedInstanceId, memberId: oldId)))
        }
        if member.isAwaitingSync { effects.append(.completeSync(memberId: oldId, .failure(.fencedInstanceId))) }
        member.memberId = newId
        member.isAwaitingJoin = false
        member.isAwaitingSync = false
        member.heartbeatDeadline = now + Int64(request.sessionTimeoutMs)
        self.memberOrder = self.memberOrder.map { $0 == oldId ? newId : $0 }
        if let instanceId = member.groupInstanceId { self.staticMembers[instanceId] = newId }
        if self.leaderId == oldId { self.leaderId = newId }
        if self.pendingSync.remove(oldId) != nil { self.pendingSync.insert(newId) }
        effects.append(
            self.logged(
                "static member \(request.groupInstanceId ?? "") of group \(self.groupId) rejoined as \(newId), replacing \(oldId)"
            ))
        self.update(&member, request)
        self.members[newId] = member
        switch self.state {
        case .stable where self.selectProtocol() == self.protocolName:
            member.isAwaitingJoin = false
            self.members[newId] = member
            effects.append(
                self.logged(
                    "static member \(newId) of group \(self.groupId) joined while Stable without changing the protocol: no rebalance"
                ))
            effects.append(.storeGroup)
            let outcome = JoinOutcome(
                generation: self.generation, protocolType: self.protocolType, protocolName: self.protocolName,
                leader: currentLeader ?? "", memberId: newId)
            return (.respond(outcome), effects)
        case .stable:
            effects += self.prepareRebalance(
                now: now, config: config,
                reason:
                    "the group's protocol would change because static member \(newId) with instance id \(request.groupInstanceId ?? "") joined with other protocols"
            )
        case .completingRebalance, .empty, .dead:
            effects += self.prepareRebalance(
                now: now, config: config,
                reason: "updating metadata for static member \(newId) with instance id \(request.groupInstanceId ?? "")"
            )
        case .preparingRebalance:
            effects += self.tryCompleteJoin(now: now)
        }
        return (.await(memberId: newId), effects)
    }

    /// What a member of the current generation gets from JoinGroup; the leader also gets every
    /// member's metadata to compute the assignment.
    func joinOutcome(for memberId: String) -> JoinOutcome {
        var outcome = JoinOutcome(
            generation: self.generation, protocolType: self.protocolType, protocolName: self.protocolName,
            leader: self.leaderId ?? "", memberId: memberId)
        if memberId == self.leaderId {
            outcome.members = self.orderedMembers.map {
                .init(
                    memberId: $0.memberId, groupInstanceId: $0.groupInstanceId,
                    metadata: $0.metadata(for: self.protocolName))
            }
        }
        return outcome
    }

    // MARK: - Heartbeat, commit checks, leave

    mutating func heartbeat(memberId: String, groupInstanceId: String?, generation: Int32, now: Int64) -> ErrorCode {
        if let error = self.validateMember(memberId, groupInstanceId: groupInstanceId) { return error }
        guard self.state != .empty else { return .unknownMemberId }
        guard generation == self.generation else { return .illegalGeneration }
        self.touch(memberId, now: now)
        return self.state == .preparingRebalance ? .rebalanceInProgress : .none
    }

    /// Whether an OffsetCommit may write: members of the current generation, or anyone with
    /// generation -1 while the group has no members (simple consumers using `assign`).
    mutating func validateCommit(memberId: String, groupInstanceId: String?, generation: Int32, now: Int64) -> ErrorCode
    {
        if self.state == .dead { return .coordinatorNotAvailable }
        if generation < 0, self.isEmpty { return .none }
        if let error = self.validateMember(memberId, groupInstanceId: groupInstanceId) { return error }
        if self.state == .completingRebalance { return .rebalanceInProgress }
        guard generation == self.generation else { return .illegalGeneration }
        self.touch(memberId, now: now)
        return .none
    }

    /// LeaveGroup for one member (v3+ send several, KIP-345). A member named only by its
    /// `group.instance.id` is looked up.
    mutating func leave(memberId: String, groupInstanceId: String?, reason: String?, now: Int64, config: GroupConfig)
        -> (ErrorCode, [GroupEffect])
    {
        if self.state == .dead { return (.coordinatorNotAvailable, []) }
        var memberId = memberId
        if memberId.isEmpty, let groupInstanceId {
            guard let current = self.staticMembers[groupInstanceId] else { return (.unknownMemberId, []) }
            memberId = current
        } else if let groupInstanceId, let current = self.staticMembers[groupInstanceId], current != memberId {
            return (.fencedInstanceId, [])
        }
        if self.pendingMembers.removeValue(forKey: memberId) != nil {
            return (.none, self.tryCompleteJoin(now: now))
        }
        guard self.members[memberId] != nil else { return (.unknownMemberId, []) }
        let why = "removing member \(memberId) on LeaveGroup" + (reason.map { "; client reason: \($0)" } ?? "")
        return (.none, self.removeMemberAndRebalance(memberId, now: now, config: config, reason: why))
    }

    /// A sign of life from the member: its session restarts.
    private mutating func touch(_ memberId: String, now: Int64) {
        guard var member = self.members[memberId] else { return }
        member.heartbeatDeadline = now + Int64(member.sessionTimeoutMs)
        self.members[memberId] = member
    }

    func logged(_ message: String) -> GroupEffect {
        .log(message, generation: self.generation)
    }

    // MARK: - Timers

    /// Session expiry, the end of the join phase (rebalance timeout or initial delay), and the
    /// SyncGroup deadline. The coordinator calls it on a short tick.
    mutating func tick(now: Int64, config: GroupConfig) -> [GroupEffect] {
        var effects: [GroupEffect] = []
        for (id, deadline) in self.pendingMembers where now >= deadline {
            self.pendingMembers.removeValue(forKey: id)
            effects += self.tryCompleteJoin(now: now)
        }
        for id in self.memberOrder {
            guard let member = self.members[id], !member.isAwaitingJoin, !member.isAwaitingSync,
                now >= member.heartbeatDeadline
            else { continue }
            let reason =
                "member \(id) in group \(self.groupId) missed its heartbeats for session.timeout.ms="
                + "\(member.sessionTimeoutMs); rebalancing"
            effects.append(self.logged(reason))
            effects += self.removeMemberAndRebalance(id, now: now, config: config, reason: "session of \(id) expired")
        }
        if self.state == .preparingRebalance, let deadline = self.joinDeadline, now >= deadline {
            if let delay = self.initialDelay, delay.hasNewMember, delay.remainingMs > 0 {
                let step = min(config.initialRebalanceDelayMs, delay.remainingMs)
                self.initialDelay = InitialDelay(remainingMs: delay.remainingMs - step, hasNewMember: false)
                self.joinDeadline = now + step
            } else {
                effects += self.completeJoin(now: now)
            }
        }
        if self.state == .completingRebalance || self.state == .stable, let deadline = self.syncDeadline,
            now >= deadline
        {
            self.syncDeadline = nil
            let missing = self.memberOrder.filter { self.pendingSync.contains($0) }
            if !missing.isEmpty {
                for id in missing {
                    effects.append(
                        self.logged(
                            "member \(id) of group \(self.groupId) sent no SyncGroup within its rebalance timeout; removing it"
                        ))
                    effects += self.removeMember(id)
                }
                effects += self.prepareRebalance(now: now, config: config, reason: "members \(missing) did not sync")
            }
        }
        return effects
    }
}
