import ZooKeeperProtocol

/// The znode hierarchy with ZooKeeper 3.8's bookkeeping (stats, ephemerals by session,
/// containers, TTL nodes). A value type with no I/O, so its semantics are tested without sockets
/// and a `multi` can be tried on a copy.
public struct DataTree: Sendable {
    public static let zookeeperPath = "/zookeeper"
    public static let quotaPath = "/zookeeper/quota"
    public static let configPath = "/zookeeper/config"
    /// Paths that can never be deleted or created (`DataTree.isSpecialPath`).
    public static let specialPaths: Set<String> = ["/", zookeeperPath, quotaPath, configPath]

    public private(set) var nodes: [String: DataNode]
    public private(set) var ephemerals: [Int64: Set<String>]
    public private(set) var containers: Set<String>
    public private(set) var ttls: Set<String>

    /// A tree holding only `/`, `/zookeeper`, `/zookeeper/quota` and `/zookeeper/config`.
    public init() {
        self.nodes = [:]
        self.ephemerals = [:]
        self.containers = []
        self.ttls = []
        let empty = StatPersisted()
        self.nodes["/"] = DataNode(data: [], acl: ACL.openACLUnsafe, stat: empty, children: ["zookeeper"])
        self.nodes[Self.zookeeperPath] = DataNode(
            data: [], acl: ACL.openACLUnsafe, stat: empty, children: ["quota", "config"]
        )
        self.nodes[Self.quotaPath] = DataNode(data: [], acl: ACL.openACLUnsafe, stat: empty)
        // ZooKeeper sets this ACL with version -1, which lands in aversion.
        var configStat = empty
        configStat.aversion = -1
        self.nodes[Self.configPath] = DataNode(data: [], acl: ACL.readACLUnsafe, stat: configStat)
    }

    public func node(at path: String) -> DataNode? { self.nodes[path] }

    public var nodeCount: Int { self.nodes.count }

    /// Number of descendants of `path` (`getAllChildrenNumber`).
    public func descendantCount(of path: String) -> Int {
        guard let node = self.nodes[path] else { return 0 }
        var count = 0
        for child in node.children {
            count += 1 + self.descendantCount(of: ZNodePath.child(child, of: path))
        }
        return count
    }

    /// Total bytes of data held, for `mntr`'s `zk_approximate_data_size`.
    public var approximateDataSize: Int {
        self.nodes.reduce(0) { $0 + $1.key.utf8.count + ($1.value.data?.count ?? 0) }
    }

    /// Replaces a node wholesale; used when loading a snapshot.
    mutating func restore(path: String, node: DataNode) {
        self.nodes[path] = node
        self.index(path: path, owner: node.stat.ephemeralOwner)
    }

    /// Rebuilds child sets from paths after a snapshot load.
    mutating func relinkChildren() {
        for path in self.nodes.keys where path != "/" {
            let parent = ZNodePath.parent(of: path)
            self.nodes[parent]?.children.insert(ZNodePath.name(of: path))
        }
    }

    private mutating func index(path: String, owner: Int64) {
        if EphemeralOwner.isContainer(owner) {
            self.containers.insert(path)
        } else if EphemeralOwner.isTTL(owner) {
            self.ttls.insert(path)
        } else if owner != 0 {
            self.ephemerals[owner, default: []].insert(path)
        }
    }

    private mutating func unindex(path: String, owner: Int64) {
        if EphemeralOwner.isContainer(owner) {
            self.containers.remove(path)
        } else if EphemeralOwner.isTTL(owner) {
            self.ttls.remove(path)
        } else if owner != 0 {
            self.ephemerals[owner]?.remove(path)
            if self.ephemerals[owner]?.isEmpty == true { self.ephemerals[owner] = nil }
        }
    }

    // MARK: - Applying transactions

