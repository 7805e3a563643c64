/// The mode of an `addWatch` request (ZooKeeper 3.6+): watches that stay after they fire.
public enum AddWatchMode: Int32, Sendable, Hashable {
    /// Data and child events of one node.
    case persistent = 0
    /// Created, deleted and data-changed events of a node and all its descendants.
    case persistentRecursive = 1
}
