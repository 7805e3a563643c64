import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import Synchronization

/// The internal topic `__consumer_offsets` as the coordinator uses it: appended to as the
/// partition's leader and read back when this broker becomes that leader.
///
/// Standalone, the broker creates the topic itself on first use and is the leader of every
/// partition. In a cluster the topic is an ordinary replicated topic (created through the
/// metadata server, see `GroupRequestHandler.findCoordinator`): the leader appends with its
/// leader epoch and a commit counts once the in-sync replicas copied it, so it survives the
/// coordinator's broker.
struct OffsetsTopicStore: Sendable {
    static let topicName = "__consumer_offsets"

    let logManager: LogManager
    let leaders: PartitionLeaders
    let topics: TopicRegistry
    let brokerConfig: BrokerConfig
    let config: GroupConfig
    let logger: Logger
    /// Set once a cluster-mode broker joined; nil standalone.
    let cluster: ClusterSlot

    /// Where an append landed, so a caller can wait for its replication.
    struct Appended: Sendable {
        let partition: Int32
        let lastOffset: Int64
    }

    var isStandalone: Bool { self.brokerConfig.isStandalone }

    /// Kafka's mapping of a group to its partition: `Utils.abs(groupId.hashCode()) % partitions`
    /// with Java's `String.hashCode` over UTF-16 code units. The leader of that partition is
    /// the group's coordinator.
    static func partition(for groupId: String, partitions: Int32) -> Int32 {
        var hash: Int32 = 0
        for unit in groupId.utf16 { hash = hash &* 31 &+ Int32(unit) }
        let positive = hash == .min ? 0 : abs(hash)
        return positive % max(partitions, 1)
    }

    /// Standalone: the topic's partition count if it exists (it may have been created with
    /// another setting).
    func existingPartitionCount() async -> Int32? {
        await self.topics.topic(named: Self.topicName)?.partitions
    }

    /// Standalone: creates the topic as Kafka does on the first FindCoordinator (replication
    /// factor 1: there is one broker; cleanup.policy=compact).
    func createStandalone() async throws(GroupCoordinatorError) {
        let record: TopicRecord
        do {
            record = try await self.topics.create(
                name: Self.topicName, partitions: self.config.offsetsTopicNumPartitions,
                replicationFactor: 1, configs: ["cleanup.policy": "compact"],
                defaults: self.brokerConfig.logConfig)
        } catch {
            if error.code == .topicAlreadyExists { return }
            throw .offsetsTopicUnavailable(error.message)
        }
        let logConfig = (try? self.brokerConfig.logConfig.applying(record.configs)) ?? self.brokerConfig.logConfig
        do {
            for partition in 0..<record.partitions {
                let log = try self.logManager.getOrCreateLog(
                    for: TopicPartition(record.name, partition), config: logConfig, now: Clock.millis())
                try PartitionMetadataFile.write(topicId: record.topicId, in: log.directory)
            }
        } catch {
            throw .offsetsTopicUnavailable(error.description)
        }
        self.logger.info(
            "created internal topic \(Self.topicName)",
            metadata: ["partitions": "\(record.partitions)", "replication.factor": "1"])
    }

    /// Appends records (key + value, null value = tombstone) to one partition as its leader, with
    /// acks=all as Kafka's coordinator writes (`offsets.commit.required.acks`, default -1).
    func append(_ records: [OffsetsTopicRecord], to partition: Int32, now: Int64) throws(GroupCoordinatorError)
        -> Appended
    {
        let tp = TopicPartition(Self.topicName, partition)
        guard let leader = self.leaders.leader(of: tp) else {
            throw .notLeader("broker \(self.brokerConfig.brokerId) no longer leads \(tp)")
        }
        var builder = RecordBatchBuilder()
        for record in records {
            builder.append(key: record.key, value: record.value, timestamp: now)
        }
        do {
            let appended = try self.leaders.appendAsLeader(builder.build(), to: leader, requiredAcks: -1, now: now)
            return Appended(partition: partition, lastOffset: appended.lastOffset)
        } catch {
            switch error {
            case .notEnoughReplicas(let isr, let required):
                throw .offsetsTopicUnavailable(
                    "\(tp) has \(isr.count) in-sync replica(s) but min.insync.replicas=\(required)")
            case .storage(let error):
                throw .offsetsTopicUnavailable("cannot append to \(tp): \(error)")
            }
        }
    }

    /// Cluster mode: waits until every in-sync replica has `appended` (the high watermark passed
    /// it). Errors as Kafka's `GroupMetadataManager.storeOffsets` maps them. Standalone: at once.
    func waitUntilReplicated(_ appended: Appended, timeoutMs: Int32) async -> ErrorCode {
        guard let leader = self.leaders.leader(of: TopicPartition(Self.topicName, appended.partition)) else {
            return .notCoordinator
        }
        switch await self.leaders.waitForReplication(of: appended.lastOffset, at: leader, timeoutMs: timeoutMs) {
        case .replicated: return .none
        case .notEnoughReplicasAfterAppend: return .coordinatorNotAvailable
        case .leadershipMoved: return .notCoordinator
        case .timedOut: return .requestTimedOut
        }
    }

    /// Every record of one partition up to its log end, in offset order. A new leader's log end
    /// holds everything the old leader acknowledged (followers truncate to the leader).
    func read(partition: Int32) -> [OffsetsTopicRecord] {
        let tp = TopicPartition(Self.topicName, partition)
        let log = self.cluster.context?.replicaManager.partition(tp)?.log ?? self.logManager.log(for: tp)
        guard let log else { return [] }
        return self.read(log)
    }

    private func read(_ log: PartitionLog) -> [OffsetsTopicRecord] {
        var result: [OffsetsTopicRecord] = []
        var offset = log.logStartOffset
        let end = log.logEndOffset
        while offset < end {
            guard let read = try? log.read(from: offset, maxBytes: 1 << 20), read.records.readableBytes > 0,
                let batches = try? RecordBatches.decode(read.records), let last = batches.last
            else {
                self.logger.warning("stopped reading \(log.topicPartition) at offset \(offset): unreadable batch")
                break
            }
            for batch in batches {
                for record in batch.records {
                    guard let key = record.key else { continue }
                    do {
                        if let parsed = try OffsetsTopicRecord(key: key, value: record.value) {
                            result.append(parsed)
                        }
                    } catch {
                        self.logger.warning(
                            "skipping unreadable record",
                            metadata: ["partition": "\(log.topicPartition)", "error": "\(error)"])
                    }
                }
            }
            // A corrupt batch whose next offset does not move forward would loop forever.
            guard last.header.nextOffset > offset else {
                self.logger.warning("stopped reading \(log.topicPartition) at offset \(offset): batch does not advance")
                break
            }
            offset = last.header.nextOffset
        }
        return result
    }
}

/// The broker's cluster context, shared by the parts created before the broker joined.
final class ClusterSlot: Sendable {
    private let storage = Mutex<ClusterContext?>(nil)
    var context: ClusterContext? { self.storage.withLock { $0 } }
    func set(_ context: ClusterContext) { self.storage.withLock { $0 = context } }
}
