import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import MetadataClient
import ZooKeeperProtocol

/// The cluster's controller, run by the broker that created the ephemeral `/controller` znode,
/// as Kafka's ZooKeeper-mode `KafkaController`. It handles one event at a time (becoming
/// controller, brokers coming and going, topics created, extended and deleted, ISR change
/// notifications, controlled shutdowns, elections): the decision is made by the pure state
/// machines on `ControllerContext`; this actor reads and writes the metadata server and sends
/// LeaderAndIsr, UpdateMetadata and StopReplica to the brokers.
actor KafkaController {
    typealias ElectionResult = ControllerContext.ElectionResult

    let brokerId: Int32
    let zk: KafkaZkClient
    let config: BrokerConfig
    let logger: Logger
    private(set) var isActive = false
    var context: ControllerContext
    var channels: [Int32: ControllerChannel] = [:]
    var watchers: [Task<Void, Never>] = []
    var topicWatchers: [String: Task<Void, Never>] = [:]
    /// The last queued event: each new one waits for it, so events run one at a time, in order,
    /// even though the actor is re-entered while one waits on the metadata server.
    private var lastEvent: Task<Void, Never>?

    /// How often a failed step is tried before the controller logs it as failed.
    private static let attempts = 5

    init(brokerId: Int32, zk: KafkaZkClient, config: BrokerConfig, logger: Logger) {
        self.brokerId = brokerId
        self.zk = zk
        self.config = config
        var logger = logger
        logger[metadataKey: "controller"] = "\(brokerId)"
        self.logger = logger
        self.context = ControllerContext(defaultUncleanLeaderElection: config.logConfig.uncleanLeaderElectionEnable)
    }

    var epoch: Int32 { self.context.epoch }

    // MARK: - The event queue

    func enqueue<T: Sendable>(_ body: @escaping @Sendable (isolated KafkaController) async -> T) async -> T {
        let previous = self.lastEvent
        let event = Task { () -> T in
            await previous?.value
            return await body(self)
        }
        self.lastEvent = Task { _ = await event.value }
        return await event.value
    }

    // MARK: - Becoming controller

    /// Called once this broker owns `/controller`: bump the epoch, load the cluster, and act as
    /// Kafka's `onControllerFailover`: replicas on brokers that are gone leave every ISR, leaderless
    /// partitions get leaders, every broker learns the state, and the watches start.
    func activate() async throws {
        let result: Result<Void, any Error> = await self.enqueue { controller in
            do {
                try await controller.retrying("become controller") { try await controller.loadCluster() }
                controller.isActive = true
                controller.logger.info(
                    "this broker is now the controller",
                    metadata: [
                        "controllerEpoch": "\(controller.context.epoch)",
                        "liveBrokers": "\(controller.context.liveBrokerIds.sorted())",
                    ])
                await controller.process("controller failover") { $0.onControllerFailover() }
                controller.startWatching()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private func loadCluster() async throws {
        var context = ControllerContext(defaultUncleanLeaderElection: self.config.logConfig.uncleanLeaderElectionEnable)
        context.epoch = try await self.incrementControllerEpoch()
        for id in try await self.zk.children(ZkPaths.brokerIds).compactMap(Int32.init) {
            if let broker = try await self.readBroker(id) { context.liveBrokers[id] = broker }
        }
        for topic in try await self.zk.children(ZkPaths.topics) {
            try await self.load(topic: topic, into: &context)
        }
        self.context = context
    }

    /// `/controller_epoch` holds the epoch as plain text; the new controller writes epoch + 1 with
    /// a version check so two would-be controllers cannot both win.
    private func incrementControllerEpoch() async throws -> Int32 {
        let path = ZkPaths.controllerEpoch
        for _ in 0..<10 {
            if let stat = try await self.zk.client.exists(path) {
                let (data, _) = try await self.zk.client.getData(path)
                let current = Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: " ")) ?? 0
                do {
                    _ = try await self.zk.client.setData(
                        path, data: Array(String(current + 1).utf8), version: stat.version)
                    return current + 1
                } catch let error as ZooKeeperClientError where error.code == .badVersion {
                    continue
                }
            } else {
                do {
                    try await self.zk.client.create(path, data: Array("1".utf8))
                    return 1
                } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                    continue
                }
            }
        }
        throw ZooKeeperClientError.connectionLoss
    }

    func readBroker(_ id: Int32) async throws -> ControllerContext.LiveBroker? {
        guard let (znode, stat) = try await self.zk.get(BrokerRegistrationZNode.self, at: ZkPaths.broker(id)) else {
            return nil
        }
        return .init(id: id, host: znode.host, port: znode.port, epoch: stat.czxid)
    }

    func load(topic: String, into context: inout ControllerContext) async throws {
        guard let znode = try await self.zk.topicAssignment(topic) else { return }
        context.topics[topic] = znode
        context.topicConfigs[topic] = try await self.zk.topicConfig(topic)
        for partition in znode.assignment.keys {
            let tp = TopicPartition(topic, partition)
            context.refresh(tp, try await self.readLeadership(tp))
        }
    }

    private func readLeadership(_ tp: TopicPartition) async throws -> PartitionLeadership? {
        try await self.zk.partitionState(tp).map { PartitionLeadership(znode: $0.0, version: $0.1) }
    }

    func resign() async {
        self.isActive = false
        for task in self.watchers { task.cancel() }
        for task in self.topicWatchers.values { task.cancel() }
        self.watchers = []
        self.topicWatchers = [:]
        for channel in self.channels.values { await channel.close() }
        self.channels = [:]
    }

    // MARK: - Carrying out decisions

    /// Runs a decision on a copy of the context, writes its partition states, and only then
    /// adopts the new context and sends the requests. A write that loses a version race (a
    /// leader changed the ISR meanwhile) or fails reloads the partitions involved and decides
    /// again, as Kafka's controller retries its leader-and-ISR updates; requests due from writes
    /// that did happen are kept.
    func process(_ what: String, _ decide: (inout ControllerContext) -> ControllerEffects) async {
        var due = ControllerEffects()
        for attempt in 1...Self.attempts {
            var next = self.context
            var effects = decide(&next)
            effects.mergeRequests(from: due)
            do {
                if try await self.perform(effects.writes, into: &next) {
                    self.context = next
                    self.log(effects.notes)
                    self.send(effects)
                    return
                }
                self.logger.info(
                    "a partition state changed under the controller; deciding again", metadata: ["event": "\(what)"])
            } catch {
                self.logger.warning(
                    "controller step failed; retrying",
                    metadata: ["event": "\(what)", "attempt": "\(attempt)", "error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(200 * attempt))
            }
            due = effects
            due.writes = []
            await self.reload(Set(effects.writes.map(\.partition)))
        }
        self.logger.error(
            "controller step failed after \(Self.attempts) attempts; the next event retries it",
            metadata: ["event": "\(what)"])
    }

    /// Makes the writes in order; false at the first one that lost a version race.
    private func perform(_ writes: [ControllerEffects.PartitionWrite], into context: inout ControllerContext)
        async throws -> Bool
    {
        for write in writes {
            let version: Int32
            if let expected = write.expectedVersion {
                guard
                    let written = try await self.zk.conditionalSet(
                        ZkPaths.partitionState(write.partition), write.znode, version: expected)
                else { return false }
                version = written
            } else {
                try await self.zk.ensurePath(ZkPaths.partition(write.partition))
                do {
                    try await self.zk.create(ZkPaths.partitionState(write.partition), write.znode)
                } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                    return false
                }
                version = 0
            }
            context.refresh(write.partition, PartitionLeadership(znode: write.znode, version: version))
        }
        return true
    }

    /// Re-reads partition states after a lost race or a failed write.
    func reload(_ partitions: Set<TopicPartition>) async {
        for tp in partitions.sorted() {
            do {
                self.context.refresh(tp, try await self.readLeadership(tp))
            } catch {
                self.logger.warning(
                    "cannot re-read partition state", metadata: ["partition": "\(tp)", "error": "\(error)"])
            }
        }
    }

    /// Retries a metadata-server step that failed for a passing reason (a lost connection).
    func retrying<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        for attempt in 1..<Self.attempts {
            do {
                return try await body()
            } catch let error as ZooKeeperClientError
                where error.code == .connectionLoss || error.code == .operationTimeout
            {
                self.logger.warning(
                    "\(what) failed; retrying", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
        return try await body()
    }

    private func log(_ notes: [ControllerEffects.Note]) {
        for note in notes {
            switch note {
            case .elected(let tp, let leader, let leaderEpoch, let isr, let reason):
                let metadata: Logger.Metadata = [
                    "partition": "\(tp)", "leader": "\(leader)", "leaderEpoch": "\(leaderEpoch)", "isr": "\(isr)",
                    "reason": "\(reason.rawValue)",
                ]
                if reason == .unclean {
                    self.logger.warning("UNCLEAN leader election: an out-of-sync replica leads", metadata: metadata)
                } else {
                    self.logger.info("elected leader", metadata: metadata)
                }
            case .noLeader(let tp, let isr):
                self.logger.warning(
                    "partition has no leader: no in-sync replica is alive (unclean.leader.election.enable is false)",
                    metadata: ["partition": "\(tp)", "isr": "\(isr)"])
            case .leftIsr(let replica, let isr):
                self.logger.info(
                    "offline replica removed from the ISR",
                    metadata: ["partition": "\(replica.partition)", "broker": "\(replica.replica)", "isr": "\(isr)"])
            case .invalidTransition(let transition):
                self.logger.error("invalid state transition, skipped: \(transition)")
            }
        }
    }
}
