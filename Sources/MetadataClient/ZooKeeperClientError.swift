import ZooKeeperProtocol

/// Why a client call failed. `code` maps every case to ZooKeeper's result code, so callers can
/// test `error.code == .noNode` whatever the cause.
public enum ZooKeeperClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server answered with an error for `path`.
    case server(ErrorCode, path: String)
    /// The connection dropped before the reply came; the request may or may not have been applied.
    case connectionLoss
    /// The session is gone (the server expired it); create a new client.
    case sessionExpired
    /// `close()` was called.
    case closed
    /// The path is not a valid znode path; nothing was sent.
    case invalidPath(ZNodePath.InvalidPath)
    /// A `multi` failed: nothing was applied. `results` holds each operation's outcome.
    case multiFailed(ErrorCode, results: [MultiResult])
    /// The connect string could not be parsed.
    case badConnectString(String)
    /// The server sent bytes this client cannot decode.
    case protocolViolation(String)

    public var code: ErrorCode {
        switch self {
        case .server(let code, _): code
        case .connectionLoss: .connectionLoss
        case .sessionExpired: .sessionExpired
        case .closed: .connectionLoss
        case .invalidPath: .badArguments
        case .multiFailed(let code, _): code
        case .badConnectString: .badArguments
        case .protocolViolation: .marshallingError
        }
    }

    public var description: String {
        switch self {
        case .server(let code, let path):
            return "ZooKeeper answered \(code.name) for \(path)" + Self.hint(code)
        case .connectionLoss:
            return
                "connection to ZooKeeper lost before the reply; check the server and retry (the change may have been applied)"
        case .sessionExpired:
            return "ZooKeeper session expired; its ephemeral nodes are gone. Create a new client"
        case .closed:
            return "the ZooKeeper client was closed; create a new one"
        case .invalidPath(let error):
            return error.description
        case .multiFailed(let code, _):
            return "multi failed with \(code.name); no operation was applied"
        case .badConnectString(let text):
            return "connect string '\(text)' is not host:port[,host:port...]; write e.g. 127.0.0.1:2181"
        case .protocolViolation(let detail):
            return "unexpected bytes from the ZooKeeper server: \(detail)"
        }
    }

    private static func hint(_ code: ErrorCode) -> String {
        switch code {
        case .noNode: "; create the node (or its parent) first"
        case .nodeExists: "; pick another name or delete the existing node"
        case .badVersion: "; re-read the node and retry with its current version"
        case .notEmpty: "; delete its children first"
        case .noAuth: "; add credentials with addAuth or change the node's ACL"
        case .noChildrenForEphemerals: "; ephemeral nodes cannot have children"
        default: ""
        }
    }
}
