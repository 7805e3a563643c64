import CourseLanguage
import KafkaProtocol
import XCTest

@testable import REPL
@testable import SamsaClient

/// The one-line stories of events and the group table, from plain values.
final class GroupRenderingTests: XCTestCase {
    typealias State = ClusterEventWatcher.PartitionState

    func testPartitionStateChangesAreToldInKafkasTerms() {
        let before = State(leader: 1, leaderEpoch: 0, isr: [1, 2, 3])
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: before, to: State(leader: 2, leaderEpoch: 1, isr: [2, 3])),
            "controller: orders-0 leader 1 → 2 (leader epoch 1) · ISR 2,3")
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: before, to: State(leader: 1, leaderEpoch: 0, isr: [1, 3])),
            "orders-0 ISR shrank 1,2,3 → 1,3: 2 fell behind (its leader took it out)")
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: State(leader: 1, leaderEpoch: 0, isr: [1]), to: before),
            "orders-0 ISR grew 1 → 1,2,3: 2,3 caught up")
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: before, to: State(leader: -1, leaderEpoch: 1, isr: [1])),
            "controller: orders-0 leader 1 → none (leader epoch 1) · ISR 1: offline until an in-sync replica can lead")
        // Broker 2 is gone: the controller took it out (OfflineReplica), not its leader's lag check.
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: before, to: State(leader: 1, leaderEpoch: 1, isr: [1, 3]), registered: [1, 3]),
            "orders-0 ISR shrank 1,2,3 → 1,3: 2 is down (the controller took it out)")
        XCTAssertEqual(
            ClusterEventWatcher.describeChange(
                "orders-0", from: State(leader: 1, leaderEpoch: 0, isr: [1]),
                to: State(leader: 2, leaderEpoch: 1, isr: [2])),
            "controller: orders-0 leader 1 → 2 (leader epoch 1) · ISR 2: UNCLEAN election, 2 was not in the ISR; records it never copied are lost"
        )
        XCTAssertNil(
            ClusterEventWatcher.describeChange("orders-0", from: nil, to: before), "a new partition is not a change")
        XCTAssertNil(ClusterEventWatcher.describeChange("orders-0", from: before, to: before))
        XCTAssertEqual(
            ClusterEventWatcher.parseState(
                Array(#"{"controller_epoch":1,"leader":2,"leader_epoch":3,"isr":[2,1],"version":1}"#.utf8)),
            State(leader: 2, leaderEpoch: 3, isr: [2, 1]))
        XCTAssertNil(ClusterEventWatcher.parseState(Array("not json".utf8)))
    }

    func testInternalTopicBurstsAreCountedInOneLine() {
        XCTAssertEqual(
            LiveEvent.internalTopicChanged(topic: "__consumer_offsets", leaderChanges: 17, shrinks: 33, grows: 0).text(
                .en),
            "__consumer_offsets (internal): 17 partitions changed leader, 33 ISRs shrank; "
                + "`topic describe __consumer_offsets` lists its partitions")
        XCTAssertEqual(
            LiveEvent.internalTopicChanged(topic: "__consumer_offsets", leaderChanges: 0, shrinks: 0, grows: 1).text(
                .es),
            "__consumer_offsets (interno): 1 ISR ha crecido; `topic describe __consumer_offsets` muestra sus particiones"
        )
    }

    func testARebalanceIsOneLineWithTheGenerationAndEveryOwner() {
        XCTAssertEqual(
            BackgroundConsumers.assignmentLine(
                group: "billing", generation: 3,
                members: [("c2", [TopicPartition("orders", 1), TopicPartition("orders", 0)]), ("c3", [])]),
            "billing · generation 3 · c2: orders-0, orders-1 · c3: nothing")
    }

    func testGroupDescribeShowsMembersCommittedOffsetsAndLag() {
        let description = GroupDescription(
            groupId: "billing", state: "Stable", protocolType: "consumer", protocolName: "range",
            members: [
                .init(
                    memberId: "c2-1", groupInstanceId: nil, clientId: "c2", clientHost: "/127.0.0.1",
                    assignment: [TopicPartition("orders", 1)]),
                .init(
                    memberId: "x-9", groupInstanceId: nil, clientId: "other", clientHost: "/127.0.0.1",
                    assignment: [TopicPartition("orders", 0)]),
            ])
        let group = Session.DescribedGroup(
            description: description,
            partitions: [(TopicPartition("orders", 0), 3, 5), (TopicPartition("orders", 1), nil, 2)])
        XCTAssertEqual(
            Session.groupLines(group, names: ["x-9": "c1"], width: 100, style: .plain),
            [
                "group billing · Stable · assignor range · 2 members",
                " member  member id  host        partitions",
                " c1      x-9        /127.0.0.1  orders-0",
                " c2      c2-1       /127.0.0.1  orders-1",
                "",
                " partition  current offset  log end offset  lag  owner",
                " orders-0                3               5    2  c1",
                " orders-1                -               2    -  c2",
                " lag = log end offset − current offset, as kafka-consumer-groups shows them:",
                " log end offset = high watermark (what consumers can read), current offset = committed offset",
            ])
        let gone = Session.DescribedGroup(
            description: GroupDescription(
                groupId: "nope", state: "Dead", protocolType: "", protocolName: "", members: []),
            partitions: [])
        XCTAssertEqual(
            Session.groupLines(gone, names: [:], width: 80, style: .plain),
            ["Group nope does not exist (no members, no committed offsets); `group list` shows the groups."])
        XCTAssertEqual(
            Session.groupLines(group, names: ["x-9": "c1"], width: 120, style: .plain, language: .es),
            [
                "grupo billing · Stable · asignador range · 2 miembros",
                " miembro  member id  host        particiones",
                " c1       x-9        /127.0.0.1  orders-0",
                " c2       c2-1       /127.0.0.1  orders-1",
                "",
                " partición  current offset  log end offset  lag  dueño",
                " orders-0                3               5    2  c1",
                " orders-1                -               2    -  c2",
                " lag = log end offset − current offset, como los muestra kafka-consumer-groups:",
                " log end offset = high watermark (lo que pueden leer los consumidores), current offset = offset confirmado",
            ])
    }
}
