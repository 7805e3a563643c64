import KafkaProtocol
import KafkaZkModel

/// The controller's reactions to cluster events, in the order Kafka's ZooKeeper-mode
/// `KafkaController` makes them (`onControllerFailover`, `onBrokerFailure`, `onBrokerStartup`,
/// `onNewPartitionCreation`, topic deletion, `doControlledShutdown`, `onReplicaElection`,
/// `checkAndTriggerAutoLeaderRebalance`). Each changes the context through the two state
/// machines and returns what to write and send.
extension ControllerContext {
    /// How an election request ended for one partition (ElectLeaders' per-partition error).
    enum ElectionResult: Error, Sendable, Equatable {
        case elected
        /// The partition already has the leader asked for.
        case notNeeded
        /// No replica may lead: the preferred one is down or out of sync (preferred), or no
        /// replica is alive (unclean).
        case notPossible
        case unknownPartition
    }

    // MARK: - Failover

    /// This broker just became controller and loaded the cluster: every replica on a broker that
    /// is not registered goes offline (so it leaves every ISR now, not when some leader's lag
    /// check notices), then every partition without a live leader gets one.
    mutating func onControllerFailover() -> ControllerEffects {
        var effects = ControllerEffects()
        effects.fullUpdateMetadata = self.liveOrShuttingDownBrokerIds
        // ReplicaStateMachine.startup: "Triggering offline replica state changes".
        var online: [PartitionAndReplica] = []
        var offline: [PartitionAndReplica] = []
        for replica in self.replicas(of: self.allPartitions) {
            if self.isReplicaOnline(replica.replica) {
                self.replicaStates[replica] = .online
                online.append(replica)
            } else {
                self.replicaStates[replica] = .deletionIneligible
                offline.append(replica)
            }
        }
        self.handleReplicaStateChanges(online, to: .online, effects: &effects)
        self.handleReplicaStateChanges(offline, to: .offline, effects: &effects)
        // PartitionStateMachine.startup.
        for tp in self.allPartitions {
            if let leadership = self.leadership[tp] {
                self.partitionStates[tp] = self.isReplicaOnline(leadership.znode.leader) ? .online : .offline
            } else {
                self.partitionStates[tp] = .new
            }
        }
        self.triggerOnlinePartitionStateChange(effects: &effects)
        return effects
    }

    // MARK: - Brokers

    /// Brokers whose registrations disappeared (`onBrokerFailure` → `onReplicasBecomeOffline`):
    /// partitions they led go offline and get a leader from the live ISR, then their replicas go
    /// offline, leaving every ISR they were in.
    mutating func onBrokerFailure(_ dead: Set<Int32>) -> ControllerEffects {
        var effects = ControllerEffects()
        for id in dead { self.liveBrokers[id] = nil }
        self.shuttingDownBrokers.subtract(dead)
        effects.liveBrokerListFirst = self.liveOrShuttingDownBrokerIds
        let offlineReplicas = self.replicas(onBrokers: dead)
        let leaderless = self.partitionsWithOfflineLeader
        self.handlePartitionStateChanges(leaderless, to: .offline, effects: &effects)
        let elections = self.triggerOnlinePartitionStateChange(effects: &effects)
        self.handleReplicaStateChanges(offlineReplicas, to: .offline, effects: &effects)
        // With no leader to move, brokers still learn that these replicas are offline.
        if leaderless.isEmpty && !elections.values.contains(where: { (try? $0.get()) != nil }) {
            effects.updateMetadata.formUnion(Set(offlineReplicas.map(\.partition)))
        }
        return effects
    }

    /// Brokers that registered (`onBrokerStartup`): they get every partition's metadata, then
    /// the state of the partitions they host; partitions that had no live replica get a leader.
    mutating func onBrokerStartup(_ started: [LiveBroker]) -> ControllerEffects {
        var effects = ControllerEffects()
        for broker in started {
            self.liveBrokers[broker.id] = broker
            self.shuttingDownBrokers.remove(broker.id)
        }
        effects.fullUpdateMetadata = self.liveOrShuttingDownBrokerIds
        let ids = Set(started.map(\.id))
        self.handleReplicaStateChanges(self.replicas(onBrokers: ids), to: .online, effects: &effects)
        self.triggerOnlinePartitionStateChange(effects: &effects)
        return effects
    }

    // MARK: - Topics

    /// Partitions of a new topic, or added to one (`onNewPartitionCreation`).
    mutating func onNewPartitions(_ partitions: [TopicPartition]) -> ControllerEffects {
        var effects = ControllerEffects()
        let replicas = self.replicas(of: partitions)
        self.handlePartitionStateChanges(partitions, to: .new, effects: &effects)
        self.handleReplicaStateChanges(replicas, to: .new, effects: &effects)
        self.handlePartitionStateChanges(partitions, to: .online, effects: &effects)
        self.handleReplicaStateChanges(
            replicas.filter { self.partitionStates[$0.partition] == .online }, to: .online, effects: &effects)
        return effects
    }

    /// Partitions that exist in the assignment but have no state yet (new topics, added
    /// partitions, or ones whose creation a previous controller did not finish).
    var partitionsWithoutState: [TopicPartition] {
        self.allPartitions.filter { self.partitionStates[$0] == nil }
    }

