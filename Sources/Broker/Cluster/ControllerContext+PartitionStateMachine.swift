import KafkaProtocol
import KafkaZkModel

/// A partition's state in the controller, as Kafka's ZooKeeper-mode `PartitionStateMachine`:
///
/// ```
/// NonExistent ──create──▶ New ──first leader──▶ Online ◀──election──┐
///      ▲                   │                     │  ▲                │
///      └──── deleted ──── Offline ◀─ leader gone ┘  └── Offline ─────┘
/// ```
enum PartitionState: String, Sendable, CaseIterable, CustomStringConvertible {
    case nonExistent = "NonExistentPartition"
    case new = "NewPartition"
    case online = "OnlinePartition"
    case offline = "OfflinePartition"

    var validPreviousStates: Set<PartitionState> {
        switch self {
        case .nonExistent: [.offline]
        case .new: [.nonExistent]
        case .online: [.new, .online, .offline]
        case .offline: [.new, .online, .offline]
        }
    }

    var description: String { self.rawValue }
}

/// How a leader is chosen (Kafka's `PartitionLeaderElectionStrategy`).
enum PartitionLeaderElectionStrategy: Sendable, Equatable {
    /// The leader is gone: the first live ISR member; with none, an out-of-sync live replica if
    /// the topic allows unclean election or `forceUnclean` (ElectLeaders type UNCLEAN).
    case offline(forceUnclean: Bool)
    /// Back to the first replica of the assignment, if it is alive and in sync.
    case preferred
    /// The leader is shutting down: another live ISR member that is not shutting down.
    case controlledShutdown
}

/// Why a partition could not move to OnlinePartition.
enum PartitionElectionFailure: Error, Sendable, Equatable {
    case invalidTransition(from: PartitionState?)
    /// No replica of a new partition is alive.
    case noLiveReplicas
    /// No replica may lead under the strategy.
    case noEligibleLeader
    /// The state znode was written by a newer controller.
    case newerControllerEpoch
    case noLeadership
}

extension ControllerContext {
    /// Moves partitions to `target` (Kafka's `PartitionStateMachine.handleStateChanges`).
    /// Partitions whose current state cannot move there are skipped and noted; moving to
    /// OnlinePartition elects leaders and returns, per partition, the new state or why not.
    @discardableResult
    mutating func handlePartitionStateChanges(
        _ partitions: [TopicPartition], to target: PartitionState,
        strategy: PartitionLeaderElectionStrategy = .offline(forceUnclean: false), effects: inout ControllerEffects
    ) -> [TopicPartition: Result<PartitionStateZNode, PartitionElectionFailure>] {
        var results: [TopicPartition: Result<PartitionStateZNode, PartitionElectionFailure>] = [:]
        for tp in partitions {
            let current = self.partitionStates[tp] ?? .nonExistent
            guard target.validPreviousStates.contains(current) else {
                effects.notes.append(.invalidTransition("partition \(tp): \(current) → \(target)"))
                results[tp] = .failure(.invalidTransition(from: current))
                continue
            }
            switch target {
            case .new, .offline:
                self.partitionStates[tp] = target
            case .nonExistent:
                self.partitionStates[tp] = nil
            case .online:
                let result =
                    current == .new
                    ? self.initializeLeaderAndIsr(tp, effects: &effects)
                    : self.electLeader(tp, strategy: strategy, effects: &effects)
                if case .success = result { self.partitionStates[tp] = .online }
                results[tp] = result
            }
        }
        return results
    }

    /// Offline and new partitions (of topics not being deleted) get a leader
    /// (`triggerOnlinePartitionStateChange`).
    @discardableResult
    mutating func triggerOnlinePartitionStateChange(effects: inout ControllerEffects)
        -> [TopicPartition: Result<PartitionStateZNode, PartitionElectionFailure>]
    {
        let candidates = self.allPartitions.filter {
            [.offline, .new].contains(self.partitionStates[$0] ?? .nonExistent)
        }
        return self.handlePartitionStateChanges(candidates, to: .online, effects: &effects)
    }

