import Foundation
import KafkaProtocol
import NIOCore
import NIOPosix

@testable import SamsaClient

/// An in-process stand-in for a broker with a classic group coordinator, enough to drive SamsaClient's group
/// consumer through joins, leader assignment, syncs, heartbeats, rebalances, commits and leaves while the real
/// broker's group APIs are being written. One topic, partitions led by this node, no records.
///
/// `@unchecked Sendable`: all mutable state is guarded by `lock`; replies go out through `Channel`, which is
/// thread-safe.
final class FakeGroupCoordinator: @unchecked Sendable {
    struct Member {
        var id: String
        var protocols: [JoinGroupRequest.JoinGroupRequestProtocol]
        var groupInstanceId: String?
    }

    struct Reply {
        var channel: any Channel
        var correlationId: Int32
        var version: Int16
    }

    enum State { case empty, preparingRebalance, completingRebalance, stable }

    let topic: String
    let partitionCount: Int32
    /// How long a rebalance waits for members that have not rejoined before it completes without them.
    let rebalanceDelay: TimeAmount

    private let lock = NSLock()
    private var channel: (any Channel)?
    private var port = 0
    private var state = State.empty
    private var generation: Int32 = 0
    private var members: [String: Member] = [:]
    private var leader: String?
    private var protocolName: String?
    private var joining: [String: (Member, Reply)] = [:]
    private var syncing: [String: Reply] = [:]
    private var assignments: [String: ByteBuffer] = [:]
    private var nextMemberNumber = 1
    private var roundTimer: Scheduled<Void>?
    private(set) var committedOffsets: [TopicPartition: Int64] = [:]
    private(set) var leaveRequests: [String] = []
    private(set) var joinCount = 0
    /// Produce requests to answer with NOT_LEADER_OR_FOLLOWER before accepting any.
    var failingProduces = 0
    /// Headers of every batch received, retries included.
    private(set) var producedBatches: [RecordBatchHeader] = []
    private var nextOffset: Int64 = 0
    private(set) var metadataRequests = 0
    /// OffsetCommits to answer with NOT_COORDINATOR, as a coordinator that moved does.
    var notCoordinatorCommits = 0
    private(set) var findCoordinatorRequests = 0

    init(topic: String = "t", partitionCount: Int32 = 4, rebalanceDelay: TimeAmount = .seconds(2)) {
        self.topic = topic
        self.partitionCount = partitionCount
        self.rebalanceDelay = rebalanceDelay
    }

