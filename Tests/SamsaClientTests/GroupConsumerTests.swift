import Foundation
import KafkaProtocol
import XCTest

@testable import SamsaClient

/// The group consumer against `FakeGroupCoordinator` (the real broker's group APIs are not there yet): joins,
/// the leader's assignment, cooperative and eager rebalances, callbacks, commits and leaving.
final class GroupConsumerTests: XCTestCase {
    private func makeCoordinator(partitions: Int32 = 4) async throws -> FakeGroupCoordinator {
        let coordinator = FakeGroupCoordinator(partitionCount: partitions)
        try await coordinator.start()
        self.addTeardownBlock { await coordinator.stop() }
        return coordinator
    }

    private func makeConsumer(
        _ coordinator: FakeGroupCoordinator, assignors: [AssignorKind], autoCommit: Bool = false
    ) throws -> KafkaConsumer {
        var configuration = ConsumerConfiguration(groupId: "g")
        configuration.assignors = assignors
        configuration.heartbeatInterval = .milliseconds(100)
        configuration.enableAutoCommit = autoCommit
        configuration.autoOffsetReset = .earliest
        let consumer = try KafkaConsumer(bootstrapServers: coordinator.bootstrap, configuration: configuration)
        self.addTeardownBlock { await consumer.close() }
        return consumer
    }

    private func all(_ count: Int32) -> [TopicPartition] { (0..<count).map { TopicPartition("t", $0) } }

