import CourseLanguage
import Foundation
import KafkaProtocol
import PropertiesFile
import SamsaClient

/// Kafka client configs given as `key=value` (`--producer-property`, `--consumer-property`,
/// `--producer-props`, a `--producer.config` file) applied to SamsaClient's settings. Keys the
/// client has no setting for are accepted and ignored, as Kafka warns and ignores unknown ones.
enum ClientProperties {
    /// `key=value` pairs of a Java properties file given on the command line.
    static func file(_ path: String?, context: ToolContext) throws -> [(String, String)] {
        guard let path else { return [] }
        let absolute = context.absolutePath(path)
        guard let text = try? String(contentsOfFile: absolute, encoding: .utf8) else {
            throw ToolError.failed(
                context.language.pick(
                    es:
                        "Error: no se puede leer el fichero de propiedades \(path) (\(absolute)); pasa un fichero de líneas clave=valor.",
                    en: "Error: cannot read the properties file \(path) (\(absolute)); pass a file of key=value lines.")
            )
        }
        return PropertiesFile(parsing: text).entries.map { ($0.key, $0.value) }
    }

    static func applyProducer(_ pairs: [(String, String)], to configuration: inout ProducerConfiguration)
        throws(ToolError)
    {
        for (key, value) in pairs {
            switch key {
            case "acks":
                switch value.lowercased() {
                case "all", "-1": configuration.acks = .all
                case "1": configuration.acks = .leader
                case "0": configuration.acks = .none
                default:
                    throw .failed("Invalid value \(value) for configuration acks: String must be one of: all, -1, 0, 1")
                }
                if configuration.acks != .all { configuration.enableIdempotence = false }
            case "linger.ms": configuration.linger = .milliseconds(try self.number(key, value))
            case "batch.size": configuration.batchSize = try self.number(key, value)
            case "compression.type": configuration.compression = try self.codec(value)
            case "enable.idempotence": configuration.enableIdempotence = value.lowercased() == "true"
            case "retries": configuration.retries = try self.number(key, value)
            case "retry.backoff.ms": configuration.retryBackoff = .milliseconds(try self.number(key, value))
            case "delivery.timeout.ms": configuration.deliveryTimeout = .milliseconds(try self.number(key, value))
            case "request.timeout.ms": configuration.requestTimeout = .milliseconds(try self.number(key, value))
            case "max.request.size": configuration.maxRequestSize = try self.number(key, value)
            case "max.in.flight.requests.per.connection":
                configuration.maxInFlightRequestsPerConnection = try self.number(key, value)
            default: continue
            }
        }
    }

    static func applyConsumer(_ pairs: [(String, String)], to configuration: inout ConsumerConfiguration)
        throws(ToolError)
    {
        for (key, value) in pairs {
            switch key {
            case "group.id": configuration.groupId = value
            case "group.instance.id": configuration.groupInstanceId = value
            case "auto.offset.reset":
                guard let policy = OffsetResetPolicy(rawValue: value) else {
                    throw .failed(
                        "Invalid value \(value) for configuration auto.offset.reset: String must be one of: latest, earliest, none"
                    )
                }
                configuration.autoOffsetReset = policy
            case "enable.auto.commit": configuration.enableAutoCommit = value.lowercased() == "true"
            case "auto.commit.interval.ms":
                configuration.autoCommitInterval = .milliseconds(try self.number(key, value))
            case "fetch.max.wait.ms": configuration.fetchMaxWait = .milliseconds(try self.number(key, value))
            case "fetch.min.bytes": configuration.fetchMinBytes = Int32(clamping: try self.number(key, value))
            case "fetch.max.bytes": configuration.fetchMaxBytes = Int32(clamping: try self.number(key, value))
            case "max.partition.fetch.bytes":
                configuration.maxPartitionFetchBytes = Int32(clamping: try self.number(key, value))
            case "max.poll.records":
                let records = try self.number(key, value)
                guard (1...Int(Int32.max)).contains(records) else {
                    throw .failed("Invalid value \(value) for configuration max.poll.records: Value must be at least 1")
                }
                configuration.maxPollRecords = records
            case "isolation.level": configuration.isolationLevel = try self.isolationLevel(value)
            case "session.timeout.ms": configuration.sessionTimeout = .milliseconds(try self.number(key, value))
            case "heartbeat.interval.ms": configuration.heartbeatInterval = .milliseconds(try self.number(key, value))
            case "partition.assignment.strategy":
                configuration.assignors = value.split(separator: ",").compactMap { name in
                    let short = name.split(separator: ".").last.map(String.init) ?? String(name)
                    switch short.trimmingCharacters(in: .whitespaces) {
                    case "RangeAssignor", "range": return .range
                    case "RoundRobinAssignor", "roundrobin": return .roundRobin
                    case "CooperativeStickyAssignor", "cooperative-sticky": return .cooperativeSticky
                    default: return nil
                    }
                }
            default: continue
            }
        }
    }

    static func isolationLevel(_ value: String) throws(ToolError) -> Int8 {
        switch value {
        case "read_uncommitted": 0
        case "read_committed": 1
        default:
            throw .failed(
                "Invalid value \(value) for configuration isolation.level: String must be one of: read_committed, read_uncommitted"
            )
        }
    }

    static func codec(_ value: String) throws(ToolError) -> CompressionCodec {
        guard let codec = CompressionCodec.allCases.first(where: { $0.description == value.lowercased() }) else {
            throw .failed(
                "Invalid value \(value) for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd"
            )
        }
        return codec
    }

    static func number(_ key: String, _ value: String) throws(ToolError) -> Int {
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)) else {
            throw .failed("Invalid value \(value) for configuration \(key): Not a number of type INT")
        }
        return number
    }

    /// `key=value` items of `--property` style options (one pair each).
    static func pairs(_ items: [String], option: String, language: Language) throws(ToolError) -> [(String, String)] {
        try items.map { item throws(ToolError) in
            guard let equals = item.firstIndex(of: "=") else {
                throw .usage(
                    language.pick(
                        es: "\(option) no válido: '\(item)'; escribe clave=valor, p. ej. --\(option) parse.key=true",
                        en: "Invalid \(option) '\(item)': write key=value, e.g. --\(option) parse.key=true"))
            }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }
}
