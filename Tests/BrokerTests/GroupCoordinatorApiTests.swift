import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// The group APIs and idempotent produce through a real socket, at the versions clients use.
final class GroupCoordinatorApiTests: XCTestCase {
    private let overrides = [
        "group.initial.rebalance.delay.ms": "0", "offsets.topic.num.partitions": "3",
        "offsets.topic.replication.factor": "1",
    ]

    private func join(_ group: String, memberId: String = "", on connection: RawKafkaConnection, version: Int16 = 5)
        throws
        -> JoinGroupResponse
    {
        try connection.request(
            JoinGroupRequest(
                groupId: group, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: memberId,
                protocolType: "consumer", protocols: [.init(name: "range", metadata: ByteBuffer(string: "sub"))]),
            version: version)
    }

    /// FindCoordinator, JoinGroup (MEMBER_ID_REQUIRED first), SyncGroup, Heartbeat, OffsetCommit,
    /// OffsetFetch (v8 batched), ListGroups, DescribeGroups, LeaveGroup, DeleteGroups.
    /// Offsets are committed only for partitions that exist (Kafka answers UNKNOWN_TOPIC_OR_PARTITION otherwise).
    private func createTopic(_ name: String, partitions: Int32, on connection: RawKafkaConnection) throws {
        let created = try connection.request(
            CreateTopicsRequest(
                topics: [.init(name: name, numPartitions: partitions, replicationFactor: 1)], timeoutMs: 1000),
            version: 5)
        XCTAssertEqual(created.topics.first?.errorCode, 0)
    }