    /// Applies one logged transaction. Deterministic, so live processing and log replay agree.
    /// Changes that watches may see are appended to `triggers`.
    public mutating func apply(
        _ body: TxnBody,
        header: TxnHeader,
        triggers: inout [WatchTrigger]
    ) -> TxnOutcome {
        switch body {
        case .create(let txn):
            return self.createNode(
                path: txn.path, data: txn.data, acl: txn.acl, owner: txn.ephemeral ? header.clientId : 0,
                parentCVersion: txn.parentCVersion, header: header, triggers: &triggers
            )
        case .createContainer(let txn):
            return self.createNode(
                path: txn.path, data: txn.data, acl: txn.acl, owner: EphemeralOwner.container,
                parentCVersion: txn.parentCVersion, header: header, triggers: &triggers
            )
        case .createTTL(let txn):
            return self.createNode(
                path: txn.path, data: txn.data, acl: txn.acl, owner: EphemeralOwner.ttl(txn.ttl),
                parentCVersion: txn.parentCVersion, header: header, triggers: &triggers
            )
        case .delete(let txn):
            return self.deleteNode(path: txn.path, zxid: header.zxid, triggers: &triggers)
        case .setData(let txn):
            guard var node = self.nodes[txn.path] else { return .error(.noNode) }
            node.data = txn.data
            node.stat.mtime = header.time
            node.stat.mzxid = header.zxid
            node.stat.version = txn.version
            self.nodes[txn.path] = node
            triggers.append(WatchTrigger(path: txn.path, type: .nodeDataChanged, table: .data))
            return .dataSet(node.clientStat)
        case .setACL(let txn):
            guard var node = self.nodes[txn.path] else { return .error(.noNode) }
            node.acl = txn.acl
            node.stat.aversion = txn.version
            self.nodes[txn.path] = node
            return .aclSet(node.clientStat)
        case .check:
            return .checked
        case .createSession:
            return .session
        case .closeSession:
            self.killSession(header.clientId, zxid: header.zxid, triggers: &triggers)
            return .session
        case .error(let txn):
            return .error(ErrorCode(rawValue: txn.err))
        case .multi(let bodies):
            // Bodies are already all-success or all-error (see RequestPreparer.prepareMulti).
            return .multi(bodies.map { self.apply($0, header: header, triggers: &triggers) })
        }
    }

    /// Deletes every ephemeral of `sessionId`, in path order so triggers are deterministic.
    public mutating func killSession(_ sessionId: Int64, zxid: Int64, triggers: inout [WatchTrigger]) {
        guard let paths = self.ephemerals[sessionId] else { return }
        // Deepest first is impossible (ephemerals have no children), so plain order will do.
        for path in paths.sorted() {
            _ = self.deleteNode(path: path, zxid: zxid, triggers: &triggers)
        }
        self.ephemerals[sessionId] = nil
    }

    private mutating func createNode(
        path: String,
        data: [UInt8]?,
        acl: [ACL],
        owner: Int64,
        parentCVersion: Int32,
        header: TxnHeader,
        triggers: inout [WatchTrigger]
    ) -> TxnOutcome {
        let parentPath = ZNodePath.parent(of: path)
        let name = ZNodePath.name(of: path)
        guard var parent = self.nodes[parentPath] else { return .error(.noNode) }
        guard !parent.children.contains(name), self.nodes[path] == nil else { return .error(.nodeExists) }
        let cversion = parentCVersion == -1 ? parent.stat.cversion + 1 : parentCVersion
        if cversion > parent.stat.cversion {
            parent.stat.cversion = cversion
            parent.stat.pzxid = header.zxid
        }
        parent.children.insert(name)
        self.nodes[parentPath] = parent
        let stat = StatPersisted(
            czxid: header.zxid, mzxid: header.zxid, ctime: header.time, mtime: header.time, version: 0,
            cversion: 0, aversion: 0, ephemeralOwner: owner, pzxid: header.zxid
        )
        let node = DataNode(data: data, acl: acl, stat: stat)
        self.nodes[path] = node
        self.index(path: path, owner: owner)
        triggers.append(WatchTrigger(path: path, type: .nodeCreated, table: .data))
        triggers.append(WatchTrigger(path: parentPath, type: .nodeChildrenChanged, table: .child))
        return .created(path: path, stat: node.clientStat)
    }

    private mutating func deleteNode(path: String, zxid: Int64, triggers: inout [WatchTrigger]) -> TxnOutcome {
        let parentPath = ZNodePath.parent(of: path)
        guard var parent = self.nodes[parentPath], let node = self.nodes[path] else { return .error(.noNode) }
        parent.children.remove(ZNodePath.name(of: path))
        if zxid > parent.stat.pzxid { parent.stat.pzxid = zxid }
        self.nodes[parentPath] = parent
        self.nodes[path] = nil
        self.unindex(path: path, owner: node.stat.ephemeralOwner)
        triggers.append(WatchTrigger(path: path, type: .nodeDeleted, table: .data))
        triggers.append(WatchTrigger(path: path, type: .nodeDeleted, table: .child, suppressesDataWatchers: true))
        triggers.append(WatchTrigger(path: parentPath, type: .nodeChildrenChanged, table: .child))
        return .deleted
    }
}
