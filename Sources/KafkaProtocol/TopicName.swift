/// Kafka's rules for topic names (`org.apache.kafka.common.internals.Topic.validate`), checked
/// before a name reaches the disk: the name becomes a directory under `log.dirs`.
public enum TopicName {
    public static let maxLength = 249

    public enum Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case dotOrDotDot(String)
        case tooLong(length: Int)
        case illegalCharacter(name: String, character: Character)

        public var description: String {
            switch self {
            case .empty:
                "topic name is empty; use 1 to 249 letters, digits, '.', '_' or '-'"
            case .dotOrDotDot(let name):
                "topic name '\(name)' is not allowed; '.' and '..' are reserved"
            case .tooLong(let length):
                "topic name has \(length) characters; the maximum is \(TopicName.maxLength)"
            case .illegalCharacter(let name, let character):
                "topic name '\(name)' has '\(character)'; use letters, digits, '.', '_' or '-'"
            }
        }
    }

    public static func validate(_ name: String) throws(Invalid) {
        if name.isEmpty { throw .empty }
        if name == "." || name == ".." { throw .dotOrDotDot(name) }
        if name.utf8.count > Self.maxLength { throw .tooLong(length: name.utf8.count) }
        for character in name where !Self.isLegal(character) {
            throw .illegalCharacter(name: name, character: character)
        }
    }

    public static func isValid(_ name: String) -> Bool {
        do {
            try Self.validate(name)
            return true
        } catch { return false }
    }

    /// '.' and '_' collide in metric names, so Kafka warns about topics that differ only there.
    public static func collisionKey(_ name: String) -> String {
        String(name.map { $0 == "." ? "_" : $0 })
    }

    private static func isLegal(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
