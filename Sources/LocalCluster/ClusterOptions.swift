/// What `cluster start` asks for. Defaults are the course's: three brokers on 9092, 9093, 9094
/// and the metadata server on ZooKeeper's 2181, so Kafka's documentation works unchanged.
public struct ClusterOptions: Sendable, Equatable {
    /// Broker count; nil keeps an existing cluster's count (or 3 for a new one).
    public var brokerCount: Int?
    /// nil keeps an existing cluster's mode (or `.zookeeper` for a new one).
    public var mode: ClusterMode?
    /// Processes outlive the REPL (and are not stopped when it quits).
    public var isDetached: Bool
    public var metadataPort: Int
    public var firstBrokerPort: Int
    /// How long each process may take to listen. A bound, not an expectation.
    public var startTimeout: Duration
    /// How long `stop` waits after SIGTERM before SIGKILL.
    public var stopGracePeriod: Duration

    public static let defaultBrokerCount = 3

    public init(
        brokerCount: Int? = nil, mode: ClusterMode? = nil, isDetached: Bool = false,
        metadataPort: Int = 2181, firstBrokerPort: Int = 9092,
        startTimeout: Duration = .seconds(30), stopGracePeriod: Duration = .seconds(10)
    ) {
        self.brokerCount = brokerCount
        self.mode = mode
        self.isDetached = isDetached
        self.metadataPort = metadataPort
        self.firstBrokerPort = firstBrokerPort
        self.startTimeout = startTimeout
        self.stopGracePeriod = stopGracePeriod
    }
}
