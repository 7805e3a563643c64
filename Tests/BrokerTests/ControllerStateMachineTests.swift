import KafkaProtocol
import KafkaZkModel
import XCTest

@testable import Broker

/// The controller's partition and replica state machines driven directly: no sockets, no
/// metadata server. Each test names the part of Kafka 3.x's ZooKeeper-mode controller
/// (`core/src/main/scala/kafka/controller/`) whose behaviour it checks.
final class ControllerStateMachineTests: XCTestCase {
    private let pagos = "pagos"

    private func broker(_ id: Int32) -> ControllerContext.LiveBroker {
        .init(id: id, host: "127.0.0.1", port: 9090 + id, epoch: Int64(id) * 100)
    }

    /// Brokers 1–3 live; `pagos` with 3 partitions × 3 replicas laid out as Kafka's rack-unaware
    /// assignment does (p0 [1,2,3], p1 [2,3,1], p2 [3,1,2]); every partition led by its first
    /// replica with the full ISR, as the state machines left it.
    private func cluster(
        liveBrokers: [Int32] = [1, 2, 3], partitions: Int32 = 3, replicationFactor: Int16 = 3,
        configs: [String: String] = [:]
    ) -> ControllerContext {
        var context = ControllerContext()
        context.epoch = 1
        for id in liveBrokers { context.liveBrokers[id] = self.broker(id) }
        let assignment = PartitionLeaderElection.assignReplicas(
            partitions: partitions, replicationFactor: replicationFactor, brokers: [1, 2, 3])
        context.topics[self.pagos] = TopicZNode(topicId: KafkaUUID.random().base64URLString, assignment: assignment)
        context.topicConfigs[self.pagos] = configs
        for (partition, replicas) in assignment {
            let tp = TopicPartition(self.pagos, partition)
            context.leadership[tp] = PartitionLeadership(
                znode: PartitionStateZNode(leader: replicas[0], leaderEpoch: 0, controllerEpoch: 1, isr: replicas),
                version: 0)
            context.partitionStates[tp] = .online
            for replica in replicas { context.replicaStates[PartitionAndReplica(tp, replica)] = .online }
        }
        return context
    }

    private func tp(_ partition: Int32) -> TopicPartition { TopicPartition(self.pagos, partition) }

    private func state(_ context: ControllerContext, _ partition: Int32) -> PartitionStateZNode? {
        context.leadership[self.tp(partition)]?.znode
    }

    // MARK: - Transition tables

    /// `PartitionStateMachine`'s and `ReplicaStateMachine`'s valid previous states.
    func testValidPreviousStatesAreKafkas() {
        XCTAssertEqual(PartitionState.new.validPreviousStates, [.nonExistent])
        XCTAssertEqual(PartitionState.online.validPreviousStates, [.new, .online, .offline])
        XCTAssertEqual(PartitionState.offline.validPreviousStates, [.new, .online, .offline])
        XCTAssertEqual(PartitionState.nonExistent.validPreviousStates, [.offline])
        XCTAssertEqual(ReplicaState.new.validPreviousStates, [.nonExistent])
        XCTAssertEqual(ReplicaState.online.validPreviousStates, [.new, .online, .offline, .deletionIneligible])
        XCTAssertEqual(ReplicaState.offline.validPreviousStates, [.new, .online, .offline, .deletionIneligible])
        XCTAssertEqual(ReplicaState.deletionStarted.validPreviousStates, [.offline])
        XCTAssertEqual(ReplicaState.deletionSuccessful.validPreviousStates, [.deletionStarted])
        XCTAssertEqual(ReplicaState.deletionIneligible.validPreviousStates, [.offline, .deletionStarted])
        XCTAssertEqual(ReplicaState.nonExistent.validPreviousStates, [.deletionSuccessful])
    }

    /// An invalid transition is skipped and noted (`logInvalidTransition`), never applied.
    func testInvalidTransitionsAreSkippedAndNoted() {
        var context = self.cluster()
        var effects = ControllerEffects()
        let results = context.handlePartitionStateChanges([self.tp(0)], to: .new, effects: &effects)
        XCTAssertEqual(results[self.tp(0)], .failure(.invalidTransition(from: .online)))
        XCTAssertEqual(context.partitionStates[self.tp(0)], .online)
        context.handleReplicaStateChanges([PartitionAndReplica(self.tp(0), 1)], to: .deletionStarted, effects: &effects)
        XCTAssertEqual(context.replicaStates[PartitionAndReplica(self.tp(0), 1)], .online)
        XCTAssertEqual(effects.notes.count, 2)
        XCTAssertTrue(effects.writes.isEmpty)
        XCTAssertTrue(effects.stopReplica.isEmpty)
    }

