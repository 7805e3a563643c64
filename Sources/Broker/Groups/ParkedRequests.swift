/// Which member of which group a parked JoinGroup or SyncGroup belongs to.
struct GroupMemberKey: Hashable, Sendable {
    let groupId: String
    let memberId: String
}

/// JoinGroup or SyncGroup requests waiting for their rebalance step, at most one per member.
/// Kept per group, so a group's requests are found without scanning the others' (a coordinator
/// that resigns a partition answers all of that partition's groups at once).
struct ParkedRequests<Outcome: Sendable> {
    private var byGroup: [String: [String: CheckedContinuation<Outcome, Never>]] = [:]

    /// Parks `continuation`; returns the one it replaces (the member sent the request again).
    mutating func park(_ continuation: CheckedContinuation<Outcome, Never>, for key: GroupMemberKey)
        -> CheckedContinuation<Outcome, Never>?
    {
        self.byGroup[key.groupId, default: [:]].updateValue(continuation, forKey: key.memberId)
    }

    /// Removes and returns the member's parked request, if any.
    mutating func take(_ key: GroupMemberKey) -> CheckedContinuation<Outcome, Never>? {
        guard let continuation = self.byGroup[key.groupId]?.removeValue(forKey: key.memberId) else { return nil }
        if self.byGroup[key.groupId]?.isEmpty == true { self.byGroup.removeValue(forKey: key.groupId) }
        return continuation
    }

    /// Removes and returns every parked request of one group, by member id.
    mutating func takeAll(of groupId: String) -> [String: CheckedContinuation<Outcome, Never>] {
        self.byGroup.removeValue(forKey: groupId) ?? [:]
    }

    /// Removes and returns every parked request (the coordinator stops).
    mutating func takeAll() -> [GroupMemberKey: CheckedContinuation<Outcome, Never>] {
        var all: [GroupMemberKey: CheckedContinuation<Outcome, Never>] = [:]
        for (groupId, members) in self.byGroup {
            for (memberId, continuation) in members {
                all[GroupMemberKey(groupId: groupId, memberId: memberId)] = continuation
            }
        }
        self.byGroup = [:]
        return all
    }
}
