import KafkaProtocol
import NIOCore
import XCTest

@testable import SamsaClient

final class AssignorTests: XCTestCase {
    private func tp(_ topic: String, _ partition: Int32) -> TopicPartition { TopicPartition(topic, partition) }

    func testRangeGivesContiguousRangesWithExtrasFirst() {
        let members = [
            GroupSubscription(memberId: "c1", topics: ["t0", "t1"]),
            GroupSubscription(memberId: "c0", topics: ["t0", "t1"]),
        ]
        let result = RangeAssignor().assign(partitionCounts: ["t0": 3, "t1": 3], subscriptions: members)
        // Kafka's javadoc example: C0 [t0p0, t0p1, t1p0, t1p1], C1 [t0p2, t1p2].
        XCTAssertEqual(result["c0"], [tp("t0", 0), tp("t0", 1), tp("t1", 0), tp("t1", 1)])
        XCTAssertEqual(result["c1"], [tp("t0", 2), tp("t1", 2)])
    }

    func testRangeSkipsMembersNotSubscribed() {
        let members = [
            GroupSubscription(memberId: "a", topics: ["t0"]),
            GroupSubscription(memberId: "b", topics: ["t0", "t1"]),
        ]
        let result = RangeAssignor().assign(partitionCounts: ["t0": 2, "t1": 2], subscriptions: members)
        XCTAssertEqual(result["a"], [tp("t0", 0)])
        XCTAssertEqual(result["b"], [tp("t0", 1), tp("t1", 0), tp("t1", 1)])
    }

    func testRoundRobinDealsPartitionsInTurn() {
        let members = [
            GroupSubscription(memberId: "c0", topics: ["t0", "t1"]),
            GroupSubscription(memberId: "c1", topics: ["t0", "t1"]),
        ]
        let result = RoundRobinAssignor().assign(partitionCounts: ["t0": 3, "t1": 3], subscriptions: members)
        // Kafka's javadoc example: C0 [t0p0, t0p2, t1p1], C1 [t0p1, t1p0, t1p2].
        XCTAssertEqual(result["c0"], [tp("t0", 0), tp("t0", 2), tp("t1", 1)])
        XCTAssertEqual(result["c1"], [tp("t0", 1), tp("t1", 0), tp("t1", 2)])
    }

    func testRoundRobinWithDifferentSubscriptions() {
        // Kafka's javadoc: C0 [t0], C1 [t0, t1], C2 [t0, t1, t2]; t0 1 partition, t1 2, t2 3.
        let members = [
            GroupSubscription(memberId: "c0", topics: ["t0"]),
            GroupSubscription(memberId: "c1", topics: ["t0", "t1"]),
            GroupSubscription(memberId: "c2", topics: ["t0", "t1", "t2"]),
        ]
        let result = RoundRobinAssignor().assign(partitionCounts: ["t0": 1, "t1": 2, "t2": 3], subscriptions: members)
        XCTAssertEqual(result["c0"], [tp("t0", 0)])
        XCTAssertEqual(result["c1"], [tp("t1", 0)])
        XCTAssertEqual(result["c2"], [tp("t1", 1), tp("t2", 0), tp("t2", 1), tp("t2", 2)])
    }

    func testCooperativeStickyBalancesAFreshGroup() {
        let members = (0..<3).map { GroupSubscription(memberId: "m\($0)", topics: ["t"]) }
        let result = CooperativeStickyAssignor().assign(partitionCounts: ["t": 7], subscriptions: members)
        XCTAssertEqual(result.values.map(\.count).sorted(), [2, 2, 3])
        XCTAssertEqual(Set(result.values.flatMap { $0 }).count, 7)
    }

    func testCooperativeStickyKeepsOwnedPartitionsAndDefersMoves() {
        // m0 owned all 6; m1 joins. The balanced target moves 3, but this round m1 gets none of them: m0 must
        // revoke first (KIP-429), and the next round hands them over.
        let all = (0..<6).map { self.tp("t", Int32($0)) }
        let members = [
            GroupSubscription(memberId: "m0", topics: ["t"], ownedPartitions: all, generationId: 1),
            GroupSubscription(memberId: "m1", topics: ["t"]),
        ]
        let assignor = CooperativeStickyAssignor()
        let first = assignor.assign(partitionCounts: ["t": 6], subscriptions: members)
        XCTAssertEqual(first["m0"]?.count, 3)
        XCTAssertEqual(first["m1"], [])
        XCTAssertTrue(Set(first["m0"] ?? []).isSubset(of: Set(all)))

        // Second round: m0 owns its 3, m1 owns none; the free 3 go to m1 now.
        let second = assignor.assign(
            partitionCounts: ["t": 6],
            subscriptions: [
                GroupSubscription(memberId: "m0", topics: ["t"], ownedPartitions: first["m0"] ?? [], generationId: 2),
                GroupSubscription(memberId: "m1", topics: ["t"], generationId: 2),
            ])
        XCTAssertEqual(second["m0"], first["m0"])
        XCTAssertEqual(second["m1"]?.count, 3)
        XCTAssertTrue(Set(second["m1"] ?? []).isDisjoint(with: Set(second["m0"] ?? [])))
    }

