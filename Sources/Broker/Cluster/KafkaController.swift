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

    private let brokerId: Int32
    private let zk: KafkaZkClient
    private let config: BrokerConfig
    private let logger: Logger
    private(set) var isActive = false
    private(set) var context: ControllerContext
    private var channels: [Int32: ControllerChannel] = [:]
    private var watchers: [Task<Void, Never>] = []
    private var topicWatchers: [String: Task<Void, Never>] = [:]
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

    private func enqueue<T: Sendable>(_ body: @escaping @Sendable (isolated KafkaController) async -> T) async -> T {
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
                    metadata: ["controllerEpoch": "\(controller.context.epoch)", "liveBrokers": "\(controller.context.liveBrokerIds.sorted())"])
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
                    _ = try await self.zk.client.setData(path, data: Array(String(current + 1).utf8), version: stat.version)
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

    private func readBroker(_ id: Int32) async throws -> ControllerContext.LiveBroker? {
        guard let (znode, stat) = try await self.zk.get(BrokerRegistrationZNode.self, at: ZkPaths.broker(id)) else {
            return nil
        }
        return .init(id: id, host: znode.host, port: znode.port, epoch: stat.czxid)
    }

    private func load(topic: String, into context: inout ControllerContext) async throws {
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
    private func process(_ what: String, _ decide: (inout ControllerContext) -> ControllerEffects) async {
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
                self.logger.info("a partition state changed under the controller; deciding again", metadata: ["event": "\(what)"])
            } catch {
                self.logger.warning(
                    "controller step failed; retrying", metadata: ["event": "\(what)", "attempt": "\(attempt)", "error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(200 * attempt))
            }
            due = effects
            due.writes = []
            await self.reload(Set(effects.writes.map(\.partition)))
        }
        self.logger.error(
            "controller step failed after \(Self.attempts) attempts; the next event retries it", metadata: ["event": "\(what)"])
    }

    /// Makes the writes in order; false at the first one that lost a version race.
    private func perform(_ writes: [ControllerEffects.PartitionWrite], into context: inout ControllerContext) async throws -> Bool {
        for write in writes {
            let version: Int32
            if let expected = write.expectedVersion {
                guard let written = try await self.zk.conditionalSet(ZkPaths.partitionState(write.partition), write.znode, version: expected)
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
    private func reload(_ partitions: Set<TopicPartition>) async {
        for tp in partitions.sorted() {
            do {
                self.context.refresh(tp, try await self.readLeadership(tp))
            } catch {
                self.logger.warning("cannot re-read partition state", metadata: ["partition": "\(tp)", "error": "\(error)"])
            }
        }
    }

    /// Retries a metadata-server step that failed for a passing reason (a lost connection).
    private func retrying<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        for attempt in 1..<Self.attempts {
            do {
                return try await body()
            } catch let error as ZooKeeperClientError where error.code == .connectionLoss || error.code == .operationTimeout {
                self.logger.warning("\(what) failed; retrying", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
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
                    "partition": "\(tp)", "leader": "\(leader)", "leaderEpoch": "\(leaderEpoch)", "isr": "\(isr)", "reason": "\(reason.rawValue)",
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

    // MARK: - Watches

    private func startWatching() {
        self.watchers.append(self.watchChildren(ZkPaths.brokerIds) { await $0.onBrokersChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.topics) { await $0.onTopicsChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.deleteTopics) { await $0.onDeleteTopics($1) })
        self.watchers.append(self.watchChildren(ZkPaths.isrChangeNotification) { await $0.onIsrChangeNotifications($1) })
        for topic in self.context.topics.keys { self.watchTopic(topic) }
    }

    /// Re-arms a one-shot child watch after every event, as ZooKeeper watches require.
    private func watchChildren(
        _ path: String, _ handle: @escaping @Sendable (KafkaController, [String]) async -> Void
    ) -> Task<Void, Never> {
        let zk = self.zk
        let logger = self.logger
        return Task { [weak self] in
            while !Task.isCancelled {
                do {
                    let (children, watch) = try await zk.childrenWatching(path)
                    guard let self else { return }
                    await handle(self, children)
                    for await _ in watch { break }
                } catch {
                    logger.debug("watch failed; setting it again", metadata: ["path": "\(path)", "error": "\(error)"])
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
        }
    }

    /// A data watch on `/brokers/topics/<topic>`: CreatePartitions rewrites the assignment there.
    private func watchTopic(_ topic: String) {
        guard self.topicWatchers[topic] == nil else { return }
        let zk = self.zk
        self.topicWatchers[topic] = Task { [weak self] in
            while !Task.isCancelled {
                do {
                    let (_, _, watch) = try await zk.client.getDataWatching(ZkPaths.topic(topic))
                    guard let self else { return }
                    await self.onTopicDataChanged(topic)
                    var deleted = false
                    for await event in watch {
                        deleted = event.type == .nodeDeleted
                        break
                    }
                    if deleted { return }
                } catch {
                    return  // the topic znode is gone
                }
            }
        }
    }

    // MARK: - Brokers

    func onBrokersChanged(_ children: [String]) async {
        await self.enqueue { controller in await controller.brokersChanged(children) }
    }

    private func brokersChanged(_ children: [String]) async {
        guard self.isActive else { return }
        let ids = Set(children.compactMap(Int32.init))
        var started: [ControllerContext.LiveBroker] = []
        var bounced: Set<Int32> = []
        for id in ids.sorted() {
            let broker: ControllerContext.LiveBroker?
            do {
                broker = try await self.retrying("read broker registration") { try await self.readBroker(id) }
            } catch {
                self.logger.error("cannot read a broker's registration; it is handled at the next change", metadata: ["broker": "\(id)", "error": "\(error)"])
                continue
            }
            guard let broker else { continue }
            if let known = self.context.liveBrokers[id] {
                // Restarted before its old session expired (Kafka's "bounced" brokers).
                if known.epoch != broker.epoch { bounced.insert(id) } else { continue }
            }
            started.append(broker)
        }
        let dead = self.context.liveOrShuttingDownBrokerIds.subtracting(ids).union(bounced)
        if !dead.isEmpty {
            self.logger.info("brokers left the cluster (their metadata sessions ended)", metadata: ["brokers": "\(dead.sorted())"])
            for id in dead { await self.closeChannel(id) }
            await self.process("broker failure") { $0.onBrokerFailure(dead) }
        }
        if !started.isEmpty {
            self.logger.info("brokers joined the cluster", metadata: ["brokers": "\(started.map(\.id).sorted())"])
            await self.process("broker startup") { $0.onBrokerStartup(started) }
        }
    }

    // MARK: - Topics

    func onTopicsChanged(_ children: [String]) async {
        await self.enqueue { controller in await controller.topicsChanged(children) }
    }

    private func topicsChanged(_ children: [String]) async {
        guard self.isActive else { return }
        for topic in Set(children).subtracting(self.context.topics.keys).sorted() {
            do {
                var context = self.context
                try await self.retrying("load topic") { try await self.load(topic: topic, into: &context) }
                self.context = context
                self.watchTopic(topic)
            } catch {
                self.logger.error("cannot load a new topic; it is loaded at the next change", metadata: ["topic": "\(topic)", "error": "\(error)"])
            }
        }
        await self.createNewPartitions()
    }

    func onTopicDataChanged(_ topic: String) async {
        await self.enqueue { controller in await controller.topicDataChanged(topic) }
    }

    private func topicDataChanged(_ topic: String) async {
        guard self.isActive else { return }
        do {
            guard let znode = try await self.retrying("read topic", { try await self.zk.topicAssignment(topic) }) else { return }
            self.context.topics[topic] = znode
        } catch {
            self.logger.error("cannot read a topic's assignment", metadata: ["topic": "\(topic)", "error": "\(error)"])
            return
        }
        await self.createNewPartitions()
    }

    private func createNewPartitions() async {
        let partitions = self.context.partitionsWithoutState
        guard !partitions.isEmpty else { return }
        self.logger.info("new partitions", metadata: ["partitions": "\(partitions.map(\.description))"])
        await self.process("new partitions") { context in context.onNewPartitions(context.partitionsWithoutState) }
    }

    func onDeleteTopics(_ children: [String]) async {
        await self.enqueue { controller in await controller.deleteTopics(children) }
    }

    private func deleteTopics(_ children: [String]) async {
        guard self.isActive else { return }
        for topic in children.sorted() {
            if self.context.topics[topic] != nil {
                let (effects, partitions) = self.context.onTopicDeletion(topic)
                self.send(effects)
                self.sendUpdateMetadata(partitions: partitions, to: self.context.liveOrShuttingDownBrokerIds, deleting: true)
                self.context.forget(topic: topic)
                self.topicWatchers.removeValue(forKey: topic)?.cancel()
                do {
                    try await self.retrying("delete topic znodes") {
                        try await self.zk.deleteRecursive(ZkPaths.topic(topic))
                        try await self.zk.deleteRecursive(ZkPaths.topicConfig(topic))
                    }
                    self.logger.info("deleted topic", metadata: ["topic": "\(topic)"])
                } catch {
                    self.logger.error("cannot delete the topic's znodes", metadata: ["topic": "\(topic)", "error": "\(error)"])
                    continue
                }
            }
            do {
                try await self.retrying("finish topic deletion") { try await self.zk.deleteRecursive(ZkPaths.deleteTopic(topic)) }
            } catch {
                self.logger.error("cannot remove the deletion request", metadata: ["topic": "\(topic)", "error": "\(error)"])
            }
        }
    }

    // MARK: - ISR changes made by leaders

    func onIsrChangeNotifications(_ children: [String]) async {
        await self.enqueue { controller in await controller.isrChangeNotifications(children) }
    }

    /// A leader shrank or grew an ISR: re-read those partitions and tell every broker
    /// (`processIsrChangeNotification`).
    private func isrChangeNotifications(_ children: [String]) async {
        guard self.isActive, !children.isEmpty else { return }
        var changed: Set<TopicPartition> = []
        for child in children {
            let path = "\(ZkPaths.isrChangeNotification)/\(child)"
            do {
                try await self.retrying("read ISR change notification") {
                    if let (notification, _) = try await self.zk.get(IsrChangeNotificationZNode.self, at: path) {
                        for partition in notification.partitions { changed.insert(TopicPartition(partition.topic, partition.partition)) }
                    }
                    try await self.zk.deleteRecursive(path)
                }
            } catch {
                self.logger.error("cannot read an ISR change notification", metadata: ["path": "\(path)", "error": "\(error)"])
            }
        }
        await self.reload(changed)
        self.sendUpdateMetadata(partitions: Array(changed), to: self.context.liveOrShuttingDownBrokerIds)
    }

    // MARK: - Requests answered by the controller

    /// ControlledShutdown: move leadership off `id` and take it out of every ISR before it
    /// stops. Returns the replicated partitions it still leads (no other in-sync replica).
    func controlledShutdown(brokerId id: Int32) async -> [TopicPartition] {
        await self.enqueue { controller in
            guard controller.isActive else { return [] }
            controller.logger.info("controlled shutdown requested", metadata: ["broker": "\(id)"])
            var remaining: [TopicPartition] = []
            await controller.process("controlled shutdown") { context in
                let (effects, left) = context.onControlledShutdown(id)
                remaining = left
                return effects
            }
            return remaining
        }
    }

    /// Moves leadership back to preferred replicas: on ElectLeaders (PREFERRED).
    @discardableResult
    func electPreferredLeaders(_ partitions: [TopicPartition]? = nil) async -> [TopicPartition: ElectionResult] {
        await self.elect("preferred leader election") { $0.electPreferredLeaders(partitions) }
    }

    /// ElectLeaders with type UNCLEAN.
    func electUncleanLeaders(_ partitions: [TopicPartition]?) async -> [TopicPartition: ElectionResult] {
        await self.elect("unclean leader election") { $0.electUncleanLeaders(partitions) }
    }

    /// `auto.leader.rebalance.enable`, every `leader.imbalance.check.interval.seconds`.
    func autoRebalance() async {
        let percentage = self.config.leaderImbalancePerBrokerPercentage
        await self.enqueue { controller in
            guard controller.isActive else { return }
            await controller.process("auto leader rebalance") { $0.autoRebalance(imbalancePercentage: percentage) }
        }
    }

    private func elect(
        _ what: String,
        _ decide: @escaping @Sendable (inout ControllerContext) -> (ControllerEffects, [TopicPartition: ElectionResult])
    ) async -> [TopicPartition: ElectionResult] {
        await self.enqueue { controller in
            guard controller.isActive else { return [:] }
            var results: [TopicPartition: ElectionResult] = [:]
            await controller.process(what) { context in
                let (effects, outcome) = decide(&context)
                results = outcome
                return effects
            }
            return results
        }
    }

    // MARK: - Requests to brokers

    /// Sends what a decision asks, in Kafka's order: the live broker list or the full metadata
    /// first where asked (so a broker knows who is alive before it leads or follows), then
    /// LeaderAndIsr, UpdateMetadata and StopReplica. Each broker's channel keeps them in order.
    private func send(_ effects: ControllerEffects) {
        if !effects.liveBrokerListFirst.isEmpty {
            self.sendUpdateMetadata(partitions: [], to: effects.liveBrokerListFirst)
        }
        if !effects.fullUpdateMetadata.isEmpty {
            self.sendUpdateMetadata(partitions: self.context.allPartitions, to: effects.fullUpdateMetadata)
        }
        for (broker, partitions) in effects.leaderAndIsr.sorted(by: { $0.key < $1.key }) {
            self.sendLeaderAndIsr(partitions: partitions.sorted(), to: broker)
        }
        if !effects.updateMetadata.isEmpty {
            self.sendUpdateMetadata(partitions: effects.updateMetadata.sorted(), to: self.context.liveOrShuttingDownBrokerIds)
        }
        for (broker, stops) in effects.stopReplica.sorted(by: { $0.key < $1.key }) {
            for delete in [false, true] {
                let partitions = stops.filter { $0.value == delete }.keys.sorted()
                if !partitions.isEmpty { self.sendStopReplica(partitions, delete: delete, to: broker) }
            }
        }
    }

    private func channel(_ id: Int32) -> ControllerChannel? {
        if let channel = self.channels[id] { return channel }
        guard let broker = self.context.liveBrokers[id] else { return nil }
        let channel = ControllerChannel(
            brokerId: id, host: broker.host, port: Int(broker.port), controllerId: self.brokerId, logger: self.logger)
        self.channels[id] = channel
        return channel
    }

    private func closeChannel(_ id: Int32) async {
        await self.channels.removeValue(forKey: id)?.close()
    }

    private func sendLeaderAndIsr(partitions: [TopicPartition], to id: Int32) {
        guard !partitions.isEmpty, let channel = self.channel(id), let target = self.context.liveBrokers[id] else { return }
        var byTopic: [String: [LeaderAndIsrRequest.LeaderAndIsrPartitionState]] = [:]
        var leaders: Set<Int32> = []
        for tp in partitions {
            guard let state = self.context.leadership[tp] else { continue }
            let assignment = self.context.assignment(tp)
            if state.znode.leader >= 0 { leaders.insert(state.znode.leader) }
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch, leader: state.znode.leader,
                    leaderEpoch: state.znode.leaderEpoch, isr: state.znode.isr, partitionEpoch: state.version,
                    replicas: assignment, isNew: state.znode.leaderEpoch == 0))
        }
        guard !byTopic.isEmpty else { return }
        let request = LeaderAndIsrRequest(
            controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch, type: 0,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(topicName: topic, topicId: self.context.topicId(topic), partitionStates: byTopic[topic] ?? [])
            },
            liveLeaders: leaders.sorted().compactMap { id in
                self.context.liveBrokers[id].map { .init(brokerId: id, hostName: $0.host, port: $0.port) }
            })
        channel.send(request, version: 7)
    }

    private func sendUpdateMetadata(partitions: [TopicPartition], to targets: Set<Int32>, deleting: Bool = false) {
        var byTopic: [String: [UpdateMetadataRequest.UpdateMetadataPartitionState]] = [:]
        let registered = self.context.liveOrShuttingDownBrokerIds
        for tp in partitions {
            guard let state = self.context.leadership[tp] else { continue }
            let assignment = self.context.assignment(tp)
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch,
                    leader: deleting ? -2 : state.znode.leader, leaderEpoch: state.znode.leaderEpoch, isr: state.znode.isr,
                    zkVersion: state.version, replicas: assignment, offlineReplicas: assignment.filter { !registered.contains($0) }))
        }
        let brokers = self.context.liveBrokers.values.sorted { $0.id < $1.id }.map { broker in
            UpdateMetadataRequest.UpdateMetadataBroker(
                id: broker.id,
                endpoints: [.init(port: broker.port, host: broker.host, listener: "PLAINTEXT", securityProtocol: 0)])
        }
        for id in targets.sorted() {
            guard let channel = self.channel(id), let target = self.context.liveBrokers[id] else { continue }
            let request = UpdateMetadataRequest(
                controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch,
                topicStates: byTopic.keys.sorted().map { topic in
                    .init(topicName: topic, topicId: self.context.topicId(topic), partitionStates: byTopic[topic] ?? [])
                },
                liveBrokers: brokers)
            channel.send(request, version: 8)
        }
    }

    private func sendStopReplica(_ partitions: [TopicPartition], delete: Bool, to id: Int32) {
        guard let channel = self.channel(id), let target = self.context.liveBrokers[id] else { return }
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        let request = StopReplicaRequest(
            controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(
                    topicName: topic,
                    partitionStates: (byTopic[topic] ?? []).map {
                        .init(
                            partitionIndex: $0.partition, leaderEpoch: self.context.leadership[$0]?.znode.leaderEpoch ?? -1,
                            deletePartition: delete)
                    })
            })
        channel.send(request, version: 4)
    }
}
