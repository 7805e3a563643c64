import KafkaProtocol

/// Kafka's `CooperativeStickyAssignor` (KIP-429): a balanced assignment that moves as few partitions as possible,
/// and a partition that changes owner is left out of this round so its old owner can revoke it first; the
/// follow-up rebalance hands it to the new owner.
///
/// Balance: every member ends with `floor(P/M)` or `ceil(P/M)` partitions of what it may take (exact when all
/// members subscribe to the same topics, as in Kafka's constrained path; greedy by fewest-owned otherwise).
public struct CooperativeStickyAssignor: PartitionAssignor {
    public let name = "cooperative-sticky"
    public var isCooperative: Bool { true }

    public init() {}

    public func assign(partitionCounts: [String: Int], subscriptions: [GroupSubscription]) -> [String: [TopicPartition]]
    {
        let sticky = Self.stickyAssignment(partitionCounts: partitionCounts, subscriptions: subscriptions)
        // Previous owners, as the members reported them; claims from an older generation lose.
        var previousOwner: [TopicPartition: String] = [:]
        var ownerGeneration: [TopicPartition: Int32] = [:]
        for member in subscriptions {
            for partition in member.ownedPartitions {
                if let generation = ownerGeneration[partition], generation >= member.generationId { continue }
                previousOwner[partition] = member.memberId
                ownerGeneration[partition] = member.generationId
            }
        }
        var result: [String: [TopicPartition]] = [:]
        for (member, partitions) in sticky {
            result[member] = partitions.filter { partition in
                guard let owner = previousOwner[partition] else { return true }
                return owner == member
            }
        }
        return result
    }

    /// The eager sticky assignment: what each member should own once all revocations are done.
    static func stickyAssignment(partitionCounts: [String: Int], subscriptions: [GroupSubscription])
        -> [String: [TopicPartition]]
    {
        let members = Self.sortedMembers(subscriptions)
        var result: [String: [TopicPartition]] = [:]
        for member in members { result[member.memberId] = [] }
        guard !members.isEmpty else { return result }
        let topicsOf = Dictionary(uniqueKeysWithValues: members.map { ($0.memberId, Set($0.topics)) })
        var all: [TopicPartition] = []
        for topic in partitionCounts.keys.sorted() where members.contains(where: { $0.topics.contains(topic) }) {
            for partition in 0..<(partitionCounts[topic] ?? 0) { all.append(TopicPartition(topic, Int32(partition))) }
        }
        let valid = Set(all)

        // 1. Keep valid owned partitions; a partition claimed twice goes to the higher generation.
        var owner: [TopicPartition: (member: String, generation: Int32)] = [:]
        for member in members {
            for partition in member.ownedPartitions
            where valid.contains(partition) && topicsOf[member.memberId]?.contains(partition.topic) == true {
                if let current = owner[partition], current.generation >= member.generationId { continue }
                owner[partition] = (member.memberId, member.generationId)
            }
        }
        for (partition, entry) in owner { result[entry.member, default: []].append(partition) }
        for member in members { result[member.memberId]?.sort() }

        // 2. Trim members above their quota; those partitions become free.
        let sameSubscriptions = Set(members.map { Set($0.topics) }).count == 1
        var unassigned = all.filter { owner[$0] == nil }
        if sameSubscriptions {
            let minQuota = all.count / members.count
            var maxQuotaSlots = all.count % members.count
            // Members already above the minimum keep the extra slots first (fewest moves).
            for member in members.sorted(by: { (result[$0.memberId]?.count ?? 0) > (result[$1.memberId]?.count ?? 0) })
            {
                var owned = result[member.memberId] ?? []
                var quota = minQuota
                if owned.count > minQuota && maxQuotaSlots > 0 {
                    quota = minQuota + 1
                    maxQuotaSlots -= 1
                }
                if owned.count > quota {
                    unassigned.append(contentsOf: owned[quota...])
                    owned.removeSubrange(quota...)
                }
                result[member.memberId] = owned
            }
            unassigned.sort()
            // 3. Fill members below the minimum, then hand out the remaining extra slots.
            for partition in unassigned {
                let candidates = members.filter { (result[$0.memberId]?.count ?? 0) < minQuota }
                let target =
                    candidates.first
                    ?? members.filter { (result[$0.memberId]?.count ?? 0) == minQuota && maxQuotaSlots > 0 }.first
                    ?? members.min { (result[$0.memberId]?.count ?? 0) < (result[$1.memberId]?.count ?? 0) }
                guard let target else { continue }
                if (result[target.memberId]?.count ?? 0) == minQuota && candidates.isEmpty { maxQuotaSlots -= 1 }
                result[target.memberId, default: []].append(partition)
            }
        } else {
            unassigned.sort()
            for partition in unassigned {
                let eligible = members.filter { topicsOf[$0.memberId]?.contains(partition.topic) == true }
                guard
                    let target = eligible.min(by: {
                        (result[$0.memberId]?.count ?? 0) < (result[$1.memberId]?.count ?? 0)
                    })
                else { continue }
                result[target.memberId, default: []].append(partition)
            }
            // Move partitions from the most to the least loaded eligible member while that narrows the gap.
            var moved = true
            var rounds = 0
            while moved && rounds < all.count {
                moved = false
                rounds += 1
                for partition in all {
                    guard let from = result.first(where: { $0.value.contains(partition) })?.key else { continue }
                    let eligible = members.filter { topicsOf[$0.memberId]?.contains(partition.topic) == true }
                    guard
                        let to = eligible.min(by: {
                            (result[$0.memberId]?.count ?? 0) < (result[$1.memberId]?.count ?? 0)
                        }),
                        (result[from]?.count ?? 0) - (result[to.memberId]?.count ?? 0) > 1
                    else { continue }
                    result[from]?.removeAll { $0 == partition }
                    result[to.memberId, default: []].append(partition)
                    moved = true
                }
            }
        }
        for member in members { result[member.memberId]?.sort() }
        return result
    }
}
