import KafkaProtocol
import Logging
import NIOCore
import NIOPosix

/// The shared core of the admin client, producer and consumer: one connection per broker, created on demand
/// and replaced when it closes, and a metadata cache refreshed when it is older than `metadata.max.age.ms` or
/// when a caller saw a sign it is stale (NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION).
public actor KafkaClient {
    public nonisolated let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    private var connections: [Int32: BrokerConnection] = [:]
    private var connecting: [Int32: Task<BrokerConnection, any Error>] = [:]
    private var bootstrapConnection: BrokerConnection?
    private var cached = ClusterMetadata()
    private var refreshedAt: ContinuousClock.Instant?
    private var isClosed = false

    public init(configuration: ClientConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    public init(bootstrapServers: String, clientId: String = "samsa-client") throws(SamsaClientError) {
        self.init(configuration: try ClientConfiguration(bootstrapServers: bootstrapServers, clientId: clientId))
    }

    /// The last metadata received (possibly empty).
    public var metadata: ClusterMetadata { self.cached }

    /// Closes every connection.
    public func close() {
        self.isClosed = true
        for connection in self.connections.values { connection.close() }
        self.bootstrapConnection?.close()
        self.connections.removeAll()
        self.bootstrapConnection = nil
        for task in self.connecting.values { task.cancel() }
    }

    // MARK: Connections

    /// A connection to broker `nodeId`, reusing an open one.
    public func connection(to nodeId: Int32) async throws -> BrokerConnection {
        guard !self.isClosed else { throw SamsaClientError.closed("client") }
        if let existing = self.connections[nodeId], existing.isActive { return existing }
        if let task = self.connecting[nodeId] { return try await task.value }
        var address = self.cached.brokers[nodeId]?.address
        if address == nil {
            _ = try await self.refreshMetadata(topics: [])
            address = self.cached.brokers[nodeId]?.address
        }
        guard let address else { throw SamsaClientError.unknownBroker(nodeId: nodeId) }
        let configuration = self.configuration
        let group = self.group
        let task = Task {
            try await BrokerConnection.connect(to: address, nodeId: nodeId, configuration: configuration, group: group)
        }
        self.connecting[nodeId] = task
        defer { self.connecting[nodeId] = nil }
        let connection = try await task.value
        self.connections[nodeId] = connection
        return connection
    }

    /// Any open connection: a known broker, else a bootstrap server (tried in order).
    public func anyConnection() async throws -> BrokerConnection {
        guard !self.isClosed else { throw SamsaClientError.closed("client") }
        if let open = self.connections.values.first(where: { $0.isActive }) { return open }
        if let bootstrap = self.bootstrapConnection, bootstrap.isActive { return bootstrap }
        for nodeId in self.cached.brokers.keys.sorted() {
            if let connection = try? await self.connection(to: nodeId) { return connection }
        }
        var tried: [String] = []
        for address in self.configuration.bootstrapServers {
            do {
                let connection = try await BrokerConnection.connect(
                    to: address, configuration: self.configuration, group: self.group)
                self.bootstrapConnection = connection
                return connection
            } catch {
                tried.append("\(address) (\(error))")
            }
        }
        throw SamsaClientError.noBrokerReachable(tried: tried)
    }

    /// Drops a connection that misbehaved so the next request reconnects.
    public func invalidate(_ connection: BrokerConnection) {
        connection.close()
        if self.connections[connection.nodeId] === connection { self.connections[connection.nodeId] = nil }
        if self.bootstrapConnection === connection { self.bootstrapConnection = nil }
    }

    // MARK: Metadata

    /// Asks a broker for metadata of `topics` (all topics when nil, brokers only when empty) and merges it
    /// into the cache. Retries on connection errors with the next broker.
    @discardableResult
    public func refreshMetadata(topics: [String]?, allowAutoTopicCreation: Bool = false) async throws -> ClusterMetadata
    {
        var lastError: any Error = SamsaClientError.noBrokerReachable(tried: [])
        for attempt in 0...max(1, self.configuration.retries) {
            if attempt > 0 { try await Task.sleep(for: self.configuration.retryBackoff) }
            let connection: BrokerConnection
            do {
                connection = try await self.anyConnection()
            } catch {
                lastError = error
                continue
            }
            let request = MetadataRequest(
                topics: topics.map { $0.map { MetadataRequest.MetadataRequestTopic(name: $0) } },
                allowAutoTopicCreation: allowAutoTopicCreation)
            do {
                let response = try await connection.send(request)
                self.merge(ClusterMetadata(response: response), replacingAllTopics: topics == nil)
                return self.cached
            } catch let error as SamsaClientError where error.isRetriable {
                self.invalidate(connection)
                lastError = error
            }
        }
        throw lastError
    }

    /// Metadata that covers `topics`, refreshed if any is missing or the cache is older than
    /// `metadata.max.age.ms`.
    public func metadata(for topics: [String]) async throws -> ClusterMetadata {
        let isFresh = self.refreshedAt.map { ContinuousClock.now - $0 < self.configuration.metadataMaxAge } ?? false
        if isFresh, topics.allSatisfy({ self.cached.topics[$0]?.error == ErrorCode.none }) { return self.cached }
        return try await self.refreshMetadata(topics: topics)
    }

    private func merge(_ fresh: ClusterMetadata, replacingAllTopics: Bool) {
        var merged = self.cached
        merged.clusterId = fresh.clusterId
        merged.controllerId = fresh.controllerId
        merged.brokers = fresh.brokers
        if replacingAllTopics {
            merged.topics = fresh.topics
        } else {
            for (name, topic) in fresh.topics { merged.topics[name] = topic }
        }
        self.cached = merged
        self.refreshedAt = .now
        // Connections to brokers that left the cluster are of no further use.
        for nodeId in self.connections.keys where fresh.brokers[nodeId] == nil {
            self.connections[nodeId]?.close()
            self.connections[nodeId] = nil
        }
    }

    /// The leader of `partition`, refreshing metadata once if it is unknown.
    public func leader(for partition: TopicPartition) async throws -> Int32 {
        let metadata = try await self.metadata(for: [partition.topic])
        if let leader = try? metadata.leader(of: partition) { return leader }
        return try await self.refreshMetadata(topics: [partition.topic]).leader(of: partition)
    }

    /// A connection to the controller (for topic admin), or to any broker if none is named.
    public func controllerConnection() async throws -> BrokerConnection {
        if self.cached.controllerId < 0 || self.refreshedAt == nil { try await self.refreshMetadata(topics: []) }
        let controller = self.cached.controllerId
        if controller >= 0, let connection = try? await self.connection(to: controller) { return connection }
        return try await self.anyConnection()
    }

    /// Sends `request` to any broker, retrying retriable connection errors on another one.
    public func sendToAny<Request: KafkaRequest>(_ request: Request) async throws -> Request.Response {
        try await self.withRetries {
            try await self.anyConnection()
        } send: {
            try await $0.send(request)
        }
    }

    /// Sends `request` to the controller, retrying retriable connection errors.
    public func sendToController<Request: KafkaRequest>(_ request: Request) async throws -> Request.Response {
        try await self.withRetries {
            try await self.controllerConnection()
        } send: {
            try await $0.send(request)
        }
    }

    /// Sends `request` to broker `nodeId`, retrying retriable connection errors.
    public func send<Request: KafkaRequest>(_ request: Request, to nodeId: Int32) async throws -> Request.Response {
        try await self.withRetries {
            try await self.connection(to: nodeId)
        } send: {
            try await $0.send(request)
        }
    }

    private func withRetries<Response: Sendable>(
        connect: () async throws -> BrokerConnection,
        send: (BrokerConnection) async throws -> Response
    ) async throws -> Response {
        var attempt = 0
        while true {
            let connection = try await connect()
            do {
                return try await send(connection)
            } catch let error as SamsaClientError {
                guard attempt < self.configuration.retries, Self.isConnectionError(error) else { throw error }
                self.invalidate(connection)
                attempt += 1
                try await Task.sleep(for: self.configuration.retryBackoff)
            }
        }
    }

    static func isConnectionError(_ error: SamsaClientError) -> Bool {
        switch error {
        case .connectionClosed, .connectionFailed, .requestTimedOut, .noBrokerReachable: true
        default: false
        }
    }
}
