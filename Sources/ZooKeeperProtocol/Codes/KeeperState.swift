/// The session state carried in a `WatcherEvent` (`Watcher.Event.KeeperState`).
public enum KeeperState: Int32, Sendable, Hashable, CustomStringConvertible {
    case unknown = -1
    case disconnected = 0
    case noSyncConnected = 1
    case syncConnected = 3
    case authFailed = 4
    case connectedReadOnly = 5
    case saslAuthenticated = 6
    case expired = -112
    case closed = 7

    public var description: String {
        switch self {
        case .unknown: "Unknown"
        case .disconnected: "Disconnected"
        case .noSyncConnected: "NoSyncConnected"
        case .syncConnected: "SyncConnected"
        case .authFailed: "AuthFailed"
        case .connectedReadOnly: "ConnectedReadOnly"
        case .saslAuthenticated: "SaslAuthenticated"
        case .expired: "Expired"
        case .closed: "Closed"
        }
    }
}
