import ZooKeeperProtocol

/// What applying a transaction produced, for building the reply.
public enum TxnOutcome: Sendable, Hashable {
    case created(path: String, stat: Stat)
    case deleted
    case dataSet(Stat)
    case aclSet(Stat)
    case checked
    case session
    case error(ErrorCode)
    case multi([TxnOutcome])
}
