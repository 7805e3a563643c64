import FaultControl
import LogStorage
import PropertiesFile

/// A broker's settings, read from `server.properties` with Kafka's key names, meanings and
/// defaults. Where the kit differs from Kafka it says so: listeners default to 127.0.0.1 so a
/// student's broker is never reachable from the network.
public struct BrokerConfig: Sendable {
    public var brokerId: Int32 = -1
    public var listeners: [Endpoint] = [Endpoint(host: "127.0.0.1", port: 9092)]
    public var advertisedListeners: [Endpoint]? = nil
    public var logDirs: [String] = ["/tmp/kafka-logs"]
    public var zookeeperConnect: String? = nil
    public var zookeeperSessionTimeoutMs: Int = 18_000
    public var numPartitions: Int32 = 1
    public var defaultReplicationFactor: Int16 = 1
    public var autoCreateTopicsEnable = true
    public var deleteTopicEnable = true
    public var socketRequestMaxBytes = 104_857_600
    public var logRetentionCheckIntervalMs: Int64 = 300_000
    public var logFlushSchedulerIntervalMs: Int64 = .max
    public var logFlushOffsetCheckpointIntervalMs: Int64 = 60_000
    /// The log cleaner compacts `cleanup.policy=compact` topics (Kafka's default: on).
    public var logCleanerEnable = true
    /// Pause between cleaner passes.
    public var logCleanerBackoffMs: Int64 = 15_000
    public var replicaLagTimeMaxMs: Int64 = 30_000
    public var offsetsTopicNumPartitions: Int32 = 50
    public var offsetsTopicReplicationFactor: Int16 = 3
    public var groupInitialRebalanceDelayMs: Int64 = 3_000
    public var groupMinSessionTimeoutMs: Int = 6_000
    public var groupMaxSessionTimeoutMs: Int = 1_800_000
    public var autoLeaderRebalanceEnable = true
    public var controlledShutdownEnable = true
    /// Attempts at a controlled shutdown before shutting down without one (Kafka counts the first
    /// attempt among these "retries").
    public var controlledShutdownMaxRetries = 3
    public var controlledShutdownRetryBackoffMs: Int64 = 5_000
    public var leaderImbalanceCheckIntervalMs: Int64 = 300_000
    /// The share of a broker's preferred partitions led elsewhere above which the controller
    /// moves them back (`checkAndTriggerAutoLeaderRebalance`).
    public var leaderImbalancePerBrokerPercentage = 10
    /// Samsa only (`samsa.fault.control.file`): the fault-injection control file `LocalCluster`
    /// writes for this broker, re-read on SIGUSR2. Kafka has no such key.
    public var faultControlFile: String? = nil
    /// Samsa only (`samsa.fetch.zero.copy`, default true): fetch responses send records from the
    /// segment files with `sendfile`. `false` reads them into the process with `pread` first (what
    /// the broker did before), so the two can be compared on the same build.
    public var fetchZeroCopy = true
    /// Topic-level defaults built from the `log.*` keys (`log.segment.bytes` → `segment.bytes`).
    public var logConfig = LogConfig()
    /// Every key as given, for DescribeConfigs on the broker resource.
    public var originals: [String: String] = [:]
    /// Lines worth telling the operator: unknown keys, keys accepted but not used.
    public var warnings: [String] = []

    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        public var listenerName = "PLAINTEXT"
        public var host: String
        public var port: Int

        public init(listenerName: String = "PLAINTEXT", host: String, port: Int) {
            self.listenerName = listenerName
            self.host = host
            self.port = port
        }

