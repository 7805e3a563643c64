import KafkaProtocol

/// The topic-level settings that shape a partition's log, with Kafka's names and defaults.
/// A broker builds the default from `server.properties` (`log.segment.bytes` → `segment.bytes`,
/// ...) and each topic may override keys, e.g. `retention.ms=60000` for a retention lab.
public struct LogConfig: Sendable, Equatable {
    public var segmentBytes: Int = 1_073_741_824
    public var segmentMs: Int64 = 604_800_000
    /// `-1` keeps data forever.
    public var retentionMs: Int64 = 604_800_000
    /// `-1` means no size limit.
    public var retentionBytes: Int64 = -1
    public var indexIntervalBytes: Int = 4096
    public var segmentIndexBytes: Int = 10_485_760
    public var flushMessages: Int64 = .max
    public var flushMs: Int64 = .max
    public var fileDeleteDelayMs: Int64 = 60_000
    public var maxMessageBytes: Int = 1_048_588
    public var timestampType: TimestampType = .createTime
    public var cleanupPolicy: String = "delete"
    public var minInSyncReplicas: Int = 1
    public var uncleanLeaderElectionEnable: Bool = false
    public var compressionType: String = "producer"
    /// Topic configs Kafka knows that these logs do not act on yet (`delete.retention.ms`,
    /// `preallocate`, ...), kept as Kafka prints them so DescribeConfigs shows them; only the
    /// ones set away from Kafka's default are here.
    public var storedOnly: [String: String] = [:]

    public init() {}

    /// Whether these logs act on the topic config `name` (the rest are stored and described).
    public static func isHonoured(_ name: String) -> Bool { Key(rawValue: name) != nil }

    /// The current value of any topic config Kafka knows, as Kafka prints it.
    public func value(ofConfig name: String) -> String? {
        if let key = Key(rawValue: name) { return self.value(of: key) }
        return self.storedOnly[name] ?? TopicConfigCatalog.definition(name)?.defaultValue
    }

    /// Every topic-level key this broker understands, in Kafka's documentation order.
    public static let keys: [Key] = Key.allCases

    public enum Key: String, Sendable, CaseIterable {
        case cleanupPolicy = "cleanup.policy"
        case compressionType = "compression.type"
        case fileDeleteDelayMs = "file.delete.delay.ms"
        case flushMessages = "flush.messages"
        case flushMs = "flush.ms"
        case indexIntervalBytes = "index.interval.bytes"
        case maxMessageBytes = "max.message.bytes"
        case messageTimestampType = "message.timestamp.type"
        case minInSyncReplicas = "min.insync.replicas"
        case retentionBytes = "retention.bytes"
        case retentionMs = "retention.ms"
        case segmentBytes = "segment.bytes"
        case segmentIndexBytes = "segment.index.bytes"
        case segmentMs = "segment.ms"
        case uncleanLeaderElectionEnable = "unclean.leader.election.enable"

        /// The `server.properties` key that sets the broker-wide default (Kafka's synonym).
        public var brokerKey: String {
            switch self {
            case .cleanupPolicy: "log.cleanup.policy"
            case .compressionType: "compression.type"
            case .fileDeleteDelayMs: "log.segment.delete.delay.ms"
            case .flushMessages: "log.flush.interval.messages"
            case .flushMs: "log.flush.interval.ms"
            case .indexIntervalBytes: "log.index.interval.bytes"
            case .maxMessageBytes: "message.max.bytes"
            case .messageTimestampType: "log.message.timestamp.type"
            case .minInSyncReplicas: "min.insync.replicas"
            case .retentionBytes: "log.retention.bytes"
            case .retentionMs: "log.retention.ms"
            case .segmentBytes: "log.segment.bytes"
            case .segmentIndexBytes: "log.index.size.max.bytes"
            case .segmentMs: "log.roll.ms"
            case .uncleanLeaderElectionEnable: "unclean.leader.election.enable"
            }
        }

        /// Kafka's config type name, as DescribeConfigs reports it.
        public var typeName: String {
            switch self {
            case .cleanupPolicy: "LIST"
            case .compressionType, .messageTimestampType: "STRING"
            case .uncleanLeaderElectionEnable: "BOOLEAN"
            case .indexIntervalBytes, .maxMessageBytes, .minInSyncReplicas, .segmentBytes, .segmentIndexBytes: "INT"
            default: "LONG"
            }
        }
    }

