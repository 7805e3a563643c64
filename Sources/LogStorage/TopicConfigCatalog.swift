/// One topic-level config as Kafka 3.x's `LogConfig` defines it: name, type, default, the rule
/// its value must follow, and the broker key that supplies the default (its synonym).
public struct TopicConfigDefinition: Sendable {
    /// Kafka's `ConfigDef.Type`, as DescribeConfigs names it.
    public enum ValueType: String, Sendable {
        case boolean = "BOOLEAN"
        case string = "STRING"
        case int = "INT"
        case long = "LONG"
        case double = "DOUBLE"
        case list = "LIST"

        /// Kafka's `ConfigType` number in DescribeConfigs v3+.
        public var describeConfigsId: Int8 {
            switch self {
            case .boolean: 1
            case .string: 2
            case .int: 3
            case .long: 5
            case .double: 6
            case .list: 7
            }
        }
    }

    /// Kafka's validators for these configs.
    public enum Rule: Sendable {
        case any
        case atLeast(Int64)
        case between(Double, Double)
        case oneOf([String])
        case eachOneOf([String])
        case throttledReplicas
        case messageFormatVersion
        case gzipLevel
    }

    public let name: String
    public let type: ValueType
    public let defaultValue: String
    public let rule: Rule
    /// The `server.properties` key whose value is this config's default; nil when Kafka has none.
    public let brokerSynonym: String?

    /// The value as Kafka stores and prints it after parsing (trimmed, `TRUE` → `true`, lists
    /// joined with `,`), or why Kafka refuses it.
    public func parse(_ raw: String) throws(TopicConfigRejection) -> String {
        let text = raw.trimmingSpaces
        func refuse(_ reason: String) -> TopicConfigRejection {
            .invalidValue(name: self.name, value: raw, reason: reason)
        }
        var printed = text
        switch self.type {
        case .boolean:
            switch text.lowercased() {
            case "true": printed = "true"
            case "false": printed = "false"
            default: throw refuse("Expected value to be either true or false")
            }
        case .string:
            break
        case .int:
            guard let number = Int32(text) else { throw refuse("Not a number of type INT") }
            printed = String(number)
        case .long:
            guard let number = Int64(text) else { throw refuse("Not a number of type LONG") }
            printed = String(number)
        case .double:
            guard let number = Double(text) else { throw refuse("Not a number of type DOUBLE") }
            printed = String(number)
        case .list:
            printed = Self.listItems(text).joined(separator: ",")
        }
        try self.check(printed, raw: raw)
        return printed
    }

    private func check(_ value: String, raw: String) throws(TopicConfigRejection) {
        func refuse(_ shown: String, _ reason: String) -> TopicConfigRejection {
            .invalidValue(name: self.name, value: shown, reason: reason)
        }
        switch self.rule {
        case .any:
            return
        case .atLeast(let min):
            if let number = Int64(value), number < min { throw refuse(value, "Value must be at least \(min)") }
        case .between(let low, let high):
            guard let number = Double(value) else { return }
            if number < low { throw refuse(value, "Value must be at least \(Self.shortNumber(low))") }
            if number > high { throw refuse(value, "Value must be no more than \(Self.shortNumber(high))") }
        case .oneOf(let allowed):
            guard allowed.contains(value) else {
                throw refuse(value, "String must be one of: \(allowed.joined(separator: ", "))")
            }
        case .eachOneOf(let allowed):
            for item in Self.listItems(value) where !allowed.contains(item) {
                throw refuse(item, "String must be one of: \(allowed.joined(separator: ", "))")
            }
        case .throttledReplicas:
            let items = Self.listItems(value)
            let replicas = items.allSatisfy { item in
                item.isEmpty
                    || item.split(separator: ":", omittingEmptySubsequences: false).count == 2
                        && item.split(separator: ":", omittingEmptySubsequences: false).allSatisfy {
                            !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit)
                        }
            }
            guard replicas || items == ["*"] else {
                throw refuse(
                    "[\(items.joined(separator: ", "))]",
                    "\(self.name) must be the literal '*' or a list of replicas in the following format: [partitionId]:[brokerId],[partitionId]:[brokerId],..."
                )
            }
        case .messageFormatVersion:
            guard Self.isKnownVersion(value) else { throw refuse(value, "Version \(value) is not a valid version") }
        case .gzipLevel:
            guard let level = Int32(value), level == -1 || (1...9).contains(level) else {
                throw refuse(value, "Value must be between 1 and 9, or -1")
            }
        }
    }

    /// Kafka splits lists on commas with the spaces around them; an empty text is an empty list.
    static func listItems(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
    }

    private static func shortNumber(_ number: Double) -> String {
        number == number.rounded() ? String(Int64(number)) : String(number)
    }

    /// `MetadataVersion.fromVersionString`: a release (`2.8`, `0.10.2`, with any patch level) or a
    /// release with its protocol step (`3.0-IV1`).
    static func isKnownVersion(_ text: String) -> Bool {
        let releases = [
            "0.8.0", "0.8.1", "0.8.2", "0.9.0", "0.10.0", "0.10.1", "0.10.2", "0.11.0", "1.0", "1.1", "2.0", "2.1",
            "2.2",
            "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
            "3.9",
        ]
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let count = text.hasPrefix("0.") ? 3 : 2
        guard segments.count >= count else { return false }
        var key = segments.prefix(count).joined(separator: ".")
        if let dash = key.firstIndex(of: "-") {
            let step = key[dash...]
            guard step.hasPrefix("-IV"), step.count > 3, step.dropFirst(3).allSatisfy(\.isASCIIDigit) else {
                return false
            }
            key = String(key[..<dash])
        }
        return releases.contains(key) && segments.dropFirst(count).allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }
}

