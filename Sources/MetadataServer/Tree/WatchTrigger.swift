import ZooKeeperProtocol

/// A change the tree made that watches may care about, in the order ZooKeeper fires them.
public struct WatchTrigger: Sendable, Hashable {
    /// Which watch table the change is offered to: data/exist watches or child watches.
    public enum Table: Sendable, Hashable {
        case data
        case child
    }

    public var path: String
    public var type: EventType
    public var table: Table
    /// ZooKeeper fires a delete's child-table `NodeDeleted` only to watchers the data table missed.
    public var suppressesDataWatchers: Bool

    public init(path: String, type: EventType, table: Table, suppressesDataWatchers: Bool = false) {
        self.path = path
        self.type = type
        self.table = table
        self.suppressesDataWatchers = suppressesDataWatchers
    }
}
