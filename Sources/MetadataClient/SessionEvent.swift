/// Changes of a client's session, as `Watcher.Event.KeeperState` reports them in ZooKeeper.
public enum SessionEvent: Sendable, Hashable {
    /// Connected (first time or again) with this session id; pending watches are re-registered.
    case connected(sessionId: Int64)
    /// The connection dropped; the session may still be alive and the client is reconnecting.
    case disconnected
    /// The server expired the session: ephemerals are deleted and watches are gone.
    case expired
    /// The server refused the credentials given to `addAuth`.
    case authFailed
    /// `close()` ended the session.
    case closed
}