    /// NewPartition → OnlinePartition: the live replicas form the ISR and the first leads.
    private mutating func initializeLeaderAndIsr(_ tp: TopicPartition, effects: inout ControllerEffects)
        -> Result<PartitionStateZNode, PartitionElectionFailure>
    {
        let assignment = self.assignment(tp)
        let liveReplicas = assignment.filter { self.isReplicaOnline($0) }
        guard let leader = liveReplicas.first else { return .failure(.noLiveReplicas) }
        let znode = PartitionStateZNode(leader: leader, leaderEpoch: 0, controllerEpoch: self.epoch, isr: liveReplicas)
        if let existing = self.leadership[tp] {
            // The znode survived a controller that died half way: write over it, as an election.
            var rewritten = znode
            rewritten.leaderEpoch = existing.znode.leaderEpoch + 1
            effects.writes.append(.init(partition: tp, znode: rewritten, expectedVersion: existing.version))
            self.leadership[tp] = PartitionLeadership(znode: rewritten, version: existing.version + 1)
        } else {
            effects.writes.append(.init(partition: tp, znode: znode, expectedVersion: nil))
            self.leadership[tp] = PartitionLeadership(znode: znode, version: 0)
        }
        let written = self.leadership[tp]!.znode
        effects.notes.append(
            .elected(tp, leader: leader, leaderEpoch: written.leaderEpoch, isr: written.isr, reason: .newPartition))
        effects.sendLeaderAndIsr(tp, to: liveReplicas)
        return .success(written)
    }

    /// OnlinePartition/OfflinePartition → OnlinePartition: a new leader by `strategy`, written
    /// with the leader epoch bumped, and LeaderAndIsr to the live replicas.
    private mutating func electLeader(
        _ tp: TopicPartition, strategy: PartitionLeaderElectionStrategy, effects: inout ControllerEffects
    ) -> Result<PartitionStateZNode, PartitionElectionFailure> {
        guard let current = self.leadership[tp] else { return .failure(.noLeadership) }
        guard current.znode.controllerEpoch <= self.epoch else { return .failure(.newerControllerEpoch) }
        let assignment = self.assignment(tp)
        let isr = current.znode.isr
        var znode = current.znode
        let reason: ControllerEffects.ElectionReason
        switch strategy {
        case .offline(let forceUnclean):
            let live = Set(assignment.filter { self.isReplicaOnline($0) })
            let unclean = forceUnclean || self.isUncleanLeaderElectionEnabled(tp.topic)
            guard
                let outcome = PartitionLeaderElection.offlinePartitionLeader(
                    assignment: assignment, isr: isr, live: live, uncleanAllowed: unclean)
            else {
                effects.notes.append(.noLeader(tp, isr: isr))
                return .failure(.noEligibleLeader)
            }
            znode.leader = outcome.leader
            znode.isr = outcome.isr
            reason = outcome.isUnclean ? .unclean : .leaderOffline
        case .preferred:
            let live = Set(assignment.filter { self.isReplicaOnline($0) })
            guard let leader = PartitionLeaderElection.preferredLeader(assignment: assignment, isr: isr, live: live)
            else {
                return .failure(.noEligibleLeader)
            }
            znode.leader = leader
            reason = .preferred
        case .controlledShutdown:
            let live = Set(assignment.filter { self.isReplicaOnline($0, includeShuttingDown: true) })
            guard
                let outcome = PartitionLeaderElection.controlledShutdownLeader(
                    assignment: assignment, isr: isr, live: live, shuttingDown: self.shuttingDownBrokers)
            else { return .failure(.noEligibleLeader) }
            znode.leader = outcome.leader
            znode.isr = outcome.isr
            reason = .controlledShutdown
        }
        self.write(tp, znode, over: current, effects: &effects)
        let written = self.leadership[tp]!.znode
        effects.notes.append(
            .elected(tp, leader: written.leader, leaderEpoch: written.leaderEpoch, isr: written.isr, reason: reason))
        effects.sendLeaderAndIsr(tp, to: assignment.filter { self.isReplicaOnline($0, includeShuttingDown: true) })
        return .success(written)
    }

    /// A conditional write of a new leader and ISR: the leader epoch goes up by one and this
    /// controller's epoch is stamped, so brokers can tell newer orders from older ones.
    mutating func write(
        _ tp: TopicPartition, _ znode: PartitionStateZNode, over current: PartitionLeadership,
        effects: inout ControllerEffects
    ) {
        var znode = znode
        znode.leaderEpoch = current.znode.leaderEpoch + 1
        znode.controllerEpoch = self.epoch
        effects.writes.append(.init(partition: tp, znode: znode, expectedVersion: current.version))
        self.leadership[tp] = PartitionLeadership(znode: znode, version: current.version + 1)
    }
}
