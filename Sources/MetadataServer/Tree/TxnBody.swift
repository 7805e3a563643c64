import NIOCore
import ZooKeeperProtocol

/// A change to the tree or the session table, as written to the transaction log. The records are
/// ZooKeeper's own txn records, so the log reads like ZooKeeper's.
public enum TxnBody: Sendable, Hashable {
    case create(CreateTxn)
    case createContainer(CreateContainerTxn)
    case createTTL(CreateTTLTxn)
    case delete(DeleteTxn)
    case setData(SetDataTxn)
    case setACL(SetACLTxn)
    case check(CheckVersionTxn)
    case createSession(CreateSessionTxn)
    case closeSession(CloseSessionTxn)
    case error(ErrorTxn)
    case multi([TxnBody])

    /// The op code stored in `TxnHeader.type` and in a multi's `Txn.type`.
    public var opCode: OpCode {
        switch self {
        case .create: .create
        case .createContainer: .createContainer
        case .createTTL: .createTTL
        case .delete: .delete
        case .setData: .setData
        case .setACL: .setACL
        case .check: .check
        case .createSession: .createSession
        case .closeSession: .closeSession
        case .error: .error
        case .multi: .multi
        }
    }

    public func write(to buffer: inout ByteBuffer) {
        switch self {
        case .create(let txn): txn.write(to: &buffer)
        case .createContainer(let txn): txn.write(to: &buffer)
        case .createTTL(let txn): txn.write(to: &buffer)
        case .delete(let txn): txn.write(to: &buffer)
        case .setData(let txn): txn.write(to: &buffer)
        case .setACL(let txn): txn.write(to: &buffer)
        case .check(let txn): txn.write(to: &buffer)
        case .createSession(let txn): txn.write(to: &buffer)
        case .closeSession(let txn): txn.write(to: &buffer)
        case .error(let txn): txn.write(to: &buffer)
        case .multi(let bodies):
            let txns = bodies.map { body in
                var inner = ByteBuffer()
                body.write(to: &inner)
                return Txn(type: body.opCode.rawValue, data: Array(inner.readableBytesView))
            }
            MultiTxn(txns: txns).write(to: &buffer)
        }
    }

    /// Reads the body of a txn whose header said `type`.
    public init(type: OpCode, from buffer: inout ByteBuffer) throws(JuteError) {
        switch type {
        case .create, .create2: self = .create(try CreateTxn(from: &buffer))
        case .createContainer: self = .createContainer(try CreateContainerTxn(from: &buffer))
        case .createTTL: self = .createTTL(try CreateTTLTxn(from: &buffer))
        case .delete, .deleteContainer: self = .delete(try DeleteTxn(from: &buffer))
        case .setData: self = .setData(try SetDataTxn(from: &buffer))
        case .setACL: self = .setACL(try SetACLTxn(from: &buffer))
        case .check: self = .check(try CheckVersionTxn(from: &buffer))
        case .createSession: self = .createSession(try CreateSessionTxn(from: &buffer))
        case .closeSession: self = .closeSession(try CloseSessionTxn(from: &buffer))
        case .error: self = .error(try ErrorTxn(from: &buffer))
        case .multi:
            let multi = try MultiTxn(from: &buffer)
            var bodies: [TxnBody] = []
            for txn in multi.txns {
                var inner = ByteBuffer(bytes: txn.data ?? [])
                bodies.append(try TxnBody(type: OpCode(rawValue: txn.type), from: &inner))
            }
            self = .multi(bodies)
        default:
            throw .invalidLength(field: "txn type \(type.rawValue)", length: type.rawValue)
        }
    }
}
