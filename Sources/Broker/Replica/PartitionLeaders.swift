import KafkaProtocol
import LogStorage
import NIOCore

/// The one way this broker writes to a partition it leads, used by Produce and by the group
/// coordinator's `__consumer_offsets`, as Kafka's `ReplicaManager.appendRecords` serves both:
/// find the leader's log, check acks=all against `min.insync.replicas`, append with the leader
/// epoch (the log validates the batches and assigns offsets), move the high watermark and wake
/// the fetches long-polling the partition; `waitForReplication` is the acks=all wait.
///
/// In a cluster the partitions are `ReplicaManager`'s; standalone this broker leads every log of
/// its `LogManager`, with leader epoch 0, and the high watermark follows the log end.
struct PartitionLeaders: Sendable {
    let logManager: LogManager
    let cluster: ClusterSlot
    let appendWaiters: AppendWaiters

    /// A partition this broker leads now.
    struct Leader: Sendable {
        let log: PartitionLog
        /// Cluster mode: its replica (epoch, ISR, followers); nil standalone.
        let replica: PartitionReplica?
        var leaderEpoch: Int32 { self.replica?.snapshot.leaderEpoch ?? 0 }
        var topicPartition: TopicPartition { self.log.topicPartition }
    }

    enum AppendError: Error, Sendable {
        /// acks=all and the ISR is smaller than `min.insync.replicas`: nothing was written.
        case notEnoughReplicas(isr: [Int32], required: Int)
        case storage(LogStorageError)
    }

    /// How an acks=all write ended.
    enum Replication: Sendable, Equatable {
        case replicated
        /// Every in-sync replica has it, but the ISR shrank below `min.insync.replicas` meanwhile
        /// (Kafka's `Partition.checkEnoughReplicasReachOffset`).
        case notEnoughReplicasAfterAppend(isr: [Int32], required: Int)
        case leadershipMoved
        case timedOut
    }

    /// The partition's log if this broker leads it (standalone: if it hosts it).
    func leader(of tp: TopicPartition) -> Leader? {
        guard let cluster = self.cluster.context else {
            return self.logManager.log(for: tp).map { Leader(log: $0, replica: nil) }
        }
        guard let replica = cluster.replicaManager.partition(tp), replica.isLeader else { return nil }
        return Leader(log: replica.log, replica: replica)
    }

    /// Appends `records` (one or more record batches) as the leader. `requiredAcks` -1 refuses
    /// first when the ISR is below `min.insync.replicas`.
    func appendAsLeader(_ records: ByteBuffer, to leader: Leader, requiredAcks: Int16, now: Int64) throws(AppendError)
        -> PartitionLog.AppendResult
    {
        if requiredAcks == -1, let replica = leader.replica {
            let isr = replica.snapshot.isr
            let required = leader.log.config.minInSyncReplicas
            if isr.count < required { throw .notEnoughReplicas(isr: isr, required: required) }
        }
        let appended: PartitionLog.AppendResult
        do {
            appended = try leader.log.appendAsLeader(
                records, leaderEpoch: leader.leaderEpoch, now: now, advanceHighWatermark: leader.replica == nil)
        } catch {
            throw .storage(error)
        }
        leader.replica?.maybeAdvanceHighWatermark()
        // Consumers and followers long-poll their fetches: wake them so the records flow now.
        if !appended.isDuplicate { self.appendWaiters.notifyAppend(to: leader.topicPartition) }
        return appended
    }

    /// acks=all: waits until the high watermark passes `lastOffset` (every in-sync replica has
    /// it), leadership moves, or `timeoutMs` runs out. Standalone: replicated at once.
    func waitForReplication(of lastOffset: Int64, at leader: Leader, timeoutMs: Int32) async -> Replication {
        guard let replica = leader.replica, let replicaManager = self.cluster.context?.replicaManager else {
            return .replicated
        }
        switch await replicaManager.waitForHighWatermark(beyond: lastOffset, of: replica, timeoutMs: timeoutMs) {
        case .replicated:
            let isr = replica.snapshot.isr
            let required = replica.log.config.minInSyncReplicas
            return isr.count < required ? .notEnoughReplicasAfterAppend(isr: isr, required: required) : .replicated
        case .leadershipMoved: return .leadershipMoved
        case .timedOut: return .timedOut
        }
    }
}
