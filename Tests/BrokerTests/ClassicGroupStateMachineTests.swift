import KafkaProtocol
import NIOCore
import XCTest

@testable import Broker

/// The classic group state machine driven directly: no sockets, no clock, no disk.
final class ClassicGroupStateMachineTests: XCTestCase {
    private var config: GroupConfig {
        var config = GroupConfig()
        config.initialRebalanceDelayMs = 0
        return config
    }

    private func request(
        _ memberId: String = "", client: String = "c", instance: String? = nil, protocols: [String] = ["range"],
        requireKnownMemberId: Bool = false, session: Int32 = 10_000, rebalance: Int32 = 30_000
    ) -> JoinRequest {
        JoinRequest(
            memberId: memberId, groupInstanceId: instance, protocolType: "consumer",
            protocols: protocols.map { .init(name: $0, metadata: ByteBuffer(string: "meta-\($0)")) },
            sessionTimeoutMs: session, rebalanceTimeoutMs: rebalance, clientId: client, clientHost: "/127.0.0.1",
            requireKnownMemberId: requireKnownMemberId, reason: nil)
    }

    private func joins(_ effects: [GroupEffect]) -> [String: JoinOutcome] {
        var result: [String: JoinOutcome] = [:]
        for case .completeJoin(let id, let outcome) in effects { result[id] = outcome }
        return result
    }

    private func syncs(_ effects: [GroupEffect]) -> [String: SyncOutcome] {
        var result: [String: SyncOutcome] = [:]
        for case .completeSync(let id, let outcome) in effects { result[id] = outcome }
        return result
    }

