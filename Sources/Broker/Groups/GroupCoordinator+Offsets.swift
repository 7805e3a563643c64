import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// Committed offsets: OffsetCommit, OffsetFetch and OffsetDelete.
extension GroupCoordinator {
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
}
