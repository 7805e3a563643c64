import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import Synchronization

/// The replicas this broker hosts in a cluster and their roles, as the controller assigns them
/// with LeaderAndIsr: leaders serve produce and fetch and keep the ISR and high watermark;
/// followers copy their leader through `ReplicaFetcher`s.
final class ReplicaManager: Sendable {
    let brokerId: Int32
    let logManager: LogManager
    let metadata: MetadataCache
    let zk: KafkaZkClient
    let logger: Logger
    let config: BrokerConfig
    let appendWaiters: AppendWaiters
    let topicConfigs: @Sendable (String) async -> LogConfig
    /// Told when this broker starts or stops leading a partition (the group coordinator
    /// follows the leaders of `__consumer_offsets`).
    let onLeadershipChange: @Sendable (TopicPartition, _ isLeader: Bool) async -> Void
    private let partitions = Mutex<[TopicPartition: PartitionReplica]>([:])
    /// The newest controller epoch seen: requests from an older controller are refused.
    private let controllerEpoch = Mutex<Int32>(-1)
    let fetchers: ReplicaFetcherManager
    let faults: FaultInjection

    init(
        brokerId: Int32, logManager: LogManager, metadata: MetadataCache, zk: KafkaZkClient, config: BrokerConfig,
        appendWaiters: AppendWaiters, faults: FaultInjection = FaultInjection(), logger: Logger,
        topicConfigs: @escaping @Sendable (String) async -> LogConfig,
        onLeadershipChange: @escaping @Sendable (TopicPartition, _ isLeader: Bool) async -> Void = { _, _ in }
    ) {
        self.onLeadershipChange = onLeadershipChange
        self.brokerId = brokerId
        self.logManager = logManager
        self.metadata = metadata
        self.zk = zk
        self.config = config
        self.appendWaiters = appendWaiters
        self.logger = logger
        self.topicConfigs = topicConfigs
        self.faults = faults
        self.fetchers = ReplicaFetcherManager(brokerId: brokerId, faults: faults, logger: logger)
    }

    func partition(_ tp: TopicPartition) -> PartitionReplica? { self.partitions.withLock { $0[tp] } }
    var allPartitions: [PartitionReplica] { self.partitions.withLock { Array($0.values) } }

    /// Refuses (returns false) a request from a controller older than one already heard from.
    func acceptControllerEpoch(_ epoch: Int32) -> Bool {
        self.controllerEpoch.withLock { current in
            guard epoch >= current else { return false }
            current = epoch
            return true
        }
    }

    // MARK: - LeaderAndIsr

    func becomeLeaderOrFollower(_ request: LeaderAndIsrRequest) async -> LeaderAndIsrResponse {
        guard self.acceptControllerEpoch(request.controllerEpoch) else {
            return LeaderAndIsrResponse(errorCode: ErrorCode.staleControllerEpoch.rawValue)
        }
        let leaders = Dictionary(
            request.liveLeaders.map { ($0.brokerId, ($0.hostName, Int($0.port))) },
            uniquingKeysWith: { first, _ in first })
        var results: [LeaderAndIsrResponse.LeaderAndIsrTopicError] = []
        for topic in request.topicStates {
            var errors: [LeaderAndIsrResponse.LeaderAndIsrPartitionError] = []
            for state in topic.partitionStates {
                let tp = TopicPartition(topic.topicName, state.partitionIndex)
                let code = await self.apply(state, to: tp, topicId: topic.topicId, leaders: leaders)
                errors.append(.init(partitionIndex: state.partitionIndex, errorCode: code.rawValue))
            }
            results.append(.init(topicId: topic.topicId, partitionErrors: errors))
        }
        return LeaderAndIsrResponse(errorCode: 0, topics: results)
    }

