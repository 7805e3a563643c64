import KafkaProtocol
import Logging
import NIOCore
import XCTest

@testable import Broker

/// The window while a coordinator reads back a `__consumer_offsets` partition it now leads,
/// as Kafka 3.x's `GroupMetadataManager` (`scheduleLoadGroupAndOffsets`, `isPartitionLoading`)
/// and `GroupCoordinator` (`validateGroupStatus`, `handleHeartbeat`) define
/// it: group requests get COORDINATOR_LOAD_IN_PROGRESS, a heartbeat gets NONE, a group of a
/// partition led elsewhere gets NOT_COORDINATOR. The load is held open by a gate the test releases.
final class GroupCoordinatorLoadingTests: XCTestCase {
    private let partitionCount: Int32 = 50

    /// A coordinator that answers only for partitions it was told it leads, and whose loads wait for `release`.
    private func coordinator() async -> (GroupCoordinator, release: @Sendable () -> Void) {
        var config = GroupConfig()
        config.initialRebalanceDelayMs = 0
        let coordinator = GroupCoordinator(
            config: config, store: nil, logger: Logger(label: "test"), now: 0, coordinatesByLeadership: true)
        let (released, release) = AsyncStream<Void>.makeStream()
        await coordinator.holdLoads { _ in
            for await _ in released { return }
        }
        return (
            coordinator,
            {
                release.yield()
                release.finish()
            }
        )
    }

    private func join(_ coordinator: GroupCoordinator, _ groupId: String) async -> JoinOutcome {
        await coordinator.joinGroup(
            groupId: groupId,
            JoinRequest(
                memberId: "", groupInstanceId: nil, protocolType: "consumer",
                protocols: [.init(name: "range", metadata: ByteBuffer())], sessionTimeoutMs: 10_000,
                rebalanceTimeoutMs: 10_000, clientId: "c", clientHost: "/127.0.0.1", requireKnownMemberId: false,
                reason: nil),
            now: 0)
    }

    /// Waits for the load to finish, failing (not hanging) if it never does.
    private func waitForLoad(of partition: Int32, _ coordinator: GroupCoordinator) async throws {
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await coordinator.waitForLoad(of: partition)
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        XCTAssertTrue(finished, "the load of partition \(partition) never finished")
    }

    func testGroupRequestsGetLoadInProgressUntilThePartitionIsLoaded() async throws {
        let (coordinator, release) = await self.coordinator()
        let partition = OffsetsTopicStore.partition(for: "g", partitions: self.partitionCount)
        await coordinator.becameLeader(of: partition, partitionCount: self.partitionCount)
        let tp = TopicPartition("t", 0)

        let joined = await self.join(coordinator, "g")
        XCTAssertEqual(joined.error, .coordinatorLoadInProgress)
        let synced = await coordinator.syncGroup(
            groupId: "g", memberId: "m", groupInstanceId: nil, generation: 1, protocolType: nil, protocolName: nil,
            assignments: [:], now: 0)
        XCTAssertEqual(synced.error, .coordinatorLoadInProgress)
        let (commitErrors, _) = await coordinator.commitOffsets(
            groupId: "g", memberId: "", groupInstanceId: nil, generation: -1,
            offsets: [(tp, OffsetCommitValue(offset: 3, commitTimestamp: 0))], now: 0)
        XCTAssertEqual(commitErrors, [.coordinatorLoadInProgress])
        let (fetchError, _) = await coordinator.fetchOffsets(groupId: "g", partitions: [tp])
        XCTAssertEqual(fetchError, .coordinatorLoadInProgress)
        let described = await coordinator.describeGroup("g")
        XCTAssertEqual(described.errorCode, ErrorCode.coordinatorLoadInProgress.rawValue)
        let heartbeat = await coordinator.heartbeat(groupId: "g", memberId: "m", groupInstanceId: nil, generation: 1)
        XCTAssertEqual(heartbeat, .none, "Kafka answers a heartbeat blindly while its group loads")
        let elsewhere = try XCTUnwrap(
            (0..<1_000).lazy.map { "other-\($0)" }
                .first { OffsetsTopicStore.partition(for: $0, partitions: self.partitionCount) != partition })
        let notHere = await self.join(coordinator, elsewhere)
        XCTAssertEqual(notHere.error, .notCoordinator, "a group of a partition this broker does not lead")

        release()
        try await self.waitForLoad(of: partition, coordinator)

        let (committed, _) = await coordinator.commitOffsets(
            groupId: "g", memberId: "", groupInstanceId: nil, generation: -1,
            offsets: [(tp, OffsetCommitValue(offset: 3, commitTimestamp: 0))], now: 0)
        XCTAssertEqual(committed, [.none])
        let (fetched, found) = await coordinator.fetchOffsets(groupId: "g", partitions: [tp])
        XCTAssertEqual(fetched, .none)
        XCTAssertEqual(found.first?.1?.offset, 3)
        let rejoined = await self.join(coordinator, "g")
        XCTAssertEqual(rejoined.error, .none)
    }

    /// Kafka's `removeGroupsForPartition` during a load: the load's result is dropped, so the
    /// partition's groups go to the new coordinator (NOT_COORDINATOR here).
    func testALoadResignedBeforeItFinishesIsDropped() async throws {
        let (coordinator, release) = await self.coordinator()
        let partition = OffsetsTopicStore.partition(for: "g", partitions: self.partitionCount)
        await coordinator.becameLeader(of: partition, partitionCount: self.partitionCount)
        let (loading, _) = await coordinator.fetchOffsets(groupId: "g", partitions: nil)
        XCTAssertEqual(loading, .coordinatorLoadInProgress)

        await coordinator.resigned(from: partition)
        release()
        try await self.waitForLoad(of: partition, coordinator)

        let (moved, _) = await coordinator.fetchOffsets(groupId: "g", partitions: nil)
        XCTAssertEqual(moved, .notCoordinator)
    }
}
