import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// The group coordinator of this broker (classic protocol, as Kafka 3.x): owns every group's
/// state machine and committed offsets, parks JoinGroup and SyncGroup requests until their
/// rebalance step completes, runs the timers, and writes everything to `__consumer_offsets` so
/// a restarted (or, in a cluster, a new) coordinator can reload it.
actor GroupCoordinator {
    enum State: Sendable, Equatable {
        /// Reading `__consumer_offsets` at start-up; requests get COORDINATOR_LOAD_IN_PROGRESS.
        case loading
        case active
    }

    /// A committed offset as OffsetFetch returns it.
    typealias CommittedOffset = OffsetCommitValue

    var state: State = .loading
    var groups: [String: ClassicGroup] = [:]
    var offsets: [String: [TopicPartition: CommittedOffset]] = [:]
    var joinWaiters = ParkedRequests<JoinOutcome>()
    var syncWaiters = ParkedRequests<SyncOutcome>()
    var isOffsetsTopicReady = false
    var lastRetentionCheck: Int64
    /// The `__consumer_offsets` partitions whose groups this broker coordinates; nil means all
    /// of them (standalone, where this broker leads every partition).
    var ownedPartitions: Set<Int32>?
    /// Partitions being read back after this broker became their leader, each with the number
    /// of its load: a load that finishes after the partition was resigned (or loaded again) is
    /// dropped. Their groups get COORDINATOR_LOAD_IN_PROGRESS meanwhile.
    var loadingPartitions: [Int32: Int] = [:]
    var loadsStarted = 0
    var loadTasks: [Int32: Task<Void, Never>] = [:]
    /// Tests only: awaited by a partition's load before it reads the log, so the load window stays open.
    var loadGate: (@Sendable (Int32) async -> Void)?
    /// Partitions of `__consumer_offsets`: groups map onto them by hash.
    var partitionCount: Int32
    let config: GroupConfig
    nonisolated let store: OffsetsTopicStore?
    let logger: Logger

    /// `store` nil keeps everything in memory (socket-free tests). `coordinatesByLeadership`
    /// (default: a cluster-mode store) makes the coordinator answer only for the partitions it
    /// was told it leads (`becameLeader`); socket-free tests set it to watch loading.
    init(
        config: GroupConfig, store: OffsetsTopicStore?, logger: Logger, now: Int64 = Clock.millis(),
        coordinatesByLeadership: Bool? = nil
    ) {
        self.config = config
        self.store = store
        self.logger = logger
        self.lastRetentionCheck = now
        self.partitionCount = config.offsetsTopicNumPartitions
        if store == nil {
            self.state = .active
            self.isOffsetsTopicReady = true
        }
        if coordinatesByLeadership ?? (store?.isStandalone == false) {
            self.ownedPartitions = []
        }
    }

    /// Tests only: every later partition load awaits `gate` before reading the log.
    func holdLoads(until gate: @escaping @Sendable (Int32) async -> Void) {
        self.loadGate = gate
    }

    /// Tests only: waits until the partition's current load (if any) finished.
    func waitForLoad(of partition: Int32) async {
        await self.loadTasks[partition]?.value
    }

    /// The group's partition of `__consumer_offsets`, as Kafka computes it.
    func partition(for groupId: String) -> Int32 {
        OffsetsTopicStore.partition(for: groupId, partitions: self.partitionCount)
    }

    // MARK: - JoinGroup / SyncGroup / Heartbeat / LeaveGroup

    func joinGroup(groupId: String, _ request: JoinRequest, now: Int64 = Clock.millis()) async -> JoinOutcome {
        if let error = self.readiness(groupId: groupId) { return .failure(error, memberId: request.memberId) }
        guard request.sessionTimeoutMs >= self.config.minSessionTimeoutMs,
            request.sessionTimeoutMs <= self.config.maxSessionTimeoutMs
        else {
            self.logger.info(
                """
                JoinGroup of group \(groupId) refused: session.timeout.ms=\(request.sessionTimeoutMs) is outside \
                group.min.session.timeout.ms=\(self.config.minSessionTimeoutMs) and \
                group.max.session.timeout.ms=\(self.config.maxSessionTimeoutMs)
                """)
            return .failure(.invalidSessionTimeout, memberId: request.memberId)
        }
        var group: ClassicGroup
        if let existing = self.groups[groupId] {
            group = existing
        } else {
            guard request.memberId.isEmpty else { return .failure(.unknownMemberId, memberId: request.memberId) }
            group = ClassicGroup(groupId: groupId, now: now)
        }
        let (decision, effects) = group.join(request, now: now, config: self.config)
        self.groups[groupId] = group
        switch decision {
        case .respond(let outcome):
            self.apply(effects, groupId: groupId, now: now)
            return outcome
        case .await(let memberId):
            let key = GroupMemberKey(groupId: groupId, memberId: memberId)
            return await withCheckedContinuation { continuation in
                // A member that re-sends JoinGroup while one is parked: the old one gets an answer first.
                self.joinWaiters.park(continuation, for: key)?.resume(
                    returning: .failure(.rebalanceInProgress, memberId: memberId))
                self.apply(effects, groupId: groupId, now: now)
            }
        }
    }

    func syncGroup(
        groupId: String, memberId: String, groupInstanceId: String?, generation: Int32, protocolType: String?,
        protocolName: String?, assignments: [String: ByteBuffer], now: Int64 = Clock.millis()
    ) async -> SyncOutcome {
        if let error = self.readiness(groupId: groupId) { return .failure(error) }
        guard var group = self.groups[groupId] else { return .failure(.unknownMemberId) }
        let (decision, effects) = group.sync(
            memberId: memberId, groupInstanceId: groupInstanceId, generation: generation, protocolType: protocolType,
            protocolName: protocolName, assignments: assignments, now: now)
        self.groups[groupId] = group
        switch decision {
        case .respond(let outcome):
            self.apply(effects, groupId: groupId, now: now)
            return outcome
        case .await(let memberId):
            let key = GroupMemberKey(groupId: groupId, memberId: memberId)
            return await withCheckedContinuation { continuation in
                self.syncWaiters.park(continuation, for: key)?.resume(returning: .failure(.rebalanceInProgress))
                self.apply(effects, groupId: groupId, now: now)
            }
        }
    }

    func heartbeat(
        groupId: String, memberId: String, groupInstanceId: String?, generation: Int32, now: Int64 = Clock.millis()
    ) -> ErrorCode {
        if let error = self.readiness(groupId: groupId) {
            // Kafka's `handleHeartbeat`: a group still loading gets NONE, so its members keep their session.
            return error == .coordinatorLoadInProgress ? .none : error
        }
        guard var group = self.groups[groupId] else { return .unknownMemberId }
        let error = group.heartbeat(
            memberId: memberId, groupInstanceId: groupInstanceId, generation: generation, now: now)
        self.groups[groupId] = group
        return error
    }

    /// One error per member, in request order; the first value is the request-level error.
    func leaveGroup(
        groupId: String, members: [(memberId: String, groupInstanceId: String?, reason: String?)],
        now: Int64 = Clock.millis()
    ) -> (ErrorCode, [ErrorCode]) {
        if let error = self.readiness(groupId: groupId) { return (error, []) }
        guard var group = self.groups[groupId] else { return (.none, members.map { _ in .unknownMemberId }) }
        var errors: [ErrorCode] = []
        for member in members {
            let (error, effects) = group.leave(
                memberId: member.memberId, groupInstanceId: member.groupInstanceId, reason: member.reason, now: now,
                config: self.config)
            errors.append(error)
            self.groups[groupId] = group
            self.apply(effects, groupId: groupId, now: now)
            group = self.groups[groupId] ?? group
        }
        return (.none, errors)
    }

    // MARK: - Effects

    func apply(_ effects: [GroupEffect], groupId: String, now: Int64) {
        for effect in effects {
            switch effect {
            case .completeJoin(let memberId, let outcome):
                self.joinWaiters.take(GroupMemberKey(groupId: groupId, memberId: memberId))?.resume(returning: outcome)
            case .completeSync(let memberId, let outcome):
                self.syncWaiters.take(GroupMemberKey(groupId: groupId, memberId: memberId))?.resume(returning: outcome)
            case .storeGroup:
                guard let group = self.groups[groupId] else { continue }
                self.writeLogged(
                    [.groupMetadata(GroupMetadataKey(group: groupId), group.metadataValue())], groupId: groupId,
                    now: now)
            case .log(let message, let generation):
                self.logger.info("\(message)", metadata: ["group": "\(groupId)", "generation": "\(generation)"])
            }
        }
    }

    /// Appends to the group's partition of `__consumer_offsets`; returns where the records
    /// landed (nil when there was nothing to write or no store).
    @discardableResult
    func write(_ records: [OffsetsTopicRecord], groupId: String, now: Int64) throws(GroupCoordinatorError)
        -> OffsetsTopicStore.Appended?
    {
        guard let store = self.store, !records.isEmpty else { return nil }
        do {
            return try store.append(records, to: self.partition(for: groupId), now: now)
        } catch {
            self.logger.error("\(error)", metadata: ["group": "\(groupId)"])
            throw error
        }
    }

    /// A write nobody waits on (group metadata after a rebalance, expirations): failures are
    /// logged; the state is rebuilt from the log by the next coordinator.
    func writeLogged(_ records: [OffsetsTopicRecord], groupId: String, now: Int64) {
        _ = try? self.write(records, groupId: groupId, now: now)
    }
}