    /// The current value of `key` as Kafka prints it.
    public func value(of key: Key) -> String {
        switch key {
        case .cleanupPolicy: self.cleanupPolicy
        case .compressionType: self.compressionType
        case .fileDeleteDelayMs: String(self.fileDeleteDelayMs)
        case .flushMessages: String(self.flushMessages)
        case .flushMs: String(self.flushMs)
        case .indexIntervalBytes: String(self.indexIntervalBytes)
        case .maxMessageBytes: String(self.maxMessageBytes)
        case .messageTimestampType: self.timestampType.description
        case .minInSyncReplicas: String(self.minInSyncReplicas)
        case .retentionBytes: String(self.retentionBytes)
        case .retentionMs: String(self.retentionMs)
        case .segmentBytes: String(self.segmentBytes)
        case .segmentIndexBytes: String(self.segmentIndexBytes)
        case .segmentMs: String(self.segmentMs)
        case .uncleanLeaderElectionEnable: String(self.uncleanLeaderElectionEnable)
        }
    }

    /// Returns a copy with topic-level overrides applied. Names and values are checked as Kafka
    /// 3.x checks them (`TopicConfigCatalog`); a refusal carries Kafka's sentence.
    public func applying(_ overrides: [String: String]) throws(LogStorageError) -> LogConfig {
        let parsed: [String: String]
        do {
            parsed = try TopicConfigCatalog.validate(overrides)
        } catch {
            throw .rejectedTopicConfig(error)
        }
        var config = self
        for (name, value) in parsed.sorted(by: { $0.key < $1.key }) {
            if let key = Key(rawValue: name) {
                try config.set(key, to: value)
            } else {
                config.storedOnly[name] = value
            }
        }
        return config
    }

    public mutating func set(_ key: Key, to value: String) throws(LogStorageError) {
        func long(min: Int64) throws(LogStorageError) -> Int64 {
            guard let parsed = Int64(value.trimmingSpaces), parsed >= min else {
                throw .invalidConfig(key: key.rawValue, value: value, expected: "a whole number >= \(min)")
            }
            return parsed
        }
        func int(min: Int) throws(LogStorageError) -> Int {
            guard let parsed = Int(value.trimmingSpaces), parsed >= min, parsed <= Int(Int32.max) else {
                throw .invalidConfig(
                    key: key.rawValue, value: value, expected: "a whole number from \(min) to \(Int32.max)")
            }
            return parsed
        }
        switch key {
        case .cleanupPolicy:
            let policies = value.split(separator: ",").map { $0.trimmingSpaces }
            guard !policies.isEmpty, policies.allSatisfy({ $0 == "delete" || $0 == "compact" }) else {
                throw .invalidConfig(key: key.rawValue, value: value, expected: "delete, compact or delete,compact")
            }
            self.cleanupPolicy = policies.joined(separator: ",")
        case .compressionType:
            let allowed = ["producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"]
            guard allowed.contains(value) else {
                throw .invalidConfig(key: key.rawValue, value: value, expected: allowed.joined(separator: ", "))
            }
            self.compressionType = value
        case .fileDeleteDelayMs: self.fileDeleteDelayMs = try long(min: 0)
        case .flushMessages: self.flushMessages = try long(min: 1)
        case .flushMs: self.flushMs = try long(min: 0)
        case .indexIntervalBytes: self.indexIntervalBytes = try int(min: 0)
        case .maxMessageBytes: self.maxMessageBytes = try int(min: 0)
        case .messageTimestampType:
            switch value {
            case "CreateTime": self.timestampType = .createTime
            case "LogAppendTime": self.timestampType = .logAppendTime
            default: throw .invalidConfig(key: key.rawValue, value: value, expected: "CreateTime or LogAppendTime")
            }
        case .minInSyncReplicas: self.minInSyncReplicas = try int(min: 1)
        case .retentionBytes: self.retentionBytes = try long(min: .min)
        case .retentionMs: self.retentionMs = try long(min: -1)
        case .segmentBytes: self.segmentBytes = try int(min: 14)
        case .segmentIndexBytes: self.segmentIndexBytes = try int(min: 4)
        case .segmentMs: self.segmentMs = try long(min: 1)
        case .uncleanLeaderElectionEnable:
            switch value.lowercased() {
            case "true": self.uncleanLeaderElectionEnable = true
            case "false": self.uncleanLeaderElectionEnable = false
            default: throw .invalidConfig(key: key.rawValue, value: value, expected: "true or false")
            }
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(
            self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        )
    }
}
