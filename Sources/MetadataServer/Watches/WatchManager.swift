import ZooKeeperProtocol

/// The server's watch tables, keyed by connection as in ZooKeeper (watches die with their
/// connection; clients re-register them with `setWatches` after reconnecting).
///
/// Mirrors ZooKeeper 3.8's `WatchManager`: two tables (data/exist and child), one mode per
/// (connection, path) in each, the last registration winning; a connection gets at most one event
/// per change even if several of its watches match.
public struct WatchManager: Sendable {
    public enum Mode: Sendable, Hashable {
        case standard
        case persistent
        case persistentRecursive
    }

    public typealias ConnectionID = Int

    private var dataTable: [String: [ConnectionID: Mode]] = [:]
    private var childTable: [String: [ConnectionID: Mode]] = [:]
    private var recursiveCount = 0

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
        }
    }

    private mutating func set(
        _ table: WritableKeyPath<WatchManager, [String: [ConnectionID: Mode]]>,
        _ path: String,
        _ connection: ConnectionID,
        _ mode: Mode
    ) {
        let previous = self[keyPath: table][path, default: [:]].updateValue(mode, forKey: connection)
        if previous == .persistentRecursive { self.recursiveCount -= 1 }
        if mode == .persistentRecursive { self.recursiveCount += 1 }
    }

    /// Offers one tree change to the watches and returns the connections to notify, removing
    /// the one-shot watches that fired. `suppressed` connections are matched but not returned.
    public mutating func trigger(_ change: WatchTrigger, suppressed: Set<ConnectionID> = []) -> Set<ConnectionID> {
        var fired: Set<ConnectionID> = []
        var paths = [change.path]
        if self.recursiveCount > 0 && change.table == .data {
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
        var removed = false
        func take(_ table: inout [String: [ConnectionID: Mode]], _ modes: Set<Mode>) -> Bool {
            guard let mode = table[path]?[connection], modes.contains(mode) else { return false }
            table[path]?[connection] = nil
            if table[path]?.isEmpty == true { table[path] = nil }
            return true
        }
        let all: Set<Mode> = [.standard, .persistent, .persistentRecursive]
        switch type {
        case .children:
            removed = take(&self.childTable, all)
        case .data:
            if self.dataTable[path]?[connection] == .persistentRecursive { self.recursiveCount -= 1 }
            removed = take(&self.dataTable, all)
        case .any:
            let child = take(&self.childTable, all)
            if self.dataTable[path]?[connection] == .persistentRecursive { self.recursiveCount -= 1 }
            let data = take(&self.dataTable, all)
            removed = child || data
        case .persistent:
            let child = take(&self.childTable, [.persistent])
            let data = take(&self.dataTable, [.persistent])
            removed = child || data
        case .persistentRecursive:
            removed = take(&self.dataTable, [.persistentRecursive])
            if removed { self.recursiveCount -= 1 }
        }
        return removed
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
        for (path, watchers) in self.dataTable where watchers[connection] != nil {
            if watchers[connection] == .persistentRecursive { self.recursiveCount -= 1 }
            self.dataTable[path]?[connection] = nil
            if self.dataTable[path]?.isEmpty == true { self.dataTable[path] = nil }
        }
        for (path, watchers) in self.childTable where watchers[connection] != nil {
            self.childTable[path]?[connection] = nil
            if self.childTable[path]?.isEmpty == true { self.childTable[path] = nil }
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
