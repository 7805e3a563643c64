import KafkaProtocol

/// Why the coordinator could not do its part; mapped to a Kafka error code at the wire.
enum GroupCoordinatorError: Error, Sendable, CustomStringConvertible {
    /// `__consumer_offsets` cannot be created or written.
    case offsetsTopicUnavailable(String)

    var description: String {
        switch self {
        case .offsetsTopicUnavailable(let reason):
            "the internal topic __consumer_offsets is unavailable (\(reason)); clients will retry"
        }
    }

    var code: ErrorCode { .coordinatorNotAvailable }
}
