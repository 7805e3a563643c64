import KafkaProtocol

/// A group as ListGroups reports it (what `kafka-consumer-groups --list` prints).
public struct GroupListing: Sendable, Hashable {
    public var groupId: String
    public var protocolType: String
    /// Empty, PreparingRebalance, CompletingRebalance, Stable or Dead (ListGroups v4+; "" before).
    public var state: String
}

/// A group as DescribeGroups reports it.
public struct GroupDescription: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var memberId: String
        public var groupInstanceId: String?
        public var clientId: String
        public var clientHost: String
        /// Decoded from the member's ConsumerProtocol assignment (empty for other protocol types).
        public var assignment: [TopicPartition]
    }

    public var groupId: String
    public var state: String
    public var protocolType: String
    /// The chosen assignor for consumer groups, e.g. "range".
    public var protocolName: String
    public var members: [Member]
}

/// ElectLeaders' election type (KIP-460).
public enum ElectionType: Int8, Sendable {
    case preferred = 0
    case unclean = 1
}
