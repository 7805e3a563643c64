import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import XCTest

@testable import Broker

/// The ISR shrink rule, without sockets: Kafka 3.x `Partition.getOutOfSyncReplicas` with
/// `Replica.isCaughtUp` (`leaderEndOffset == logEndOffset || now - lastCaughtUpTimeMs <= maxLagMs`).
final class PartitionReplicaIsrTests: XCTestCase {
    private let maxLagMs: Int64 = 10_000

    private func makeReplica(followers: [Int32: PartitionReplica.FollowerState]) throws -> PartitionReplica {
        let path = NSTemporaryDirectory() + "samsa-isr-\(UUID().uuidString)"
        self.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let log = try PartitionLog(
            topicPartition: TopicPartition("t", 0), directory: path + "/t-0", config: LogConfig(), now: 0,
            logger: Logger(label: "test"))
        return PartitionReplica(
            topicPartition: TopicPartition("t", 0), topicId: KafkaUUID.random(), log: log, brokerId: 1,
            state: .init(
                leader: 1, leaderEpoch: 0, isr: [1, 2, 3], replicas: [1, 2, 3], zkVersion: 0, controllerEpoch: 1,
                followers: followers))
    }

    private func append(_ count: Int, to log: PartitionLog) throws {
        var builder = RecordBatchBuilder(producerId: -1, producerEpoch: -1, baseSequence: -1)
        for index in 0..<count { builder.append(key: nil, value: ByteBuffer(string: "v\(index)"), timestamp: 1_000) }
        _ = try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: 0, advanceHighWatermark: false)
    }

    func testIsCaughtUpFollowsReplicaIsCaughtUp() {
        let atEnd = PartitionReplica.FollowerState(logEndOffset: 5, lastCaughtUpMs: 0)
        // At the leader's log end offset: caught up however long ago it last fetched.
        XCTAssertTrue(PartitionReplica.isCaughtUp(atEnd, leaderEndOffset: 5, now: 1_000_000, maxLagMs: self.maxLagMs))
        // Behind: caught up only within replica.lag.time.max.ms of its last caught-up time (inclusive).
        let behind = PartitionReplica.FollowerState(logEndOffset: 3, lastCaughtUpMs: 1_000)
        XCTAssertTrue(PartitionReplica.isCaughtUp(behind, leaderEndOffset: 5, now: 11_000, maxLagMs: self.maxLagMs))
        XCTAssertFalse(PartitionReplica.isCaughtUp(behind, leaderEndOffset: 5, now: 11_001, maxLagMs: self.maxLagMs))
    }

    /// The bug this fixes: a follower whose fetches stopped was dropped after the lag time even
    /// though the leader's log never moved ahead of it.
    func testSilentFollowerAtTheLeadersEndStaysInTheIsr() throws {
        let replica = try self.makeReplica(followers: [
            2: .init(logEndOffset: 0, lastCaughtUpMs: 0), 3: .init(logEndOffset: 0, lastCaughtUpMs: 0),
        ])
        XCTAssertEqual(replica.log.logEndOffset, 0)
        XCTAssertEqual(replica.laggingFollowers(now: 60_000, maxLagMs: self.maxLagMs), [])
    }

    /// `fault cut-replication` then acks=1 writes: followers stay in the ISR for exactly
    /// replica.lag.time.max.ms after they last had the leader's whole log, then leave.
    func testFollowersLeaveOnlyLagTimeAfterTheLeaderMovedAhead() throws {
        let replica = try self.makeReplica(followers: [:])
        try self.append(3, to: replica.log)
        replica.recordFollowerFetch(replicaId: 2, offset: 3, now: 5_000)
        replica.recordFollowerFetch(replicaId: 3, offset: 3, now: 5_000)
        XCTAssertEqual(replica.laggingFollowers(now: 100_000, maxLagMs: self.maxLagMs), [], "nothing new: in sync")
        try self.append(2, to: replica.log)  // the leader moves ahead; no fetch follows
        XCTAssertEqual(replica.laggingFollowers(now: 15_000, maxLagMs: self.maxLagMs), [])
        XCTAssertEqual(replica.laggingFollowers(now: 15_001, maxLagMs: self.maxLagMs), [2, 3])
        // Follower 2 fetches everything: back in sync; follower 3 still out.
        replica.recordFollowerFetch(replicaId: 2, offset: 5, now: 15_002)
        XCTAssertEqual(replica.laggingFollowers(now: 90_000, maxLagMs: self.maxLagMs), [3])
    }

    func testAReplicaTheLeaderHasNoStateForIsOutOfSync() throws {
        let replica = try self.makeReplica(followers: [2: .init(logEndOffset: 0, lastCaughtUpMs: 0)])
        XCTAssertEqual(replica.laggingFollowers(now: 1, maxLagMs: self.maxLagMs), [3])
    }
}
