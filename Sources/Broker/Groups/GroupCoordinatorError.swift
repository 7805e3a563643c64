import KafkaProtocol

/// Why the coordinator could not do its part; mapped to a Kafka error code at the wire.
enum GroupCoordinatorError: Error, Sendable, CustomStringConvertible {
    /// `__consumer_offsets` cannot be created or written.
    case offsetsTopicUnavailable(String)
    /// Leadership of the group's offsets partition moved away: another broker coordinates now.
    case notLeader(String)

    var description: String {
        switch self {
        case .offsetsTopicUnavailable(let reason):
            "the internal topic __consumer_offsets is unavailable (\(reason)); clients will retry"
        case .notLeader(let reason):
            "this broker is no longer the group's coordinator (\(reason)); clients look it up again"
        }
    }

    var code: ErrorCode {
        switch self {
        case .offsetsTopicUnavailable: .coordinatorNotAvailable
        case .notLeader: .notCoordinator
        }
    }
}
