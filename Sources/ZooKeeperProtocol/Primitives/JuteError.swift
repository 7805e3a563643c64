/// Why bytes could not be read as a jute record. Servers answer these with `MarshallingError`
/// or by closing the connection; they never trap.
public enum JuteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record ended early: `needed` more bytes were expected while reading `field`.
    case truncated(field: String, needed: Int)
    /// A length or count prefix was negative (other than -1 for null) or larger than the bytes left.
    case invalidLength(field: String, length: Int32)

    public var description: String {
        switch self {
        case .truncated(let field, let needed):
            return "jute record truncated: \(needed) more byte(s) needed for \(field); send the whole record"
        case .invalidLength(let field, let length):
            return
                "jute \(field) has length \(length), which does not fit the packet; lengths are -1 (null) or 0...remaining bytes"
        }
    }
}