    /// Lets every consumer poll in its own loop, as separate applications would (a rebalance needs all of them
    /// to come back), until `done` holds; both loops are bounded.
    private func pollTogether(
        _ consumers: [KafkaConsumer], checks: Int = 200, until done: @escaping @Sendable () async -> Bool
    ) async throws {
        let stop = StopFlag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for consumer in consumers {
                group.addTask {
                    for _ in 0..<600 where !stop.isSet {
                        _ = try await consumer.poll(timeout: .milliseconds(100))
                    }
                }
            }
            group.addTask {
                defer { stop.set() }
                for _ in 0..<checks {
                    if await done() { return }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            try await group.waitForAll()
        }
    }

    func testSingleMemberGetsEveryPartitionCommitsAndLeaves() async throws {
        let coordinator = try await self.makeCoordinator()
        let consumer = try self.makeConsumer(coordinator, assignors: [.range])
        let events = RebalanceRecorder()
        try await consumer.subscribe(["t"], listener: events)
        try await self.pollTogether([consumer]) { await consumer.assignedPartitions.count == 4 }
        let assigned = await consumer.assignedPartitions
        XCTAssertEqual(assigned, self.all(4))
        XCTAssertEqual(events.assigned, [self.all(4)])
        let generation = await consumer.groupGeneration
        XCTAssertTrue(generation.isLeader)
        XCTAssertEqual(generation.protocolName, "range")
        XCTAssertEqual(generation.memberId, "member-1", "KIP-394: the member id comes from MEMBER_ID_REQUIRED")

        try await consumer.commit([TopicPartition("t", 2): 42])
        XCTAssertEqual(coordinator.withLock { coordinator.committedOffsets[TopicPartition("t", 2)] }, 42)
        let committed = try await consumer.committed([TopicPartition("t", 2), TopicPartition("t", 3)])
        XCTAssertEqual(committed[TopicPartition("t", 2)], .some(42))
        XCTAssertEqual(committed[TopicPartition("t", 3)], .some(nil))

        await consumer.close()
        XCTAssertEqual(coordinator.withLock { coordinator.leaveRequests }, ["member-1"])
        XCTAssertEqual(events.revoked.last, self.all(4))
    }

    func testCommittedOffsetBecomesThePosition() async throws {
        let coordinator = try await self.makeCoordinator(partitions: 1)
        let first = try self.makeConsumer(coordinator, assignors: [.range])
        try await first.subscribe(["t"])
        try await self.pollTogether([first]) { await first.assignedPartitions.count == 1 }
        try await first.commit([TopicPartition("t", 0): 17])
        await first.close()

        let second = try self.makeConsumer(coordinator, assignors: [.range])
        try await second.subscribe(["t"])
        try await self.pollTogether([second]) { await second.assignedPartitions.count == 1 }
        let position = try await second.position(TopicPartition("t", 0))
        XCTAssertEqual(position, 17)
    }

    func testCooperativeRebalanceHandsOverOnlyWhatMoves() async throws {
        let coordinator = try await self.makeCoordinator()
        let first = try self.makeConsumer(coordinator, assignors: [.cooperativeSticky])
        let firstEvents = RebalanceRecorder()
        try await first.subscribe(["t"], listener: firstEvents)
        try await self.pollTogether([first]) { await first.assignedPartitions.count == 4 }

        let second = try self.makeConsumer(coordinator, assignors: [.cooperativeSticky])
        let secondEvents = RebalanceRecorder()
        try await second.subscribe(["t"], listener: secondEvents)
        try await self.pollTogether([first, second]) {
            let a = await first.assignedPartitions
            let b = await second.assignedPartitions
            return a.count == 2 && b.count == 2
        }
        let a = await first.assignedPartitions
        let b = await second.assignedPartitions
        XCTAssertEqual(a.count, 2)
        XCTAssertEqual(b.count, 2)
        XCTAssertEqual(Set(a).union(b), Set(self.all(4)))
        // The first member gave up exactly the two partitions that moved, kept the others throughout.
        XCTAssertEqual(firstEvents.revoked.flatMap { $0 }.sorted(), b)
        XCTAssertEqual(firstEvents.lost, [])
        XCTAssertEqual(secondEvents.assigned.flatMap { $0 }.sorted(), b)
    }

    func testEagerRebalanceRevokesEverythingFirst() async throws {
        let coordinator = try await self.makeCoordinator()
        let first = try self.makeConsumer(coordinator, assignors: [.range])
        let firstEvents = RebalanceRecorder()
        try await first.subscribe(["t"], listener: firstEvents)
        try await self.pollTogether([first]) { await first.assignedPartitions.count == 4 }

        let second = try self.makeConsumer(coordinator, assignors: [.range])
        try await second.subscribe(["t"])
        try await self.pollTogether([first, second]) {
            let a = await first.assignedPartitions
            let b = await second.assignedPartitions
            return a.count == 2 && b.count == 2
        }
        let a = await first.assignedPartitions
        let b = await second.assignedPartitions
        XCTAssertEqual(a, [TopicPartition("t", 0), TopicPartition("t", 1)], "range: member-1 sorts first")
        XCTAssertEqual(b, [TopicPartition("t", 2), TopicPartition("t", 3)])
        XCTAssertEqual(firstEvents.revoked.first, self.all(4), "eager: all partitions are revoked before rejoining")
    }

    func testAdminListsAndDescribesTheGroup() async throws {
        let coordinator = try await self.makeCoordinator()
        let consumer = try self.makeConsumer(coordinator, assignors: [.roundRobin])
        try await consumer.subscribe(["t"])
        try await self.pollTogether([consumer]) { await consumer.assignedPartitions.count == 4 }
        let admin = try KafkaAdmin(bootstrapServers: coordinator.bootstrap)
        self.addTeardownBlock { await admin.close() }
        let groups = try await admin.listGroups()
        XCTAssertEqual(groups, [GroupListing(groupId: "g", protocolType: "consumer", state: "Stable")])
        let description = try await admin.describeGroups(["g"])
        XCTAssertEqual(description.first?.protocolName, "roundrobin")
        XCTAssertEqual(description.first?.members.map(\.memberId), ["member-1"])
        XCTAssertEqual(description.first?.members.first?.assignment, self.all(4))
        try await admin.resetGroupOffsets("g", to: [TopicPartition("t", 1): 5])
        let offsets = try await admin.listGroupOffsets("g", partitions: [TopicPartition("t", 1)])
        XCTAssertEqual(offsets[TopicPartition("t", 1)], .some(5))
    }

    func testAutoCommitStoresPositions() async throws {
        let coordinator = try await self.makeCoordinator()
        var configuration = ConsumerConfiguration(groupId: "g")
        configuration.heartbeatInterval = .milliseconds(100)
        configuration.autoCommitInterval = .milliseconds(100)
        configuration.autoOffsetReset = .earliest
        let consumer = try KafkaConsumer(bootstrapServers: coordinator.bootstrap, configuration: configuration)
        self.addTeardownBlock { await consumer.close() }
        try await consumer.subscribe(["t"])
        try await self.pollTogether([consumer]) { coordinator.withLock { coordinator.committedOffsets.count == 4 } }
        XCTAssertEqual(
            coordinator.withLock { coordinator.committedOffsets },
            Dictionary(uniqueKeysWithValues: self.all(4).map { ($0, 0) }))
    }

    func testClosedConnectionFailsFastInsteadOfHanging() async throws {
        let coordinator = try await self.makeCoordinator()
        let configuration = try ClientConfiguration(bootstrapServers: coordinator.bootstrap)
        let connection = try await BrokerConnection.connect(
            to: configuration.bootstrapServers[0], configuration: configuration)
        connection.close()
        for _ in 0..<100 where connection.isActive { try await Task.sleep(for: .milliseconds(10)) }
        do {
            _ = try await connection.send(MetadataRequest(topics: []))
            XCTFail("expected connectionClosed")
        } catch SamsaClientError.connectionClosed {
        }
    }

    func testCommitFindsAMovedCoordinatorAgain() async throws {
        let coordinator = try await self.makeCoordinator(partitions: 1)
        let consumer = try self.makeConsumer(coordinator, assignors: [.range])
        try await consumer.assign([TopicPartition("t", 0)])
        try await consumer.commit([TopicPartition("t", 0): 3])
        let before = coordinator.withLock { coordinator.findCoordinatorRequests }
        coordinator.withLock { coordinator.notCoordinatorCommits = 2 }
        try await consumer.commit([TopicPartition("t", 0): 9])
        XCTAssertEqual(coordinator.withLock { coordinator.committedOffsets[TopicPartition("t", 0)] }, 9)
        XCTAssertEqual(coordinator.withLock { coordinator.findCoordinatorRequests }, before + 2)
    }

    func testLeavingMemberPartitionsGoToTheOther() async throws {
        let coordinator = try await self.makeCoordinator()
        let first = try self.makeConsumer(coordinator, assignors: [.cooperativeSticky])
        let second = try self.makeConsumer(coordinator, assignors: [.cooperativeSticky])
        try await first.subscribe(["t"])
        try await self.pollTogether([first]) { await first.assignedPartitions.count == 4 }
        try await second.subscribe(["t"])
        try await self.pollTogether([first, second]) {
            let b = await second.assignedPartitions
            return b.count == 2
        }
        await second.close()
        try await self.pollTogether([first]) { await first.assignedPartitions.count == 4 }
        let a = await first.assignedPartitions
        XCTAssertEqual(a, self.all(4))
    }
}

/// Tells the polling loops to stop.
final class StopFlag: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { self.lock.withLock { self.value } }
    func set() { self.lock.withLock { self.value = true } }
}

/// Records rebalance callbacks for assertions.
final class RebalanceRecorder: RebalanceListener, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var assignedEvents: [[TopicPartition]] = []
    private var revokedEvents: [[TopicPartition]] = []
    private var lostEvents: [[TopicPartition]] = []

    var assigned: [[TopicPartition]] { self.lock.withLock { self.assignedEvents } }
    var revoked: [[TopicPartition]] { self.lock.withLock { self.revokedEvents } }
    var lost: [[TopicPartition]] { self.lock.withLock { self.lostEvents } }

    func partitionsAssigned(_ partitions: [TopicPartition]) async {
        self.lock.withLock { self.assignedEvents.append(partitions) }
    }
    func partitionsRevoked(_ partitions: [TopicPartition]) async {
        self.lock.withLock { self.revokedEvents.append(partitions) }
    }
    func partitionsLost(_ partitions: [TopicPartition]) async {
        self.lock.withLock { self.lostEvents.append(partitions) }
    }
}
