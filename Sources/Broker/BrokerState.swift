import Foundation
import KafkaProtocol
import LogStorage
import Logging
import Synchronization

/// What every request handler shares: the broker's identity and config, its logs, the topic
/// registry and the fetch waiters. One instance per broker process.
final class BrokerState: Sendable {
    let config: BrokerConfig
    /// Broker configs changed by AlterConfigs, over `config`; `logDefaults` is what new logs get.
    let dynamicConfig: DynamicBrokerConfig
    var logDefaults: LogConfig { self.dynamicConfig.logDefaults }
    let brokerId: Int32
    private let clusterIdStorage: Mutex<String>
    var clusterId: String { self.clusterIdStorage.withLock { $0 } }
    func setClusterId(_ id: String) { self.clusterIdStorage.withLock { $0 = id } }
    /// Opens once the broker may serve requests: at once when standalone; in a cluster only after
    /// it joined (before that it would answer as if standalone, from stale logs). Connections
    /// accepted earlier wait, as Kafka's socket server does until start-up completes.
    let ready = ReadyGate()
    /// Set once a cluster-mode broker has joined its metadata server; nil when standalone.
    private let clusterSlot: ClusterSlot
    var cluster: ClusterContext? { self.clusterSlot.context }
    func setCluster(_ cluster: ClusterContext) { self.clusterSlot.set(cluster) }
    let logger: Logger
    let logManager: LogManager
    let topics: TopicRegistry
    let appendWaiters: AppendWaiters
    /// Appends to the partitions this broker leads (Produce and `__consumer_offsets`).
    let leaders: PartitionLeaders
    /// Record bytes fetches sent with `sendfile` and with a copy (logged at shutdown).
    let fetchTransfers = FetchTransferCounters()
    /// Faults injected on purpose by the cluster's owner (`fault ...` in the REPL); healthy at start.
    let faults = FaultInjection()
    let producerIds: ProducerIdManager
    let groupCoordinator: GroupCoordinator
    /// The epoch a standalone broker stamps on batches: it has always been the only leader.
    let leaderEpoch: Int32 = 0

    init(
        config: BrokerConfig, brokerId: Int32, clusterId: String, logger: Logger, logManager: LogManager,
        topics: TopicRegistry
    ) {
        self.config = config
        self.dynamicConfig = DynamicBrokerConfig(
            staticConfig: config, file: config.isStandalone ? "\(config.logDirs[0])/samsa-broker-configs.json" : nil)
        self.brokerId = brokerId
        self.clusterIdStorage = Mutex(clusterId)
        self.logger = logger
        self.logManager = logManager
        self.topics = topics
        self.producerIds = ProducerIdManager(directory: config.logDirs[0])
        let clusterSlot = ClusterSlot()
        self.clusterSlot = clusterSlot
        let appendWaiters = AppendWaiters()
        self.appendWaiters = appendWaiters
        let leaders = PartitionLeaders(logManager: logManager, cluster: clusterSlot, appendWaiters: appendWaiters)
        self.leaders = leaders
        let groupConfig = GroupConfig(config)
        // Groups persist in `__consumer_offsets`: standalone a local topic whose every partition
        // this broker leads; in a cluster a replicated topic, and this broker coordinates the
        // groups of the partitions it leads (see ReplicaManager.onLeadershipChange).
        self.groupCoordinator = GroupCoordinator(
            config: groupConfig,
            store: OffsetsTopicStore(
                logManager: logManager, leaders: leaders, topics: topics, brokerConfig: config, config: groupConfig,
                logger: logger, cluster: clusterSlot),
            logger: logger)
    }

    /// The topic's log settings: broker defaults with the topic's overrides.
    func logConfig(for topic: TopicRecord) -> LogConfig {
        (try? self.logDefaults.applying(topic.configs)) ?? self.logDefaults
    }

    /// Creates the partition directories a topic needs on this broker.
    func createLogs(for topic: TopicRecord) throws(LogStorageError) {
        let config = self.logConfig(for: topic)
        for partition in 0..<topic.partitions {
            let tp = TopicPartition(topic.name, partition)
            let log = try self.logManager.getOrCreateLog(for: tp, config: config, now: Clock.millis())
            try PartitionMetadataFile.write(topicId: topic.topicId, in: log.directory)
        }
    }

    /// Auto-creation as Kafka does it when `auto.create.topics.enable` is set: the broker's
    /// `num.partitions` and `default.replication.factor`.
    func autoCreate(_ name: String) async throws(TopicError) -> TopicRecord {
        guard self.config.defaultReplicationFactor <= 1 else {
            throw TopicError(
                .invalidReplicationFactor,
                "Replication factor: \(self.config.defaultReplicationFactor) larger than available brokers: 1.")
        }
        let record = try await self.topics.create(
            name: name, partitions: self.config.numPartitions, replicationFactor: 1, configs: [:],
            defaults: self.logDefaults)
        do {
            try self.createLogs(for: record)
        } catch {
            throw TopicError(.kafkaStorageError, error.description)
        }
        self.logger.info("auto-created topic", metadata: ["topic": "\(name)", "partitions": "\(record.partitions)"])
        return record
    }

    /// Ports actually bound, in listener order (differs from the config with port 0).
    let boundPorts = Mutex<[Int]>([])

    /// This broker as a Metadata/DescribeCluster entry. A listener on port 0 advertises the port
    /// the OS chose.
    var advertisedEndpoint: BrokerConfig.Endpoint {
        var endpoint = self.config.advertised.first ?? BrokerConfig.Endpoint(host: "127.0.0.1", port: 9092)
        if endpoint.port == 0, let bound = self.boundPorts.withLock({ $0.first }) { endpoint.port = bound }
        return endpoint
    }
}

/// Wall-clock milliseconds, the unit of every Kafka timestamp.
enum Clock {
    static func millis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// Kafka's `partition.metadata` file beside a partition's segments, naming its topic id, so a
/// directory left by a deleted-and-recreated topic is never mistaken for the new one.
enum PartitionMetadataFile {
    static func write(topicId: String, in directory: String) throws(LogStorageError) {
        let path = "\(directory)/partition.metadata"
        do {
            try "version: 0\ntopic_id: \(topicId)\n".write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .io(operation: "write", path: path, errno: EIO)
        }
    }
}

/// A one-way gate: `wait()` returns once `open()` has been called.
final class ReadyGate: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        if self.state.withLock({ $0.isOpen }) { return }
        await withCheckedContinuation { continuation in
            let resumeNow = self.state.withLock { state -> Bool in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