    private func apply(
        _ state: LeaderAndIsrRequest.LeaderAndIsrPartitionState, to tp: TopicPartition, topicId: KafkaUUID,
        leaders: [Int32: (String, Int)]
    ) async -> ErrorCode {
        let existing = self.partition(tp)
        if let existing, existing.snapshot.leaderEpoch > state.leaderEpoch {
            return .staleControllerEpoch  // an older leader epoch than we already have: ignore it
        }
        guard state.replicas.contains(self.brokerId) else { return .unknownTopicOrPartition }
        let log: PartitionLog
        do {
            log = try self.logManager.getOrCreateLog(
                for: tp, config: await self.topicConfigs(tp.topic), now: Clock.millis())
            try PartitionMetadataFile.write(topicId: topicId.base64URLString, in: log.directory)
        } catch {
            self.logger.error("cannot open log", metadata: ["partition": "\(tp)", "error": "\(error)"])
            return .kafkaStorageError
        }
        let now = Clock.millis()
        let newState = PartitionReplica.State(
            leader: state.leader, leaderEpoch: state.leaderEpoch, isr: state.isr, replicas: state.replicas,
            zkVersion: state.partitionEpoch, controllerEpoch: state.controllerEpoch,
            followers: Dictionary(uniqueKeysWithValues: state.replicas.map { ($0, .init(lastCaughtUpMs: now)) }))
        let replica = PartitionReplica(
            topicPartition: tp, topicId: topicId, log: log, brokerId: self.brokerId, state: newState)
        self.partitions.withLock { $0[tp] = replica }
        if state.leader == self.brokerId {
            await self.fetchers.remove(tp)
            log.assignLeaderEpoch(state.leaderEpoch)
            replica.maybeAdvanceHighWatermark()
            self.logger.info(
                "became leader",
                metadata: ["partition": "\(tp)", "leaderEpoch": "\(state.leaderEpoch)", "isr": "\(state.isr)"])
        } else if state.leader >= 0, let (host, port) = leaders[state.leader] ?? self.endpoint(of: state.leader) {
            await self.fetchers.follow(replica, leader: state.leader, host: host, port: port, manager: self)
            self.logger.info(
                "became follower",
                metadata: ["partition": "\(tp)", "leader": "\(state.leader)", "leaderEpoch": "\(state.leaderEpoch)"])
        } else {
            await self.fetchers.remove(tp)
            self.logger.info("partition has no leader", metadata: ["partition": "\(tp)"])
        }
        self.appendWaiters.notifyAppend(to: tp)
        await self.onLeadershipChange(tp, state.leader == self.brokerId)
        return .none
    }

    private func endpoint(of broker: Int32) -> (String, Int)? {
        self.metadata.broker(broker).map { ($0.host, Int($0.port)) }
    }

    // MARK: - StopReplica

    func stopReplicas(_ request: StopReplicaRequest) async -> StopReplicaResponse {
        guard self.acceptControllerEpoch(request.controllerEpoch) else {
            return StopReplicaResponse(errorCode: ErrorCode.staleControllerEpoch.rawValue)
        }
        var errors: [StopReplicaResponse.StopReplicaPartitionError] = []
        for topic in request.topicStates {
            for state in topic.partitionStates {
                let tp = TopicPartition(topic.topicName, state.partitionIndex)
                await self.fetchers.remove(tp)
                self.partitions.withLock { $0[tp] = nil }
                await self.onLeadershipChange(tp, false)
                if state.deletePartition { self.logManager.deleteLog(for: tp) }
                self.appendWaiters.notifyAppend(to: tp)
                errors.append(.init(topicName: tp.topic, partitionIndex: tp.partition, errorCode: 0))
            }
        }
        return StopReplicaResponse(errorCode: 0, partitionErrors: errors)
    }

    // MARK: - Leader duties

    enum ReplicationWait: Sendable, Equatable {
        case replicated
        case leadershipMoved
        case timedOut
    }

