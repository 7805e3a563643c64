import ZooKeeperProtocol

/// The client's side of watches: which streams wait for which paths. The server sends one event
/// per change; this table fans it out the way ZooKeeper's Java client (`ZKWatchManager`) does.
struct ClientWatchTable {
    typealias Continuation = AsyncStream<WatchedEvent>.Continuation

    var data: [String: [Continuation]] = [:]
    var exist: [String: [Continuation]] = [:]
    var child: [String: [Continuation]] = [:]
    var persistent: [String: [Continuation]] = [:]
    var recursive: [String: [Continuation]] = [:]

    var isEmpty: Bool {
        self.data.isEmpty && self.exist.isEmpty && self.child.isEmpty && self.persistent.isEmpty
            && self.recursive.isEmpty
    }

    mutating func dispatch(_ event: WatchedEvent) {
        var oneShot: [Continuation] = []
        switch event.type {
        case .nodeDataChanged, .nodeCreated:
            oneShot += self.data.removeValue(forKey: event.path) ?? []
            oneShot += self.exist.removeValue(forKey: event.path) ?? []
        case .nodeChildrenChanged:
            oneShot += self.child.removeValue(forKey: event.path) ?? []
        case .nodeDeleted:
            oneShot += self.data.removeValue(forKey: event.path) ?? []
            oneShot += self.exist.removeValue(forKey: event.path) ?? []
            oneShot += self.child.removeValue(forKey: event.path) ?? []
        default:
            break
        }
        for continuation in oneShot {
            continuation.yield(event)
            continuation.finish()
        }
        for continuation in self.persistent[event.path] ?? [] { continuation.yield(event) }
        if event.type != .nodeChildrenChanged {
            var path = event.path
            while true {
                for continuation in self.recursive[path] ?? [] { continuation.yield(event) }
                if path == "/" { break }
                path = ZNodePath.parent(of: path)
            }
        }
    }

    /// Ends the streams a `removeWatches` of `type` on `path` removed.
    mutating func remove(_ path: String, type: WatcherType) {
        var removed: [Continuation] = []
        switch type {
        case .children:
            removed += self.child.removeValue(forKey: path) ?? []
        case .data:
            removed += self.data.removeValue(forKey: path) ?? []
            removed += self.exist.removeValue(forKey: path) ?? []
        case .any:
            removed += self.child.removeValue(forKey: path) ?? []
            removed += self.data.removeValue(forKey: path) ?? []
            removed += self.exist.removeValue(forKey: path) ?? []
            removed += self.persistent.removeValue(forKey: path) ?? []
            removed += self.recursive.removeValue(forKey: path) ?? []
        case .persistent:
            removed += self.persistent.removeValue(forKey: path) ?? []
        case .persistentRecursive:
            removed += self.recursive.removeValue(forKey: path) ?? []
        }
        for continuation in removed { continuation.finish() }
    }

    /// Ends every stream, for an expired or closed session.
    mutating func finishAll() {
        for table in [self.data, self.exist, self.child, self.persistent, self.recursive] {
            for continuations in table.values {
                for continuation in continuations { continuation.finish() }
            }
        }
        self = ClientWatchTable()
    }

    /// What to send in `setWatches2` after reconnecting.
    func registration(relativeZxid: Int64, serverPath: (String) -> String) -> SetWatches2 {
        func paths(_ table: [String: [Continuation]]) -> [String] { table.keys.sorted().map(serverPath) }
        return SetWatches2(
            relativeZxid: relativeZxid, dataWatches: paths(self.data), existWatches: paths(self.exist),
            childWatches: paths(self.child), persistentWatches: paths(self.persistent),
            persistentRecursiveWatches: paths(self.recursive)
        )
    }
}
