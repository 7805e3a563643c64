import KafkaProtocol

/// A consumer's membership in its group (classic protocol): who it is, which generation, and whether it must
/// (re)join before the next fetch.
struct GroupMemberState: Sendable {
    var topics: [String] = []
    var listener: (any RebalanceListener)?
    var memberId = ""
    var generationId: Int32 = -1
    var protocolName: String?
    var isLeader = false
    var needsJoin = false
    var heartbeatTask: Task<Void, Never>?
    var isSubscribed: Bool { !self.topics.isEmpty }
}
