/// Which watches `checkWatches`/`removeWatches` address (`Watcher.WatcherType`).
public enum WatcherType: Int32, Sendable, Hashable {
    case children = 1
    case data = 2
    case any = 3
    case persistent = 4
    case persistentRecursive = 5
}
