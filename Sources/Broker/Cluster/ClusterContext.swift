import CourseLanguage
import Foundation
import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import MetadataClient
import Synchronization
import ZooKeeperProtocol

/// Everything a broker in cluster mode has beyond a standalone one: its metadata-server session,
/// its registration, the metadata cache the controller keeps current, its replicas, and the
/// controller it runs when it wins the election.
final class ClusterContext: Sendable {
    enum JoinError: Error, CustomStringConvertible {
        /// `/brokers/ids/<id>` exists: `owner` is the session whose ephemeral znode it is (0 if
        /// persistent), `sessionTimeoutMs` this broker's own negotiated timeout. A broker stopped
        /// or killed a moment ago leaves its znode until its session expires (or, after a clean
        /// stop, never); the metadata server restores sessions from its data directory, so a
        /// restarted server keeps it too.
        case brokerIdTaken(Int32, owner: Int64, sessionTimeoutMs: Int)
        case brokerIdRequired

        /// In the language of the student who started the broker (`kafka-server-start` in a lab's
        /// folder): this explanation is Samsa's, not Kafka's.
        var description: String { self.text(Language.preferred) }

        func text(_ language: Language) -> String {
            switch self {
            case .brokerIdTaken(let id, let owner, _) where owner == 0:
                language.pick(
                    es: "broker.id=\(id) ya está registrado en /brokers/ids/\(id), un znode persistente (los brokers "
                        + "registran znodes efímeros): bórralo con zookeeper-shell o dale a este broker su propio broker.id",
                    en:
                        "broker.id=\(id) is already registered at /brokers/ids/\(id), a persistent znode (brokers register "
                        + "ephemeral ones): delete it with zookeeper-shell, or give this broker its own broker.id")
            case .brokerIdTaken(let id, let owner, let timeoutMs):
                language.pick(
                    es: "broker.id=\(id) ya está registrado en /brokers/ids/\(id), un znode efímero de la sesión 0x"
                        + String(owner, radix: 16)
                        + ". Si un broker con este id se ha parado hace un momento, esa sesión "
                        + "caduca en \(Self.seconds(timeoutMs, language)) (zookeeper.session.timeout.ms) y el znode se va "
                        + "con ella: espera y arráncalo otra vez. Si hay otro broker en marcha con broker.id=\(id), dale a este su propio broker.id",
                    en: "broker.id=\(id) is already registered at /brokers/ids/\(id), an ephemeral znode of session 0x"
                        + String(owner, radix: 16) + ". If a broker with this id stopped a moment ago, that session "
                        + "expires within \(Self.seconds(timeoutMs, language)) (zookeeper.session.timeout.ms) and the znode goes "
                        + "with it: wait and start again. If another broker runs with broker.id=\(id), give this one its own broker.id"
                )
            case .brokerIdRequired:
                language.pick(
                    es:
                        "broker.id debe ser 0 o más cuando zookeeper.connect está definido (cada broker de un clúster necesita su propio id)",
                    en:
                        "broker.id must be 0 or more when zookeeper.connect is set (each broker of a cluster needs its own id)"
                )
            }
        }

        /// "about 6 s": a session expires on the server's next tick after its timeout.
        private static func seconds(_ milliseconds: Int, _ language: Language) -> String {
            let amount = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
            return language.pick(es: "unos \(amount)", en: "about \(amount)")
        }
    }

    let zk: KafkaZkClient
    let metadata: MetadataCache
    let replicaManager: ReplicaManager
    let controller: KafkaController
    let brokerId: Int32
    /// The czxid of this broker's registration znode (Kafka's broker epoch); a new one after the
    /// broker re-registers with a new session.
    var brokerEpoch: Int64 { self.registration.withLock { $0.epoch } }
    private let registration: Mutex<(znode: BrokerRegistrationZNode, epoch: Int64)>
    private let logger: Logger
    private let election = Mutex<Task<Void, Never>?>(nil)
    private let sessionWatcher = Mutex<Task<Void, Never>?>(nil)
    private let configWatcher = Mutex<Task<Void, Never>?>(nil)

    private init(
        zk: KafkaZkClient, metadata: MetadataCache, replicaManager: ReplicaManager, controller: KafkaController,
        brokerId: Int32, registration: BrokerRegistrationZNode, brokerEpoch: Int64, logger: Logger
    ) {
        self.zk = zk
        self.metadata = metadata
        self.replicaManager = replicaManager
        self.controller = controller
        self.brokerId = brokerId
        self.registration = Mutex((registration, brokerEpoch))
        self.logger = logger
    }

    private func startElection() {
        let (zk, brokerId, controller, logger) = (self.zk, self.brokerId, self.controller, self.logger)
        let task = Task {
            await Self.competeForController(zk: zk, brokerId: brokerId, controller: controller, logger: logger)
        }
        self.election.withLock { $0 = task }
    }

