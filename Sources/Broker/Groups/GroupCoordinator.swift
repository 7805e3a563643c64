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

    private(set) var state: State = .loading
    private var groups: [String: ClassicGroup] = [:]
    private var offsets: [String: [TopicPartition: CommittedOffset]] = [:]
    private var joinWaiters = ParkedRequests<JoinOutcome>()
    private var syncWaiters = ParkedRequests<SyncOutcome>()
    private var isOffsetsTopicReady = false
    private var lastRetentionCheck: Int64
    /// The `__consumer_offsets` partitions whose groups this broker coordinates; nil means all
    /// of them (standalone, where this broker leads every partition).
    private var ownedPartitions: Set<Int32>?
    /// Partitions being read back after this broker became their leader, each with the number
    /// of its load: a load that finishes after the partition was resigned (or loaded again) is
    /// dropped. Their groups get COORDINATOR_LOAD_IN_PROGRESS meanwhile.
    private var loadingPartitions: [Int32: Int] = [:]
    private var loadsStarted = 0
    private var loadTasks: [Int32: Task<Void, Never>] = [:]
    /// Tests only: awaited by a partition's load before it reads the log, so the load window stays open.
    private var loadGate: (@Sendable (Int32) async -> Void)?
    /// Partitions of `__consumer_offsets`: groups map onto them by hash.
    private var partitionCount: Int32
    let config: GroupConfig
    nonisolated let store: OffsetsTopicStore?
    private let logger: Logger

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

    // MARK: - Start-up, leadership and timers

    /// Standalone: replays every partition of `__consumer_offsets`. In a cluster nothing is
    /// loaded here: partitions load as this broker becomes their leader (`becameLeader`).
    func load(now: Int64 = Clock.millis()) async {
        defer { self.state = .active }
        guard let store = self.store, store.isStandalone, let count = await store.existingPartitionCount() else {
            return
        }
        self.isOffsetsTopicReady = true
        self.partitionCount = count
        for partition in 0..<count { self.replay(store.read(partition: partition), now: now) }
        self.logger.info(
            "loaded groups from \(OffsetsTopicStore.topicName)",
            metadata: [
                "groups": "\(self.groups.count)", "offsets": "\(self.offsets.values.reduce(0) { $0 + $1.count })",
            ])
    }

    /// Cluster mode: this broker now leads `partition` of `__consumer_offsets`, so it becomes the
    /// coordinator of that partition's groups. It reads their metadata and committed offsets
    /// back from the log (the last record per key wins) in a task, as Kafka's
    /// `GroupMetadataManager.scheduleLoadGroupAndOffsets` does; until it is done the partition's
    /// groups get COORDINATOR_LOAD_IN_PROGRESS (heartbeats get NONE, as in Kafka).
    func becameLeader(of partition: Int32, partitionCount: Int32) {
        guard let owned = self.ownedPartitions, !owned.contains(partition), self.loadingPartitions[partition] == nil
        else { return }
        self.partitionCount = partitionCount
        self.loadsStarted += 1
        let load = self.loadsStarted
        self.loadingPartitions[partition] = load
        let store = self.store
        let gate = self.loadGate
        // Detached: reading the log must not hold the actor, which answers LOAD_IN_PROGRESS meanwhile.
        self.loadTasks[partition] = Task.detached { [self] in
            await gate?(partition)
            let records = store?.read(partition: partition) ?? []
            await self.finishLoading(partition, load: load, records: records, now: Clock.millis())
        }
    }

    private func finishLoading(_ partition: Int32, load: Int, records: [OffsetsTopicRecord], now: Int64) {
        guard self.loadingPartitions[partition] == load, var owned = self.ownedPartitions else { return }
        let before = (self.groups.count, self.offsets.values.reduce(0) { $0 + $1.count })
        self.replay(records, now: now)
        owned.insert(partition)
        self.ownedPartitions = owned
        self.loadingPartitions.removeValue(forKey: partition)
        self.logger.info(
            "coordinator for \(OffsetsTopicStore.topicName)-\(partition): loaded its groups",
            metadata: [
                "groups": "\(self.groups.count - before.0)",
                "offsets": "\(self.offsets.values.reduce(0) { $0 + $1.count } - before.1)",
            ])
    }

    /// Cluster mode: another broker leads `partition` now. Its groups are forgotten here;
    /// parked joins and syncs get NOT_COORDINATOR so their members find the new coordinator.
    func resigned(from partition: Int32) {
        if self.loadingPartitions.removeValue(forKey: partition) != nil {
            self.logger.info(
                "no longer coordinator for \(OffsetsTopicStore.topicName)-\(partition): its load is dropped")
            return
        }
        guard var owned = self.ownedPartitions, owned.contains(partition) else { return }
        owned.remove(partition)
        self.ownedPartitions = owned
        let moved = self.groups.keys.filter { self.partition(for: $0) == partition }
        for groupId in moved {
            self.groups.removeValue(forKey: groupId)
            self.offsets.removeValue(forKey: groupId)
            for (memberId, waiter) in self.joinWaiters.takeAll(of: groupId) {
                waiter.resume(returning: .failure(.notCoordinator, memberId: memberId))
            }
            for (_, waiter) in self.syncWaiters.takeAll(of: groupId) {
                waiter.resume(returning: .failure(.notCoordinator))
            }
        }
        self.logger.info(
            "no longer coordinator for \(OffsetsTopicStore.topicName)-\(partition)",
            metadata: ["groups": "\(moved.count)"])
    }

    /// Applies records read from `__consumer_offsets`: the last record per key wins, tombstones delete.
    private func replay(_ records: [OffsetsTopicRecord], now: Int64) {
        for record in records {
            switch record {
            case .offsetCommit(let key, let value):
                let tp = TopicPartition(key.topic, key.partition)
                if let value {
                    self.offsets[key.group, default: [:]][tp] = value
                    if self.groups[key.group] == nil {
                        self.groups[key.group] = ClassicGroup(groupId: key.group, now: now)
                    }
                } else {
                    self.offsets[key.group]?.removeValue(forKey: tp)
                }
            case .groupMetadata(let key, let value):
                if let value {
                    self.groups[key.group] = ClassicGroup(groupId: key.group, loaded: value, now: now)
                } else {
                    self.groups.removeValue(forKey: key.group)
                    self.offsets.removeValue(forKey: key.group)
                }
            }
        }
    }

    /// Ticks the groups' timers until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            self.tick(now: Clock.millis())
        }
        for (_, waiter) in self.joinWaiters.takeAll() { waiter.resume(returning: .failure(.coordinatorNotAvailable)) }
        for (_, waiter) in self.syncWaiters.takeAll() { waiter.resume(returning: .failure(.coordinatorNotAvailable)) }
        for (_, task) in self.loadTasks { task.cancel() }
    }

    func tick(now: Int64) {
        for groupId in Array(self.groups.keys) {
            guard var group = self.groups[groupId] else { continue }
            let effects = group.tick(now: now, config: self.config)
            self.groups[groupId] = group
            self.apply(effects, groupId: groupId, now: now)
        }
        if now - self.lastRetentionCheck >= self.config.offsetsRetentionCheckIntervalMs {
            self.lastRetentionCheck = now
            self.expireOffsets(now: now)
        }
    }

    /// `offsets.retention.minutes`: offsets of a group without members expire that long after
    /// the group became empty (KIP-211), or after their commit for a group that never had
    /// members; a group left with nothing is removed.
    func expireOffsets(now: Int64) {
        for (groupId, group) in self.groups where group.isEmpty {
            var records: [OffsetsTopicRecord] = []
            for (tp, value) in self.offsets[groupId] ?? [:] {
                let base =
                    group.protocolType == nil ? value.commitTimestamp : max(group.stateTimestamp, value.commitTimestamp)
                guard now - base >= self.config.offsetsRetentionMs else { continue }
                self.offsets[groupId]?.removeValue(forKey: tp)
                records.append(
                    .offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), nil))
            }
            if !records.isEmpty {
                self.logger.info(
                    "expired \(records.count) offsets of group \(groupId) after offsets.retention.minutes",
                    metadata: ["group": "\(groupId)"])
            }
            if self.offsets[groupId]?.isEmpty ?? true, group.state == .empty {
                self.groups.removeValue(forKey: groupId)
                self.offsets.removeValue(forKey: groupId)
                records.append(.groupMetadata(GroupMetadataKey(group: groupId), nil))
                self.logger.info(
                    "Group \(groupId) transitioned to Dead (empty, no offsets left)", metadata: ["group": "\(groupId)"])
            }
            self.writeLogged(records, groupId: groupId, now: now)
        }
    }

    /// Creates `__consumer_offsets` if needed (FindCoordinator does this first, as in Kafka).
    func ensureOffsetsTopic() async -> ErrorCode {
        guard !self.isOffsetsTopicReady, let store = self.store, store.isStandalone else { return .none }
        do {
            try await store.createStandalone()
            self.isOffsetsTopicReady = true
            return .none
        } catch {
            self.logger.error("\(error)")
            return error.code
        }
    }

    /// Errors every group request gets before the coordinator can serve it.
    private func readiness(groupId: String) -> ErrorCode? {
        if self.state == .loading { return .coordinatorLoadInProgress }
        if groupId.isEmpty { return .invalidGroupId }
        return self.ownership(of: groupId)
    }

    /// Cluster mode: NOT_COORDINATOR for a group whose partition another broker leads (the
    /// client looks the coordinator up again), LOAD_IN_PROGRESS while it is being read back.
    private func ownership(of groupId: String) -> ErrorCode? {
        guard let owned = self.ownedPartitions else { return nil }
        let partition = self.partition(for: groupId)
        if owned.contains(partition) { return nil }
        return self.loadingPartitions[partition] != nil ? .coordinatorLoadInProgress : .notCoordinator
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

    // MARK: - Offsets

    /// Checks the committer and writes the offsets. Returns one error for every partition.
    func commitOffsets(
        groupId: String, memberId: String, groupInstanceId: String?, generation: Int32,
        offsets: [(TopicPartition, OffsetCommitValue)], now: Int64 = Clock.millis()
    ) -> (errors: [ErrorCode], appended: OffsetsTopicStore.Appended?) {
        func all(_ error: ErrorCode) -> ([ErrorCode], OffsetsTopicStore.Appended?) { (offsets.map { _ in error }, nil) }
        if let error = self.readiness(groupId: groupId) { return all(error) }
        var group: ClassicGroup
        if let existing = self.groups[groupId] {
            group = existing
        } else {
            guard generation < 0 else { return all(.illegalGeneration) }
            group = ClassicGroup(groupId: groupId, now: now)
        }
        let error = group.validateCommit(
            memberId: memberId, groupInstanceId: groupInstanceId, generation: generation, now: now)
        guard error == .none else { return all(error) }
        self.groups[groupId] = group
        var errors: [ErrorCode] = []
        var records: [OffsetsTopicRecord] = []
        var accepted: [(TopicPartition, OffsetCommitValue)] = []
        for (tp, value) in offsets {
            if value.metadata.utf8.count > self.config.offsetMetadataMaxBytes {
                errors.append(.offsetMetadataTooLarge)
                continue
            }
            errors.append(.none)
            accepted.append((tp, value))
            records.append(
                .offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), value))
        }
        let appended: OffsetsTopicStore.Appended?
        do {
            appended = try self.write(records, groupId: groupId, now: now)
        } catch {
            return (errors.map { $0 == .none ? error.code : $0 }, nil)
        }
        for (tp, value) in accepted { self.offsets[groupId, default: [:]][tp] = value }
        return (errors, appended)
    }

    /// Committed offsets of a group; `partitions` nil means all of them.
    func fetchOffsets(groupId: String, partitions: [TopicPartition]?) -> (
        ErrorCode, [(TopicPartition, CommittedOffset?)]
    ) {
        if self.state == .loading { return (.coordinatorLoadInProgress, []) }
        if let error = self.ownership(of: groupId) { return (error, []) }
        let committed = self.offsets[groupId] ?? [:]
        guard let partitions else {
            return (.none, committed.keys.sorted().map { ($0, committed[$0]) })
        }
        return (.none, partitions.map { ($0, committed[$0]) })
    }

    /// OffsetDelete (KIP-496): refused per partition while members subscribe to the topic.
    func deleteOffsets(groupId: String, partitions: [TopicPartition], now: Int64 = Clock.millis())
        -> (ErrorCode, [ErrorCode])
    {
        if let error = self.readiness(groupId: groupId) { return (error, []) }
        guard let group = self.groups[groupId] else { return (.groupIdNotFound, []) }
        if group.state == .dead { return (.groupIdNotFound, []) }
        let subscribed = self.subscribedTopics(of: group)
        var errors: [ErrorCode] = []
        var records: [OffsetsTopicRecord] = []
        for tp in partitions {
            if subscribed.contains(tp.topic) {
                errors.append(.groupSubscribedToTopic)
                continue
            }
            errors.append(.none)
            if self.offsets[groupId]?.removeValue(forKey: tp) != nil {
                records.append(
                    .offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), nil))
            }
        }
        do {
            try self.write(records, groupId: groupId, now: now)
        } catch {
            return (error.code, [])
        }
        return (.none, errors)
    }

    /// Topics the members of a consumer group subscribe to, read from their subscriptions.
    private func subscribedTopics(of group: ClassicGroup) -> Set<String> {
        guard group.protocolType == "consumer", !group.isEmpty else { return [] }
        var topics: Set<String> = []
        for member in group.members.values {
            var metadata = member.metadata(for: group.protocolName)
            guard let version = metadata.getInteger(at: metadata.readerIndex, as: Int16.self) else { continue }
            metadata.moveReaderIndex(forwardBy: 2)
            if let subscription = try? ConsumerProtocolSubscription(from: &metadata, version: min(version, 3)) {
                topics.formUnion(subscription.topics)
            }
        }
        return topics
    }

    // MARK: - Admin

    /// The groups loaded so far. Kafka's `handleListGroups` adds COORDINATOR_LOAD_IN_PROGRESS while
    /// a partition loads; here the list comes without it, since SamsaClient's `listGroups` (and so
    /// `group list`) does not retry that error yet.
    func listGroups(states: [String]) -> [(groupId: String, protocolType: String, state: String)] {
        let wanted = Set(states.map { $0.lowercased() })
        return self.groups.values.sorted { $0.groupId < $1.groupId }
            .filter { wanted.isEmpty || wanted.contains($0.state.rawValue.lowercased()) }
            .map { ($0.groupId, $0.protocolType ?? "", $0.state.rawValue) }
    }

    func describeGroup(_ groupId: String) -> DescribeGroupsResponse.DescribedGroup {
        if let error = self.readiness(groupId: groupId) {
            return .init(errorCode: error.rawValue, groupId: groupId)
        }
        guard let group = self.groups[groupId] else {
            return .init(errorCode: 0, groupId: groupId, groupState: ClassicGroup.State.dead.rawValue)
        }
        let isStable = group.state == .stable
        return .init(
            errorCode: 0, groupId: groupId, groupState: group.state.rawValue, protocolType: group.protocolType ?? "",
            protocolData: isStable ? group.protocolName ?? "" : "",
            members: group.orderedMembers.map { member in
                .init(
                    memberId: member.memberId, groupInstanceId: member.groupInstanceId, clientId: member.clientId,
                    clientHost: member.clientHost,
                    memberMetadata: isStable ? member.metadata(for: group.protocolName) : ByteBuffer(),
                    memberAssignment: isStable ? member.assignment : ByteBuffer())
            })
    }

    /// DeleteGroups: only groups without members; their offsets and metadata get tombstones.
    func deleteGroup(_ groupId: String, now: Int64 = Clock.millis()) -> ErrorCode {
        if let error = self.readiness(groupId: groupId) { return error }
        guard let group = self.groups[groupId], group.state != .dead else { return .groupIdNotFound }
        guard group.isEmpty else { return .nonEmptyGroup }
        var records: [OffsetsTopicRecord] = (self.offsets[groupId] ?? [:]).keys.map {
            .offsetCommit(OffsetCommitKey(group: groupId, topic: $0.topic, partition: $0.partition), nil)
        }
        records.append(.groupMetadata(GroupMetadataKey(group: groupId), nil))
        do {
            try self.write(records, groupId: groupId, now: now)
        } catch {
            return error.code
        }
        self.groups.removeValue(forKey: groupId)
        self.offsets.removeValue(forKey: groupId)
        self.logger.info("Group \(groupId) transitioned to Dead (deleted)", metadata: ["group": "\(groupId)"])
        return .none
    }

    /// For tests and the REPL: the group's state and generation.
    func snapshot(of groupId: String) -> (state: ClassicGroup.State, generation: Int32, members: [String])? {
        self.groups[groupId].map { ($0.state, $0.generation, $0.memberOrder) }
    }

    // MARK: - Effects

    private func apply(_ effects: [GroupEffect], groupId: String, now: Int64) {
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
    private func write(_ records: [OffsetsTopicRecord], groupId: String, now: Int64) throws(GroupCoordinatorError)
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
    private func writeLogged(_ records: [OffsetsTopicRecord], groupId: String, now: Int64) {
        _ = try? self.write(records, groupId: groupId, now: now)
    }
}
