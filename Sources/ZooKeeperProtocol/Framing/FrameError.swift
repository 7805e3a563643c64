/// Why the byte stream of a connection could not be split into packets. The connection is
/// closed, as ZooKeeper does ("Len error"); other connections are unaffected.
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 4-byte length prefix was negative or above the limit (`jute.maxbuffer`).
    case invalidLength(Int32, maximum: Int)

    public var description: String {
        switch self {
        case .invalidLength(let length, let maximum):
            return "packet length \(length) is outside 0...\(maximum); raise jute.maxbuffer or send smaller requests"
        }
    }
}
