import ZooKeeperProtocol

/// The server's watch tables, keyed by connection as in ZooKeeper (watches die with their
/// connection; clients re-register them with `setWatches` after reconnecting).
///
/// Mirrors ZooKeeper 3.8's `WatchManager`: two tables (data/exist and child), one mode per
/// (connection, path) in each, the last registration winning; a connection gets at most one event
/// per change even if several of its watches match. As in 3.8.0, `addWatch` stores its mode in
/// both tables, so a recursive watch replaces a persistent one's child events too.
public struct WatchManager: Sendable {
    public enum Mode: Sendable, Hashable {
        case standard
        case persistent
        case persistentRecursive
    }

    public typealias ConnectionID = Int

    private var dataTable: [String: [ConnectionID: Mode]] = [:]
    private var childTable: [String: [ConnectionID: Mode]] = [:]
    private var recursiveCount: [WatchTrigger.Table: Int] = [.data: 0, .child: 0]

    public init() {}

    public mutating func addDataWatch(_ path: String, connection: ConnectionID) {
        self.set(\.dataTable, path, connection, .standard)
    }

    public mutating func addChildWatch(_ path: String, connection: ConnectionID) {
        self.set(\.childTable, path, connection, .standard)
    }

    /// `addWatch`: persistent watches sit in both tables, recursive ones in the data table only.
    public mutating func addPersistentWatch(_ path: String, mode: AddWatchMode, connection: ConnectionID) {
        switch mode {
        case .persistent:
            self.set(\.dataTable, path, connection, .persistent)
            self.set(\.childTable, path, connection, .persistent)
        case .persistentRecursive:
            self.set(\.dataTable, path, connection, .persistentRecursive)
            self.set(\.childTable, path, connection, .persistentRecursive)
        }
    }

    private mutating func set(
        _ table: WritableKeyPath<WatchManager, [String: [ConnectionID: Mode]]>,
        _ path: String,
        _ connection: ConnectionID,
        _ mode: Mode
    ) {
        let previous = self[keyPath: table][path, default: [:]].updateValue(mode, forKey: connection)
        let kind: WatchTrigger.Table = table == \WatchManager.dataTable ? .data : .child
        if previous == .persistentRecursive { self.recursiveCount[kind, default: 0] -= 1 }
        if mode == .persistentRecursive { self.recursiveCount[kind, default: 0] += 1 }
    }

    /// Offers one tree change to the watches and returns the connections to notify, removing
    /// the one-shot watches that fired. `suppressed` connections are matched but not returned.
    public mutating func trigger(_ change: WatchTrigger, suppressed: Set<ConnectionID> = []) -> Set<ConnectionID> {
        var fired: Set<ConnectionID> = []
        var paths = [change.path]
        if self.recursiveCount[change.table, default: 0] > 0 {
            var parent = change.path
            while parent != "/" {
                parent = ZNodePath.parent(of: parent)
                paths.append(parent)
            }
        }
        for (index, path) in paths.enumerated() {
            let isAncestor = index > 0
            let watchers: [ConnectionID: Mode]
            switch change.table {
            case .data: watchers = self.dataTable[path] ?? [:]
            case .child: watchers = self.childTable[path] ?? [:]
            }
            if watchers.isEmpty { continue }
            var remaining = watchers
            for (connection, mode) in watchers {
                switch mode {
                case .persistentRecursive:
                    if change.type != .nodeChildrenChanged { fired.insert(connection) }
                case .persistent:
                    if !isAncestor { fired.insert(connection) }
                case .standard:
                    if !isAncestor {
                        fired.insert(connection)
                        remaining[connection] = nil
                    }
                }
            }
            switch change.table {
            case .data: self.dataTable[path] = remaining.isEmpty ? nil : remaining
            case .child: self.childTable[path] = remaining.isEmpty ? nil : remaining
            }
        }
        return fired.subtracting(suppressed)
    }

    /// `removeWatches`; false when there was nothing to remove (ZooKeeper's `NoWatcher`).
    public mutating func remove(_ path: String, type: WatcherType, connection: ConnectionID) -> Bool {
        let all: Set<Mode> = [.standard, .persistent, .persistentRecursive]
        switch type {
        case .children:
            return self.take(.child, path, connection, all)
        case .data:
            return self.take(.data, path, connection, all)
        case .any:
            let child = self.take(.child, path, connection, all)
            let data = self.take(.data, path, connection, all)
            return child || data
        case .persistent:
            let child = self.take(.child, path, connection, [.persistent])
            let data = self.take(.data, path, connection, [.persistent])
            return child || data
        case .persistentRecursive:
            let child = self.take(.child, path, connection, [.persistentRecursive])
            let data = self.take(.data, path, connection, [.persistentRecursive])
            return child || data
        }
    }

    private mutating func take(
        _ kind: WatchTrigger.Table,
        _ path: String,
        _ connection: ConnectionID,
        _ modes: Set<Mode>
    ) -> Bool {
        var table = kind == .data ? self.dataTable : self.childTable
        guard let mode = table[path]?[connection], modes.contains(mode) else { return false }
        table[path]?[connection] = nil
        if table[path]?.isEmpty == true { table[path] = nil }
        if mode == .persistentRecursive { self.recursiveCount[kind, default: 0] -= 1 }
        if kind == .data { self.dataTable = table } else { self.childTable = table }
        return true
    }

    /// `checkWatches`: whether such a watch exists.
    public func contains(_ path: String, type: WatcherType, connection: ConnectionID) -> Bool {
        let data = self.dataTable[path]?[connection]
        let child = self.childTable[path]?[connection]
        switch type {
        case .children: return child != nil
        case .data: return data != nil
        case .any: return data != nil || child != nil
        case .persistent: return data == .persistent || child == .persistent
        case .persistentRecursive: return data == .persistentRecursive
        }
    }

    /// Drops every watch of a closed connection.
    public mutating func removeConnection(_ connection: ConnectionID) {
        let all: Set<Mode> = [.standard, .persistent, .persistentRecursive]
        for path in self.dataTable.keys where self.dataTable[path]?[connection] != nil {
            _ = self.take(.data, path, connection, all)
        }
        for path in self.childTable.keys where self.childTable[path]?[connection] != nil {
            _ = self.take(.child, path, connection, all)
        }
    }

    /// Paths watched per connection, for `wchc`.
    public func pathsByConnection() -> [ConnectionID: Set<String>] {
        var result: [ConnectionID: Set<String>] = [:]
        for table in [self.dataTable, self.childTable] {
            for (path, watchers) in table {
                for connection in watchers.keys { result[connection, default: []].insert(path) }
            }
        }
        return result
    }

    /// Connections per watched path, for `wchp`.
    public func connectionsByPath() -> [String: Set<ConnectionID>] {
        var result: [String: Set<ConnectionID>] = [:]
        for table in [self.dataTable, self.childTable] {
            for (path, watchers) in table { result[path, default: []].formUnion(watchers.keys) }
        }
        return result
    }

    /// Total (connection, path) watch entries, for `wchs` and `mntr`.
    public var watchCount: Int {
        self.dataTable.values.reduce(0) { $0 + $1.count } + self.childTable.values.reduce(0) { $0 + $1.count }
    }
}
