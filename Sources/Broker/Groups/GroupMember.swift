import NIOCore

/// One member of a classic group as the coordinator tracks it: who it is, the protocols it
/// offered in JoinGroup, its assignment from the leader, and when its session runs out.
struct GroupMember: Sendable {
    /// One (name, metadata) pair of JoinGroup: for consumers an assignor name ("range",
    /// "cooperative-sticky") and a `ConsumerProtocolSubscription`.
    struct SupportedProtocol: Sendable, Hashable {
        var name: String
        var metadata: ByteBuffer
    }

    var memberId: String
    /// Static membership (KIP-345): a member that keeps its partitions across restarts.
    var groupInstanceId: String?
    var clientId: String
    var clientHost: String
    var sessionTimeoutMs: Int32
    var rebalanceTimeoutMs: Int32
    var protocols: [SupportedProtocol]
    var assignment = ByteBuffer()
    var isAwaitingJoin = false
    var isAwaitingSync = false
    /// Wall-clock millis after which, without a heartbeat, the member is removed.
    var heartbeatDeadline: Int64

    var isStatic: Bool { self.groupInstanceId != nil }

    func metadata(for protocolName: String?) -> ByteBuffer {
        self.protocols.first { $0.name == protocolName }?.metadata ?? ByteBuffer()
    }
}