    func testCooperativeStickyAfterAMemberLeaves() {
        let members = [
            GroupSubscription(
                memberId: "a", topics: ["t"], ownedPartitions: [tp("t", 0), tp("t", 1)], generationId: 3),
            GroupSubscription(
                memberId: "b", topics: ["t"], ownedPartitions: [tp("t", 2), tp("t", 3)], generationId: 3),
        ]
        // c (owning 4, 5) left: its partitions are free and go out at once; a and b keep theirs.
        let result = CooperativeStickyAssignor().assign(partitionCounts: ["t": 6], subscriptions: members)
        XCTAssertEqual(result["a"]?.count, 3)
        XCTAssertEqual(result["b"]?.count, 3)
        XCTAssertTrue(Set([tp("t", 0), tp("t", 1)]).isSubset(of: Set(result["a"] ?? [])))
        XCTAssertTrue(Set([tp("t", 2), tp("t", 3)]).isSubset(of: Set(result["b"] ?? [])))
    }

    func testCooperativeStickyResolvesDoubleClaimsByGeneration() {
        let members = [
            GroupSubscription(memberId: "old", topics: ["t"], ownedPartitions: [tp("t", 0)], generationId: 1),
            GroupSubscription(memberId: "new", topics: ["t"], ownedPartitions: [tp("t", 0)], generationId: 2),
        ]
        let sticky = CooperativeStickyAssignor.stickyAssignment(partitionCounts: ["t": 2], subscriptions: members)
        XCTAssertEqual(sticky["new"], [tp("t", 0)])
        XCTAssertEqual(sticky["old"], [tp("t", 1)])
    }

    /// Golden bytes: version 1 subscription of ["orders"] owning orders-0, as Kafka's ConsumerProtocol writes it.
    func testSubscriptionBytesMatchConsumerProtocol() throws {
        let subscription = GroupSubscription(memberId: "m", topics: ["orders"], ownedPartitions: [tp("orders", 0)])
        let bytes = Array(subscription.encoded(version: 1).readableBytesView)
        let expected: [UInt8] =
            [0, 1]  // version
            + [0, 0, 0, 1, 0, 6] + Array("orders".utf8)  // topics
            + [0xFF, 0xFF, 0xFF, 0xFF]  // user data: null
            + [0, 0, 0, 1, 0, 6] + Array("orders".utf8) + [0, 0, 0, 1, 0, 0, 0, 0]  // owned partitions
        XCTAssertEqual(bytes, expected)
        let decoded = try GroupSubscription(memberId: "m", groupInstanceId: nil, metadata: ByteBuffer(bytes: bytes))
        XCTAssertEqual(decoded.topics, ["orders"])
        XCTAssertEqual(decoded.ownedPartitions, [tp("orders", 0)])
    }

    func testSubscriptionFromANewerVersionReadsTheKnownPrefix() throws {
        var bytes = GroupSubscription(memberId: "m", topics: ["a"], generationId: 4).encoded(version: 3)
        bytes.setInteger(Int16(9), at: bytes.readerIndex)
        bytes.writeBytes([1, 2, 3])  // fields from a future version
        let decoded = try GroupSubscription(memberId: "m", groupInstanceId: nil, metadata: bytes)
        XCTAssertEqual(decoded.topics, ["a"])
        XCTAssertEqual(decoded.generationId, 4)
    }

    func testAssignmentBytesRoundTripAndEmptyMeansNothing() throws {
        let partitions = [tp("a", 1), tp("a", 0), tp("b", 2)]
        let encoded = GroupAssignmentCodec.encode(partitions)
        XCTAssertEqual(
            Array(encoded.readableBytesView),
            [0, 0] + [0, 0, 0, 2] + [0, 1, 0x61, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1]
                + [0, 1, 0x62, 0, 0, 0, 1, 0, 0, 0, 2] + [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(try GroupAssignmentCodec.decode(encoded), partitions.sorted())
        XCTAssertEqual(try GroupAssignmentCodec.decode(ByteBuffer()), [])
        XCTAssertThrowsError(try GroupAssignmentCodec.decode(ByteBuffer(bytes: [0, 0, 0, 0, 0, 9])))
    }
}
