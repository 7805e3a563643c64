import PropertiesFile
import ZooKeeperProtocol

/// The settings of `zookeeper.properties`, with ZooKeeper's names and defaults except
/// `clientPortAddress`, which defaults to loopback so a student's laptop is not exposed.
public struct ServerConfiguration: Sendable, Equatable {
    public var clientPort = 2181
    public var clientPortAddress = "127.0.0.1"
    public var dataDir = "/tmp/zookeeper"
    public var tickTime = 3000
    public var minSessionTimeout = 6000
    public var maxSessionTimeout = 60000
    /// Connections allowed per client address; 0 means no limit.
    public var maxClientCnxns = 60
    /// Transactions between snapshots.
    public var snapCount = 100_000
    public var snapRetainCount = 3
    /// Hours between purges of old snapshots and logs; 0 disables purging.
    public var purgeInterval = 0
    /// Four-letter words answered on the client port; `*` allows all. ZooKeeper's default is srvr.
    public var fourLetterWordWhitelist: Set<String> = ["srvr"]
    /// Largest request or znode payload (`jute.maxbuffer`).
    public var juteMaxBuffer = 0xFFFFF
    /// Allows TTL nodes (`zookeeper.extendedTypesEnabled`).
    public var isExtendedTypesEnabled = false
    /// Log files grow in steps of this many KB of zeros (ZooKeeper's `preAllocSize`, whose
    /// default is 65536; smaller here so a laptop full of test servers stays small).
    public var preAllocSizeKB = 4096
    /// How often empty containers and expired TTL nodes are deleted (`znode.container.checkIntervalMs`).
    public var containerCheckIntervalMs = 60_000
    /// Outbound bytes a connection may have queued before the server drops it as not reading.
    public var maxQueuedBytesPerConnection = 16 << 20
    /// Warnings about keys that were read but have no effect here.
    public var warnings: [String] = []

    public init() {}

    /// Keys ZooKeeper accepts that a standalone server ignores.
    static let ignoredKeys: Set<String> = [
        "initLimit", "syncLimit", "admin.enableServer", "admin.serverPort", "globalOutstandingLimit",
        "leaderServes", "standaloneEnabled", "reconfigEnabled", "dataLogDir",
        "quorumListenOnAllIPs", "electionAlg", "forceSync", "metricsProvider.className",
        "secureClientPort", "audit.enable", "skipACL", "clientCnxnSocket", "serverCnxnFactory",
    ]

    /// Parses the file's text; `file` names it in errors.
    public init(properties: PropertiesFile, file: String) throws(ConfigurationError) {
        self.init()
        var sawMin = false
        var sawMax = false
        for entry in properties.entries {
            let value = entry.value.trimmingSpaces
            func fail(_ message: String) -> ConfigurationError {
                ConfigurationError(file: file, line: entry.line, message: message)
            }
            func integer(_ range: ClosedRange<Int>, example: String) throws(ConfigurationError) -> Int {
                guard let number = Int(value), range.contains(number) else {
                    throw fail(
                        "\(entry.key)=\(entry.value) is not a whole number in \(range.lowerBound)...\(range.upperBound); write e.g. \(entry.key)=\(example)"
                    )
                }
                return number
            }
            switch entry.key {
            case "clientPort":
                self.clientPort = try integer(0...65535, example: "2181")
            case "clientPortAddress":
                guard !value.isEmpty else {
                    throw fail("clientPortAddress is empty; write e.g. clientPortAddress=127.0.0.1")
                }
                self.clientPortAddress = value
            case "dataDir":
                guard !value.isEmpty else { throw fail("dataDir is empty; write e.g. dataDir=/tmp/zookeeper") }
                self.dataDir = value
            case "tickTime":
                self.tickTime = try integer(1...86_400_000, example: "2000")
            case "minSessionTimeout":
                self.minSessionTimeout = try integer(1...Int(Int32.max), example: "4000")
                sawMin = true
            case "maxSessionTimeout":
                self.maxSessionTimeout = try integer(1...Int(Int32.max), example: "40000")
                sawMax = true
            case "maxClientCnxns":
                self.maxClientCnxns = try integer(0...1_000_000, example: "60")
            case "snapCount":
                self.snapCount = max(2, try integer(1...Int(Int32.max), example: "100000"))
            case "autopurge.snapRetainCount":
                let count = try integer(0...1_000_000, example: "3")
                if count < 3 {
                    self.warnings.append("autopurge.snapRetainCount=\(count) is below 3; using 3 as ZooKeeper does")
                }
                self.snapRetainCount = max(3, count)
            case "autopurge.purgeInterval":
                self.purgeInterval = try integer(0...1_000_000, example: "1")
            case "4lw.commands.whitelist":
                let words = value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                for word in words where word != "*" && !Self.knownWords.contains(word) {
                    throw fail(
                        "4lw.commands.whitelist names unknown word '\(word)'; use * or a list like ruok,srvr,stat,mntr")
                }
                self.fourLetterWordWhitelist = words.contains("*") ? Self.knownWords : Set(words)
            case "jute.maxbuffer":
                self.juteMaxBuffer = try integer(1024...(256 << 20), example: "1048575")
            case "preAllocSize":
                self.preAllocSizeKB = try integer(4...1_048_576, example: "65536")
            case "znode.container.checkIntervalMs":
                self.containerCheckIntervalMs = try integer(1...86_400_000, example: "60000")
            case "extendedTypesEnabled", "zookeeper.extendedTypesEnabled":
                guard let flag = Bool(value.lowercased()) else {
                    throw fail("\(entry.key)=\(entry.value) is not true or false; write e.g. \(entry.key)=true")
                }
                self.isExtendedTypesEnabled = flag
            default:
                if entry.key.hasPrefix("server.") || entry.key.hasPrefix("group.") || entry.key.hasPrefix("weight.") {
                    self.warnings.append("\(entry.key) ignored: samsa-meta runs standalone")
                } else if Self.ignoredKeys.contains(entry.key) {
                    self.warnings.append("\(entry.key) has no effect in samsa-meta")
                } else {
                    self.warnings.append("unknown key \(entry.key) ignored")
                }
            }
        }
        if !sawMin { self.minSessionTimeout = self.tickTime * 2 }
        if !sawMax { self.maxSessionTimeout = self.tickTime * 20 }
        if self.minSessionTimeout > self.maxSessionTimeout {
            throw ConfigurationError(
                file: file, line: 0,
                message:
                    "minSessionTimeout (\(self.minSessionTimeout)) is larger than maxSessionTimeout (\(self.maxSessionTimeout)); make min <= max"
            )
        }
    }

    static let knownWords: Set<String> = ZooKeeperFrameDecoder.fourLetterWords

    /// The timeout a client asking for `requested` ms gets.
    public func negotiatedTimeout(_ requested: Int32) -> Int32 {
        Int32(min(max(Int(requested), self.minSessionTimeout), self.maxSessionTimeout))
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(
            self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        )
    }
}