        public var description: String { "\(self.listenerName)://\(self.host):\(self.port)" }
    }

    public var isStandalone: Bool { self.zookeeperConnect == nil }
    public var advertised: [Endpoint] { self.advertisedListeners ?? self.listeners }

    public init() {}

    /// Reads `properties`, applies `overrides` (`--override key=value`, later wins), and checks
    /// every value. Unknown keys become warnings, as Kafka logs them; a bad value throws.
    public init(properties: PropertiesFile, overrides: [String: String] = [:]) throws(BrokerConfigError) {
        var values = properties.values
        for (key, value) in overrides { values[key] = value }
        var reader = ConfigReader(values: values)
        self.originals = values

        self.brokerId = try reader.int32("broker.id", default: -1, min: -1)
        if let listeners = reader.string("listeners") {
            self.listeners = try Self.parseListeners(listeners, key: "listeners")
        }
        if let advertised = reader.string("advertised.listeners") {
            self.advertisedListeners = try Self.parseListeners(advertised, key: "advertised.listeners")
        }
        if let dirs = reader.string("log.dirs") ?? reader.string("log.dir") {
            self.logDirs = dirs.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            if self.logDirs.isEmpty || self.logDirs.contains("") {
                throw BrokerConfigError(key: "log.dirs", value: dirs, expected: "a comma-separated list of directories")
            }
        } else {
            _ = reader.string("log.dir")
        }
        self.zookeeperConnect = reader.string("zookeeper.connect").flatMap { $0.isEmpty ? nil : $0 }
        self.zookeeperSessionTimeoutMs = try reader.int("zookeeper.session.timeout.ms", default: 18_000, min: 1)
        self.numPartitions = try reader.int32("num.partitions", default: 1, min: 1)
        self.defaultReplicationFactor = Int16(try reader.int32("default.replication.factor", default: 1, min: 1))
        self.autoCreateTopicsEnable = try reader.bool("auto.create.topics.enable", default: true)
        self.deleteTopicEnable = try reader.bool("delete.topic.enable", default: true)
        self.socketRequestMaxBytes = try reader.int("socket.request.max.bytes", default: 104_857_600, min: 1)
        self.logRetentionCheckIntervalMs = try reader.long("log.retention.check.interval.ms", default: 300_000, min: 1)
        self.logFlushSchedulerIntervalMs = try reader.long("log.flush.scheduler.interval.ms", default: .max, min: 1)
        self.logFlushOffsetCheckpointIntervalMs = try reader.long(
            "log.flush.offset.checkpoint.interval.ms", default: 60_000, min: 1)
        self.replicaLagTimeMaxMs = try reader.long("replica.lag.time.max.ms", default: 30_000, min: 1)
        self.logCleanerEnable = try reader.bool("log.cleaner.enable", default: true)
        self.logCleanerBackoffMs = try reader.long("log.cleaner.backoff.ms", default: 15_000, min: 0)
        self.offsetsTopicNumPartitions = try reader.int32("offsets.topic.num.partitions", default: 50, min: 1)
        self.offsetsTopicReplicationFactor = Int16(
            try reader.int32("offsets.topic.replication.factor", default: 3, min: 1))
        self.groupInitialRebalanceDelayMs = try reader.long("group.initial.rebalance.delay.ms", default: 3_000, min: 0)
        self.groupMinSessionTimeoutMs = try reader.int("group.min.session.timeout.ms", default: 6_000, min: 0)
        self.groupMaxSessionTimeoutMs = try reader.int("group.max.session.timeout.ms", default: 1_800_000, min: 0)
        self.autoLeaderRebalanceEnable = try reader.bool("auto.leader.rebalance.enable", default: true)
        self.controlledShutdownEnable = try reader.bool("controlled.shutdown.enable", default: true)
        self.controlledShutdownMaxRetries = try reader.int("controlled.shutdown.max.retries", default: 3, min: 0)
        self.controlledShutdownRetryBackoffMs = try reader.long(
            "controlled.shutdown.retry.backoff.ms", default: 5_000, min: 0)
        self.leaderImbalanceCheckIntervalMs =
            try reader.long("leader.imbalance.check.interval.seconds", default: 300, min: 1) * 1000
        self.leaderImbalancePerBrokerPercentage = try reader.int(
            "leader.imbalance.per.broker.percentage", default: 10, min: 0)
        self.logConfig = try Self.readLogConfig(&reader)
        self.faultControlFile = reader.string(BrokerFaults.configKey).flatMap { $0.isEmpty ? nil : $0 }
        self.fetchZeroCopy = try reader.bool("samsa.fetch.zero.copy", default: true)

        for key in reader.unread where !Self.acceptedButUnused.contains(key) {
            self.warnings.append(
                "unknown property '\(key)' is ignored (check its spelling against Kafka's broker configs)")
        }
    }

    /// Broker keys of the `log.*` family, with Kafka's precedence: ms over minutes over hours.
    private static func readLogConfig(_ reader: inout ConfigReader) throws(BrokerConfigError) -> LogConfig {
        var config = LogConfig()
        let retentionMs: Int64 =
            if reader.has("log.retention.ms") {
                try reader.long("log.retention.ms", default: 0, min: -1)
            } else if reader.has("log.retention.minutes") {
                try reader.long("log.retention.minutes", default: 0, min: -1) * 60_000
            } else {
                try reader.long("log.retention.hours", default: 168, min: -1) * 3_600_000
            }
        _ = reader.string("log.retention.minutes")
        _ = reader.string("log.retention.hours")
        config.retentionMs = retentionMs < 0 ? -1 : retentionMs
        config.segmentMs =
            reader.has("log.roll.ms")
            ? try reader.long("log.roll.ms", default: 0, min: 1)
            : try reader.long("log.roll.hours", default: 168, min: 1) * 3_600_000
        _ = reader.string("log.roll.hours")
        let keys: [LogConfig.Key] = [
            .retentionBytes, .segmentBytes, .indexIntervalBytes, .segmentIndexBytes, .flushMessages, .flushMs,
            .fileDeleteDelayMs, .maxMessageBytes, .messageTimestampType, .cleanupPolicy, .minInSyncReplicas,
            .uncleanLeaderElectionEnable, .compressionType,
        ]
        for key in keys {
            guard let value = reader.string(key.brokerKey) else { continue }
            do {
                try config.set(key, to: value)
            } catch {
                guard case .invalidConfig(_, _, let expected) = error else {
                    throw BrokerConfigError(key: key.brokerKey, value: value, message: error.description)
                }
                throw BrokerConfigError(key: key.brokerKey, value: value, expected: expected)
            }
        }
        // Defaults for the topic configs the logs do not act on yet, kept so topics describe them.
        for definition in TopicConfigCatalog.all where !LogConfig.isHonoured(definition.name) {
            guard let brokerKey = definition.brokerSynonym, let value = reader.string(brokerKey) else { continue }
            do {
                config.storedOnly[definition.name] = try definition.parse(value)
            } catch {
                throw BrokerConfigError(key: brokerKey, value: value, message: error.description)
            }
        }
        return config
    }

    /// `PLAINTEXT://host:port,NAME://:port`. An empty host means 127.0.0.1 here (Kafka: all
    /// interfaces), so the kit never listens beyond the machine unless told to.
    static func parseListeners(_ text: String, key: String) throws(BrokerConfigError) -> [Endpoint] {
        var endpoints: [Endpoint] = []
        for item in text.split(separator: ",") {
            let entry = String(item).trimmingCharacters(in: " ")
            let expected = "NAME://host:port, e.g. PLAINTEXT://127.0.0.1:9092"
            let parts = entry.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw BrokerConfigError(key: key, value: text, expected: expected) }
            let name = String(parts[0])
            let address = parts[1]
            guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
                (0...65535).contains(port), !name.isEmpty
            else { throw BrokerConfigError(key: key, value: text, expected: expected) }
            var host = String(address[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            endpoints.append(Endpoint(listenerName: name, host: host.isEmpty ? "127.0.0.1" : host, port: port))
        }
        guard !endpoints.isEmpty else {
            throw BrokerConfigError(
                key: key, value: text, expected: "at least one listener like PLAINTEXT://127.0.0.1:9092")
        }
        return endpoints
    }

    /// Kafka keys a course's `server.properties` carries that change nothing here.
    static let acceptedButUnused: Set<String> = [
        "num.network.threads", "num.io.threads", "socket.send.buffer.bytes", "socket.receive.buffer.bytes",
        "num.recovery.threads.per.data.dir", "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr", "zookeeper.connection.timeout.ms", "listener.security.protocol.map",
        "inter.broker.listener.name", "log.segment.delete.delay.ms", "num.replica.fetchers", "broker.rack",
        "replica.fetch.max.bytes", "replica.fetch.wait.max.ms",
        "offsets.retention.minutes", "offsets.retention.check.interval.ms",
        "offset.metadata.max.bytes", "inter.broker.protocol.version",
        "log.message.format.version", "group.max.size", "offsets.commit.timeout.ms", "queued.max.requests",
        "broker.id.generation.enable", "reserved.broker.max.id", "unclean.leader.election.enable",
        "transactional.id.expiration.ms", "producer.id.expiration.ms", "log.cleaner.threads", "metric.reporters",
        "confluent.support.metrics.enable",
    ]
}