    func testOneMemberGroupLifecycle() async throws {
        let broker = try await self.startInProcessBroker(self.overrides)
        let connection = try RawKafkaConnection(port: broker.port)
        try self.createTopic("orders", partitions: 2, on: connection)
        let find = try connection.request(
            FindCoordinatorRequest(keyType: 0, coordinatorKeys: ["g1", "g2"]), version: 4)
        XCTAssertEqual(find.coordinators.map(\.nodeId), [1, 1])
        XCTAssertEqual(find.coordinators.map(\.port), [Int32(broker.port), Int32(broker.port)])

        let first = try self.join("g1", on: connection)
        XCTAssertEqual(first.errorCode, ErrorCode.memberIdRequired.rawValue)
        let joined = try self.join("g1", memberId: first.memberId, on: connection)
        XCTAssertEqual(joined.errorCode, 0)
        XCTAssertEqual(joined.generationId, 1)
        XCTAssertEqual(joined.leader, first.memberId)
        XCTAssertEqual(joined.protocolName, "range")
        XCTAssertEqual(joined.members.map(\.memberId), [first.memberId])

        let sync = try connection.request(
            SyncGroupRequest(
                groupId: "g1", generationId: 1, memberId: first.memberId,
                assignments: [.init(memberId: first.memberId, assignment: ByteBuffer(string: "all yours"))]),
            version: 3)
        XCTAssertEqual(sync.errorCode, 0)
        XCTAssertEqual(sync.assignment, ByteBuffer(string: "all yours"))
        let beat = try connection.request(
            HeartbeatRequest(groupId: "g1", generationId: 1, memberId: first.memberId), version: 3)
        XCTAssertEqual(beat.errorCode, 0)
        let stale = try connection.request(
            HeartbeatRequest(groupId: "g1", generationId: 0, memberId: first.memberId), version: 3)
        XCTAssertEqual(stale.errorCode, ErrorCode.illegalGeneration.rawValue)

        let commit = try connection.request(
            OffsetCommitRequest(
                groupId: "g1", generationIdOrMemberEpoch: 1, memberId: first.memberId,
                topics: [
                    .init(
                        name: "orders",
                        partitions: [.init(partitionIndex: 0, committedOffset: 42, committedMetadata: "m")])
                ]),
            version: 8)
        XCTAssertEqual(commit.topics.first?.partitions.first?.errorCode, 0)
        let badCommit = try connection.request(
            OffsetCommitRequest(
                groupId: "g1", generationIdOrMemberEpoch: 7, memberId: first.memberId,
                topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, committedOffset: 1)])]),
            version: 7)
        XCTAssertEqual(badCommit.topics.first?.partitions.first?.errorCode, ErrorCode.illegalGeneration.rawValue)

        let fetched = try connection.request(
            OffsetFetchRequest(groups: [
                .init(groupId: "g1", topics: [.init(name: "orders", partitionIndexes: [0, 1])]),
                .init(groupId: "none", topics: nil),
            ]),
            version: 8)
        XCTAssertEqual(fetched.groups.first?.topics.first?.partitions.map(\.committedOffset), [42, -1])
        XCTAssertEqual(fetched.groups.first?.topics.first?.partitions.first?.metadata, "m")
        XCTAssertEqual(fetched.groups.last?.topics.count, 0)

        let listed = try connection.request(ListGroupsRequest(), version: 4)
        XCTAssertEqual(listed.groups.map(\.groupId), ["g1"])
        XCTAssertEqual(listed.groups.first?.groupState, "Stable")
        let described = try connection.request(DescribeGroupsRequest(groups: ["g1"]), version: 5)
        XCTAssertEqual(described.groups.first?.members.first?.memberAssignment, ByteBuffer(string: "all yours"))
        XCTAssertEqual(described.groups.first?.protocolData, "range")

        let refused = try connection.request(DeleteGroupsRequest(groupsNames: ["g1"]), version: 2)
        XCTAssertEqual(refused.results.first?.errorCode, ErrorCode.nonEmptyGroup.rawValue)
        let left = try connection.request(
            LeaveGroupRequest(groupId: "g1", members: [.init(memberId: first.memberId), .init(memberId: "ghost")]),
            version: 4)
        XCTAssertEqual(left.members.map(\.errorCode), [0, ErrorCode.unknownMemberId.rawValue])
        let deleted = try connection.request(DeleteGroupsRequest(groupsNames: ["g1", "unknown"]), version: 2)
        XCTAssertEqual(deleted.results.map(\.errorCode), [0, ErrorCode.groupIdNotFound.rawValue])
        let afterDelete = try connection.request(OffsetFetchRequest(groupId: "g1", topics: nil), version: 7)
        XCTAssertEqual(afterDelete.topics.count, 0)
    }

    /// Simple commits (generation -1, no members) survive a restart: the coordinator reloads
    /// `__consumer_offsets`. OffsetDelete removes one partition's offset.
    func testCommittedOffsetsAndGroupsSurviveARestart() async throws {
        let broker = try await self.startInProcessBroker(self.overrides)
        do {
            let connection = try RawKafkaConnection(port: broker.port)
            try self.createTopic("t", partitions: 2, on: connection)
            let commit = try connection.request(
                OffsetCommitRequest(
                    groupId: "assigners",
                    topics: [
                        .init(
                            name: "t",
                            partitions: [
                                .init(partitionIndex: 0, committedOffset: 5),
                                .init(partitionIndex: 1, committedOffset: 9),
                            ])
                    ]),
                version: 2)
            XCTAssertEqual(commit.topics.first?.partitions.map(\.errorCode), [0, 0])
            let deleted = try connection.request(
                OffsetDeleteRequest(
                    groupId: "assigners", topics: [.init(name: "t", partitions: [.init(partitionIndex: 1)])]),
                version: 0)
            XCTAssertEqual(deleted.topics.first?.partitions.first?.errorCode, 0)
            let joined = try self.join("members", on: connection, version: 3)
            XCTAssertEqual(joined.generationId, 1)
            // Kafka stores a group's metadata when the leader's assignment arrives (and when it empties).
            let sync = try connection.request(
                SyncGroupRequest(
                    groupId: "members", generationId: 1, memberId: joined.memberId,
                    assignments: [.init(memberId: joined.memberId, assignment: ByteBuffer(string: "a"))]),
                version: 2)
            XCTAssertEqual(sync.errorCode, 0)
        }
        broker.task.cancel()
        _ = await broker.task.result

        var overrides = self.overrides
        overrides["log.dirs"] = broker.logDir
        let restarted = try await self.startInProcessBroker(overrides)
        let connection = try RawKafkaConnection(port: restarted.port)
        let fetched = try connection.request(
            OffsetFetchRequest(groupId: "assigners", topics: [.init(name: "t", partitionIndexes: [0, 1])]), version: 5)
        XCTAssertEqual(fetched.topics.first?.partitions.map(\.committedOffset), [5, -1])
        let listed = try connection.request(ListGroupsRequest(), version: 4)
        XCTAssertEqual(Set(listed.groups.map(\.groupId)), ["assigners", "members"])
        XCTAssertEqual(
            listed.groups.first { $0.groupId == "members" }?.groupState, "Stable",
            "reloaded members keep their generation")
    }

    /// librdkafka's retry of a batch whose response was lost: the same sequence is answered with
    /// the first offset, not written again; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER.
    func testIdempotentProduceDeduplicatesRetries() async throws {
        let broker = try await self.startInProcessBroker(self.overrides)
        let connection = try RawKafkaConnection(port: broker.port)
        let producer = try connection.request(InitProducerIdRequest(transactionTimeoutMs: -1), version: 4)
        XCTAssertEqual(producer.errorCode, 0)
        _ = try connection.request(
            CreateTopicsRequest(topics: [.init(name: "idem", numPartitions: 1, replicationFactor: 1)], timeoutMs: 1000),
            version: 5)
        func send(_ sequence: Int32) throws -> ProduceResponse.PartitionProduceResponse {
            var builder = RecordBatchBuilder(
                producerId: producer.producerId, producerEpoch: producer.producerEpoch, baseSequence: sequence)
            builder.append(key: nil, value: ByteBuffer(string: "v\(sequence)"), timestamp: 1)
            let response = try connection.request(
                ProduceRequest(
                    acks: -1, timeoutMs: 1000,
                    topicData: [.init(name: "idem", partitionData: [.init(index: 0, records: builder.build())])]),
                version: 7)
            return try XCTUnwrap(response.responses.first?.partitionResponses.first)
        }
        XCTAssertEqual(try send(0).baseOffset, 0)
        XCTAssertEqual(try send(1).baseOffset, 1)
        let retry = try send(1)
        XCTAssertEqual(retry.errorCode, 0)
        XCTAssertEqual(retry.baseOffset, 1)
        XCTAssertEqual(try send(5).errorCode, ErrorCode.outOfOrderSequenceNumber.rawValue)
        XCTAssertEqual(try send(2).baseOffset, 2)
    }
}