/// Why Kafka refuses a topic config, with Kafka's own sentence.
public enum TopicConfigRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// `LogConfig.validateNames`: InvalidConfigurationException.
    case unknownName(String)
    /// A `ConfigException` from parsing or a validator.
    case invalidValue(name: String, value: String, reason: String)
    /// `LogConfig.validateValues`: min.compaction.lag.ms above max.compaction.lag.ms.
    case conflict(String)

    public var description: String {
        switch self {
        case .unknownName(let name): "Unknown topic config name: \(name)"
        case .invalidValue(let name, let value, let reason):
            "Invalid value \(value) for configuration \(name): \(reason)"
        case .conflict(let text): text
        }
    }

    /// A bad value is a `ConfigException`, which AlterConfigs wraps with the resource's name.
    public var isValueError: Bool {
        if case .invalidValue = self { return true }
        return false
    }
}

/// Every topic config Kafka 3.9's `LogConfig` knows (the last 3.x release), so a broker accepts
/// and describes what Kafka would, and refuses the rest with Kafka's message.
public enum TopicConfigCatalog {
    private static let longMax = String(Int64.max)

    public static let all: [TopicConfigDefinition] = [
        .init(
            name: "cleanup.policy", type: .list, defaultValue: "delete", rule: .eachOneOf(["compact", "delete"]),
            brokerSynonym: "log.cleanup.policy"),
        .init(
            name: "compression.gzip.level", type: .int, defaultValue: "-1", rule: .gzipLevel,
            brokerSynonym: "compression.gzip.level"),
        .init(
            name: "compression.lz4.level", type: .int, defaultValue: "9", rule: .between(1, 17),
            brokerSynonym: "compression.lz4.level"),
        .init(
            name: "compression.type", type: .string, defaultValue: "producer",
            rule: .oneOf(["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"]),
            brokerSynonym: "compression.type"),
        .init(
            name: "compression.zstd.level", type: .int, defaultValue: "3", rule: .between(-131_072, 22),
            brokerSynonym: "compression.zstd.level"),
        .init(
            name: "delete.retention.ms", type: .long, defaultValue: "86400000", rule: .atLeast(0),
            brokerSynonym: "log.cleaner.delete.retention.ms"),
        .init(
            name: "file.delete.delay.ms", type: .long, defaultValue: "60000", rule: .atLeast(0),
            brokerSynonym: "log.segment.delete.delay.ms"),
        .init(
            name: "flush.messages", type: .long, defaultValue: longMax, rule: .atLeast(1),
            brokerSynonym: "log.flush.interval.messages"),
        .init(
            name: "flush.ms", type: .long, defaultValue: longMax, rule: .atLeast(0),
            brokerSynonym: "log.flush.interval.ms"),
        .init(
            name: "follower.replication.throttled.replicas", type: .list, defaultValue: "", rule: .throttledReplicas,
            brokerSynonym: nil),
        .init(
            name: "index.interval.bytes", type: .int, defaultValue: "4096", rule: .atLeast(0),
            brokerSynonym: "log.index.interval.bytes"),
        .init(
            name: "leader.replication.throttled.replicas", type: .list, defaultValue: "", rule: .throttledReplicas,
            brokerSynonym: nil),
        .init(name: "local.retention.bytes", type: .long, defaultValue: "-2", rule: .atLeast(-2), brokerSynonym: nil),
        .init(name: "local.retention.ms", type: .long, defaultValue: "-2", rule: .atLeast(-2), brokerSynonym: nil),
        .init(
            name: "max.compaction.lag.ms", type: .long, defaultValue: longMax, rule: .atLeast(1),
            brokerSynonym: "log.cleaner.max.compaction.lag.ms"),
        .init(
            name: "max.message.bytes", type: .int, defaultValue: "1048588", rule: .atLeast(0),
            brokerSynonym: "message.max.bytes"),
        .init(
            name: "message.downconversion.enable", type: .boolean, defaultValue: "true", rule: .any,
            brokerSynonym: "log.message.downconversion.enable"),
        .init(
            name: "message.format.version", type: .string, defaultValue: "3.0-IV1", rule: .messageFormatVersion,
            brokerSynonym: "log.message.format.version"),
        .init(
            name: "message.timestamp.after.max.ms", type: .long, defaultValue: longMax, rule: .atLeast(0),
            brokerSynonym: "log.message.timestamp.after.max.ms"),
        .init(
            name: "message.timestamp.before.max.ms", type: .long, defaultValue: longMax, rule: .atLeast(0),
            brokerSynonym: "log.message.timestamp.before.max.ms"),
        .init(
            name: "message.timestamp.difference.max.ms", type: .long, defaultValue: longMax, rule: .atLeast(0),
            brokerSynonym: "log.message.timestamp.difference.max.ms"),
        .init(
            name: "message.timestamp.type", type: .string, defaultValue: "CreateTime",
            rule: .oneOf(["CreateTime", "LogAppendTime"]),
            brokerSynonym: "log.message.timestamp.type"),
        .init(
            name: "min.cleanable.dirty.ratio", type: .double, defaultValue: "0.5", rule: .between(0, 1),
            brokerSynonym: "log.cleaner.min.cleanable.ratio"),
        .init(
            name: "min.compaction.lag.ms", type: .long, defaultValue: "0", rule: .atLeast(0),
            brokerSynonym: "log.cleaner.min.compaction.lag.ms"),
        .init(
            name: "min.insync.replicas", type: .int, defaultValue: "1", rule: .atLeast(1),
            brokerSynonym: "min.insync.replicas"),
        .init(name: "preallocate", type: .boolean, defaultValue: "false", rule: .any, brokerSynonym: "log.preallocate"),
        .init(name: "remote.log.copy.disable", type: .boolean, defaultValue: "false", rule: .any, brokerSynonym: nil),
        .init(
            name: "remote.log.delete.on.disable", type: .boolean, defaultValue: "false", rule: .any, brokerSynonym: nil),
        .init(name: "remote.storage.enable", type: .boolean, defaultValue: "false", rule: .any, brokerSynonym: nil),
        .init(
            name: "retention.bytes", type: .long, defaultValue: "-1", rule: .any, brokerSynonym: "log.retention.bytes"),
        .init(
            name: "retention.ms", type: .long, defaultValue: "604800000", rule: .atLeast(-1),
            brokerSynonym: "log.retention.ms"),
        .init(
            name: "segment.bytes", type: .int, defaultValue: "1073741824", rule: .atLeast(14),
            brokerSynonym: "log.segment.bytes"),
        .init(
            name: "segment.index.bytes", type: .int, defaultValue: "10485760", rule: .atLeast(4),
            brokerSynonym: "log.index.size.max.bytes"),
        .init(
            name: "segment.jitter.ms", type: .long, defaultValue: "0", rule: .atLeast(0),
            brokerSynonym: "log.roll.jitter.ms"),
        .init(
            name: "segment.ms", type: .long, defaultValue: "604800000", rule: .atLeast(1), brokerSynonym: "log.roll.ms"),
        .init(
            name: "unclean.leader.election.enable", type: .boolean, defaultValue: "false", rule: .any,
            brokerSynonym: "unclean.leader.election.enable"),
    ]

    private static let byName: [String: TopicConfigDefinition] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func definition(_ name: String) -> TopicConfigDefinition? { Self.byName[name] }

    /// Checks overrides as Kafka's `LogConfig.validate` does (names first, then values, then the
    /// compaction lags) and returns them as Kafka prints them.
    public static func validate(_ overrides: [String: String]) throws(TopicConfigRejection) -> [String: String] {
        for name in overrides.keys.sorted() where Self.byName[name] == nil { throw .unknownName(name) }
        var parsed: [String: String] = [:]
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            parsed[name] = try Self.byName[name]!.parse(value)
        }
        let minLag = Int64(parsed["min.compaction.lag.ms"] ?? "0") ?? 0
        let maxLag = Int64(parsed["max.compaction.lag.ms"] ?? Self.longMax) ?? .max
        if minLag > maxLag {
            throw .conflict(
                "conflict topic config setting min.compaction.lag.ms (\(minLag)) > max.compaction.lag.ms (\(maxLag))")
        }
        return parsed
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
