import KafkaProtocol
import LogStorage
import Logging
import MetadataClient
import ZooKeeperProtocol

/// The cluster's controller, run by the broker that created the ephemeral `/controller` znode:
/// it elects partition leaders, reacts to brokers coming and going (their `/brokers/ids` znodes),
/// creates and deletes topics, and tells every broker with LeaderAndIsr, UpdateMetadata and
/// StopReplica, as Kafka's ZooKeeper-mode controller did. All its decisions happen inside this
/// actor, one event at a time.
actor KafkaController {
    struct LiveBroker: Sendable, Equatable {
        var id: Int32
        var host: String
        var port: Int32
        /// The czxid of the broker's registration: a restarted broker has a new one.
        var epoch: Int64
    }

    struct PartitionState: Sendable, Equatable {
        var znode: PartitionStateZNode
        var version: Int32
    }

    private let brokerId: Int32
    private let zk: KafkaZkClient
    private let config: BrokerConfig
    private let logger: Logger
    private(set) var epoch: Int32 = 0
    private(set) var isActive = false
    private(set) var live: [Int32: LiveBroker] = [:]
    private var topics: [String: TopicZNode] = [:]
    private var topicConfigs: [String: [String: String]] = [:]
    private(set) var states: [TopicPartition: PartitionState] = [:]
    private var channels: [Int32: ControllerChannel] = [:]
    private var watchers: [Task<Void, Never>] = []
    private var topicWatchers: [String: Task<Void, Never>] = [:]

    init(brokerId: Int32, zk: KafkaZkClient, config: BrokerConfig, logger: Logger) {
        self.brokerId = brokerId
        self.zk = zk
        self.config = config
        var logger = logger
        logger[metadataKey: "controller"] = "\(brokerId)"
        self.logger = logger
    }

    private var liveIds: Set<Int32> { Set(self.live.keys) }

    // MARK: - Becoming controller

    /// Called once this broker owns `/controller`: bump the epoch, load the cluster from the
    /// metadata server, elect leaders where needed, tell every broker, and start watching.
    func activate() async throws {
        self.epoch = try await self.incrementControllerEpoch()
        self.isActive = true
        self.logger.info("this broker is now the controller", metadata: ["controllerEpoch": "\(self.epoch)"])
        for id in try await self.zk.children(ZkPaths.brokerIds).compactMap(Int32.init) {
            if let broker = try await self.readBroker(id) { self.live[id] = broker }
        }
        for topic in try await self.zk.children(ZkPaths.topics) {
            try await self.loadTopic(topic)
        }
        // Every broker gets the full state below, so the elections need no broadcast of their own.
        for (tp, state) in self.states where state.znode.leader < 0 || !self.liveIds.contains(state.znode.leader) {
            _ = try await self.electOffline(tp)
        }
        try await self.initializeNewPartitions()
        self.sendUpdateMetadata(partitions: Array(self.states.keys), to: self.liveIds)
        for id in self.liveIds { self.sendLeaderAndIsr(partitions: self.partitions(hostedBy: id), to: id) }
        self.startWatching()
    }

    /// `/controller_epoch` holds the epoch as plain text; the new controller writes epoch + 1 with
    /// a version check so two would-be controllers cannot both win.
    private func incrementControllerEpoch() async throws -> Int32 {
        let path = self.zk.path(ZkPaths.controllerEpoch)
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

    private func readBroker(_ id: Int32) async throws -> LiveBroker? {
        guard let (znode, stat) = try await self.zk.get(BrokerRegistrationZNode.self, at: ZkPaths.broker(id)) else {
            return nil
        }
        return LiveBroker(id: id, host: znode.host, port: znode.port, epoch: stat.czxid)
    }

    private func loadTopic(_ topic: String) async throws {
        guard let znode = try await self.zk.topicAssignment(topic) else { return }
        self.topics[topic] = znode
        self.topicConfigs[topic] = try await self.zk.topicConfig(topic)
        for partition in znode.assignment.keys {
            let tp = TopicPartition(topic, partition)
            if let (state, version) = try await self.zk.partitionState(tp) {
                self.states[tp] = PartitionState(znode: state, version: version)
            }
        }
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

    // MARK: - Watches

    private func startWatching() {
        self.watchers.append(self.watchChildren(ZkPaths.brokerIds) { await $0.onBrokersChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.topics) { await $0.onTopicsChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.deleteTopics) { await $0.onDeleteTopics($1) })
        self.watchers.append(self.watchChildren(ZkPaths.isrChangeNotification) { await $0.onIsrChangeNotifications($1) })
        for topic in self.topics.keys { self.watchTopic(topic) }
    }

    /// Re-arms a one-shot child watch after every event, as ZooKeeper watches require.
    private func watchChildren(
        _ path: String, _ handle: @escaping @Sendable (KafkaController, [String]) async -> Void
    ) -> Task<Void, Never> {
        let zk = self.zk
        return Task { [weak self] in
            while !Task.isCancelled {
                do {
                    let (children, watch) = try await zk.childrenWatching(path)
                    guard let self else { return }
                    await handle(self, children)
                    for await _ in watch { break }
                } catch {
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
                    let (_, _, watch) = try await zk.client.getDataWatching(zk.path(ZkPaths.topic(topic)))
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
        let ids = Set(children.compactMap(Int32.init))
        var started: [Int32] = []
        for id in ids {
            guard let broker = try? await self.readBroker(id) else { continue }
            if self.live[id] == nil || self.live[id]?.epoch != broker.epoch {
                if self.live[id] != nil { await self.closeChannel(id) }  // restarted before its session expired
                started.append(id)
            }
            self.live[id] = broker
        }
        let dead = self.liveIds.subtracting(ids)
        for id in dead {
            self.live[id] = nil
            await self.closeChannel(id)
        }
        if !dead.isEmpty { await self.onBrokersFailed(dead) }
        if !started.isEmpty { await self.onBrokersStarted(started) }
    }

    private func onBrokersFailed(_ dead: Set<Int32>) async {
        self.logger.info("brokers left the cluster (their metadata sessions ended)", metadata: ["brokers": "\(dead.sorted())"])
        var changed: [TopicPartition] = []
        for tp in self.states.keys.sorted() {
            guard let state = self.states[tp] else { continue }
            if dead.contains(state.znode.leader) {
                if (try? await self.electOffline(tp)) == true { changed.append(tp) }
            } else if state.znode.isr.contains(where: dead.contains) {
                let written = await self.update(tp) { current in
                    guard current.isr.contains(where: dead.contains) else { return nil }
                    var znode = current
                    let remaining = znode.isr.filter { !dead.contains($0) }
                    znode.isr = remaining.isEmpty ? znode.isr : remaining
                    return znode
                }
                if written != nil { changed.append(tp) }
            }
        }
        self.broadcast(changed)
    }

    private func onBrokersStarted(_ started: [Int32]) async {
        self.logger.info("brokers joined the cluster", metadata: ["brokers": "\(started.sorted())"])
        var changed: [TopicPartition] = []
        for tp in self.states.keys.sorted() where (self.states[tp]?.znode.leader ?? -1) < 0 {
            if (try? await self.electOffline(tp)) == true { changed.append(tp) }
        }
        try? await self.initializeNewPartitions()
        self.sendUpdateMetadata(partitions: Array(self.states.keys), to: self.liveIds)
        for id in started { self.sendLeaderAndIsr(partitions: self.partitions(hostedBy: id), to: id) }
        self.broadcast(changed, updateMetadata: false)
    }

    // MARK: - Elections

    /// Elects a leader for a partition whose leader is gone; writes the new state. Returns true
    /// if the state changed (a new leader, or the partition went offline).
    private func electOffline(_ tp: TopicPartition) async throws -> Bool {
        guard let assignment = self.topics[tp.topic]?.assignment[tp.partition] else { return false }
        let live = self.liveIds
        let uncleanAllowed = self.isUncleanAllowed(tp.topic)
        var unclean = false
        let written = await self.update(tp) { current in
            guard current.leader < 0 || !live.contains(current.leader) else { return nil }  // someone else fixed it
            var znode = current
            if let outcome = PartitionLeaderElection.offlinePartitionLeader(
                assignment: assignment, isr: znode.isr, live: live, uncleanAllowed: uncleanAllowed)
            {
                unclean = outcome.isUnclean
                znode.leader = outcome.leader
                znode.isr = outcome.isr
            } else {
                guard znode.leader != -1 else { return nil }
                znode.leader = -1
                // Kafka keeps the last in-sync replica in the ISR so it can lead again when it returns.
                let alive = znode.isr.filter { live.contains($0) }
                znode.isr = alive.isEmpty ? Array(znode.isr.prefix(1)) : alive
            }
            return znode
        }
        guard let written else { return false }
        if written.leader < 0 {
            self.logger.warning(
                "partition is offline: every in-sync replica is down and unclean.leader.election.enable is false",
                metadata: ["partition": "\(tp)", "isr": "\(written.isr)"])
        } else if unclean {
            self.logger.warning(
                "UNCLEAN leader election: no in-sync replica is alive, so an out-of-sync one leads; records it never copied are lost",
                metadata: ["partition": "\(tp)", "leader": "\(written.leader)"])
        }
        self.logger.info(
            "elected leader", metadata: ["partition": "\(tp)", "leader": "\(written.leader)", "leaderEpoch": "\(written.leaderEpoch)", "isr": "\(written.isr)"])
        return true
    }

    private func isUncleanAllowed(_ topic: String) -> Bool {
        if let value = self.topicConfigs[topic]?["unclean.leader.election.enable"] { return value.lowercased() == "true" }
        return self.config.logConfig.uncleanLeaderElectionEnable
    }

    /// Changes a partition's state znode: `change` gets the current state and returns the new one
    /// (nil: nothing to do); the leader epoch is bumped. The write is conditional on the znode's
    /// version; when a leader changed the ISR meanwhile, the state is re-read and the change
    /// decided again (bounded), as Kafka's controller retries its leader-and-ISR updates.
    private func update(_ tp: TopicPartition, _ change: (PartitionStateZNode) -> PartitionStateZNode?) async
        -> PartitionStateZNode?
    {
        for _ in 0..<5 {
            guard let state = self.states[tp], var znode = change(state.znode) else { return nil }
            znode.leaderEpoch = state.znode.leaderEpoch + 1
            znode.controllerEpoch = self.epoch
            do {
                if let version = try await self.zk.conditionalSet(ZkPaths.partitionState(tp), znode, version: state.version) {
                    self.states[tp] = PartitionState(znode: znode, version: version)
                    return znode
                }
                guard let (current, version) = try await self.zk.partitionState(tp) else { return nil }
                self.states[tp] = PartitionState(znode: current, version: version)
            } catch {
                self.logger.warning("cannot write partition state", metadata: ["partition": "\(tp)", "error": "\(error)"])
                return nil
            }
        }
        return nil
    }

    /// New partitions (of new topics, or added by CreatePartitions) get their first state: the
    /// first live replica leads and the live replicas form the ISR.
    private func initializeNewPartitions() async throws {
        var created: [TopicPartition] = []
        for (topic, znode) in self.topics {
            for (partition, replicas) in znode.assignment {
                let tp = TopicPartition(topic, partition)
                guard self.states[tp] == nil else { continue }
                let liveReplicas = replicas.filter { self.liveIds.contains($0) }
                guard let leader = liveReplicas.first else { continue }
                let state = PartitionStateZNode(leader: leader, leaderEpoch: 0, controllerEpoch: self.epoch, isr: liveReplicas)
                try await self.zk.ensurePath(ZkPaths.partition(tp))
                do {
                    try await self.zk.create(ZkPaths.partitionState(tp), state)
                    self.states[tp] = PartitionState(znode: state, version: 0)
                } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                    if let (current, version) = try await self.zk.partitionState(tp) {
                        self.states[tp] = PartitionState(znode: current, version: version)
                    }
                }
                created.append(tp)
            }
        }
        if !created.isEmpty {
            self.logger.info("new partitions online", metadata: ["partitions": "\(created.sorted().map(\.description))"])
            self.broadcast(created)
        }
    }

    // MARK: - Topics

    func onTopicsChanged(_ children: [String]) async {
        let names = Set(children)
        for topic in names where self.topics[topic] == nil {
            try? await self.loadTopic(topic)
            self.watchTopic(topic)
        }
        try? await self.initializeNewPartitions()
    }

    func onTopicDataChanged(_ topic: String) async {
        guard let znode = try? await self.zk.topicAssignment(topic) else { return }
        self.topics[topic] = znode
        try? await self.initializeNewPartitions()
    }

    func onDeleteTopics(_ children: [String]) async {
        for topic in children {
            if let znode = self.topics[topic] {
                let partitions = znode.assignment.keys.sorted().map { TopicPartition(topic, $0) }
                for id in self.liveIds {
                    let hosted = partitions.filter { (znode.assignment[$0.partition] ?? []).contains(id) }
                    if !hosted.isEmpty { self.sendStopReplica(hosted, delete: true, to: id) }
                }
                self.sendUpdateMetadata(partitions: partitions, to: self.liveIds, deleting: true)
                self.topicWatchers.removeValue(forKey: topic)?.cancel()
                self.topics[topic] = nil
                self.topicConfigs[topic] = nil
                for tp in partitions { self.states[tp] = nil }
                try? await self.zk.deleteRecursive(ZkPaths.topic(topic))
                try? await self.zk.deleteRecursive(ZkPaths.topicConfig(topic))
                self.logger.info("deleted topic", metadata: ["topic": "\(topic)"])
            }
            try? await self.zk.deleteRecursive(ZkPaths.deleteTopic(topic))
        }
    }

    func onIsrChangeNotifications(_ children: [String]) async {
        guard !children.isEmpty else { return }
        var changed: Set<TopicPartition> = []
        for child in children {
            let path = "\(ZkPaths.isrChangeNotification)/\(child)"
            if let (notification, _) = try? await self.zk.get(IsrChangeNotificationZNode.self, at: path) {
                for partition in notification.partitions { changed.insert(TopicPartition(partition.topic, partition.partition)) }
            }
            try? await self.zk.deleteRecursive(path)
        }
        for tp in changed {
            if let (znode, version) = try? await self.zk.partitionState(tp) {
                self.states[tp] = PartitionState(znode: znode, version: version)
            }
        }
        self.sendUpdateMetadata(partitions: Array(changed), to: self.liveIds)
    }

    // MARK: - Controlled shutdown

    /// ControlledShutdown (KIP-?: Kafka's clean stop): move leadership off `id` and take it out of
    /// every ISR before it stops. Returns the partitions it still leads (no other in-sync replica).
    func controlledShutdown(brokerId id: Int32) async -> [TopicPartition] {
        self.logger.info("controlled shutdown requested", metadata: ["broker": "\(id)"])
        var remaining: [TopicPartition] = []
        var changed: [TopicPartition] = []
        var stopped: [TopicPartition] = []
        for tp in self.states.keys.sorted() {
            guard let assignment = self.topics[tp.topic]?.assignment[tp.partition], assignment.contains(id) else { continue }
            let live = self.liveIds
            var stillLeads = false
            var leftIsr = false
            let written = await self.update(tp) { current in
                var znode = current
                if znode.leader == id {
                    guard
                        let outcome = PartitionLeaderElection.controlledShutdownLeader(
                            assignment: assignment, isr: znode.isr, live: live, shuttingDown: id)
                    else {
                        stillLeads = true
                        return nil
                    }
                    znode.leader = outcome.leader
                    znode.isr = outcome.isr
                    return znode
                }
                guard znode.isr.contains(id), znode.isr.count > 1 else { return nil }
                znode.isr.removeAll { $0 == id }
                leftIsr = true
                return znode
            }
            if stillLeads { remaining.append(tp) }
            if written != nil {
                changed.append(tp)
                if leftIsr { stopped.append(tp) }
            }
        }
        if !stopped.isEmpty { self.sendStopReplica(stopped, delete: false, to: id) }
        self.broadcast(changed)
        return remaining
    }

    // MARK: - Preferred leaders

    /// How an election request ended for one partition (ElectLeaders' per-partition error).
    enum ElectionResult: Error, Sendable, Equatable {
        case elected
        /// The partition already has the leader asked for.
        case notNeeded
        /// No replica may lead: the preferred one is down or out of sync (preferred), or no
        /// replica is alive (unclean).
        case notPossible
        case unknownPartition
    }

    /// Moves leadership back to each partition's preferred (first) replica where it is alive and
    /// in sync: automatically (`auto.leader.rebalance.enable`) or on ElectLeaders.
    @discardableResult
    func electPreferredLeaders(_ partitions: [TopicPartition]? = nil) async -> [TopicPartition: ElectionResult] {
        await self.elect(partitions) { state, assignment in
            guard let preferred = PartitionLeaderElection.preferredLeader(assignment: assignment, isr: state.isr, live: self.liveIds)
            else { return .failure(.notPossible) }
            guard preferred != state.leader else { return .failure(.notNeeded) }
            var znode = state
            znode.leader = preferred
            return .success(znode)
        }
    }

    /// ElectLeaders with type UNCLEAN: a partition without a leader takes any live replica, even
    /// one that is not in sync (what `unclean.leader.election.enable` would do automatically).
    func electUncleanLeaders(_ partitions: [TopicPartition]?) async -> [TopicPartition: ElectionResult] {
        await self.elect(partitions) { state, assignment in
            guard state.leader < 0 || !self.liveIds.contains(state.leader) else { return .failure(.notNeeded) }
            guard let outcome = PartitionLeaderElection.offlinePartitionLeader(
                assignment: assignment, isr: state.isr, live: self.liveIds, uncleanAllowed: true)
            else { return .failure(.notPossible) }
            var znode = state
            znode.leader = outcome.leader
            znode.isr = outcome.isr
            return .success(znode)
        }
    }


    private func elect(
        _ partitions: [TopicPartition]?,
        _ decide: (PartitionStateZNode, [Int32]) -> Result<PartitionStateZNode, ElectionResult>
    ) async -> [TopicPartition: ElectionResult] {
        var results: [TopicPartition: ElectionResult] = [:]
        var changed: [TopicPartition] = []
        for tp in (partitions ?? self.states.keys.sorted()) {
            guard self.states[tp] != nil, let assignment = self.topics[tp.topic]?.assignment[tp.partition] else {
                results[tp] = .unknownPartition
                continue
            }
            var refusal: ElectionResult = .notPossible
            let written = await self.update(tp) { current in
                switch decide(current, assignment) {
                case .failure(let result):
                    refusal = result
                    return nil
                case .success(let znode):
                    return znode
                }
            }
            results[tp] = written != nil ? .elected : refusal
            if written != nil { changed.append(tp) }
        }
        if !changed.isEmpty {
            self.logger.info("leaders elected on request or by rebalance", metadata: ["partitions": "\(changed.map(\.description))"])
        }
        self.broadcast(changed)
        return results
    }

    // MARK: - Requests to brokers

    private func partitions(hostedBy id: Int32) -> [TopicPartition] {
        self.states.keys.filter { tp in (self.topics[tp.topic]?.assignment[tp.partition] ?? []).contains(id) }.sorted()
    }

    /// LeaderAndIsr to the replicas of `partitions`, UpdateMetadata to every live broker.
    private func broadcast(_ partitions: [TopicPartition], updateMetadata: Bool = true) {
        guard !partitions.isEmpty else { return }
        for id in self.liveIds {
            let hosted = partitions.filter { (self.topics[$0.topic]?.assignment[$0.partition] ?? []).contains(id) }
            if !hosted.isEmpty { self.sendLeaderAndIsr(partitions: hosted, to: id) }
        }
        if updateMetadata { self.sendUpdateMetadata(partitions: partitions, to: self.liveIds) }
    }

    private func channel(_ id: Int32) -> ControllerChannel? {
        if let channel = self.channels[id] { return channel }
        guard let broker = self.live[id] else { return nil }
        let channel = ControllerChannel(
            brokerId: id, host: broker.host, port: Int(broker.port), controllerId: self.brokerId, logger: self.logger)
        self.channels[id] = channel
        return channel
    }

    private func closeChannel(_ id: Int32) async {
        await self.channels.removeValue(forKey: id)?.close()
    }

    private func sendLeaderAndIsr(partitions: [TopicPartition], to id: Int32) {
        guard !partitions.isEmpty, let channel = self.channel(id), let target = self.live[id] else { return }
        var byTopic: [String: [LeaderAndIsrRequest.LeaderAndIsrPartitionState]] = [:]
        var leaders: Set<Int32> = []
        for tp in partitions {
            guard let state = self.states[tp], let assignment = self.topics[tp.topic]?.assignment[tp.partition] else { continue }
            if state.znode.leader >= 0 { leaders.insert(state.znode.leader) }
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch, leader: state.znode.leader,
                    leaderEpoch: state.znode.leaderEpoch, isr: state.znode.isr, partitionEpoch: state.version,
                    replicas: assignment, isNew: state.znode.leaderEpoch == 0))
        }
        let request = LeaderAndIsrRequest(
            controllerId: self.brokerId, controllerEpoch: self.epoch, brokerEpoch: target.epoch, type: 0,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(topicName: topic, topicId: self.topicId(topic), partitionStates: byTopic[topic] ?? [])
            },
            liveLeaders: leaders.sorted().compactMap { id in
                self.live[id].map { .init(brokerId: id, hostName: $0.host, port: $0.port) }
            })
        channel.send(request, version: 7)
    }

    private func sendUpdateMetadata(partitions: [TopicPartition], to targets: Set<Int32>, deleting: Bool = false) {
        var byTopic: [String: [UpdateMetadataRequest.UpdateMetadataPartitionState]] = [:]
        for tp in partitions {
            guard let state = self.states[tp], let assignment = self.topics[tp.topic]?.assignment[tp.partition] else { continue }
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch,
                    leader: deleting ? -2 : state.znode.leader, leaderEpoch: state.znode.leaderEpoch, isr: state.znode.isr,
                    zkVersion: state.version, replicas: assignment,
                    offlineReplicas: assignment.filter { !self.liveIds.contains($0) }))
        }
        let brokers = self.live.values.sorted { $0.id < $1.id }.map { broker in
            UpdateMetadataRequest.UpdateMetadataBroker(
                id: broker.id,
                endpoints: [.init(port: broker.port, host: broker.host, listener: "PLAINTEXT", securityProtocol: 0)])
        }
        for id in targets {
            guard let channel = self.channel(id), let target = self.live[id] else { continue }
            let request = UpdateMetadataRequest(
                controllerId: self.brokerId, controllerEpoch: self.epoch, brokerEpoch: target.epoch,
                topicStates: byTopic.keys.sorted().map { topic in
                    .init(topicName: topic, topicId: self.topicId(topic), partitionStates: byTopic[topic] ?? [])
                },
                liveBrokers: brokers)
            channel.send(request, version: 8)
        }
    }

    private func sendStopReplica(_ partitions: [TopicPartition], delete: Bool, to id: Int32) {
        guard let channel = self.channel(id), let target = self.live[id] else { return }
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        let request = StopReplicaRequest(
            controllerId: self.brokerId, controllerEpoch: self.epoch, brokerEpoch: target.epoch,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(
                    topicName: topic,
                    partitionStates: (byTopic[topic] ?? []).map {
                        .init(partitionIndex: $0.partition, leaderEpoch: self.states[$0]?.znode.leaderEpoch ?? -1, deletePartition: delete)
                    })
            })
        channel.send(request, version: 4)
    }

    private func topicId(_ topic: String) -> KafkaUUID {
        self.topics[topic]?.topicId.flatMap(KafkaUUID.init(base64URLString:)) ?? .zero
    }
}