/// A bad value in `server.properties`: the one line the broker prints before exiting with 1.
public struct BrokerConfigError: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var message: String

    public init(key: String, value: String, expected: String) {
        self.key = key
        self.value = value
        self.message = "\(key)=\(value) is not valid; expected \(expected)"
    }

    public init(key: String, value: String, message: String) {
        self.key = key
        self.value = value
        self.message = message
    }

    public var description: String { self.message }
}

/// Reads typed values and remembers which keys were used, so the rest can be reported.
struct ConfigReader {
    private let values: [String: String]
    private var read: Set<String> = []

    init(values: [String: String]) {
        self.values = values
    }

    var unread: [String] { self.values.keys.filter { !self.read.contains($0) }.sorted() }

    func has(_ key: String) -> Bool { self.values[key] != nil }

    mutating func string(_ key: String) -> String? {
        self.read.insert(key)
        return self.values[key]?.trimmingCharacters(in: " ")
    }

    mutating func long(_ key: String, default fallback: Int64, min: Int64) throws(BrokerConfigError) -> Int64 {
        guard let text = self.string(key) else { return fallback }
        guard let value = Int64(text), value >= min else {
            throw BrokerConfigError(key: key, value: text, expected: "a whole number >= \(min)")
        }
        return value
    }

    mutating func int(_ key: String, default fallback: Int, min: Int) throws(BrokerConfigError) -> Int {
        Int(try self.long(key, default: Int64(fallback), min: Int64(min)))
    }

    mutating func int32(_ key: String, default fallback: Int32, min: Int32) throws(BrokerConfigError) -> Int32 {
        guard let text = self.string(key) else { return fallback }
        guard let value = Int32(text), value >= min else {
            throw BrokerConfigError(key: key, value: text, expected: "a whole number from \(min) to \(Int32.max)")
        }
        return value
    }

    mutating func bool(_ key: String, default fallback: Bool) throws(BrokerConfigError) -> Bool {
        guard let text = self.string(key) else { return fallback }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw BrokerConfigError(key: key, value: text, expected: "true or false")
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(self.drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
