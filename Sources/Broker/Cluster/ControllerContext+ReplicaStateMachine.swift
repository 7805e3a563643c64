import KafkaProtocol
import KafkaZkModel

/// A replica's state in the controller, as Kafka's ZooKeeper-mode `ReplicaStateMachine`. The
/// transition a student sees is OnlineReplica → OfflineReplica: the replica leaves the ISR at
/// once (keeping the last member) and, if it led, the partition loses its leader.
enum ReplicaState: String, Sendable, CaseIterable, CustomStringConvertible {
    case new = "NewReplica"
    case online = "OnlineReplica"
    case offline = "OfflineReplica"
    case deletionStarted = "ReplicaDeletionStarted"
    case deletionSuccessful = "ReplicaDeletionSuccessful"
    case deletionIneligible = "ReplicaDeletionIneligible"
    case nonExistent = "NonExistentReplica"

    var validPreviousStates: Set<ReplicaState> {
        switch self {
        case .new: [.nonExistent]
        case .online: [.new, .online, .offline, .deletionIneligible]
        case .offline: [.new, .online, .offline, .deletionIneligible]
        case .deletionStarted: [.offline]
        case .deletionSuccessful: [.deletionStarted]
        case .deletionIneligible: [.offline, .deletionStarted]
        case .nonExistent: [.deletionSuccessful]
        }
    }

    var description: String { self.rawValue }
}

extension ControllerContext {
    /// Moves replicas to `target` (Kafka's `ReplicaStateMachine.handleStateChanges`); replicas
    /// that cannot move there are skipped and noted. `forDeletion`: the replicas' topic is being
    /// deleted, so OfflineReplica does not rewrite partition states about to be removed.
    mutating func handleReplicaStateChanges(
        _ replicas: [PartitionAndReplica], to target: ReplicaState, forDeletion: Bool = false,
        effects: inout ControllerEffects
    ) {
        for replica in replicas {
            let current = self.replicaStates[replica] ?? .nonExistent
            guard target.validPreviousStates.contains(current) else {
                effects.notes.append(.invalidTransition("replica \(replica): \(current) → \(target)"))
                continue
            }
            switch target {
            case .new:
                break
            case .online:
                // A replica coming (back) online learns its partition's current state.
                if current != .new, self.leadership[replica.partition] != nil {
                    effects.sendLeaderAndIsr(replica.partition, to: [replica.replica])
                }
            case .offline:
                effects.sendStopReplica(replica.partition, delete: false, to: replica.replica)
                if !forDeletion { self.removeReplicaFromIsr(replica, effects: &effects) }
            case .deletionStarted:
                effects.sendStopReplica(replica.partition, delete: true, to: replica.replica)
            case .deletionSuccessful, .deletionIneligible:
                break
            case .nonExistent:
                self.replicaStates[replica] = nil
                continue
            }
            self.replicaStates[replica] = target
        }
    }

    /// OfflineReplica's write (`removeReplicasFromIsr`): the replica leaves the ISR unless it is
    /// the last member (kept so it can lead again when it returns), and a leader that went offline
    /// leaves the partition leaderless (-1). The other replicas are told.
    private mutating func removeReplicaFromIsr(_ replica: PartitionAndReplica, effects: inout ControllerEffects) {
        let tp = replica.partition
        guard let current = self.leadership[tp] else {
            effects.updateMetadata.insert(tp)
            return
        }
        guard current.znode.isr.contains(replica.replica) else { return }
        var znode = current.znode
        if znode.leader == replica.replica { znode.leader = -1 }
        if znode.isr.count > 1 { znode.isr.removeAll { $0 == replica.replica } }
        guard znode != current.znode else { return }
        self.write(tp, znode, over: current, effects: &effects)
        let written = self.leadership[tp]!.znode
        if !written.isr.contains(replica.replica) { effects.notes.append(.leftIsr(replica, isr: written.isr)) }
        if written.leader < 0 { effects.notes.append(.noLeader(tp, isr: written.isr)) }
        effects.sendLeaderAndIsr(
            tp,
            to: self.assignment(tp).filter {
                $0 != replica.replica && self.isReplicaOnline($0, includeShuttingDown: true)
            })
    }
}