    private func parkedId(_ decision: GroupDecision<JoinOutcome>, file: StaticString = #filePath, line: UInt = #line)
        -> String
    {
        guard case .await(let id) = decision else {
            XCTFail("expected the JoinGroup to wait, got \(decision)", file: file, line: line)
            return ""
        }
        return id
    }

    /// Two members: one joins (generation 1), the second joins (rebalance, generation 2), the
    /// leader syncs, both get their assignments.
    private func stableGroupOfTwo(now: Int64 = 0) -> (ClassicGroup, String, String) {
        var group = ClassicGroup(groupId: "g", now: now)
        let (first, effects1) = group.join(self.request(client: "c1"), now: now, config: self.config)
        let a = self.parkedId(first)
        XCTAssertEqual(
            self.joins(effects1)[a]?.generation, 1, "a lone member completes the join at once without a delay")
        XCTAssertEqual(group.state, .completingRebalance)
        let (second, _) = group.join(self.request(client: "c2"), now: now, config: self.config)
        let b = self.parkedId(second)
        XCTAssertEqual(group.state, .preparingRebalance)
        let (again, effects2) = group.join(self.request(a, client: "c1"), now: now, config: self.config)
        XCTAssertEqual(self.parkedId(again), a)
        let outcomes = self.joins(effects2)
        XCTAssertEqual(outcomes[a]?.generation, 2)
        XCTAssertEqual(outcomes[b]?.generation, 2)
        XCTAssertEqual(outcomes[a]?.members.count, 2, "the leader gets every member's metadata")
        XCTAssertEqual(outcomes[b]?.members.count, 0)
        XCTAssertEqual(outcomes[a]?.protocolName, "range")
        XCTAssertEqual(group.state, .completingRebalance)
        let (followerSync, _) = group.sync(
            memberId: b, groupInstanceId: nil, generation: 2, protocolType: "consumer", protocolName: "range",
            assignments: [:], now: now)
        XCTAssertEqual(followerSync, .await(memberId: b))
        let (leaderSync, effects3) = group.sync(
            memberId: a, groupInstanceId: nil, generation: 2, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A"), b: ByteBuffer(string: "B")], now: now)
        XCTAssertEqual(leaderSync, .await(memberId: a))
        XCTAssertEqual(self.syncs(effects3)[a]?.assignment, ByteBuffer(string: "A"))
        XCTAssertEqual(self.syncs(effects3)[b]?.assignment, ByteBuffer(string: "B"))
        XCTAssertTrue(effects3.contains(.storeGroup))
        XCTAssertEqual(group.state, .stable)
        return (group, a, b)
    }

    func testTwoMembersReachStableWithLeaderAssignments() {
        let (group, a, _) = self.stableGroupOfTwo()
        XCTAssertEqual(group.generation, 2)
        XCTAssertEqual(group.leaderId, a)
    }

    func testJoinGroupV4AsksForMemberIdFirst() {
        var group = ClassicGroup(groupId: "g", now: 0)
        let (decision, effects) = group.join(self.request(requireKnownMemberId: true), now: 0, config: self.config)
        guard case .respond(let outcome) = decision else { return XCTFail("expected MEMBER_ID_REQUIRED") }
        XCTAssertEqual(outcome.error, .memberIdRequired)
        XCTAssertTrue(outcome.memberId.hasPrefix("c-"))
        XCTAssertTrue(effects.isEmpty)
        XCTAssertEqual(group.state, .empty)
        let (second, effects2) = group.join(
            self.request(outcome.memberId, requireKnownMemberId: true), now: 1, config: self.config)
        XCTAssertEqual(self.parkedId(second), outcome.memberId)
        XCTAssertEqual(self.joins(effects2)[outcome.memberId]?.generation, 1)
    }

    func testInitialRebalanceDelayWaitsForMoreMembers() {
        var config = self.config
        config.initialRebalanceDelayMs = 3_000
        var group = ClassicGroup(groupId: "g", now: 0)
        let (first, effects) = group.join(self.request(client: "c1"), now: 0, config: config)
        let a = self.parkedId(first)
        XCTAssertTrue(self.joins(effects).isEmpty, "a new group waits group.initial.rebalance.delay.ms")
        XCTAssertTrue(group.tick(now: 2_999, config: config).isEmpty)
        let (second, _) = group.join(self.request(client: "c2"), now: 1_000, config: config)
        let b = self.parkedId(second)
        // A member joined during the delay: it is extended once more (up to the rebalance timeout).
        XCTAssertTrue(self.joins(group.tick(now: 3_000, config: config)).isEmpty)
        let done = self.joins(group.tick(now: 6_000, config: config))
        XCTAssertEqual(Set(done.keys), [a, b])
        XCTAssertEqual(group.generation, 1)
    }

    func testHeartbeatSaysRebalanceInProgressWhileRebalancing() {
        var (group, a, _) = self.stableGroupOfTwo()
        XCTAssertEqual(group.heartbeat(memberId: a, groupInstanceId: nil, generation: 2, now: 1), .none)
        XCTAssertEqual(group.heartbeat(memberId: a, groupInstanceId: nil, generation: 1, now: 1), .illegalGeneration)
        XCTAssertEqual(
            group.heartbeat(memberId: "nobody", groupInstanceId: nil, generation: 2, now: 1), .unknownMemberId)
        _ = group.join(self.request(client: "c3"), now: 2, config: self.config)
        XCTAssertEqual(group.state, .preparingRebalance)
        XCTAssertEqual(group.heartbeat(memberId: a, groupInstanceId: nil, generation: 2, now: 3), .rebalanceInProgress)
    }

    func testLeaveGroupRebalancesTheRest() {
        var (group, a, b) = self.stableGroupOfTwo()
        let (error, effects) = group.leave(
            memberId: b, groupInstanceId: nil, reason: "closing", now: 5, config: self.config)
        XCTAssertEqual(error, .none)
        XCTAssertEqual(group.state, .preparingRebalance)
        XCTAssertTrue(
            effects.contains { if case .log(let line, _) = $0 { line.contains("LeaveGroup") } else { false } })
        let (decision, effects2) = group.join(self.request(a, client: "c1"), now: 6, config: self.config)
        XCTAssertEqual(self.parkedId(decision), a)
        XCTAssertEqual(self.joins(effects2)[a]?.generation, 3)
        XCTAssertEqual(self.joins(effects2)[a]?.members.map(\.memberId), [a])
        XCTAssertEqual(
            group.leave(memberId: "ghost", groupInstanceId: nil, reason: nil, now: 7, config: self.config).0,
            .unknownMemberId)
    }

    func testLastMemberLeavingEmptiesTheGroup() {
        var group = ClassicGroup(groupId: "g", now: 0)
        let a = self.parkedId(group.join(self.request(), now: 0, config: self.config).0)
        _ = group.leave(memberId: a, groupInstanceId: nil, reason: nil, now: 1, config: self.config)
        XCTAssertEqual(group.state, .empty)
        XCTAssertTrue(group.members.isEmpty)
    }

    func testMissedHeartbeatsExpireTheMember() {
        var (group, a, b) = self.stableGroupOfTwo(now: 0)
        XCTAssertEqual(group.heartbeat(memberId: a, groupInstanceId: nil, generation: 2, now: 9_000), .none)
        let effects = group.tick(now: 10_000, config: self.config)
        XCTAssertNil(group.members[b], "b sent nothing for session.timeout.ms")
        XCTAssertNotNil(group.members[a])
        XCTAssertTrue(
            effects.contains {
                if case .log(let line, _) = $0 {
                    line.contains("missed its heartbeats for session.timeout.ms=10000")
                } else {
                    false
                }
            })
        XCTAssertEqual(group.state, .preparingRebalance)
    }

    func testRebalanceTimeoutDropsMembersThatDidNotRejoin() {
        var (group, a, b) = self.stableGroupOfTwo(now: 0)
        _ = group.join(
            self.request(a, client: "c1", protocols: ["roundrobin", "range"]), now: 100, config: self.config)
        XCTAssertEqual(group.state, .preparingRebalance)
        _ = group.heartbeat(memberId: b, groupInstanceId: nil, generation: 2, now: 25_000)
        let effects = group.tick(now: 30_100, config: self.config)
        XCTAssertNil(group.members[b])
        XCTAssertEqual(self.joins(effects)[a]?.generation, 3)
        XCTAssertEqual(group.protocolName, "roundrobin", "a lone member's first preference wins the vote")
    }

    func testSyncGroupChecksGenerationAndMember() {
        var (group, a, _) = self.stableGroupOfTwo()
        XCTAssertEqual(
            group.sync(
                memberId: a, groupInstanceId: nil, generation: 1, protocolType: nil, protocolName: nil,
                assignments: [:], now: 1
            ).0, .respond(.failure(.illegalGeneration)))
        XCTAssertEqual(
            group.sync(
                memberId: "x", groupInstanceId: nil, generation: 2, protocolType: nil, protocolName: nil,
                assignments: [:], now: 1
            ).0, .respond(.failure(.unknownMemberId)))
        guard
            case .respond(let outcome) = group.sync(
                memberId: a, groupInstanceId: nil, generation: 2, protocolType: nil, protocolName: nil,
                assignments: [:], now: 1
            ).0
        else {
            return XCTFail("a stable group answers SyncGroup at once")
        }
        XCTAssertEqual(outcome.assignment, ByteBuffer(string: "A"))
    }

    func testInconsistentProtocolsAreRefused() {
        var (group, _, _) = self.stableGroupOfTwo()
        let (decision, _) = group.join(self.request(client: "c3", protocols: ["sticky"]), now: 1, config: self.config)
        XCTAssertEqual(decision, .respond(.failure(.inconsistentGroupProtocol)))
    }

    func testStaticMemberRejoinKeepsItsAssignmentWithoutRebalance() {
        var group = ClassicGroup(groupId: "g", now: 0)
        let a = self.parkedId(group.join(self.request(client: "c1", instance: "i1"), now: 0, config: self.config).0)
        _ = group.sync(
            memberId: a, groupInstanceId: "i1", generation: 1, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A")], now: 0)
        XCTAssertEqual(group.state, .stable)
        // A second static member makes the first the leader of a 2-member stable group.
        let b = self.parkedId(group.join(self.request(client: "c2", instance: "i2"), now: 1, config: self.config).0)
        _ = group.join(self.request(a, client: "c1", instance: "i1"), now: 1, config: self.config)
        _ = group.sync(
            memberId: b, groupInstanceId: "i2", generation: 2, protocolType: nil, protocolName: nil, assignments: [:],
            now: 1)
        _ = group.sync(
            memberId: a, groupInstanceId: "i1", generation: 2, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A2"), b: ByteBuffer(string: "B2")], now: 1)
        XCTAssertEqual(group.state, .stable)
        // i2 restarts: new member id, same generation, no rebalance; the old id is fenced.
        let (decision, effects) = group.join(self.request(client: "c2", instance: "i2"), now: 2, config: self.config)
        guard case .respond(let outcome) = decision else {
            return XCTFail("expected an immediate answer, got \(decision)")
        }
        XCTAssertNotEqual(outcome.memberId, b)
        XCTAssertEqual(outcome.generation, 2)
        XCTAssertEqual(group.state, .stable)
        XCTAssertTrue(effects.contains(.storeGroup))
        XCTAssertEqual(group.heartbeat(memberId: b, groupInstanceId: "i2", generation: 2, now: 3), .fencedInstanceId)
        guard
            case .respond(let sync) = group.sync(
                memberId: outcome.memberId, groupInstanceId: "i2", generation: 2, protocolType: nil, protocolName: nil,
                assignments: [:], now: 3
            ).0
        else {
            return XCTFail("SyncGroup of the rejoined static member answers at once")
        }
        XCTAssertEqual(sync.assignment, ByteBuffer(string: "B2"))
        // LeaveGroup by instance id alone (v3+).
        XCTAssertEqual(
            group.leave(memberId: "", groupInstanceId: "i2", reason: nil, now: 4, config: self.config).0, .none)
        XCTAssertEqual(group.members.count, 1)
    }

    /// librdkafka's test 0102: the restarted static member is the group's leader. Kafka 3.x
    /// (`GroupCoordinator.updateStaticMemberAndRebalance`) keeps the group Stable, answers with the old
    /// leader id and no member list (so the member does not compute an assignment), and makes the new
    /// member id the leader for the next rebalance.
    func testStaticLeaderRejoinKeepsTheGroupStableAndItsAssignment() {
        var group = ClassicGroup(groupId: "g", now: 0)
        let a = self.parkedId(group.join(self.request(client: "c1", instance: "i1"), now: 0, config: self.config).0)
        _ = group.sync(
            memberId: a, groupInstanceId: "i1", generation: 1, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A")], now: 0)
        let b = self.parkedId(group.join(self.request(client: "c2", instance: "i2"), now: 1, config: self.config).0)
        _ = group.join(self.request(a, client: "c1", instance: "i1"), now: 1, config: self.config)
        _ = group.sync(
            memberId: b, groupInstanceId: "i2", generation: 2, protocolType: nil, protocolName: nil, assignments: [:],
            now: 1)
        _ = group.sync(
            memberId: a, groupInstanceId: "i1", generation: 2, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A2"), b: ByteBuffer(string: "B2")], now: 1)
        XCTAssertEqual(group.state, .stable)
        XCTAssertEqual(group.leaderId, a)

        // i1, the leader, restarts with the same protocols.
        let (decision, effects) = group.join(self.request(client: "c1", instance: "i1"), now: 2, config: self.config)
        guard case .respond(let outcome) = decision else {
            return XCTFail(
                "a static leader rejoining a Stable group is answered at once, without a rebalance; got \(decision)")
        }
        XCTAssertEqual(group.state, .stable)
        XCTAssertEqual(outcome.error, .none)
        XCTAssertEqual(outcome.generation, 2)
        XCTAssertNotEqual(outcome.memberId, a)
        XCTAssertEqual(outcome.leader, a, "the leader id from before the replacement, as Kafka answers")
        XCTAssertEqual(outcome.members, [], "no member list: the restarted leader must not compute an assignment")
        XCTAssertEqual(group.leaderId, outcome.memberId, "the new member id leads the next rebalance")
        XCTAssertTrue(effects.contains(.storeGroup))
        XCTAssertEqual(group.heartbeat(memberId: a, groupInstanceId: "i1", generation: 2, now: 3), .fencedInstanceId)
        XCTAssertEqual(
            group.heartbeat(memberId: b, groupInstanceId: "i2", generation: 2, now: 3), .none,
            "the other member sees no rebalance")
        guard
            case .respond(let sync) = group.sync(
                memberId: outcome.memberId, groupInstanceId: "i1", generation: 2, protocolType: nil, protocolName: nil,
                assignments: [:], now: 3
            ).0
        else {
            return XCTFail("SyncGroup of the rejoined static leader answers at once")
        }
        XCTAssertEqual(sync.assignment, ByteBuffer(string: "A2"))
        XCTAssertEqual(group.state, .stable)
    }

    /// A static member that rejoins with protocols that would change the group's protocol forces a
    /// rebalance (Kafka: "Group's selectedProtocol will change because static member ...").
    func testStaticMemberRejoinThatChangesTheProtocolRebalances() {
        var group = ClassicGroup(groupId: "g", now: 0)
        let a = self.parkedId(
            group.join(
                self.request(client: "c1", instance: "i1", protocols: ["range", "roundrobin"]), now: 0,
                config: self.config
            ).0)
        _ = group.sync(
            memberId: a, groupInstanceId: "i1", generation: 1, protocolType: nil, protocolName: nil,
            assignments: [a: ByteBuffer(string: "A")], now: 0)
        XCTAssertEqual(group.protocolName, "range")
        let (decision, _) = group.join(
            self.request(client: "c1", instance: "i1", protocols: ["roundrobin", "range"]), now: 1, config: self.config)
        guard case .await = decision else { return XCTFail("expected a rebalance, got \(decision)") }
        XCTAssertNotEqual(group.state, .stable)
    }

    func testCommitRules() {
        var empty = ClassicGroup(groupId: "simple", now: 0)
        XCTAssertEqual(
            empty.validateCommit(memberId: "", groupInstanceId: nil, generation: -1, now: 0), .none,
            "assign-only consumers commit with generation -1")
        var (group, a, _) = self.stableGroupOfTwo()
        XCTAssertEqual(group.validateCommit(memberId: a, groupInstanceId: nil, generation: 2, now: 1), .none)
        XCTAssertEqual(
            group.validateCommit(memberId: a, groupInstanceId: nil, generation: 1, now: 1), .illegalGeneration)
        XCTAssertEqual(
            group.validateCommit(memberId: "", groupInstanceId: nil, generation: -1, now: 1), .unknownMemberId)
        _ = group.join(self.request(client: "c3"), now: 2, config: self.config)
        XCTAssertEqual(
            group.validateCommit(memberId: a, groupInstanceId: nil, generation: 2, now: 2), .none,
            "eager consumers commit while rebalancing")
    }

    func testGroupMetadataRoundTripsThroughTheOffsetsTopicFormat() throws {
        let (group, a, b) = self.stableGroupOfTwo(now: 42)
        let record = OffsetsTopicRecord.groupMetadata(GroupMetadataKey(group: "g"), group.metadataValue())
        guard case .groupMetadata(let key, let value)? = try OffsetsTopicRecord(key: record.key, value: record.value)
        else {
            return XCTFail("not read back as group metadata")
        }
        XCTAssertEqual(key.group, "g")
        let loaded = ClassicGroup(groupId: "g", loaded: try XCTUnwrap(value), now: 1_000)
        XCTAssertEqual(loaded.state, .stable)
        XCTAssertEqual(loaded.generation, 2)
        XCTAssertEqual(loaded.memberOrder, [a, b])
        XCTAssertEqual(loaded.members[b]?.assignment, ByteBuffer(string: "B"))
        XCTAssertEqual(loaded.members[a]?.heartbeatDeadline, 11_000, "sessions restart at load")
    }

    func testOffsetCommitRecordBytesAreKafkas() throws {
        let key = OffsetCommitKey(group: "g", topic: "t", partition: 3).encoded()
        XCTAssertEqual(Array(key.readableBytesView), [0, 1, 0, 1, 0x67, 0, 1, 0x74, 0, 0, 0, 3])
        let value = try XCTUnwrap(
            OffsetsTopicRecord.offsetCommit(
                OffsetCommitKey(group: "g", topic: "t", partition: 3),
                OffsetCommitValue(offset: 10, leaderEpoch: -1, metadata: "", commitTimestamp: 7)
            ).value)
        XCTAssertEqual(
            Array(value.readableBytesView),
            [0, 3, 0, 0, 0, 0, 0, 0, 0, 10, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7])
        guard case .offsetCommit(let parsedKey, let parsedValue)? = try OffsetsTopicRecord(key: key, value: nil) else {
            return XCTFail("not read back as an offset commit")
        }
        XCTAssertEqual(parsedKey.partition, 3)
        XCTAssertNil(parsedValue, "a null value is a tombstone")
    }

    /// Kafka's `abs("my-group".hashCode()) % 50`: Java's hashCode is -1906497762 (it overflows), so 12.
    func testCoordinatorPartitionUsesJavaStringHashCode() {
        XCTAssertEqual(OffsetsTopicStore.partition(for: "my-group", partitions: 50), 12)
        XCTAssertEqual(OffsetsTopicStore.partition(for: "", partitions: 50), 0)
    }
}
