import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import Synchronization

/// The follower side of replication: one fetcher per leader broker, fetching every partition this
/// broker follows there with Fetch requests carrying `replica_id` = this broker. Before a
/// partition's first fetch it truncates its log to where the leader's history and its own agree
/// (OffsetForLeaderEpoch), then appends what the leader sends with the leader's offsets.
final class ReplicaFetcher: Sendable {
    private struct Member: Sendable {
        let replica: PartitionReplica
        var needsTruncation: Bool
    }

    let leaderId: Int32
    private let brokerId: Int32
    private let connection: InterBrokerConnection
    private let faults: FaultInjection
    private let logger: Logger
    private let members = Mutex<[TopicPartition: Member]>([:])
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(leaderId: Int32, host: String, port: Int, brokerId: Int32, faults: FaultInjection, logger: Logger) {
        self.leaderId = leaderId
        self.brokerId = brokerId
        self.faults = faults
        self.connection = InterBrokerConnection(host: host, port: port, clientId: "replica-fetcher-\(brokerId)")
        self.logger = logger
    }

    var isEmpty: Bool { self.members.withLock { $0.isEmpty } }

    func add(_ replica: PartitionReplica) {
        self.members.withLock { $0[replica.topicPartition] = Member(replica: replica, needsTruncation: true) }
    }

    func remove(_ tp: TopicPartition) {
        self.members.withLock { $0[tp] = nil }
    }

    func start(manager: ReplicaManager) {
        self.task.withLock { task in
            guard task == nil else { return }
            task = Task { await self.run(manager: manager) }
        }
    }

    func stop() async {
        let task = self.task.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await self.connection.close()
    }

