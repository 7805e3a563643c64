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
        self.data.isEmpty && self.exist.isEmpty && self.child.isEmpty && self.persistent.isEmpty && self.recursive.isEmpty
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

    /// Ends every stream, for an expired or closed session.
    mutating func finishAll() {
        for table in [self.data, self.exist, self.child, self.persistent, self.recursive] {
            for continuations in table.values { continuations.forEach { $0.finish() } }
        }
        self = ClientWatchTable()
    }

    /// What to send in `setWatches2` after reconnecting.
    func registration(relativeZxid: Int64) -> SetWatches2 {
        SetWatches2(
            relativeZxid: relativeZxid, dataWatches: self.data.keys.sorted(), existWatches: self.exist.keys.sorted(),
            childWatches: self.child.keys.sorted(), persistentWatches: self.persistent.keys.sorted(),
            persistentRecursiveWatches: self.recursive.keys.sorted()
        )
    }
}
