import ZooKeeperProtocol

/// One znode: its data (nil when created with null data, which zkCli shows as `null`), ACL,
/// persisted stat and child names.
public struct DataNode: Sendable, Hashable {
    public var data: [UInt8]?
    public var acl: [ACL]
    public var stat: StatPersisted
    public var children: Set<String>

    public init(data: [UInt8]?, acl: [ACL], stat: StatPersisted, children: Set<String> = []) {
        self.data = data
        self.acl = acl
        self.stat = stat
        self.children = children
    }

    /// The full `Stat` a client sees: the persisted fields plus the derived lengths. The stored
    /// cversion counts creates; clients see creates plus deletes, `2 * creates - children`, as
    /// ZooKeeper's `DataNode.copyStat` computes it (so `/zookeeper` shows -2).
    public var clientStat: Stat {
        Stat(
            czxid: self.stat.czxid, mzxid: self.stat.mzxid, ctime: self.stat.ctime, mtime: self.stat.mtime,
            version: self.stat.version, cversion: self.stat.cversion &* 2 &- Int32(self.children.count),
            aversion: self.stat.aversion,
            ephemeralOwner: self.stat.ephemeralOwner, dataLength: Int32(self.data?.count ?? 0),
            numChildren: Int32(self.children.count), pzxid: self.stat.pzxid
        )
    }
}