    /// Waits until the high watermark passes `offset`, i.e. every in-sync replica has it
    /// ("delayed produce" in Kafka's purgatory), leadership moves, or `timeoutMs` runs out.
    func waitForHighWatermark(beyond offset: Int64, of replica: PartitionReplica, timeoutMs: Int32) async
        -> ReplicationWait
    {
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, timeoutMs)))
        for _ in 0..<100_000 {
            if replica.log.highWatermark > offset { return .replicated }
            guard self.partition(replica.topicPartition)?.isLeader == true else { return .leadershipMoved }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || Task.isCancelled { break }
            await self.appendWaiters.wait(for: [replica.topicPartition], timeout: min(remaining, .milliseconds(200)))
        }
        return .timedOut
    }

    /// A follower's fetch arrived at the leader: update its progress, maybe grow the ISR, and
    /// move the high watermark.
    func followerFetched(_ replica: PartitionReplica, replicaId: Int32, offset: Int64) async {
        replica.recordFollowerFetch(replicaId: replicaId, offset: offset, now: Clock.millis())
        // KIP-841 (Kafka 3.3, `Partition.isReplicaIsrEligible`): only a follower whose broker is
        // registered may join the ISR, so a broker cut off from the metadata server cannot be
        // counted as a copy while the controller treats it as gone.
        let additions = replica.followersToAdd().filter { self.metadata.broker($0) != nil }
        if !additions.isEmpty {
            await self.updateIsr(replica) { isr in isr + additions.filter { !isr.contains($0) } }
        }
        if replica.maybeAdvanceHighWatermark() { self.appendWaiters.notifyAppend(to: replica.topicPartition) }
    }

    /// Removes followers that fell behind for `replica.lag.time.max.ms`; run periodically.
    func shrinkIsrIfNeeded() async {
        let now = Clock.millis()
        for replica in self.allPartitions {
            let lagging = replica.laggingFollowers(now: now, maxLagMs: self.config.replicaLagTimeMaxMs)
            guard !lagging.isEmpty else { continue }
            self.logger.info(
                "shrinking ISR: followers fell behind for longer than replica.lag.time.max.ms",
                metadata: ["partition": "\(replica.topicPartition)", "removed": "\(lagging)"])
            await self.updateIsr(replica) { isr in isr.filter { !lagging.contains($0) } }
            if replica.maybeAdvanceHighWatermark() { self.appendWaiters.notifyAppend(to: replica.topicPartition) }
        }
    }

    /// Writes a new ISR to the partition state znode (only if nobody changed it since: the
    /// version check), then tells the controller through `/isr_change_notification`. If the znode
    /// moved on but still names this leader and epoch (another ISR change raced us), the change is
    /// re-applied to it; a newer epoch means the controller decided: wait for its LeaderAndIsr.
    private func updateIsr(_ replica: PartitionReplica, _ change: @escaping ([Int32]) -> [Int32]) async {
        let tp = replica.topicPartition
        let prepared: (PartitionStateZNode, Int32)? = replica.state.withLock { state in
            guard !state.isIsrUpdateInFlight else { return nil }
            let newIsr = change(state.isr)
            guard newIsr != state.isr, !newIsr.isEmpty else { return nil }
            state.isIsrUpdateInFlight = true
            return (
                PartitionStateZNode(
                    leader: state.leader, leaderEpoch: state.leaderEpoch, controllerEpoch: state.controllerEpoch,
                    isr: newIsr),
                state.zkVersion
            )
        }
        guard var (znode, version) = prepared else { return }
        var newVersion: Int32?
        do {
            for _ in 0..<3 {
                newVersion = try await self.zk.conditionalSet(ZkPaths.partitionState(tp), znode, version: version)
                if newVersion != nil { break }
                guard let (current, currentVersion) = try await self.zk.partitionState(tp),
                    current.leader == self.brokerId, current.leaderEpoch == znode.leaderEpoch
                else { break }
                let isr = change(current.isr)
                guard isr != current.isr, !isr.isEmpty else {
                    replica.state.withLock { state in
                        state.isr = current.isr
                        state.zkVersion = currentVersion
                    }
                    break
                }
                znode = PartitionStateZNode(
                    leader: current.leader, leaderEpoch: current.leaderEpoch, controllerEpoch: current.controllerEpoch,
                    isr: isr)
                version = currentVersion
            }
            if newVersion != nil {
                try await self.zk.createSequential(
                    "\(ZkPaths.isrChangeNotification)/isr_change_",
                    IsrChangeNotificationZNode(partitions: [.init(topic: tp.topic, partition: tp.partition)]))
            }
        } catch {
            self.logger.warning("ISR update failed", metadata: ["partition": "\(tp)", "error": "\(error)"])
        }
        let written = newVersion
        replica.state.withLock { state in
            state.isIsrUpdateInFlight = false
            if let written, state.leaderEpoch == znode.leaderEpoch {
                state.isr = znode.isr
                state.zkVersion = written
            }
        }
        if newVersion != nil {
            self.logger.info("ISR changed", metadata: ["partition": "\(tp)", "isr": "\(znode.isr)"])
        } else {
            self.logger.info(
                "ISR update skipped: the controller changed the partition; waiting for its LeaderAndIsr",
                metadata: ["partition": "\(tp)"])
        }
    }

    func shutdown() async {
        await self.fetchers.removeAll()
    }
}
