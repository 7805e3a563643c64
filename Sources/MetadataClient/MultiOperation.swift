import ZooKeeperProtocol

/// One operation of an atomic `multi`.
public enum MultiOperation: Sendable, Hashable {
    case create(path: String, data: [UInt8] = [], acl: [ACL] = ACL.openACLUnsafe, mode: CreateMode = .persistent)
    case delete(path: String, version: Int32 = -1)
    case setData(path: String, data: [UInt8], version: Int32 = -1)
    /// Fails the whole multi unless the node's version matches (Kafka's controller-epoch guard).
    case check(path: String, version: Int32)

    public var path: String {
        switch self {
        case .create(let path, _, _, _), .delete(let path, _), .setData(let path, _, _), .check(let path, _): path
        }
    }
}

/// The result of one `multi` operation.
public enum MultiResult: Sendable, Hashable {
    case created(path: String)
    case deleted
    case dataSet(Stat)
    case checked
    /// `ok` for operations rolled back because a later one failed.
    case error(ErrorCode)
}
