import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import Broker

/// The coordinator actor without a disk (`store: nil`): offsets, retention, deletion.
final class GroupCoordinatorTests: XCTestCase {
    private func coordinator(retentionMs: Int64 = 60_000) -> GroupCoordinator {
        var config = GroupConfig()
        config.initialRebalanceDelayMs = 0
        config.offsetsRetentionMs = retentionMs
        return GroupCoordinator(config: config, store: nil, logger: Logger(label: "test"), now: 0)
    }

    func testOffsetsOfAnEmptyGroupExpireAfterRetention() async {
        let coordinator = self.coordinator()
        let tp = TopicPartition("t", 0)
        let (errors, _) = await coordinator.commitOffsets(
            groupId: "simple", memberId: "", groupInstanceId: nil, generation: -1,
            offsets: [(tp, OffsetCommitValue(offset: 3, commitTimestamp: 1_000))], now: 1_000)
        XCTAssertEqual(errors, [.none])
        await coordinator.expireOffsets(now: 60_999)
        let (_, kept) = await coordinator.fetchOffsets(groupId: "simple", partitions: [tp])
        XCTAssertEqual(kept.first?.1?.offset, 3)
        await coordinator.expireOffsets(now: 61_000)
        let (_, expired) = await coordinator.fetchOffsets(groupId: "simple", partitions: [tp])
        XCTAssertNil(expired.first?.1, "offsets.retention.minutes passed since the commit")
        let snapshot = await coordinator.snapshot(of: "simple")
        XCTAssertNil(snapshot, "an empty group without offsets goes away")
    }

    func testJoinSyncAndCommitThroughTheActor() async {
        let coordinator = self.coordinator()
        let join = JoinRequest(
            memberId: "", groupInstanceId: nil, protocolType: "consumer",
            protocols: [.init(name: "range", metadata: ByteBuffer())], sessionTimeoutMs: 10_000,
            rebalanceTimeoutMs: 10_000, clientId: "c", clientHost: "/127.0.0.1", requireKnownMemberId: false,
            reason: nil)
        let joined = await coordinator.joinGroup(groupId: "g", join, now: 0)
        XCTAssertEqual(joined.error, .none)
        XCTAssertEqual(joined.generation, 1)
        let synced = await coordinator.syncGroup(
            groupId: "g", memberId: joined.memberId, groupInstanceId: nil, generation: 1, protocolType: nil,
            protocolName: nil, assignments: [joined.memberId: ByteBuffer(string: "x")], now: 1)
        XCTAssertEqual(synced.assignment, ByteBuffer(string: "x"))
        let (errors, _) = await coordinator.commitOffsets(
            groupId: "g", memberId: joined.memberId, groupInstanceId: nil, generation: 1,
            offsets: [(TopicPartition("t", 0), OffsetCommitValue(offset: 1, commitTimestamp: 1))], now: 2)
        XCTAssertEqual(errors, [.none])
        let tooShort = await coordinator.joinGroup(
            groupId: "g2",
            JoinRequest(
                memberId: "", groupInstanceId: nil, protocolType: "consumer", protocols: join.protocols,
                sessionTimeoutMs: 10, rebalanceTimeoutMs: 10, clientId: "c", clientHost: "",
                requireKnownMemberId: false,
                reason: nil), now: 0)
        XCTAssertEqual(tooShort.error, .invalidSessionTimeout)
        let deleteError = await coordinator.deleteGroup("g", now: 3)
        XCTAssertEqual(deleteError, .nonEmptyGroup)
    }

    /// server.properties with group.max.session.timeout.ms below group.min.session.timeout.ms:
    /// every join is refused with INVALID_SESSION_TIMEOUT, and the broker keeps running.
    func testInvertedSessionTimeoutBoundsRefuseJoinsWithoutTrapping() async {
        var config = GroupConfig()
        config.minSessionTimeoutMs = 6_000
        config.maxSessionTimeoutMs = 5_000
        let coordinator = GroupCoordinator(config: config, store: nil, logger: Logger(label: "test"), now: 0)
        let joined = await coordinator.joinGroup(
            groupId: "g",
            JoinRequest(
                memberId: "", groupInstanceId: nil, protocolType: "consumer",
                protocols: [.init(name: "range", metadata: ByteBuffer())],
                sessionTimeoutMs: 5_500, rebalanceTimeoutMs: 5_500, clientId: "c", clientHost: "",
                requireKnownMemberId: false,
                reason: nil),
            now: 0)
        XCTAssertEqual(joined.error, .invalidSessionTimeout)
    }
}
