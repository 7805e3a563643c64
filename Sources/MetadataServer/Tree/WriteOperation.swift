import ZooKeeperProtocol

/// A decoded write request, before it is checked against the tree.
public enum WriteOperation: Sendable, Hashable {
    /// `create`, `create2`, `createContainer` (op code says which reply shape to use).
    case create(CreateRequest, opCode: OpCode)
    case createTTL(CreateTTLRequest)
    case delete(DeleteRequest)
    case setData(SetDataRequest)
    case setACL(SetACLRequest)
    case check(CheckVersionRequest)

    public var opCode: OpCode {
        switch self {
        case .create(_, let opCode): opCode
        case .createTTL: .createTTL
        case .delete: .delete
        case .setData: .setData
        case .setACL: .setACL
        case .check: .check
        }
    }
}
