// swift-tools-version:6.0
// Samsa: a Kafka you can see inside. One library per concern; executables are thin.
// The arrows between targets are the ones in docs/ARCHITECTURE.md; keep them acyclic.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "samsa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samsa-broker", targets: ["samsa-broker"]),
        .executable(name: "samsa-meta", targets: ["samsa-meta"]),
        .executable(name: "samsa-codegen", targets: ["samsa-codegen"]),
        .executable(name: "samsa", targets: ["samsa"]),
        .executable(name: "samsa-client-perf", targets: ["samsa-client-perf"]),
        .library(name: "SamsaClient", targets: ["SamsaClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Shared leaf: Java-style .properties files (server.properties, zookeeper.properties).
        .target(name: "PropertiesFile", swiftSettings: swiftSettings),

        // Kafka side.
        // The CPU's CRC-32C instruction (SSE 4.2), which Swift cannot emit; KafkaProtocol falls back to a table.
        .target(name: "CRC32CHardware"),
        .target(name: "KafkaProtocol", dependencies: ["CRC32CHardware", nioCore], swiftSettings: swiftSettings),
        .target(name: "LogStorage", dependencies: ["KafkaProtocol", nioCore, logging], swiftSettings: swiftSettings),
        .target(
            name: "Broker",
            dependencies: [
                "KafkaProtocol", "LogStorage", "PropertiesFile", "MetadataClient", "ZooKeeperProtocol", nioCore, nioPosix, logging,
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samsa-broker",
            dependencies: ["Broker", "PropertiesFile", argumentParser, logging],
            swiftSettings: swiftSettings
        ),
        // libFuzzer target for everything the broker parses (docs/fuzzing.md); a corpus replayer otherwise.
        .executableTarget(name: "samsa-fuzz-kafka", dependencies: ["KafkaProtocol", nioCore], swiftSettings: swiftSettings),
        // Reads schemas/kafka/*.json and writes Sources/KafkaProtocol/Generated/. Foundation only.
        .executableTarget(name: "samsa-codegen", swiftSettings: swiftSettings),

        // The Kafka client: connections, metadata, admin, producer, consumer, compression codecs.
        .target(
            name: "SamsaClient",
            dependencies: ["KafkaProtocol", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        // Producer and consumer throughput, comparable with shared/bench/perf_*.py (confluent-kafka).
        .executableTarget(
            name: "samsa-client-perf",
            dependencies: ["SamsaClient", argumentParser, logging],
            swiftSettings: swiftSettings
        ),

        // ZooKeeper side.
        .target(name: "ZooKeeperProtocol", dependencies: [nioCore], swiftSettings: swiftSettings),
        .target(
            name: "MetadataServer",
            dependencies: ["ZooKeeperProtocol", "PropertiesFile", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MetadataClient",
            dependencies: ["ZooKeeperProtocol", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samsa-meta",
            dependencies: ["MetadataServer", "PropertiesFile", argumentParser, logging],
            swiftSettings: swiftSettings
        ),
        // Loopback benchmark of samsa-meta against ZooKeeper 3.8 via MetadataClient; docs/benchmarks.md.
        .executableTarget(
            name: "samsa-meta-bench",
            dependencies: ["MetadataClient", "ZooKeeperProtocol", argumentParser, logging],
            swiftSettings: swiftSettings
        ),
        // libFuzzer target for the ZooKeeper frame decoder and request parsing; see docs/fuzzing.md.
        .executableTarget(
            name: "samsa-meta-fuzz",
            dependencies: ["ZooKeeperProtocol", "MetadataServer", nioCore],
            swiftSettings: swiftSettings
        ),

        // The local cluster and the REPL students live in (issue 7).
        // Launches samsa-meta / samsa-broker with Foundation Process; config files, ports, cluster.json.
        .target(name: "LocalCluster", dependencies: ["PropertiesFile", logging], swiftSettings: swiftSettings),
        // Line editing (libedit via dlopen), commands, completion, rendering, scripts.
        .target(name: "REPL", dependencies: ["LocalCluster", "SamsaClient", "MetadataClient", "ZooKeeperProtocol", "KafkaProtocol", logging], swiftSettings: swiftSettings),
        // Depends on the server executables so `swift run samsa` builds them too: the REPL launches them
        // from its own products directory, and a student needs no extra build step.
        .executableTarget(
            name: "samsa", dependencies: ["REPL", "LocalCluster", "samsa-broker", "samsa-meta", argumentParser, logging],
            swiftSettings: swiftSettings),

        // Test support for the metadata server and client tests: samsa-meta or a real ZooKeeper 3.8 as a
        // process, and a raw ZooKeeper-protocol connection for byte-level tests.
        .target(name: "MetadataTesting", dependencies: ["ZooKeeperProtocol", nioCore], swiftSettings: swiftSettings),
        // Test support: runs samsa-meta / samsa-broker processes on free ports in temp dirs.
        .target(name: "SamsaTesting", swiftSettings: swiftSettings),

        .testTarget(name: "PropertiesFileTests", dependencies: ["PropertiesFile"], swiftSettings: swiftSettings),
        .testTarget(name: "KafkaProtocolTests", dependencies: ["KafkaProtocol", nioCore], swiftSettings: swiftSettings),
        .testTarget(
            name: "LogStorageTests",
            dependencies: ["LogStorage", "KafkaProtocol", nioCore, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BrokerTests",
            dependencies: ["Broker", "KafkaProtocol", "LogStorage", "PropertiesFile", "SamsaTesting", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CompatibilityTests",
            dependencies: ["SamsaTesting"],
            exclude: ["clients"],  // Python scripts the tests run, not Swift sources
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LocalClusterTests", dependencies: ["LocalCluster", "PropertiesFile", "SamsaTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "REPLTests", dependencies: ["REPL", "LocalCluster", "SamsaClient", "KafkaProtocol", "SamsaTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SamsaClientTests",
            dependencies: ["SamsaClient", "KafkaProtocol", "SamsaTesting", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SamsaTestingTests", dependencies: ["SamsaTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ClusterTests", dependencies: ["SamsaTesting", "KafkaProtocol", nioCore],
            exclude: ["clients"],  // Python scripts the tests run, not Swift sources
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZooKeeperProtocolTests",
            dependencies: ["ZooKeeperProtocol", nioCore],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetadataServerTests",
            dependencies: ["MetadataServer", "MetadataTesting", "ZooKeeperProtocol", "SamsaTesting", nioCore, nioPosix, logging],
            exclude: ["kazoo"],  // the Python scenario suite the differential tests run
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetadataClientTests",
            dependencies: ["MetadataClient", "MetadataTesting", "ZooKeeperProtocol", "SamsaTesting", nioCore, logging],
            swiftSettings: swiftSettings
        ),
    ]
)