    // MARK: - Topic creation

    /// `onNewPartitionCreation`: New → Online takes the live replicas as ISR and the first as
    /// leader, creating the state znode; replicas go New → Online.
    func testNewPartitionsGetTheLiveReplicasAsIsr() {
        var context = self.cluster(liveBrokers: [1, 3])
        let topic = "nuevo"
        context.topics[topic] = TopicZNode(topicId: KafkaUUID.random().base64URLString, assignment: [0: [2, 3, 1]])
        XCTAssertEqual(context.partitionsWithoutState, [TopicPartition(topic, 0)])
        let effects = context.onNewPartitions(context.partitionsWithoutState)
        let tp = TopicPartition(topic, 0)
        XCTAssertEqual(
            effects.writes,
            [
                .init(
                    partition: tp,
                    znode: PartitionStateZNode(leader: 3, leaderEpoch: 0, controllerEpoch: 1, isr: [3, 1]),
                    expectedVersion: nil)
            ])
        XCTAssertEqual(context.partitionStates[tp], .online)
        XCTAssertEqual(context.replicaStates[PartitionAndReplica(tp, 3)], .online)
        XCTAssertEqual(effects.leaderAndIsr[3], [tp])
        XCTAssertEqual(effects.leaderAndIsr[1], [tp])
        XCTAssertNil(effects.leaderAndIsr[2], "broker 2 is down")
        XCTAssertTrue(effects.updateMetadata.contains(tp))
    }

    /// With no live replica a new partition stays NewPartition; a later broker startup brings it
    /// online (`triggerOnlinePartitionStateChange`).
    func testANewPartitionWithNoLiveReplicaWaitsForOne() {
        var context = self.cluster(liveBrokers: [1])
        let tp = TopicPartition("nuevo", 0)
        context.topics["nuevo"] = TopicZNode(topicId: KafkaUUID.random().base64URLString, assignment: [0: [2, 3]])
        let effects = context.onNewPartitions([tp])
        XCTAssertTrue(effects.writes.isEmpty)
        XCTAssertEqual(context.partitionStates[tp], .new)
        let startup = context.onBrokerStartup([self.broker(3)])
        XCTAssertEqual(startup.writes.map(\.partition), [tp])
        XCTAssertEqual(context.leadership[tp]?.znode.leader, 3)
        XCTAssertEqual(context.leadership[tp]?.znode.isr, [3])
        XCTAssertEqual(context.partitionStates[tp], .online)
    }

    // MARK: - Broker failure

    /// `onBrokerFailure`: the partition the dead broker led elects the first live ISR member;
    /// the partitions it followed drop it from the ISR (OfflineReplica), at once.
    func testABrokerFailureMovesLeadershipAndEmptiesItFromEveryIsr() {
        var context = self.cluster()
        let effects = context.onBrokerFailure([1])
        XCTAssertEqual(
            self.state(context, 0), PartitionStateZNode(leader: 2, leaderEpoch: 1, controllerEpoch: 1, isr: [2, 3]))
        XCTAssertEqual(
            self.state(context, 1), PartitionStateZNode(leader: 2, leaderEpoch: 1, controllerEpoch: 1, isr: [2, 3]))
        XCTAssertEqual(
            self.state(context, 2), PartitionStateZNode(leader: 3, leaderEpoch: 1, controllerEpoch: 1, isr: [3, 2]))
        XCTAssertEqual(effects.writes.count, 3, "one write per partition")
        for partition: Int32 in 0...2 {
            XCTAssertEqual(context.replicaStates[PartitionAndReplica(self.tp(partition), 1)], .offline)
            XCTAssertEqual(context.partitionStates[self.tp(partition)], .online)
        }
        XCTAssertEqual(effects.leaderAndIsr[2], [self.tp(0), self.tp(1), self.tp(2)])
        XCTAssertNil(effects.leaderAndIsr[1])
        XCTAssertFalse(context.liveOrShuttingDownBrokerIds.contains(1))
        XCTAssertEqual(effects.liveBrokerListFirst, [2, 3], "leaders learn broker 1 is gone before its ISR removal")
        XCTAssertTrue(effects.notes.contains(.leftIsr(PartitionAndReplica(self.tp(1), 1), isr: [2, 3])))
    }

