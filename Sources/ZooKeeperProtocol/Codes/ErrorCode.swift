/// A ZooKeeper result code (`KeeperException.Code`), as carried in `ReplyHeader.err`.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let ok = ErrorCode(rawValue: 0)
    public static let systemError = ErrorCode(rawValue: -1)
    public static let runtimeInconsistency = ErrorCode(rawValue: -2)
    public static let dataInconsistency = ErrorCode(rawValue: -3)
    public static let connectionLoss = ErrorCode(rawValue: -4)
    public static let marshallingError = ErrorCode(rawValue: -5)
    public static let unimplemented = ErrorCode(rawValue: -6)
    public static let operationTimeout = ErrorCode(rawValue: -7)
    public static let badArguments = ErrorCode(rawValue: -8)
    public static let unknownSession = ErrorCode(rawValue: -12)
    public static let newConfigNoQuorum = ErrorCode(rawValue: -13)
    public static let reconfigInProgress = ErrorCode(rawValue: -14)
    public static let apiError = ErrorCode(rawValue: -100)
    public static let noNode = ErrorCode(rawValue: -101)
    public static let noAuth = ErrorCode(rawValue: -102)
    public static let badVersion = ErrorCode(rawValue: -103)
    public static let noChildrenForEphemerals = ErrorCode(rawValue: -108)
    public static let nodeExists = ErrorCode(rawValue: -110)
    public static let notEmpty = ErrorCode(rawValue: -111)
    public static let sessionExpired = ErrorCode(rawValue: -112)
    public static let invalidCallback = ErrorCode(rawValue: -113)
    public static let invalidACL = ErrorCode(rawValue: -114)
    public static let authFailed = ErrorCode(rawValue: -115)
    public static let sessionMoved = ErrorCode(rawValue: -118)
    public static let notReadOnly = ErrorCode(rawValue: -119)
    public static let ephemeralOnLocalSession = ErrorCode(rawValue: -120)
    public static let noWatcher = ErrorCode(rawValue: -121)
    public static let requestTimeout = ErrorCode(rawValue: -122)
    public static let reconfigDisabled = ErrorCode(rawValue: -123)
    public static let sessionClosedRequireSaslAuth = ErrorCode(rawValue: -124)
    public static let quotaExceeded = ErrorCode(rawValue: -125)
    public static let throttledOp = ErrorCode(rawValue: -127)

    private static let names: [Int32: String] = [
        0: "Ok", -1: "SystemError", -2: "RuntimeInconsistency", -3: "DataInconsistency", -4: "ConnectionLoss",
        -5: "MarshallingError", -6: "Unimplemented", -7: "OperationTimeout", -8: "BadArguments",
        -12: "UnknownSession", -13: "NewConfigNoQuorum", -14: "ReconfigInProgress", -100: "APIError",
        -101: "NoNode", -102: "NoAuth", -103: "BadVersion", -108: "NoChildrenForEphemerals", -110: "NodeExists",
        -111: "NotEmpty", -112: "SessionExpired", -113: "InvalidCallback", -114: "InvalidACL", -115: "AuthFailed",
        -118: "SessionMoved", -119: "NotReadOnly", -120: "EphemeralOnLocalSession", -121: "NoWatcher",
        -122: "RequestTimeout", -123: "ReconfigDisabled", -124: "SessionClosedRequireSaslAuth",
        -125: "QuotaExceeded", -127: "ThrottledOp",
    ]

    /// ZooKeeper's name for the code, e.g. `NoNode`, as zkCli and kazoo print it.
    public var name: String { Self.names[self.rawValue] ?? "Unknown(\(self.rawValue))" }
    public var description: String { "\(self.name) (\(self.rawValue))" }
}