    private func run(manager: ReplicaManager) async {
        while !Task.isCancelled {
            do {
                // `fault cut-replication` on this broker: no fetches (nor truncation requests) leave it.
                if self.faults.isReplicationCut {
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                try await self.truncateNewMembers()
                guard try await self.fetchOnce() else {
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
            } catch is CancellationError {
                return
            } catch {
                self.logger.debug(
                    "replica fetch failed; retrying", metadata: ["leader": "\(self.leaderId)", "error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// KIP-101: ask the leader where our newest epoch ended there and cut our log at that offset.
    private func truncateNewMembers() async throws {
        let pending = self.members.withLock { $0.values.filter(\.needsTruncation).map(\.replica) }
        guard !pending.isEmpty else { return }
        var topics: [String: [OffsetForLeaderEpochRequest.OffsetForLeaderPartition]] = [:]
        var noEpoch: [PartitionReplica] = []
        for replica in pending {
            let epoch = replica.log.latestEpoch
            if epoch < 0 {
                noEpoch.append(replica)
                continue
            }
            topics[replica.topicPartition.topic, default: []].append(
                .init(
                    partition: replica.topicPartition.partition, currentLeaderEpoch: replica.snapshot.leaderEpoch,
                    leaderEpoch: epoch))
        }
        for replica in noEpoch {
            // Nothing written under any epoch: keep only what the old high watermark covered.
            try replica.log.truncate(to: replica.log.highWatermark)
            self.markTruncated(replica.topicPartition)
        }
        guard !topics.isEmpty else { return }
        let request = OffsetForLeaderEpochRequest(
            replicaId: self.brokerId, topics: topics.map { .init(topic: $0.key, partitions: $0.value) })
        let response = try await self.connection.send(request, version: 4)
        for topic in response.topics {
            for result in topic.partitions where result.errorCode == 0 {
                let tp = TopicPartition(topic.topic, result.partition)
                guard let replica = self.members.withLock({ $0[tp]?.replica }) else { continue }
                if result.endOffset >= 0, result.endOffset < replica.log.logEndOffset {
                    self.logger.info(
                        "truncating to the leader's history",
                        metadata: [
                            "partition": "\(tp)", "from": "\(replica.log.logEndOffset)", "to": "\(result.endOffset)",
                        ])
                    try replica.log.truncate(to: result.endOffset)
                }
                self.markTruncated(tp)
            }
        }
    }

    private func markTruncated(_ tp: TopicPartition) {
        self.members.withLock { $0[tp]?.needsTruncation = false }
    }

    /// One Fetch round trip; false when there was nothing to fetch.
    private func fetchOnce() async throws -> Bool {
        let ready = self.members.withLock { $0.values.filter { !$0.needsTruncation }.map(\.replica) }
        guard !ready.isEmpty else { return false }
        var topics: [String: [FetchRequest.FetchPartition]] = [:]
        for replica in ready {
            topics[replica.topicPartition.topic, default: []].append(
                .init(
                    partition: replica.topicPartition.partition, currentLeaderEpoch: replica.snapshot.leaderEpoch,
                    fetchOffset: replica.log.logEndOffset, logStartOffset: replica.log.logStartOffset,
                    partitionMaxBytes: 1 << 20))
        }
        await self.faults.delayReplication()
        let request = FetchRequest(
            replicaId: self.brokerId, maxWaitMs: 500, minBytes: 1, maxBytes: 10 << 20,
            topics: topics.map { .init(topic: $0.key, partitions: $0.value) })
        let response = try await self.connection.send(request, version: 12)
        // Replication was cut while this fetch was in flight: what it brought is not taken.
        if self.faults.isReplicationCut { return true }
        var hadError = false
        for topic in response.responses {
            for data in topic.partitions {
                let tp = TopicPartition(topic.topic, data.partitionIndex)
                guard let replica = self.members.withLock({ $0[tp]?.replica }) else { continue }
                switch ErrorCode(rawValue: data.errorCode) {
                case .none?:
                    if let records = data.records, records.readableBytes > 0 {
                        _ = try replica.log.appendAsFollower(records, now: Clock.millis())
                    }
                    replica.log.updateHighWatermark(min(data.highWatermark, replica.log.logEndOffset))
                case .offsetOutOfRange?:
                    // Our log ends past the leader's, or before its start: follow the leader.
                    let target = data.highWatermark >= 0 ? min(data.highWatermark, replica.log.logEndOffset) : 0
                    self.logger.warning(
                        "fetch offset out of range at the leader; truncating",
                        metadata: ["partition": "\(tp)", "to": "\(target)"])
                    try replica.log.truncate(to: target)
                    hadError = true
                default:
                    hadError = true
                }
            }
        }
        if hadError { try await Task.sleep(for: .milliseconds(100)) }
        return true
    }
}

/// Which fetcher follows which partition; one fetcher per leader broker.
actor ReplicaFetcherManager {
    private let brokerId: Int32
    private let faults: FaultInjection
    private let logger: Logger
    private var fetchers: [Int32: ReplicaFetcher] = [:]
    private var leaderOf: [TopicPartition: Int32] = [:]

    init(brokerId: Int32, faults: FaultInjection, logger: Logger) {
        self.brokerId = brokerId
        self.faults = faults
        self.logger = logger
    }

    func follow(_ replica: PartitionReplica, leader: Int32, host: String, port: Int, manager: ReplicaManager) async {
        await self.remove(replica.topicPartition)
        let fetcher: ReplicaFetcher
        if let existing = self.fetchers[leader] {
            fetcher = existing
        } else {
            fetcher = ReplicaFetcher(
                leaderId: leader, host: host, port: port, brokerId: self.brokerId, faults: self.faults,
                logger: self.logger)
            self.fetchers[leader] = fetcher
        }
        fetcher.add(replica)
        self.leaderOf[replica.topicPartition] = leader
        fetcher.start(manager: manager)
    }

    func remove(_ tp: TopicPartition) async {
        guard let leader = self.leaderOf.removeValue(forKey: tp), let fetcher = self.fetchers[leader] else { return }
        fetcher.remove(tp)
        if fetcher.isEmpty {
            self.fetchers[leader] = nil
            await fetcher.stop()
        }
    }

    func removeAll() async {
        for fetcher in self.fetchers.values { await fetcher.stop() }
        self.fetchers = [:]
        self.leaderOf = [:]
    }
}