    /// The last member of an ISR stays in it (`removeReplicasFromIsr`: an ISR of one is kept), so
    /// it can lead again when it returns; meanwhile the partition has no leader (-1).
    func testTheLastIsrMemberStaysInTheIsrAndThePartitionGoesOffline() {
        var context = self.cluster(partitions: 1, replicationFactor: 1)
        XCTAssertEqual(context.assignment(self.tp(0)), [1])
        let effects = context.onBrokerFailure([1])
        XCTAssertEqual(self.state(context, 0)?.leader, -1)
        XCTAssertEqual(self.state(context, 0)?.isr, [1])
        XCTAssertEqual(context.partitionStates[self.tp(0)], .offline)
        XCTAssertTrue(effects.notes.contains(.noLeader(self.tp(0), isr: [1])))
        // It comes back: the offline partition elects it again.
        _ = context.onBrokerStartup([self.broker(1)])
        XCTAssertEqual(self.state(context, 0)?.leader, 1)
        XCTAssertEqual(context.partitionStates[self.tp(0)], .online)
    }

    /// `offlinePartitionLeaderElection` with `unclean.leader.election.enable=true`: no ISR member
    /// is alive, so an out-of-sync live replica leads alone.
    func testUncleanElectionWhenTheTopicAllowsIt() {
        var context = self.cluster(partitions: 1, configs: ["unclean.leader.election.enable": "true"])
        context.leadership[self.tp(0)]?.znode.isr = [1]
        let effects = context.onBrokerFailure([1])
        XCTAssertEqual(self.state(context, 0)?.leader, 2)
        XCTAssertEqual(self.state(context, 0)?.isr, [2])
        XCTAssertTrue(effects.notes.contains { if case .elected(_, _, _, _, .unclean) = $0 { true } else { false } })

        var strict = self.cluster(partitions: 1)
        strict.leadership[self.tp(0)]?.znode.isr = [1]
        _ = strict.onBrokerFailure([1])
        XCTAssertEqual(self.state(strict, 0)?.leader, -1, "without unclean election the partition stays offline")
    }

    // MARK: - Controller failover

    /// `onControllerFailover` → `ReplicaStateMachine.startup`: "Triggering offline replica state
    /// changes". A controller that finds a broker missing takes it out of every ISR at once —
    /// the partition it led is set leaderless and then elected (two writes, as Kafka makes them).
    func testFailoverTakesReplicasOfMissingBrokersOutOfEveryIsr() {
        var context = self.cluster(liveBrokers: [2, 3])
        context.epoch = 2
        let effects = context.onControllerFailover()
        for partition: Int32 in 0...2 {
            let state = self.state(context, partition)
            XCTAssertFalse(state?.isr.contains(1) ?? true, "p\(partition) ISR \(String(describing: state?.isr))")
            XCTAssertNotEqual(state?.leader, 1)
            XCTAssertGreaterThanOrEqual(state?.leader ?? -1, 2)
            XCTAssertEqual(context.partitionStates[self.tp(partition)], .online)
            XCTAssertEqual(context.replicaStates[PartitionAndReplica(self.tp(partition), 1)], .offline)
        }
        XCTAssertEqual(
            self.state(context, 0), PartitionStateZNode(leader: 2, leaderEpoch: 2, controllerEpoch: 2, isr: [2, 3]))
        XCTAssertEqual(effects.writes.filter { $0.partition == self.tp(0) }.map(\.znode.leader), [-1, 2])
        XCTAssertEqual(effects.writes.filter { $0.partition == self.tp(0) }.map(\.expectedVersion), [0, 1])
        XCTAssertEqual(self.state(context, 1)?.leaderEpoch, 1)
        XCTAssertEqual(effects.fullUpdateMetadata, [2, 3])
        XCTAssertEqual(effects.leaderAndIsr[2], [self.tp(0), self.tp(1), self.tp(2)])
    }

    /// With every broker alive a failover writes nothing: it only tells every broker the state.
    func testFailoverWithEveryBrokerAliveWritesNothing() {
        var context = self.cluster()
        let effects = context.onControllerFailover()
        XCTAssertTrue(effects.writes.isEmpty)
        XCTAssertEqual(effects.fullUpdateMetadata, [1, 2, 3])
        XCTAssertEqual(effects.leaderAndIsr[1], [self.tp(0), self.tp(1), self.tp(2)])
        XCTAssertTrue(effects.notes.isEmpty)
    }

