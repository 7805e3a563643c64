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
    private var joinWaiters: [String: CheckedContinuation<JoinOutcome, Never>] = [:]
    private var syncWaiters: [String: CheckedContinuation<SyncOutcome, Never>] = [:]
    private var isOffsetsTopicReady = false
    private var lastRetentionCheck: Int64
    let config: GroupConfig
    private let store: OffsetsTopicStore?
    private let logger: Logger

    /// `store` nil keeps everything in memory (socket-free tests).
    init(config: GroupConfig, store: OffsetsTopicStore?, logger: Logger, now: Int64 = Clock.millis()) {
        self.config = config
        self.store = store
        self.logger = logger
        self.lastRetentionCheck = now
        if store == nil {
            self.state = .active
            self.isOffsetsTopicReady = true
        }
    }

    // MARK: - Start-up and timers

    /// Replays `__consumer_offsets`: the last record per key wins, tombstones delete.
    func load(now: Int64 = Clock.millis()) async {
        guard let store = self.store else { return }
        if await store.existingPartitionCount() != nil {
            self.isOffsetsTopicReady = true
            for record in store.readAll() {
                switch record {
                case .offsetCommit(let key, let value):
                    let tp = TopicPartition(key.topic, key.partition)
                    if let value {
                        self.offsets[key.group, default: [:]][tp] = value
                        if self.groups[key.group] == nil { self.groups[key.group] = ClassicGroup(groupId: key.group, now: now) }
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
            self.logger.info(
                "loaded groups from \(OffsetsTopicStore.topicName)",
                metadata: ["groups": "\(self.groups.count)", "offsets": "\(self.offsets.values.reduce(0) { $0 + $1.count })"])
        }
        self.state = .active
    }

    /// Ticks the groups' timers until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            self.tick(now: Clock.millis())
        }
        for (_, waiter) in self.joinWaiters { waiter.resume(returning: .failure(.coordinatorNotAvailable)) }
        for (_, waiter) in self.syncWaiters { waiter.resume(returning: .failure(.coordinatorNotAvailable)) }
        self.joinWaiters = [:]
        self.syncWaiters = [:]
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
                let base = group.protocolType == nil ? value.commitTimestamp : max(group.stateTimestamp, value.commitTimestamp)
                guard now - base >= self.config.offsetsRetentionMs else { continue }
                self.offsets[groupId]?.removeValue(forKey: tp)
                records.append(.offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), nil))
            }
            if !records.isEmpty {
                self.logger.info("expired \(records.count) offsets of group \(groupId) after offsets.retention.minutes", metadata: ["group": "\(groupId)"])
            }
            if self.offsets[groupId]?.isEmpty ?? true, group.state == .empty {
                self.groups.removeValue(forKey: groupId)
                self.offsets.removeValue(forKey: groupId)
                records.append(.groupMetadata(GroupMetadataKey(group: groupId), nil))
                self.logger.info("Group \(groupId) transitioned to Dead (empty, no offsets left)", metadata: ["group": "\(groupId)"])
            }
            self.write(records, groupId: groupId, now: now)
        }
    }

    /// Creates `__consumer_offsets` if needed (FindCoordinator does this first, as in Kafka).
    func ensureOffsetsTopic() async -> ErrorCode {
        guard !self.isOffsetsTopicReady, let store = self.store else { return .none }
        do {
            try await store.create()
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
        return nil
    }

    // MARK: - JoinGroup / SyncGroup / Heartbeat / LeaveGroup

    func joinGroup(groupId: String, _ request: JoinRequest, now: Int64 = Clock.millis()) async -> JoinOutcome {
        if let error = self.readiness(groupId: groupId) { return .failure(error, memberId: request.memberId) }
        guard (self.config.minSessionTimeoutMs...self.config.maxSessionTimeoutMs).contains(request.sessionTimeoutMs) else {
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
            let key = Self.waiterKey(groupId, memberId)
            return await withCheckedContinuation { continuation in
                // A member that re-sends JoinGroup while one is parked: the old one gets an answer first.
                self.joinWaiters.removeValue(forKey: key)?.resume(returning: .failure(.rebalanceInProgress, memberId: memberId))
                self.joinWaiters[key] = continuation
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
            let key = Self.waiterKey(groupId, memberId)
            return await withCheckedContinuation { continuation in
                self.syncWaiters.removeValue(forKey: key)?.resume(returning: .failure(.rebalanceInProgress))
                self.syncWaiters[key] = continuation
                self.apply(effects, groupId: groupId, now: now)
            }
        }
    }

    func heartbeat(
        groupId: String, memberId: String, groupInstanceId: String?, generation: Int32, now: Int64 = Clock.millis()
    ) -> ErrorCode {
        if let error = self.readiness(groupId: groupId) { return error }
        guard var group = self.groups[groupId] else { return .unknownMemberId }
        let error = group.heartbeat(memberId: memberId, groupInstanceId: groupInstanceId, generation: generation, now: now)
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
    ) -> [ErrorCode] {
        func all(_ error: ErrorCode) -> [ErrorCode] { offsets.map { _ in error } }
        if let error = self.readiness(groupId: groupId) { return all(error) }
        var group: ClassicGroup
        if let existing = self.groups[groupId] {
            group = existing
        } else {
            guard generation < 0 else { return all(.illegalGeneration) }
            group = ClassicGroup(groupId: groupId, now: now)
        }
        let error = group.validateCommit(memberId: memberId, groupInstanceId: groupInstanceId, generation: generation, now: now)
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
            records.append(.offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), value))
        }
        guard self.write(records, groupId: groupId, now: now) else {
            return errors.map { $0 == .none ? .coordinatorNotAvailable : $0 }
        }
        for (tp, value) in accepted { self.offsets[groupId, default: [:]][tp] = value }
        return errors
    }

    /// Committed offsets of a group; `partitions` nil means all of them.
    func fetchOffsets(groupId: String, partitions: [TopicPartition]?) -> (ErrorCode, [(TopicPartition, CommittedOffset?)]) {
        if self.state == .loading { return (.coordinatorLoadInProgress, []) }
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
                records.append(.offsetCommit(OffsetCommitKey(group: groupId, topic: tp.topic, partition: tp.partition), nil))
            }
        }
        self.write(records, groupId: groupId, now: now)
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
        guard self.write(records, groupId: groupId, now: now) else { return .coordinatorNotAvailable }
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
                self.joinWaiters.removeValue(forKey: Self.waiterKey(groupId, memberId))?.resume(returning: outcome)
            case .completeSync(let memberId, let outcome):
                self.syncWaiters.removeValue(forKey: Self.waiterKey(groupId, memberId))?.resume(returning: outcome)
            case .storeGroup:
                guard let group = self.groups[groupId] else { continue }
                self.write([.groupMetadata(GroupMetadataKey(group: groupId), group.metadataValue())], groupId: groupId, now: now)
            case .log(let message, let generation):
                self.logger.info("\(message)", metadata: ["group": "\(groupId)", "generation": "\(generation)"])
            }
        }
    }

    /// Appends to the group's partition of `__consumer_offsets`; false if that failed.
    @discardableResult
    private func write(_ records: [OffsetsTopicRecord], groupId: String, now: Int64) -> Bool {
        guard let store = self.store, !records.isEmpty else { return true }
        do {
            try store.append(records, to: store.partition(for: groupId), now: now)
            return true
        } catch {
            self.logger.error("\(error)", metadata: ["group": "\(groupId)"])
            return false
        }
    }

    private static func waiterKey(_ groupId: String, _ memberId: String) -> String { "\(groupId)\u{0}\(memberId)" }
}
