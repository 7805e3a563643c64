import ZooKeeperProtocol

/// Everything that survives a restart: the tree, the open sessions and the last zxid. Built by
/// applying transactions in zxid order, live or from the log.
public struct MetadataDatabase: Sendable {
    public var tree: DataTree
    /// Open sessions and their negotiated timeouts in milliseconds.
    public var sessionTimeouts: [Int64: Int32]
    public var lastZxid: Int64

    public init(tree: DataTree = DataTree(), sessionTimeouts: [Int64: Int32] = [:], lastZxid: Int64 = 0) {
        self.tree = tree
        self.sessionTimeouts = sessionTimeouts
        self.lastZxid = lastZxid
    }

    /// Applies one transaction; the zxid must be newer than `lastZxid` (older ones are skipped,
    /// which makes replaying a log that overlaps a snapshot safe).
    @discardableResult
    public mutating func apply(
        _ body: TxnBody,
        header: TxnHeader,
        triggers: inout [WatchTrigger]
    ) -> TxnOutcome {
        guard header.zxid > self.lastZxid else { return .error(.runtimeInconsistency) }
        self.lastZxid = header.zxid
        switch body {
        case .createSession(let txn):
            self.sessionTimeouts[header.clientId] = txn.timeOut
        case .closeSession:
            self.sessionTimeouts[header.clientId] = nil
        default:
            break
        }
        return self.tree.apply(body, header: header, triggers: &triggers)
    }
}
