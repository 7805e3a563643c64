/// What a watch notification reports (`Watcher.Event.EventType`).
public enum EventType: Int32, Sendable, Hashable, CustomStringConvertible {
    case none = -1
    case nodeCreated = 1
    case nodeDeleted = 2
    case nodeDataChanged = 3
    case nodeChildrenChanged = 4
    case dataWatchRemoved = 5
    case childWatchRemoved = 6
    case persistentWatchRemoved = 7

    public var description: String {
        switch self {
        case .none: "None"
        case .nodeCreated: "NodeCreated"
        case .nodeDeleted: "NodeDeleted"
        case .nodeDataChanged: "NodeDataChanged"
        case .nodeChildrenChanged: "NodeChildrenChanged"
        case .dataWatchRemoved: "DataWatchRemoved"
        case .childWatchRemoved: "ChildWatchRemoved"
        case .persistentWatchRemoved: "PersistentWatchRemoved"
        }
    }
}
