import KafkaProtocol
import LogStorage
import Synchronization

/// This broker's replica of one partition in a cluster: whether it leads, the ISR, the epochs the
/// controller gave it, and, as leader, how far each follower has fetched. The high watermark is
/// the smallest log end offset in the ISR: what every in-sync replica has.
final class PartitionReplica: Sendable {
    struct FollowerState: Sendable, Equatable {
        var logEndOffset: Int64 = -1
        var lastCaughtUpMs: Int64
        var lastFetchLeaderLogEndOffset: Int64 = -1
        var lastFetchMs: Int64 = 0
    }

    struct State: Sendable {
        var leader: Int32
        var leaderEpoch: Int32
        var isr: [Int32]
        var replicas: [Int32]
        /// The partition state znode's version; ISR writes are conditional on it.
        var zkVersion: Int32
        var controllerEpoch: Int32
        var followers: [Int32: FollowerState] = [:]
        /// An ISR change is being written to the metadata server.
        var isIsrUpdateInFlight = false
    }

    let topicPartition: TopicPartition
    let topicId: KafkaUUID
    let log: PartitionLog
    let brokerId: Int32
    let state: Mutex<State>

    init(topicPartition: TopicPartition, topicId: KafkaUUID, log: PartitionLog, brokerId: Int32, state: State) {
        self.topicPartition = topicPartition
        self.topicId = topicId
        self.log = log
        self.brokerId = brokerId
        self.state = Mutex(state)
    }

    var snapshot: State { self.state.withLock { $0 } }
    var isLeader: Bool { self.state.withLock { $0.leader == self.brokerId } }

    /// Recomputes the high watermark as leader: min log end offset over the ISR (this replica's
    /// own included). Returns true if it moved.
    @discardableResult
    func maybeAdvanceHighWatermark() -> Bool {
        let endOffsets: [Int64] = self.state.withLock { state in
            guard state.leader == self.brokerId else { return [] }
            return state.isr.map { id in
                id == self.brokerId ? self.log.logEndOffset : (state.followers[id]?.logEndOffset ?? -1)
            }
        }
        guard let newHighWatermark = endOffsets.min(), newHighWatermark > self.log.highWatermark else { return false }
        self.log.updateHighWatermark(newHighWatermark)
        return true
    }

    /// A follower fetched from `offset`: by Kafka's rule it is caught up as of now if it asked for
    /// the leader's log end offset, or as of its previous fetch if it asked for at least what the
    /// leader had then.
    func recordFollowerFetch(replicaId: Int32, offset: Int64, now: Int64) {
        let leaderEnd = self.log.logEndOffset
        self.state.withLock { state in
            var follower = state.followers[replicaId] ?? FollowerState(lastCaughtUpMs: 0)
            if offset >= leaderEnd {
                follower.lastCaughtUpMs = now
            } else if offset >= follower.lastFetchLeaderLogEndOffset, follower.lastFetchLeaderLogEndOffset >= 0 {
                follower.lastCaughtUpMs = max(follower.lastCaughtUpMs, follower.lastFetchMs)
            }
            follower.logEndOffset = offset
            follower.lastFetchLeaderLogEndOffset = leaderEnd
            follower.lastFetchMs = now
            state.followers[replicaId] = follower
        }
    }

    /// Followers outside the ISR that have caught up to the high watermark (ISR expansion).
    func followersToAdd() -> [Int32] {
        let highWatermark = self.log.highWatermark
        return self.state.withLock { state in
            guard state.leader == self.brokerId, !state.isIsrUpdateInFlight else { return [] }
            return state.replicas.filter { id in
                id != self.brokerId && !state.isr.contains(id)
                    && (state.followers[id]?.logEndOffset ?? -1) >= highWatermark
            }
        }
    }

    /// ISR followers that are out of sync (ISR shrink), by Kafka 3.x's rule
    /// (`Partition.getOutOfSyncReplicas`): every ISR member but the leader that is not caught up.
    func laggingFollowers(now: Int64, maxLagMs: Int64) -> [Int32] {
        let leaderEndOffset = self.log.logEndOffset
        return self.state.withLock { state in
            guard state.leader == self.brokerId, !state.isIsrUpdateInFlight else { return [] }
            return state.isr.filter { id in
                guard id != self.brokerId else { return false }
                // A replica the leader knows nothing about is out of sync (Kafka: `fold(true)`).
                guard let follower = state.followers[id] else { return true }
                return !Self.isCaughtUp(follower, leaderEndOffset: leaderEndOffset, now: now, maxLagMs: maxLagMs)
            }
        }
    }

    /// Kafka 3.x `Replica.isCaughtUp`: a follower is caught up if its log end offset (as of its
    /// last fetch) equals the leader's, or it was caught up less than `replica.lag.time.max.ms`
    /// ago. So a follower whose fetches stop stays in the ISR while the leader's log has not moved
    /// ahead of it, and leaves `maxLagMs` after it last had everything.
    static func isCaughtUp(_ follower: FollowerState, leaderEndOffset: Int64, now: Int64, maxLagMs: Int64) -> Bool {
        follower.logEndOffset == leaderEndOffset || now - follower.lastCaughtUpMs <= maxLagMs
    }
}
