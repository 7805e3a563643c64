/// Why bytes could not be decoded as a Kafka message.
///
/// Decoding never traps and never allocates what a length field claims before checking it against the bytes
/// that are actually there: a broker must survive any client, and a client any broker.
public enum KafkaProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended inside the named field: the frame is shorter than its own fields say.
    case truncated(String)
    /// The named field carries a length or count that is negative (other than -1 for null) or too large.
    case invalidLength(Int, String)
    /// A value that can never be valid, such as null in a version where the field is not nullable.
    case invalidValue(String)
    /// The message type has no such version.
    case unsupportedVersion(String, Int16, ClosedRange<Int16>)

    public var description: String {
        switch self {
        case .truncated(let field):
            return "input ended inside '\(field)'; the message is shorter than its fields say "
                + "(cut-off frame, or decoded with the wrong API version)"
        case .invalidLength(let length, let field):
            return "'\(field)' has length \(length), which is negative or larger than allowed; "
                + "the sender wrote a corrupt length (or the message was decoded with the wrong API version)"
        case .invalidValue(let message):
            return message
        case .unsupportedVersion(let type, let version, let valid):
            return "\(type) has no version \(version); use a version in \(valid.lowerBound)...\(valid.upperBound)"
        }
    }
}
