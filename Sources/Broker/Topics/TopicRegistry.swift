import Foundation
import KafkaProtocol
import LogStorage

/// A topic as the cluster knows it: id, partition count, replication factor, config overrides.
public struct TopicRecord: Sendable, Codable, Equatable {
    public var name: String
    /// Kafka's topic id in its text form (22 characters of URL-safe base64).
    public var topicId: String
    public var partitions: Int32
    public var replicationFactor: Int16
    /// Only the keys set for this topic; everything else falls back to the broker's defaults.
    public var configs: [String: String]

    public var id: KafkaUUID { KafkaUUID(base64URLString: self.topicId) ?? .zero }
}

/// Why a topic operation was refused, with the Kafka error code a client will see.
public struct TopicError: Error, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}

/// Topic metadata of a standalone broker (no `zookeeper.connect`): the broker is its own
/// controller and keeps the topic list in `<first log dir>/samsa-topics.json`, a file a student can
/// open. In cluster mode the same facts live in the metadata server's znodes instead.
public actor TopicRegistry {
    public static let fileName = "samsa-topics.json"

    private let path: String
    private var topics: [String: TopicRecord]

    public init(directory: String) throws {
        self.path = "\(directory)/\(Self.fileName)"
        if let data = FileManager.default.contents(atPath: self.path) {
            let records = try JSONDecoder().decode([TopicRecord].self, from: data)
            self.topics = Dictionary(uniqueKeysWithValues: records.map { ($0.name, $0) })
        } else {
            self.topics = [:]
        }
    }

    public var all: [TopicRecord] { self.topics.values.sorted { $0.name < $1.name } }

    public func topic(named name: String) -> TopicRecord? { self.topics[name] }

    public func topic(id: KafkaUUID) -> TopicRecord? { self.topics.values.first { $0.id == id } }

    /// Validates and records a new topic. `validateOnly` checks without saving (CreateTopics'
    /// flag of the same name).
    public func create(
        name: String, partitions: Int32, replicationFactor: Int16, configs: [String: String],
        defaults: LogConfig, validateOnly: Bool = false
    ) throws(TopicError) -> TopicRecord {
        do {
            try TopicName.validate(name)
        } catch {
            throw TopicError(.invalidTopicException, error.description)
        }
        if self.topics[name] != nil { throw TopicError(.topicAlreadyExists, "Topic '\(name)' already exists.") }
        let collision = TopicName.collisionKey(name)
        if let other = self.topics.keys.first(where: { TopicName.collisionKey($0) == collision }) {
            throw TopicError(
                .invalidTopicException,
                "Topic '\(name)' collides with existing topic: \(other) ('.' and '_' are the same in metric names)")
        }
        guard partitions >= 1 else {
            throw TopicError(.invalidPartitions, "Number of partitions must be larger than 0.")
        }
        guard replicationFactor >= 1 else {
            throw TopicError(.invalidReplicationFactor, "Replication factor must be larger than 0.")
        }
        do {
            _ = try defaults.applying(configs)
        } catch {
            throw TopicError(.invalidConfig, error.description)
        }
        let record = TopicRecord(
            name: name, topicId: KafkaUUID.random().base64URLString, partitions: partitions,
            replicationFactor: replicationFactor, configs: configs)
        if !validateOnly {
            self.topics[name] = record
            try self.save()
        }
        return record
    }

    public func delete(name: String) throws(TopicError) -> TopicRecord {
        guard let record = self.topics.removeValue(forKey: name) else {
            throw TopicError(.unknownTopicOrPartition, "This server does not host this topic-partition.")
        }
        try self.save()
        return record
    }

    public func setPartitionCount(_ count: Int32, of name: String, validateOnly: Bool) throws(TopicError) -> TopicRecord
    {
        guard var record = self.topics[name] else {
            throw TopicError(.unknownTopicOrPartition, "The topic '\(name)' does not exist.")
        }
        guard count > record.partitions else {
            throw TopicError(
                .invalidPartitions,
                "Topic currently has \(record.partitions) partitions, which is higher than the requested \(count).")
        }
        record.partitions = count
        if !validateOnly {
            self.topics[name] = record
            try self.save()
        }
        return record
    }

    public func setConfigs(_ configs: [String: String], of name: String, defaults: LogConfig, validateOnly: Bool)
        throws(TopicError) -> TopicRecord
    {
        guard var record = self.topics[name] else {
            throw TopicError(.unknownTopicOrPartition, "The topic '\(name)' does not exist.")
        }
        do {
            _ = try defaults.applying(configs)
        } catch {
            throw TopicError(.invalidConfig, error.description)
        }
        record.configs = configs
        if !validateOnly {
            self.topics[name] = record
            try self.save()
        }
        return record
    }

    private func save() throws(TopicError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self.all).write(to: URL(fileURLWithPath: self.path), options: .atomic)
        } catch {
            throw TopicError(.kafkaStorageError, "could not save topic metadata to \(self.path): \(error)")
        }
    }
}
