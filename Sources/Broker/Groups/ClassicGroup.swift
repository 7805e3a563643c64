import KafkaProtocol
import NIOCore

/// A group of the classic rebalance protocol (JoinGroup/SyncGroup/Heartbeat), as Kafka 3.x's
/// coordinator keeps it. The transitions live in `ClassicGroup+StateMachine.swift`; this file
/// holds the data and the read-only views (ListGroups, DescribeGroups, persistence).
struct ClassicGroup: Sendable {
    /// Kafka's group states, with the names Kafka's tools print.
    enum State: String, Sendable, CaseIterable {
        /// No members; may still hold committed offsets.
        case empty = "Empty"
        /// Waiting for every member to (re)send JoinGroup.
        case preparingRebalance = "PreparingRebalance"
        /// Joined; waiting for the leader's SyncGroup with the assignment.
        case completingRebalance = "CompletingRebalance"
        /// Every member has its assignment and heartbeats.
        case stable = "Stable"
        /// Deleted or expired; about to be removed.
        case dead = "Dead"
    }

    /// KIP-134's delayed first rebalance: how much of the rebalance timeout is left for further
    /// delays, and whether a member joined during the current one.
    struct InitialDelay: Sendable, Equatable {
        var remainingMs: Int64
        var hasNewMember: Bool
    }

    let groupId: String
    var state: State = .empty
    /// When the group entered its current state (Kafka's `currentStateTimestamp`): offsets of an
    /// empty group expire `offsets.retention.minutes` after it became empty (KIP-211).
    var stateTimestamp: Int64
    var generation: Int32 = 0
    /// "consumer" for Kafka consumers; nil for a group that only holds simple commits.
    var protocolType: String?
    var protocolName: String?
    var leaderId: String?
    var members: [String: GroupMember] = [:]
    /// Join order, so the leader and the member list are stable and readable.
    var memberOrder: [String] = []
    /// `group.instance.id` → current member id.
    var staticMembers: [String: String] = [:]
    /// Members told MEMBER_ID_REQUIRED (KIP-394) and the time their offer runs out.
    var pendingMembers: [String: Int64] = [:]
    /// Members of the new generation that have not sent SyncGroup yet.
    var pendingSync: Set<String> = []
    /// PreparingRebalance: when the join phase ends, with or without the missing members.
    var joinDeadline: Int64?
    var initialDelay: InitialDelay?
    /// After a join completes: members still in `pendingSync` by then are removed.
    var syncDeadline: Int64?

    init(groupId: String, now: Int64) {
        self.groupId = groupId
        self.stateTimestamp = now
    }

    var isEmpty: Bool { self.members.isEmpty }

    var orderedMembers: [GroupMember] { self.memberOrder.compactMap { self.members[$0] } }

    var maxRebalanceTimeoutMs: Int64 {
        Int64(self.members.values.map(\.rebalanceTimeoutMs).max() ?? 0)
    }

    /// The protocols every member supports, in the first member's order of preference.
    var candidateProtocols: [String] {
        guard let first = self.orderedMembers.first else { return [] }
        return first.protocols.map(\.name).filter { name in
            self.members.values.allSatisfy { member in member.protocols.contains { $0.name == name } }
        }
    }

    /// Kafka's vote: each member votes for its most preferred candidate; most votes wins
    /// (ties go to the earlier candidate).
    func selectProtocol() -> String? {
        let candidates = self.candidateProtocols
        var votes: [String: Int] = [:]
        for member in self.orderedMembers {
            if let choice = member.protocols.first(where: { candidates.contains($0.name) }) {
                votes[choice.name, default: 0] += 1
            }
        }
        var best: String?
        for candidate in candidates where best == nil || (votes[candidate] ?? 0) > (votes[best ?? ""] ?? 0) {
            best = candidate
        }
        return best
    }

    /// Whether a joining member's protocols fit the group (else INCONSISTENT_GROUP_PROTOCOL).
    func supports(protocolType: String, protocols: [GroupMember.SupportedProtocol]) -> Bool {
        guard !protocolType.isEmpty, !protocols.isEmpty else { return false }
        guard !self.isEmpty else { return true }
        guard self.protocolType == protocolType else { return false }
        let offered = Set(protocols.map(\.name))
        return self.candidateProtocols.contains { offered.contains($0) }
    }

    /// The group's record in `__consumer_offsets` (GroupMetadataValue).
    func metadataValue() -> GroupMetadataValue {
        GroupMetadataValue(
            protocolType: self.protocolType ?? "", generation: self.generation, protocol: self.protocolName,
            leader: self.leaderId, currentStateTimestamp: self.stateTimestamp,
            members: self.orderedMembers.map { member in
                GroupMetadataValue.MemberMetadata(
                    memberId: member.memberId, groupInstanceId: member.groupInstanceId, clientId: member.clientId,
                    clientHost: member.clientHost, rebalanceTimeout: member.rebalanceTimeoutMs,
                    sessionTimeout: member.sessionTimeoutMs, subscription: member.metadata(for: self.protocolName),
                    assignment: member.assignment)
            })
    }

    /// A group read back from `__consumer_offsets` at start-up. Members come back as a stable
    /// group whose sessions start now: live clients heartbeat on, dead ones expire and trigger a
    /// rebalance, as after a Kafka coordinator failover.
    init(groupId: String, loaded value: GroupMetadataValue, now: Int64) {
        self.groupId = groupId
        self.stateTimestamp = value.currentStateTimestamp >= 0 ? value.currentStateTimestamp : now
        self.generation = value.generation
        self.protocolType = value.protocolType.isEmpty ? nil : value.protocolType
        self.protocolName = value.protocol
        self.leaderId = value.leader
        for stored in value.members {
            let member = GroupMember(
                memberId: stored.memberId, groupInstanceId: stored.groupInstanceId, clientId: stored.clientId,
                clientHost: stored.clientHost, sessionTimeoutMs: stored.sessionTimeout,
                // v0 records have no rebalance timeout; the session timeout stood for both.
                rebalanceTimeoutMs: stored.rebalanceTimeout > 0 ? stored.rebalanceTimeout : stored.sessionTimeout,
                protocols: [.init(name: value.protocol ?? "", metadata: stored.subscription)],
                assignment: stored.assignment, heartbeatDeadline: now + Int64(stored.sessionTimeout))
            self.members[member.memberId] = member
            self.memberOrder.append(member.memberId)
            if let instance = member.groupInstanceId { self.staticMembers[instance] = member.memberId }
        }
        self.state = self.members.isEmpty ? .empty : .stable
    }
}
