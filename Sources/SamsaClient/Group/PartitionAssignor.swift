import KafkaProtocol

/// A client-side assignor: the group leader runs it over every member's subscription (Kafka's
/// `ConsumerPartitionAssignor`). Its name is the protocol name in JoinGroup, so members using different
/// clients agree on one by name.
public protocol PartitionAssignor: Sendable {
    var name: String { get }
    /// Whether members keep partitions through a rebalance and give up only those that move (KIP-429).
    var isCooperative: Bool { get }
    /// Partitions for each member id. `partitionCounts` has every subscribed topic that exists.
    func assign(partitionCounts: [String: Int], subscriptions: [GroupSubscription]) -> [String: [TopicPartition]]
}

extension PartitionAssignor {
    public var isCooperative: Bool { false }

    /// Members in Kafka's order: by group instance id when set (static members), then by member id.
    static func sortedMembers(_ subscriptions: [GroupSubscription]) -> [GroupSubscription] {
        subscriptions.sorted { lhs, rhs in
            switch (lhs.groupInstanceId, rhs.groupInstanceId) {
            case (let l?, let r?): l == r ? lhs.memberId < rhs.memberId : l < r
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.memberId < rhs.memberId
            }
        }
    }
}

/// Which built-in assignor, by Kafka's protocol name.
public enum AssignorKind: String, Sendable, CaseIterable {
    case range = "range"
    case roundRobin = "roundrobin"
    case cooperativeSticky = "cooperative-sticky"

    public var assignor: any PartitionAssignor {
        switch self {
        case .range: RangeAssignor()
        case .roundRobin: RoundRobinAssignor()
        case .cooperativeSticky: CooperativeStickyAssignor()
        }
    }
}