    // MARK: - Broker startup

    /// `onBrokerStartup`: the returning broker's replicas go OfflineReplica → OnlineReplica and it
    /// is sent its partitions' state; it rejoins the ISRs later, through its leaders.
    func testABrokerStartupSendsItItsPartitions() {
        var context = self.cluster()
        _ = context.onBrokerFailure([3])
        let effects = context.onBrokerStartup([self.broker(3)])
        XCTAssertEqual(effects.fullUpdateMetadata, [1, 2, 3])
        XCTAssertEqual(effects.leaderAndIsr[3], [self.tp(0), self.tp(1), self.tp(2)])
        XCTAssertTrue(effects.writes.isEmpty, "ISR growth is the leaders' job")
        XCTAssertEqual(context.replicaStates[PartitionAndReplica(self.tp(0), 3)], .online)
    }

    // MARK: - Topic deletion

    /// Deletion: replicas OfflineReplica → ReplicaDeletionStarted (StopReplica with delete) →
    /// ReplicaDeletionSuccessful → NonExistentReplica; partitions Offline → NonExistent.
    func testTopicDeletionStopsAndDeletesEveryReplica() {
        var context = self.cluster(liveBrokers: [1, 2])
        let (effects, partitions) = context.onTopicDeletion(self.pagos)
        XCTAssertEqual(partitions, [self.tp(0), self.tp(1), self.tp(2)])
        XCTAssertTrue(effects.writes.isEmpty)
        XCTAssertEqual(effects.stopReplica[1], [self.tp(0): true, self.tp(1): true, self.tp(2): true])
        XCTAssertEqual(effects.stopReplica[2], [self.tp(0): true, self.tp(1): true, self.tp(2): true])
        XCTAssertNil(effects.stopReplica[3])
        XCTAssertTrue(context.partitionStates.isEmpty)
        XCTAssertTrue(context.replicaStates.isEmpty)
        context.forget(topic: self.pagos)
        XCTAssertTrue(context.allPartitions.isEmpty)
        XCTAssertTrue(context.leadership.isEmpty)
    }

    // MARK: - Controlled shutdown

    /// `doControlledShutdown`: partitions the broker leads move to another in-sync replica
    /// (`ControlledShutdownPartitionLeaderElectionStrategy`); the ones it follows get
    /// StopReplica and drop it from the ISR; what it alone can lead is returned.
    func testControlledShutdownMovesLeadershipAndLeavesTheIsrs() {
        var context = self.cluster()
        context.leadership[self.tp(2)]?.znode.isr = [3]  // only broker 3 is in sync for p2
        let (effects, remaining) = context.onControlledShutdown(1)
        XCTAssertEqual(
            self.state(context, 0), PartitionStateZNode(leader: 2, leaderEpoch: 1, controllerEpoch: 1, isr: [2, 3]))
        XCTAssertEqual(self.state(context, 1)?.isr, [2, 3])
        XCTAssertEqual(self.state(context, 1)?.leader, 2)
        XCTAssertEqual(self.state(context, 2)?.isr, [3], "p2: broker 1 was not in its ISR")
        XCTAssertEqual(effects.stopReplica[1], [self.tp(1): false, self.tp(2): false])
        XCTAssertTrue(remaining.isEmpty)
        XCTAssertEqual(context.shuttingDownBrokers, [1])
        // A shutting-down broker is never elected.
        _ = context.onBrokerFailure([2])
        XCTAssertEqual(self.state(context, 0)?.leader, 3)
        XCTAssertEqual(self.state(context, 1)?.leader, 3)
    }

    /// A broker that is the only in-sync replica keeps leading and is told so.
    func testControlledShutdownOfTheOnlyInSyncReplicaReportsIt() {
        var context = self.cluster(partitions: 1)
        context.leadership[self.tp(0)]?.znode.isr = [1]
        let (effects, remaining) = context.onControlledShutdown(1)
        XCTAssertEqual(remaining, [self.tp(0)])
        XCTAssertTrue(effects.writes.isEmpty)
        XCTAssertEqual(self.state(context, 0)?.leader, 1)
    }

    // MARK: - Elections

