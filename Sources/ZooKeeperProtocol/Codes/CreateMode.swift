/// The `flags` of a create request (`CreateMode`): lifetime and naming of the new znode.
public enum CreateMode: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case persistent = 0
    case ephemeral = 1
    case persistentSequential = 2
    case ephemeralSequential = 3
    /// Deleted by the server once its last child goes (used by recipes such as locks).
    case container = 4
    case persistentWithTTL = 5
    case persistentSequentialWithTTL = 6

    public var isEphemeral: Bool { self == .ephemeral || self == .ephemeralSequential }
    public var isSequential: Bool {
        self == .persistentSequential || self == .ephemeralSequential || self == .persistentSequentialWithTTL
    }
    public var isContainer: Bool { self == .container }
    public var isTTL: Bool { self == .persistentWithTTL || self == .persistentSequentialWithTTL }

    public var description: String {
        switch self {
        case .persistent: "PERSISTENT"
        case .ephemeral: "EPHEMERAL"
        case .persistentSequential: "PERSISTENT_SEQUENTIAL"
        case .ephemeralSequential: "EPHEMERAL_SEQUENTIAL"
        case .container: "CONTAINER"
        case .persistentWithTTL: "PERSISTENT_WITH_TTL"
        case .persistentSequentialWithTTL: "PERSISTENT_SEQUENTIAL_WITH_TTL"
        }
    }
}
