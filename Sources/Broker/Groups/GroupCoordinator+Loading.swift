import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// Start-up, leadership of `__consumer_offsets` partitions (loading a partition's groups and
/// offsets, then serving them; forgetting them on resignation) and the timers.
extension GroupCoordinator {
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
    func readiness(groupId: String) -> ErrorCode? {
        if self.state == .loading { return .coordinatorLoadInProgress }
        if groupId.isEmpty { return .invalidGroupId }
        return self.ownership(of: groupId)
    }

    /// Cluster mode: NOT_COORDINATOR for a group whose partition another broker leads (the
    /// client looks the coordinator up again), LOAD_IN_PROGRESS while it is being read back.
    func ownership(of groupId: String) -> ErrorCode? {
        guard let owned = self.ownedPartitions else { return nil }
        let partition = self.partition(for: groupId)
        if owned.contains(partition) { return nil }
        return self.loadingPartitions[partition] != nil ? .coordinatorLoadInProgress : .notCoordinator
    }
}