    /// Deletes a topic: its replicas stop and delete their logs, its partitions go away, and
    /// every broker learns the partitions are being deleted (leader -2 in UpdateMetadata).
    /// Samsa removes the znodes at once, without waiting for replicas that are down.
    mutating func onTopicDeletion(_ topic: String) -> (effects: ControllerEffects, partitions: [TopicPartition]) {
        var effects = ControllerEffects()
        let partitions = self.partitions(of: topic)
        let replicas = self.replicas(of: partitions)
        self.handleReplicaStateChanges(replicas, to: .offline, forDeletion: true, effects: &effects)
        let reachable = replicas.filter { self.isReplicaOnline($0.replica, includeShuttingDown: true) }
        self.handleReplicaStateChanges(reachable, to: .deletionStarted, effects: &effects)
        self.handleReplicaStateChanges(reachable, to: .deletionSuccessful, effects: &effects)
        self.handleReplicaStateChanges(reachable, to: .nonExistent, effects: &effects)
        for replica in replicas where !reachable.contains(replica) { self.replicaStates[replica] = nil }
        self.handlePartitionStateChanges(partitions, to: .offline, effects: &effects)
        self.handlePartitionStateChanges(partitions, to: .nonExistent, effects: &effects)
        // StopReplica(delete: false) from OfflineReplica is superseded by the deleting one.
        for (broker, stops) in effects.stopReplica {
            effects.stopReplica[broker] = stops.filter { $0.value }
            if effects.stopReplica[broker]?.isEmpty == true { effects.stopReplica[broker] = nil }
        }
        return (effects, partitions)
    }

    /// Forgets a deleted topic once its deletion was sent.
    mutating func forget(topic: String) {
        for tp in self.partitions(of: topic) { self.leadership[tp] = nil }
        self.topics[topic] = nil
        self.topicConfigs[topic] = nil
    }

    // MARK: - Controlled shutdown

    /// A broker asked to shut down cleanly (`doControlledShutdown`): partitions it leads elect
    /// another in-sync leader, its follower replicas stop and leave the ISR. Returns the
    /// replicated partitions it still leads (no other in-sync replica could take over).
    mutating func onControlledShutdown(_ id: Int32) -> (effects: ControllerEffects, remaining: [TopicPartition]) {
        var effects = ControllerEffects()
        guard self.liveBrokers[id] != nil else { return (effects, []) }
        self.shuttingDownBrokers.insert(id)
        let actOn = self.partitions(hostedBy: id).filter { self.assignment($0).count > 1 && self.leadership[$0] != nil }
        let led = actOn.filter { self.leadership[$0]?.znode.leader == id }
        let followed = actOn.filter { self.leadership[$0]?.znode.leader != id }
        self.handlePartitionStateChanges(led, to: .online, strategy: .controlledShutdown, effects: &effects)
        self.handleReplicaStateChanges(followed.map { PartitionAndReplica($0, id) }, to: .offline, effects: &effects)
        let remaining = actOn.filter { self.leadership[$0]?.znode.leader == id }
        return (effects, remaining)
    }

    // MARK: - Elections on request

    /// ElectLeaders type PREFERRED, or the automatic rebalance: partitions not led by their first
    /// replica move back to it if it is alive and in sync.
    mutating func electPreferredLeaders(_ partitions: [TopicPartition]?) -> (
        ControllerEffects, [TopicPartition: ElectionResult]
    ) {
        self.electOnRequest(partitions, strategy: .preferred) { context, tp, leader in
            leader == context.assignment(tp).first
        }
    }

    /// ElectLeaders type UNCLEAN: a partition without a live leader takes a live replica even if
    /// it is out of sync.
    mutating func electUncleanLeaders(_ partitions: [TopicPartition]?) -> (
        ControllerEffects, [TopicPartition: ElectionResult]
    ) {
        self.electOnRequest(partitions, strategy: .offline(forceUnclean: true)) { context, _, leader in
            context.isReplicaOnline(leader)
        }
    }

    private mutating func electOnRequest(
        _ partitions: [TopicPartition]?, strategy: PartitionLeaderElectionStrategy,
        isNotNeeded: (ControllerContext, TopicPartition, Int32) -> Bool
    ) -> (ControllerEffects, [TopicPartition: ElectionResult]) {
        var effects = ControllerEffects()
        var results: [TopicPartition: ElectionResult] = [:]
        var candidates: [TopicPartition] = []
        for tp in partitions ?? self.allPartitions {
            guard let leadership = self.leadership[tp], !self.assignment(tp).isEmpty else {
                results[tp] = .unknownPartition
                continue
            }
            if isNotNeeded(self, tp, leadership.znode.leader) {
                results[tp] = .notNeeded
            } else {
                candidates.append(tp)
            }
        }
        let outcomes = self.handlePartitionStateChanges(candidates, to: .online, strategy: strategy, effects: &effects)
        for tp in candidates {
            if case .success = outcomes[tp] { results[tp] = .elected } else { results[tp] = .notPossible }
        }
        return (effects, results)
    }

    /// `auto.leader.rebalance.enable`: for each broker, if more than
    /// `leader.imbalance.per.broker.percentage` of the partitions it is preferred for are led
    /// elsewhere, move those whose preferred replica is alive and in sync back to it
    /// (`checkAndTriggerAutoLeaderRebalance`).
    mutating func autoRebalance(imbalancePercentage: Int) -> ControllerEffects {
        let byPreferred = Dictionary(grouping: self.allPartitions.filter { self.leadership[$0] != nil }) {
            self.assignment($0).first ?? -1
        }
        var toElect: [TopicPartition] = []
        for (preferred, partitions) in byPreferred where preferred >= 0 {
            let notLed = partitions.filter { self.leadership[$0]?.znode.leader != preferred }
            let ratio = Double(notLed.count) / Double(partitions.count)
            guard ratio > Double(imbalancePercentage) / 100 else { continue }
            toElect += notLed.filter { tp in
                self.isReplicaOnline(preferred) && (self.leadership[tp]?.znode.isr.contains(preferred) ?? false)
            }
        }
        guard !toElect.isEmpty else { return ControllerEffects() }
        return self.electPreferredLeaders(toElect.sorted()).0
    }
}
