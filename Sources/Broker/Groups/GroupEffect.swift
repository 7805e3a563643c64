import KafkaProtocol
import NIOCore

/// The answer to a JoinGroup, given now or when the rebalance completes.
struct JoinOutcome: Sendable, Equatable {
    var error: ErrorCode = .none
    var generation: Int32 = -1
    var protocolType: String?
    var protocolName: String?
    var leader = ""
    var memberId = ""
    var skipAssignment = false
    /// Only for the leader: every member with its metadata for the chosen protocol.
    var members: [JoinGroupResponse.JoinGroupResponseMember] = []

    static func failure(_ error: ErrorCode, memberId: String = "") -> JoinOutcome {
        JoinOutcome(error: error, memberId: memberId)
    }
}

/// The answer to a SyncGroup, given now or when the leader's assignment arrives.
struct SyncOutcome: Sendable, Equatable {
    var error: ErrorCode = .none
    var protocolType: String?
    var protocolName: String?
    var assignment = ByteBuffer()

    static func failure(_ error: ErrorCode) -> SyncOutcome { SyncOutcome(error: error) }
}

/// What a state machine step asks its owner to do: answer parked requests, persist the group,
/// log a transition. Keeping them as values lets the state machine run without sockets or disks.
enum GroupEffect: Sendable, Equatable {
    case completeJoin(memberId: String, JoinOutcome)
    case completeSync(memberId: String, SyncOutcome)
    /// Write the group's metadata to `__consumer_offsets`.
    case storeGroup
    /// A line for the broker log at info: group transitions the REPL shows, with the generation
    /// at the moment of the transition.
    case log(String, generation: Int32)
}

/// Whether a request is answered now or parked until the group moves on.
enum GroupDecision<Outcome: Sendable & Equatable>: Sendable, Equatable {
    case respond(Outcome)
    /// Park the request of this member; a later `GroupEffect` completes it.
    case await(memberId: String)
}