    var bootstrap: String { "127.0.0.1:\(self.withLock { self.port })" }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        self.lock.lock()
        defer { self.lock.unlock() }
        return try body()
    }

    func start() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ResponseFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(FakeCoordinatorHandler(coordinator: self))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.withLock {
            self.channel = channel
            self.port = channel.localAddress?.port ?? 0
        }
    }

    func stop() async {
        let channel = self.withLock { self.channel }
        try? await channel?.close()
    }

    // MARK: Dispatch

    func handle(frame: ByteBuffer, channel: any Channel) {
        var buffer = frame
        guard let header = try? buffer.readKafkaRequestHeader(),
            let request = try? buffer.readKafkaRequestBody(for: header)
        else {
            channel.close(promise: nil)
            return
        }
        let reply = Reply(channel: channel, correlationId: header.correlationId, version: header.requestApiVersion)
        switch request {
        case is ApiVersionsRequest:
            let ranges: [(ApiKey, ClosedRange<Int16>)] = [
                (.apiVersions, 0...3), (.metadata, 1...12), (.findCoordinator, 0...3), (.joinGroup, 0...7),
                (.syncGroup, 0...5), (.heartbeat, 0...4), (.leaveGroup, 0...4), (.offsetCommit, 2...8),
                (.offsetFetch, 1...7), (.listOffsets, 1...7), (.fetch, 4...12), (.listGroups, 0...4),
                (.describeGroups, 0...5), (.produce, 3...9), (.initProducerId, 0...4),
            ]
            self.send(
                ApiVersionsResponse(
                    errorCode: 0,
                    apiKeys: ranges.map {
                        .init(apiKey: $0.0.rawValue, minVersion: $0.1.lowerBound, maxVersion: $0.1.upperBound)
                    }), to: reply)
        case let request as MetadataRequest:
            self.withLock { self.metadataRequests += 1 }
            self.send(self.metadata(for: request), to: reply)
        case is FindCoordinatorRequest:
            let port = self.withLock {
                self.findCoordinatorRequests += 1
                return self.port
            }
            self.send(FindCoordinatorResponse(errorCode: 0, nodeId: 0, host: "127.0.0.1", port: Int32(port)), to: reply)
        case let request as ListOffsetsRequest:
            self.send(
                ListOffsetsResponse(
                    topics: request.topics.map { topic in
                        .init(
                            name: topic.name,
                            partitions: topic.partitions.map {
                                .init(partitionIndex: $0.partitionIndex, timestamp: -1, offset: 0)
                            })
                    }), to: reply)
        case let request as FetchRequest:
            let response = FetchResponse(
                responses: request.topics.map { topic in
                    .init(
                        topic: topic.topic,
                        partitions: topic.partitions.map {
                            .init(
                                partitionIndex: $0.partition, highWatermark: 0, lastStableOffset: 0, logStartOffset: 0,
                                records: ByteBuffer())
                        })
                })
            let delay = TimeAmount.milliseconds(Int64(min(request.maxWaitMs, 50)))
            channel.eventLoop.scheduleTask(in: delay) { self.send(response, to: reply) }
        case let request as JoinGroupRequest:
            self.join(request, reply: reply)
        case let request as SyncGroupRequest:
            self.sync(request, reply: reply)
        case let request as HeartbeatRequest:
            self.send(HeartbeatResponse(errorCode: self.heartbeatError(request).rawValue), to: reply)
        case let request as LeaveGroupRequest:
            self.leave(request)
            self.send(LeaveGroupResponse(errorCode: 0), to: reply)
        case is InitProducerIdRequest:
            self.send(InitProducerIdResponse(errorCode: 0, producerId: 1000, producerEpoch: 0), to: reply)
        case let request as ProduceRequest:
            self.send(self.produce(request), to: reply)
        case is ListGroupsRequest:
            let state = self.withLock { self.stateName }
            self.send(
                ListGroupsResponse(
                    errorCode: 0, groups: [.init(groupId: "g", protocolType: "consumer", groupState: state)]), to: reply
            )
        case let request as DescribeGroupsRequest:
            let group = self.withLock {
                DescribeGroupsResponse.DescribedGroup(
                    errorCode: 0, groupId: request.groups.first ?? "g", groupState: self.stateName,
                    protocolType: "consumer", protocolData: self.protocolName ?? "",
                    members: self.members.values.sorted { $0.id < $1.id }.map {
                        .init(
                            memberId: $0.id, groupInstanceId: $0.groupInstanceId, clientId: "samsa-consumer",
                            clientHost: "/127.0.0.1", memberMetadata: ByteBuffer(),
                            memberAssignment: self.assignments[$0.id] ?? ByteBuffer())
                    })
            }
            self.send(DescribeGroupsResponse(groups: [group]), to: reply)
        case let request as OffsetCommitRequest:
            self.send(self.commit(request), to: reply)
        case let request as OffsetFetchRequest:
            self.send(self.fetchOffsets(request), to: reply)
        default:
            channel.close(promise: nil)
        }
    }

    /// Kafka's spelling of the state, called with the lock held.
    private var stateName: String {
        switch self.state {
        case .empty: "Empty"
        case .preparingRebalance: "PreparingRebalance"
        case .completingRebalance: "CompletingRebalance"
        case .stable: "Stable"
        }
    }

    func send<Response: KafkaResponse>(_ response: Response, to reply: Reply) {
        var buffer = reply.channel.allocator.buffer(capacity: 128)
        buffer.writeKafkaResponse(response, version: reply.version, correlationId: reply.correlationId)
        reply.channel.writeAndFlush(buffer, promise: nil)
    }

    private func metadata(for request: MetadataRequest) -> MetadataResponse {
        let port = self.withLock { self.port }
        let names = request.topics?.compactMap(\.name) ?? [self.topic]
        return MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: Int32(port))], clusterId: "fake", controllerId: 0,
            topics: names.map { name in
                guard name == self.topic else {
                    return .init(errorCode: ErrorCode.unknownTopicOrPartition.rawValue, name: name)
                }
                return .init(
                    errorCode: 0, name: name,
                    partitions: (0..<self.partitionCount).map {
                        .init(
                            errorCode: 0, partitionIndex: $0, leaderId: 0, leaderEpoch: 0, replicaNodes: [0],
                            isrNodes: [0])
                    })
            })
    }

    // MARK: Group

    private func join(_ request: JoinGroupRequest, reply: Reply) {
        var immediate: JoinGroupResponse?
        self.withLock {
            self.joinCount += 1
            if request.memberId.isEmpty && reply.version >= 4 {
                let id = "member-\(self.nextMemberNumber)"
                self.nextMemberNumber += 1
                immediate = JoinGroupResponse(
                    errorCode: ErrorCode.memberIdRequired.rawValue, generationId: -1, memberId: id)
                return
            }
            var memberId = request.memberId
            if memberId.isEmpty {
                memberId = "member-\(self.nextMemberNumber)"
                self.nextMemberNumber += 1
            }
            let member = Member(id: memberId, protocols: request.protocols, groupInstanceId: request.groupInstanceId)
            self.joining[memberId] = (member, reply)
            if self.state != .preparingRebalance {
                self.state = .preparingRebalance
                // Members waiting in SyncGroup must rejoin.
                for (_, pending) in self.syncing {
                    self.send(SyncGroupResponse(errorCode: ErrorCode.rebalanceInProgress.rawValue), to: pending)
                }
                self.syncing.removeAll()
                self.roundTimer?.cancel()
                self.roundTimer = reply.channel.eventLoop.scheduleTask(in: self.rebalanceDelay) {
                    self.withLock { self.completeRound() }
                }
            }
            if Set(self.members.keys).isSubset(of: Set(self.joining.keys)) && !self.members.isEmpty {
                self.completeRound()
            } else if self.members.isEmpty && self.generation == 0 && self.joining.count == 1 {
                // First member of an empty group: no one else to wait for (Kafka waits group.initial.rebalance.delay.ms).
                self.completeRound()
            }
        }
        if let immediate { self.send(immediate, to: reply) }
    }

    /// Called with the lock held: the members that rejoined form the next generation.
    private func completeRound() {
        guard self.state == .preparingRebalance, !self.joining.isEmpty else { return }
        self.roundTimer?.cancel()
        self.roundTimer = nil
        self.generation += 1
        self.members = self.joining.mapValues(\.0)
        let replies = self.joining.mapValues(\.1)
        self.joining.removeAll()
        if self.leader == nil || self.members[self.leader ?? ""] == nil {
            self.leader = self.members.keys.sorted().first
        }
        let leaderProtocols = self.members[self.leader ?? ""]?.protocols.map(\.name) ?? []
        self.protocolName = leaderProtocols.first { name in
            self.members.values.allSatisfy { $0.protocols.contains { $0.name == name } }
        }
        self.assignments.removeAll()
        self.state = .completingRebalance
        for (memberId, reply) in replies {
            let isLeader = memberId == self.leader
            let members: [JoinGroupResponse.JoinGroupResponseMember] =
                isLeader
                ? self.members.values.sorted { $0.id < $1.id }.map { member in
                    .init(
                        memberId: member.id, groupInstanceId: member.groupInstanceId,
                        metadata: member.protocols.first { $0.name == self.protocolName }?.metadata ?? ByteBuffer())
                } : []
            self.send(
                JoinGroupResponse(
                    errorCode: 0, generationId: self.generation, protocolType: "consumer",
                    protocolName: self.protocolName,
                    leader: self.leader ?? "", memberId: memberId, members: members), to: reply)
        }
    }

    private func sync(_ request: SyncGroupRequest, reply: Reply) {
        self.withLock {
            guard self.members[request.memberId] != nil else {
                self.send(SyncGroupResponse(errorCode: ErrorCode.unknownMemberId.rawValue), to: reply)
                return
            }
            guard request.generationId == self.generation else {
                self.send(SyncGroupResponse(errorCode: ErrorCode.illegalGeneration.rawValue), to: reply)
                return
            }
            guard self.state != .preparingRebalance else {
                self.send(SyncGroupResponse(errorCode: ErrorCode.rebalanceInProgress.rawValue), to: reply)
                return
            }
            if request.memberId == self.leader {
                for assignment in request.assignments { self.assignments[assignment.memberId] = assignment.assignment }
                self.state = .stable
                for (memberId, pending) in self.syncing {
                    self.send(self.syncResponse(for: memberId), to: pending)
                }
                self.syncing.removeAll()
                self.send(self.syncResponse(for: request.memberId), to: reply)
            } else if self.state == .stable {
                self.send(self.syncResponse(for: request.memberId), to: reply)
            } else {
                self.syncing[request.memberId] = reply
            }
        }
    }

    private func syncResponse(for memberId: String) -> SyncGroupResponse {
        SyncGroupResponse(
            errorCode: 0, protocolType: "consumer", protocolName: self.protocolName,
            assignment: self.assignments[memberId] ?? ByteBuffer())
    }

    private func heartbeatError(_ request: HeartbeatRequest) -> ErrorCode {
        self.withLock {
            guard self.members[request.memberId] != nil else { return .unknownMemberId }
            if self.state == .preparingRebalance { return .rebalanceInProgress }
            guard request.generationId == self.generation else { return .illegalGeneration }
            return .none
        }
    }

    private func leave(_ request: LeaveGroupRequest) {
        self.withLock {
            let ids = request.members.isEmpty ? [request.memberId] : request.members.map(\.memberId)
            for id in ids {
                self.leaveRequests.append(id)
                self.members[id] = nil
                self.joining[id] = nil
                if self.leader == id { self.leader = nil }
            }
            if self.members.isEmpty && self.joining.isEmpty {
                self.state = .empty
            } else if self.state != .preparingRebalance {
                self.state = .preparingRebalance
                self.roundTimer?.cancel()
                self.roundTimer = MultiThreadedEventLoopGroup.singleton.next().scheduleTask(in: self.rebalanceDelay) {
                    self.withLock { self.completeRound() }
                }
            }
        }
    }

    private func produce(_ request: ProduceRequest) -> ProduceResponse {
        self.withLock {
            let fail = self.failingProduces > 0
            if fail { self.failingProduces -= 1 }
            return ProduceResponse(
                responses: request.topicData.map { topic in
                    .init(
                        name: topic.name,
                        partitionResponses: topic.partitionData.map { partition in
                            let header = partition.records.flatMap { RecordBatchHeader(buffer: $0, at: $0.readerIndex) }
                            if let header { self.producedBatches.append(header) }
                            if fail {
                                return .init(index: partition.index, errorCode: ErrorCode.notLeaderOrFollower.rawValue)
                            }
                            let base = self.nextOffset
                            self.nextOffset += Int64(header?.recordsCount ?? 0)
                            return .init(index: partition.index, errorCode: 0, baseOffset: base)
                        })
                })
        }
    }

    private func commit(_ request: OffsetCommitRequest) -> OffsetCommitResponse {
        self.withLock {
            let fenced =
                request.generationIdOrMemberEpoch >= 0
                && (request.generationIdOrMemberEpoch != self.generation || self.members[request.memberId] == nil)
            var code: ErrorCode = fenced ? .illegalGeneration : .none
            if self.notCoordinatorCommits > 0 {
                self.notCoordinatorCommits -= 1
                code = .notCoordinator
            }
            if code == .none {
                for topic in request.topics {
                    for partition in topic.partitions {
                        self.committedOffsets[TopicPartition(topic.name, partition.partitionIndex)] =
                            partition.committedOffset
                    }
                }
            }
            return OffsetCommitResponse(
                topics: request.topics.map { topic in
                    .init(
                        name: topic.name,
                        partitions: topic.partitions.map {
                            .init(partitionIndex: $0.partitionIndex, errorCode: code.rawValue)
                        })
                })
        }
    }

    private func fetchOffsets(_ request: OffsetFetchRequest) -> OffsetFetchResponse {
        self.withLock {
            OffsetFetchResponse(
                topics: (request.topics ?? []).map { topic in
                    .init(
                        name: topic.name,
                        partitions: topic.partitionIndexes.map {
                            .init(
                                partitionIndex: $0,
                                committedOffset: self.committedOffsets[TopicPartition(topic.name, $0)] ?? -1,
                                committedLeaderEpoch: -1, metadata: "", errorCode: 0)
                        })
                }, errorCode: 0)
        }
    }
}

/// Hands each request frame to the fake coordinator.
final class FakeCoordinatorHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let coordinator: FakeGroupCoordinator

    init(coordinator: FakeGroupCoordinator) {
        self.coordinator = coordinator
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.coordinator.handle(frame: self.unwrapInboundIn(data), channel: context.channel)
    }
}

@available(*, unavailable)
extension FakeCoordinatorHandler: Sendable {}