    /// ElectLeaders PREFERRED: not needed where the first replica leads, done where it is alive
    /// and in sync, not possible where it is out of the ISR.
    func testPreferredLeaderElection() {
        var context = self.cluster()
        _ = context.onBrokerFailure([1])
        _ = context.onBrokerStartup([self.broker(1)])
        // Broker 1 caught up on p0 only (its leader added it back to the ISR).
        context.leadership[self.tp(0)]?.znode.isr = [2, 3, 1]
        let (effects, results) = context.electPreferredLeaders([
            self.tp(0), self.tp(1), self.tp(2), TopicPartition("otro", 0),
        ])
        XCTAssertEqual(results[self.tp(0)], .elected)
        XCTAssertEqual(results[self.tp(1)], .notNeeded)
        XCTAssertEqual(results[self.tp(2)], .notNeeded)
        XCTAssertEqual(results[TopicPartition("otro", 0)], .unknownPartition)
        XCTAssertEqual(self.state(context, 0)?.leader, 1)
        XCTAssertEqual(self.state(context, 0)?.isr, [2, 3, 1], "a preferred election keeps the ISR")
        XCTAssertEqual(effects.writes.count, 1)

        var outOfSync = self.cluster(partitions: 1)
        outOfSync.leadership[self.tp(0)]?.znode = PartitionStateZNode(
            leader: 2, leaderEpoch: 3, controllerEpoch: 1, isr: [2, 3])
        XCTAssertEqual(outOfSync.electPreferredLeaders(nil).1[self.tp(0)], .notPossible)
    }

    /// ElectLeaders UNCLEAN: a leaderless partition takes a live out-of-sync replica.
    func testUncleanElectionOnRequest() {
        var context = self.cluster(partitions: 1)
        context.leadership[self.tp(0)]?.znode.isr = [1]
        _ = context.onBrokerFailure([1])
        XCTAssertEqual(self.state(context, 0)?.leader, -1)
        let (_, results) = context.electUncleanLeaders([self.tp(0)])
        XCTAssertEqual(results[self.tp(0)], .elected)
        XCTAssertEqual(self.state(context, 0)?.leader, 2)
        XCTAssertEqual(self.state(context, 0)?.isr, [2])
        XCTAssertEqual(context.electUncleanLeaders([self.tp(0)]).1[self.tp(0)], .notNeeded)
    }

    /// `checkAndTriggerAutoLeaderRebalance`: a broker whose preferred partitions are led elsewhere
    /// above `leader.imbalance.per.broker.percentage` gets them back once it is in sync.
    func testAutoRebalanceFollowsTheImbalanceRatio() {
        var context = self.cluster()
        _ = context.onBrokerFailure([1])
        _ = context.onBrokerStartup([self.broker(1)])
        XCTAssertEqual(self.state(context, 0)?.leader, 2)
        // Broker 1 is back in p0's ISR: 1 of its 1 preferred partitions (100%) is led elsewhere.
        context.leadership[self.tp(0)]?.znode.isr = [2, 3, 1]
        let effects = context.autoRebalance(imbalancePercentage: 10)
        XCTAssertEqual(self.state(context, 0)?.leader, 1)
        XCTAssertEqual(effects.writes.map(\.partition), [self.tp(0)])
        // Balanced: nothing to do.
        XCTAssertTrue(context.autoRebalance(imbalancePercentage: 10).isEmpty)
        // Above 100% is never reached: nothing moves.
        var other = self.cluster()
        _ = other.onBrokerFailure([1])
        _ = other.onBrokerStartup([self.broker(1)])
        other.leadership[self.tp(0)]?.znode.isr = [2, 3, 1]
        XCTAssertTrue(other.autoRebalance(imbalancePercentage: 100).writes.isEmpty)
    }

    /// A state znode stamped by a newer controller is not overwritten (`electLeaderForPartitions`
    /// aborts: "controller epoch ... is newer").
    func testANewerControllersStateIsNotOverwritten() {
        var context = self.cluster(partitions: 1)
        context.leadership[self.tp(0)]?.znode.controllerEpoch = 5
        var effects = ControllerEffects()
        context.partitionStates[self.tp(0)] = .offline
        let results = context.handlePartitionStateChanges([self.tp(0)], to: .online, effects: &effects)
        XCTAssertEqual(results[self.tp(0)], .failure(.newerControllerEpoch))
        XCTAssertTrue(effects.writes.isEmpty)
    }
}
