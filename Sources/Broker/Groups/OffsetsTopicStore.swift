import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// The internal topic `__consumer_offsets` as the coordinator uses it: created on first use
/// (`offsets.topic.num.partitions`, compacted), appended to as the partition leader, and read
/// back whole when the broker starts.
struct OffsetsTopicStore: Sendable {
    static let topicName = "__consumer_offsets"

    let logManager: LogManager
    let topics: TopicRegistry
    let brokerConfig: BrokerConfig
    let config: GroupConfig
    let logger: Logger

    /// Kafka's mapping of a group to its partition: `Utils.abs(groupId.hashCode()) % partitions`
    /// with Java's `String.hashCode` over UTF-16 code units. The leader of that partition is
    /// the group's coordinator.
    static func partition(for groupId: String, partitions: Int32) -> Int32 {
        var hash: Int32 = 0
        for unit in groupId.utf16 { hash = hash &* 31 &+ Int32(unit) }
        let positive = hash == .min ? 0 : abs(hash)
        return positive % max(partitions, 1)
    }

    func partition(for groupId: String) -> Int32 {
        Self.partition(for: groupId, partitions: self.config.offsetsTopicNumPartitions)
    }

    /// The topic's partition count if it exists (it may have been created with another setting).
    func existingPartitionCount() async -> Int32? {
        await self.topics.topic(named: Self.topicName)?.partitions
    }

    /// Creates the topic as Kafka does on the first FindCoordinator: replication factor
    /// min(offsets.topic.replication.factor, live brokers), cleanup.policy=compact.
    func create() async throws(GroupCoordinatorError) {
        let replicationFactor = min(self.config.offsetsTopicReplicationFactor, 1)
        let record: TopicRecord
        do {
            record = try await self.topics.create(
                name: Self.topicName, partitions: self.config.offsetsTopicNumPartitions,
                replicationFactor: replicationFactor, configs: ["cleanup.policy": "compact"],
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
            metadata: ["partitions": "\(record.partitions)", "replication.factor": "\(replicationFactor)"])
    }

    /// Appends records (key + value, null value = tombstone) to one partition as its leader.
    func append(_ records: [OffsetsTopicRecord], to partition: Int32, now: Int64) throws(GroupCoordinatorError) {
        guard !records.isEmpty else { return }
        let tp = TopicPartition(Self.topicName, partition)
        guard let log = self.logManager.log(for: tp) else {
            throw .offsetsTopicUnavailable("this broker has no log for \(tp)")
        }
        var builder = RecordBatchBuilder()
        for record in records {
            builder.append(key: record.key, value: record.value, timestamp: now)
        }
        do {
            _ = try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: now, advanceHighWatermark: true)
        } catch {
            throw .offsetsTopicUnavailable("cannot append to \(tp): \(error)")
        }
    }

    /// Every record of every partition, in offset order per partition.
    func readAll() -> [OffsetsTopicRecord] {
        var result: [OffsetsTopicRecord] = []
        for log in self.logManager.allLogs where log.topicPartition.topic == Self.topicName {
            var offset = log.logStartOffset
            let end = log.highWatermark
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
                                "skipping unreadable record", metadata: ["partition": "\(log.topicPartition)", "error": "\(error)"])
                        }
                    }
                }
                offset = last.header.nextOffset
            }
        }
        return result
    }
}
