import ZooKeeperProtocol

/// The result of one `multi` operation.
public enum MultiResult: Sendable, Hashable {
    case created(path: String)
    case deleted
    case dataSet(Stat)
    case checked
    /// `ok` for operations rolled back because a later one failed.
    case error(ErrorCode)
}