    /// A broker paused (SIGSTOP) or cut off for longer than its session timeout finds its session
    /// expired: its registration and any `/controller` it held are gone. It opens a new session,
    /// registers again and rejoins the election, as Kafka's brokers do.
    private func watchSession() {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                var expired = false
                for await event in await self.zk.client.sessionEvents() {
                    if event == .expired { expired = true }
                    if event == .expired || event == .closed { break }
                }
                guard expired, !Task.isCancelled else { return }
                await self.recoverFromExpiredSession()
            }
        }
        self.sessionWatcher.withLock { $0 = task }
    }

    private func recoverFromExpiredSession() async {
        self.logger.warning(
            "metadata session expired (was this broker paused or cut off?); registering again with a new session")
        self.election.withLock { $0 }?.cancel()
        await self.controller.resign()
        for attempt in 1...60 where !Task.isCancelled {
            do {
                try await self.zk.renewSession()
                if self.replicaManager.faults.isIsolated { await self.zk.client.suspend() }
                let znode = self.registration.withLock { $0.znode }
                try await self.zk.create(ZkPaths.broker(self.brokerId), znode, mode: .ephemeral)
                let epoch = try await self.zk.exists(ZkPaths.broker(self.brokerId))?.czxid ?? -1
                self.registration.withLock { $0.epoch = epoch }
                self.startElection()
                self.logger.info("registered again", metadata: ["brokerEpoch": "\(epoch)"])
                return
            } catch {
                self.logger.warning("re-registration failed", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Creates the ephemeral `/brokers/ids/<id>`; if it exists, says whose session holds it. A
    /// znode that vanishes between the two (its session just expired) gets a second try.
    private static func register(
        _ registration: BrokerRegistrationZNode, brokerId: Int32, zk: KafkaZkClient, sessionTimeoutMs: Int
    ) async throws {
        for _ in 0..<2 {
            do {
                try await zk.create(ZkPaths.broker(brokerId), registration, mode: .ephemeral)
                return
            } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                guard let stat = try await zk.exists(ZkPaths.broker(brokerId)) else { continue }
                let negotiated = Int(await zk.client.negotiatedTimeout)
                throw JoinError.brokerIdTaken(
                    brokerId, owner: stat.ephemeralOwner,
                    sessionTimeoutMs: negotiated > 0 ? negotiated : sessionTimeoutMs)
            }
        }
        try await zk.create(ZkPaths.broker(brokerId), registration, mode: .ephemeral)
    }

    /// Connects to the metadata server, agrees on the cluster id, registers this broker and
    /// starts competing for `/controller`.
    static func join(state: BrokerState, advertised: BrokerConfig.Endpoint) async throws -> ClusterContext {
        let config = state.config
        guard state.brokerId >= 0, let connect = config.zookeeperConnect else { throw JoinError.brokerIdRequired }
        let logger = state.logger
        let zk = try await KafkaZkClient.connect(
            connect, sessionTimeoutMs: config.zookeeperSessionTimeoutMs, logger: logger)
        let registration = BrokerRegistrationZNode(
            host: advertised.host, port: Int32(advertised.port), timestamp: ZkJSON.timestamp(),
            endpoints: ["\(advertised.listenerName)://\(advertised.host):\(advertised.port)"],
            listenerSecurityProtocolMap: [advertised.listenerName: "PLAINTEXT"])
        let brokerEpoch: Int64
        do {
            try await zk.createTopLevelPaths()
            let clusterId = try await Self.agreeOnClusterId(
                zk: zk, proposed: MetaProperties.existingClusterId(in: config.logDirs))
            _ = try MetaProperties.loadOrCreate(in: config.logDirs, brokerId: state.brokerId, clusterId: clusterId)
            state.setClusterId(clusterId)
            try await Self.register(
                registration, brokerId: state.brokerId, zk: zk, sessionTimeoutMs: config.zookeeperSessionTimeoutMs)
            brokerEpoch = try await zk.exists(ZkPaths.broker(state.brokerId))?.czxid ?? -1
        } catch {
            // Not joined: end the session now rather than leave it to expire (and its connection
            // to outlive the broker's shutdown).
            await zk.client.close()
            throw error
        }
        logger.info(
            "registered in the metadata server",
            metadata: ["path": "/brokers/ids/\(state.brokerId)", "clusterId": "\(state.clusterId)"])

        do {
            try await TopicConfigChanges.loadBrokerConfigs(zk: zk, state: state)
        } catch {
            logger.warning("could not read dynamic broker configs", metadata: ["error": "\(error)"])
        }

        let metadata = MetadataCache()
        metadata.openFirstUpdate(after: .seconds(5))
        let replicaManager = ReplicaManager(
            brokerId: state.brokerId, logManager: state.logManager, metadata: metadata, zk: zk, config: config,
            appendWaiters: state.appendWaiters, faults: state.faults, logger: logger,
            topicConfigs: { topic in
                let overrides = (try? await zk.topicConfig(topic)) ?? [:]
                return (try? state.logDefaults.applying(overrides)) ?? state.logDefaults
            },
            onLeadershipChange: { [coordinator = state.groupCoordinator] tp, isLeader in
                // The coordinator of a group is the leader of its `__consumer_offsets` partition.
                guard tp.topic == OffsetsTopicStore.topicName else { return }
                if isLeader {
                    // Groups hash onto the topic's partition count, read from its assignment in the
                    // metadata server: this broker's metadata cache may list only some partitions yet.
                    var count = try? await zk.topicAssignment(tp.topic)?.partitions.count
                    if count == nil { count = metadata.topic(tp.topic)?.partitions.count }
                    await coordinator.becameLeader(
                        of: tp.partition, partitionCount: Int32(count ?? Int(config.offsetsTopicNumPartitions)))
                } else {
                    await coordinator.resigned(from: tp.partition)
                }
            })
        let controller = KafkaController(brokerId: state.brokerId, zk: zk, config: config, logger: logger)
        let context = ClusterContext(
            zk: zk, metadata: metadata, replicaManager: replicaManager, controller: controller,
            brokerId: state.brokerId,
            registration: registration, brokerEpoch: brokerEpoch, logger: logger)
        context.startElection()
        context.watchSession()
        context.configWatcher.withLock {
            $0 = TopicConfigChanges.watch(zk: zk, state: state)
        }
        return context
    }

    /// `fault isolate`: cut the metadata session (no heartbeats, no reconnect) while clients are
    /// still served, or end that. The session expires after `zookeeper.session.timeout.ms`, the
    /// controller moves this broker's leaderships, and this broker, unaware, goes on as a zombie
    /// leader. Healed, it reconnects, finds its session expired and registers again
    /// (`recoverFromExpiredSession`); the controller's LeaderAndIsr then makes it a follower, and
    /// its first fetch truncates what it wrote alone (KIP-101).
    func setIsolated(_ isolated: Bool) async {
        if isolated {
            await self.zk.client.suspend()
        } else {
            await self.zk.client.resume()
        }
    }

    /// `/cluster/id` wins; the first broker of a new cluster writes it.
    private static func agreeOnClusterId(zk: KafkaZkClient, proposed: String?) async throws -> String {
        if let (existing, _) = try await zk.get(ClusterIdZNode.self, at: ZkPaths.clusterId) { return existing.id }
        let id = proposed ?? KafkaUUID.random().base64URLString
        do {
            try await zk.create(ZkPaths.clusterId, ClusterIdZNode(id: id))
            return id
        } catch let error as ZooKeeperClientError where error.code == .nodeExists {
            return try await zk.get(ClusterIdZNode.self, at: ZkPaths.clusterId)?.0.id ?? id
        }
    }

    /// Every broker tries to create the ephemeral `/controller`; the one that succeeds is the
    /// controller until its session ends. The others watch the znode and try again when it goes.
    private static func competeForController(
        zk: KafkaZkClient, brokerId: Int32, controller: KafkaController, logger: Logger
    ) async {
        while !Task.isCancelled {
            do {
                try await zk.create(
                    ZkPaths.controller, ControllerZNode(brokerid: brokerId, timestamp: ZkJSON.timestamp()),
                    mode: .ephemeral)
                logger.info("created /controller first: this broker is the controller")
                try await controller.activate()
                // Lead until this task is cancelled (shutdown) or the session dies with the process.
                while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
            } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                guard let (stat, watch) = try? await zk.existsWatching(ZkPaths.controller) else {
                    try? await Task.sleep(for: .milliseconds(500))
                    continue
                }
                if stat == nil { continue }
                for await _ in watch { break }
            } catch is CancellationError {
                break
            } catch {
                // Kafka's triggerControllerMove: a controller that could not take office gives
                // `/controller` up, so this broker or another one tries again.
                logger.warning(
                    "controller election failed; giving up /controller and retrying", metadata: ["error": "\(error)"])
                await controller.resign()
                if let (znode, _) = try? await zk.get(ControllerZNode.self, at: ZkPaths.controller),
                    znode.brokerid == brokerId
                {
                    try? await zk.deleteRecursive(ZkPaths.controller)
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        await controller.resign()
    }

    /// Stops replication and ends the metadata session: the ephemeral registration (and
    /// `/controller`, if held) disappear at once, so the controller reacts without waiting for a
    /// session timeout.
    func shutdown() async {
        self.sessionWatcher.withLock { $0 }?.cancel()
        self.configWatcher.withLock { $0 }?.cancel()
        self.election.withLock { $0 }?.cancel()
        await self.replicaManager.shutdown()
        await self.controller.resign()
        await self.zk.client.close()
    }
}
