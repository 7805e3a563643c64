import ZooKeeperProtocol

/// One watch notification delivered on a watch's `AsyncStream`.
public struct WatchedEvent: Sendable, Hashable, CustomStringConvertible {
    public var type: EventType
    public var path: String

    public init(type: EventType, path: String) {
        self.type = type
        self.path = path
    }

    public var description: String { "\(self.type) \(self.path)" }
}
