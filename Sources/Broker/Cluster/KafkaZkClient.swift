import KafkaProtocol
import KafkaZkModel
import Logging
import MetadataClient
import Synchronization
import ZooKeeperProtocol

/// The broker's view of the metadata server: typed reads and writes of Kafka's znodes over a
/// `ZooKeeperClient`, with the optional chroot of `zookeeper.connect` (`host:port/kafka`) applied
/// to every path by the client.
final class KafkaZkClient: Sendable {
    private let current: Mutex<ZooKeeperClient>
    /// `zookeeper.connect` as configured; `ZooKeeperClient` parses its servers and chroot.
    private let connectString: String
    private let sessionTimeoutMs: Int
    private let logger: Logger

    /// The session in use; replaced by `renewSession()` after the old one expired.
    var client: ZooKeeperClient { self.current.withLock { $0 } }

    private init(client: ZooKeeperClient, connectString: String, sessionTimeoutMs: Int, logger: Logger) {
        self.current = Mutex(client)
        self.connectString = connectString
        self.sessionTimeoutMs = sessionTimeoutMs
        self.logger = logger
    }

    /// Connects to `host:port[,host:port][/chroot]`, creating the chroot if it is missing.
    static func connect(_ connect: String, sessionTimeoutMs: Int, logger: Logger) async throws -> KafkaZkClient {
        let client = try await Self.newSession(connect, sessionTimeoutMs: sessionTimeoutMs, logger: logger)
        try await client.createChrootIfMissing()
        return KafkaZkClient(client: client, connectString: connect, sessionTimeoutMs: sessionTimeoutMs, logger: logger)
    }

    private static func newSession(_ connect: String, sessionTimeoutMs: Int, logger: Logger) async throws
        -> ZooKeeperClient
    {
        let client = try ZooKeeperClient(
            connectString: connect, sessionTimeout: .milliseconds(sessionTimeoutMs), logger: logger)
        try await client.connect(timeout: .milliseconds(max(sessionTimeoutMs, 5_000)))
        return client
    }

    /// An expired session cannot be resumed: open a new one (its ephemerals start empty).
    func renewSession() async throws {
        let client = try await Self.newSession(
            self.connectString, sessionTimeoutMs: self.sessionTimeoutMs, logger: self.logger)
        let old = self.current.withLock { current in
            defer { current = client }
            return current
        }
        await old.close()
    }

    /// Creates `path` and its missing parents (persistent, empty).
    func ensurePath(_ path: String) async throws {
        try await self.client.ensurePath(path)
    }

    func createTopLevelPaths() async throws {
        for path in ZkPaths.persistentPaths { try await self.ensurePath(path) }
    }

    func get<T: Decodable>(_ type: T.Type, at path: String) async throws -> (T, Stat)? {
        do {
            let (data, stat) = try await self.client.getData(path)
            guard let value = ZkJSON.decode(type, from: data) else { return nil }
            return (value, stat)
        } catch let error as ZooKeeperClientError where error.code == .noNode {
            return nil
        }
    }

    func children(_ path: String) async throws -> [String] {
        do {
            return try await self.client.getChildren(path)
        } catch let error as ZooKeeperClientError where error.code == .noNode {
            return []
        }
    }

    /// Children plus a one-shot watch that fires when they change.
    func childrenWatching(_ path: String) async throws -> ([String], AsyncStream<WatchedEvent>) {
        try await self.client.getChildrenWatching(path)
    }

    @discardableResult
    func create(_ path: String, _ value: some Encodable, mode: CreateMode = .persistent) async throws -> String {
        try await self.client.create(path, data: ZkJSON.encode(value), mode: mode)
    }

    /// A persistent sequential child, e.g. `/isr_change_notification/isr_change_0000000003`.
    @discardableResult
    func createSequential(_ prefix: String, _ value: some Encodable) async throws -> String {
        try await self.client.create(prefix, data: ZkJSON.encode(value), mode: .persistentSequential)
    }

    func createEmpty(_ path: String) async throws {
        try await self.client.create(path)
    }

    /// Writes only if the znode is still at `version` (ZooKeeper's compare-and-set); returns the
    /// new version, or nil if someone else wrote first.
    func conditionalSet(_ path: String, _ value: some Encodable, version: Int32) async throws -> Int32? {
        do {
            return try await self.client.setData(path, data: ZkJSON.encode(value), version: version).version
        } catch let error as ZooKeeperClientError where error.code == .badVersion {
            return nil
        }
    }

    func set(_ path: String, _ value: some Encodable) async throws {
        _ = try await self.client.setData(path, data: ZkJSON.encode(value), version: -1)
    }

    /// Deletes a znode and everything below it.
    func deleteRecursive(_ path: String) async throws {
        for child in try await self.children(path) { try await self.deleteRecursive("\(path)/\(child)") }
        do {
            try await self.client.delete(path)
        } catch let error as ZooKeeperClientError where error.code == .noNode {
        }
    }

    func exists(_ path: String) async throws -> Stat? {
        try await self.client.exists(path)
    }

    func existsWatching(_ path: String) async throws -> (Stat?, AsyncStream<WatchedEvent>) {
        try await self.client.existsWatching(path)
    }

    // MARK: - Kafka's znodes

    func partitionState(_ tp: TopicPartition) async throws -> (PartitionStateZNode, Int32)? {
        guard let (state, stat) = try await self.get(PartitionStateZNode.self, at: ZkPaths.partitionState(tp)) else {
            return nil
        }
        return (state, stat.version)
    }

    func topicAssignment(_ topic: String) async throws -> TopicZNode? {
        try await self.get(TopicZNode.self, at: ZkPaths.topic(topic))?.0
    }

    func topicConfig(_ topic: String) async throws -> [String: String] {
        try await self.get(TopicConfigZNode.self, at: ZkPaths.topicConfig(topic))?.0.config ?? [:]
    }
}
