// swift-tools-version:6.0
// Samsa: a Kafka you can see inside. One library per concern; executables are thin.
// The arrows between targets are the ones in docs/ARCHITECTURE.md; keep them acyclic.
import Foundation
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

// Labs (labs/, issue 9): one small target per lab exercise the student edits, and one per reference
// solution. The student export leaves `solution/` out; then the solution targets are not declared.
let labExercises = [
    (module: "Lab2", folder: "02-keys-partitions"), (module: "Lab4", folder: "04-offsets-retention"),
    (module: "Lab5", folder: "05-consumer-groups"), (module: "Lab6", folder: "06-performance"),
]
let hasLabSolutions = labExercises.allSatisfy {
    FileManager.default.fileExists(atPath: Context.packageDirectory + "/labs/\($0.folder)/solution")
}
let labExerciseDependencies: [Target.Dependency] = ["LabExerciseKit", "SamsaClient", "KafkaProtocol"]
let labSolutionModules: [Target.Dependency] =
    hasLabSolutions ? labExercises.map { .target(name: "\($0.module)Solution") } : []
let labTargets: [Target] =
    [
        // Types the exercises share with the checks (records, settings, the "not done yet" marker).
        .target(name: "LabExerciseKit", dependencies: ["SamsaClient", "KafkaProtocol"], swiftSettings: swiftSettings),
        // Manifests, answers, command log, progress, checks, grading reports, `samsa grade` / `samsa lab export`.
        .target(
            name: "LabKit",
            dependencies: [
                "LabExerciseKit", "SamsaClient", "KafkaProtocol", "PropertiesFile", "LocalCluster", "CourseLanguage",
                "CommandLineSupport",
                argumentParser,
            ],
            swiftSettings: swiftSettings),
        // The student's exercises as `ExerciseImplementations.student`. Only graders link it (never the
        // REPL), so an exercise that does not compile yet cannot break `swift run samsa`.
        .target(
            name: "LabStudentExercises",
            dependencies: ["LabKit"] + labExercises.map { .target(name: "\($0.module)Exercise") },
            swiftSettings: swiftSettings),
        // `samsa-lab grade …` / `samsa-lab lab export …` with the student's exercises linked (the autograder's grader).
        .executableTarget(
            name: "samsa-lab", dependencies: ["LabKit", "LabStudentExercises"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LabCheckers",
            dependencies: [
                "CourseLanguage", "LabKit", "LabStudentExercises", "LabExerciseKit", "SamsaClient", "KafkaProtocol",
                "SamsaTesting", "REPL", "LocalCluster",
            ]
                + labSolutionModules,
            swiftSettings: swiftSettings),
    ]
    + labExercises.map {
        .target(
            name: "\($0.module)Exercise", dependencies: labExerciseDependencies, path: "labs/\($0.folder)/exercise",
            swiftSettings: swiftSettings)
    }
    + (hasLabSolutions
        ? labExercises.map {
            .target(
                name: "\($0.module)Solution", dependencies: labExerciseDependencies, path: "labs/\($0.folder)/solution",
                exclude: ["answers.properties", "commands.log"], swiftSettings: swiftSettings)
        } : [])

let package = Package(
    name: "samsa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samsa-broker", targets: ["samsa-broker"]),
        .executable(name: "samsa-meta", targets: ["samsa-meta"]),
        .executable(name: "samsa-codegen", targets: ["samsa-codegen"]),
        .executable(name: "samsa", targets: ["samsa"]),
        .executable(name: "samsa-client-perf", targets: ["samsa-client-perf"]),
        .executable(name: "samsa-lab", targets: ["samsa-lab"]),
        .executable(name: "samsa-slides", targets: ["samsa-slides"]),
        .library(name: "SamsaClient", targets: ["SamsaClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // Shared leaf: Java-style .properties files (server.properties, zookeeper.properties).
        .target(name: "PropertiesFile", swiftSettings: swiftSettings),
        // Shared leaf: the student's language (es/en), text in both, and the course glossary that
        // `explain`, the sheets and the slides share. Foundation only; any module may import it.
        .target(name: "CourseLanguage", swiftSettings: swiftSettings),
        // Shared leaf: the fault-injection control file (`fault ...` in the REPL), written by LocalCluster,
        // read by the broker. Foundation only.
        .target(name: "FaultControl", swiftSettings: swiftSettings),
        // The readiness notice a server started by `kafka-server-start`/`zookeeper-server-start`
        // writes, so the tool's lab log line says whether it came up. Foundation only.
        .target(name: "ServerReadiness", swiftSettings: swiftSettings),
        // Shared leaf: how Samsa runs its own ArgumentParser commands from a command line it was handed
        // (`samsa grade` and `samsa-lab`, `samsa slides` and `samsa-slides`, `samsa`'s subcommands).
        .target(name: "CommandLineSupport", dependencies: [argumentParser], swiftSettings: swiftSettings),
        // Shared leaf: POSIX file calls without Foundation (an owned descriptor with positional I/O and
        // fsync/fdatasync; mkdir -p, list, rename, atomic writes), one error type. No dependencies.
        .target(name: "POSIXFile", swiftSettings: swiftSettings),
        // How much of a file is in the OS page cache (`mincore`) and evicting it (`posix_fadvise`),
        // for the REPL's segment view.
        .target(name: "PageCache", dependencies: ["POSIXFile"], swiftSettings: swiftSettings),

        // Kafka side.
        // The CPU's CRC-32C instruction (SSE 4.2), which Swift cannot emit; KafkaProtocol falls back to a table.
        .target(name: "CRC32CHardware"),
        .target(name: "KafkaProtocol", dependencies: ["CRC32CHardware", nioCore], swiftSettings: swiftSettings),
        .target(
            name: "LogStorage", dependencies: ["KafkaProtocol", "POSIXFile", nioCore, logging],
            swiftSettings: swiftSettings),
        // Kafka's ZooKeeper-mode metadata tree: znode paths and their JSON, shared by the broker and the REPL.
        .target(name: "KafkaZkModel", dependencies: ["KafkaProtocol"], swiftSettings: swiftSettings),
        .target(
            name: "Broker",
            dependencies: [
                "KafkaProtocol", "KafkaZkModel", "LogStorage", "PropertiesFile", "FaultControl", "MetadataClient",
                "ZooKeeperProtocol", "CourseLanguage", nioCore, nioPosix, logging,
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samsa-broker",
            dependencies: ["Broker", "CourseLanguage", "PropertiesFile", "ServerReadiness", argumentParser, logging],
            swiftSettings: swiftSettings
        ),
        // libFuzzer target for everything the broker parses (docs/fuzzing.md); a corpus replayer otherwise.
        .executableTarget(
            name: "samsa-fuzz-kafka", dependencies: ["KafkaProtocol", nioCore], swiftSettings: swiftSettings),
        // Reads schemas/kafka/*.json and writes Sources/KafkaProtocol/Generated/. Foundation only.
        .executableTarget(name: "samsa-codegen", dependencies: [argumentParser], swiftSettings: swiftSettings),

        // The Kafka client: connections, metadata, admin, producer, consumer, compression codecs.
        .target(
            name: "SamsaClient",
            dependencies: ["KafkaProtocol", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        // Producer and consumer throughput, comparable with shared/bench/perf_*.py (confluent-kafka).
        .executableTarget(
            name: "samsa-client-perf",
            dependencies: ["SamsaClient", "KafkaProtocol", nioCore, argumentParser, logging],
            swiftSettings: swiftSettings
        ),

        // ZooKeeper side.
        .target(name: "ZooKeeperProtocol", dependencies: [nioCore], swiftSettings: swiftSettings),
        .target(
            name: "MetadataServer",
            dependencies: ["ZooKeeperProtocol", "PropertiesFile", "POSIXFile", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MetadataClient",
            dependencies: ["ZooKeeperProtocol", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "samsa-meta",
            dependencies: ["MetadataServer", "PropertiesFile", "ServerReadiness", argumentParser, logging],
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
        .target(
            name: "LocalCluster", dependencies: ["PropertiesFile", "FaultControl", logging],
            swiftSettings: swiftSettings),
        // The live view (issue 17): the page, its snapshot model and the loopback HTTP/SSE server
        // (NIOHTTP1). Knows nothing of the cluster; the REPL fills the snapshots.
        .target(name: "LiveView", dependencies: [nioCore, nioPosix, nioHTTP1], swiftSettings: swiftSettings),
        // Line editing (libedit via dlopen), commands, completion, rendering, scripts.
        .target(
            name: "REPL",
            dependencies: [
                "CourseLanguage", "LocalCluster", "FaultControl", "PageCache", "SamsaClient", "MetadataClient",
                "ZooKeeperProtocol", "KafkaProtocol", "KafkaZkModel", "LabKit", "LiveView", logging,
            ], swiftSettings: swiftSettings),
        // Kafka's command-line tools (kafka-topics, kafka-console-producer, ...), run as `samsa <tool>` or
        // through links named after each tool (issue 8). Hand-parsed `--long-option value` syntax, as Kafka's.
        .target(
            name: "KafkaCLI",
            dependencies: [
                "CourseLanguage", "SamsaClient", "KafkaProtocol", "MetadataClient", "ZooKeeperProtocol", "LocalCluster",
                "PageCache", "PropertiesFile",
                "ServerReadiness", nioCore, logging, .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings),
        // Depends on the server executables so `swift run samsa` builds them too: the REPL launches them
        // from its own products directory, and a student needs no extra build step.
        .executableTarget(
            name: "samsa",
            dependencies: [
                "CourseLanguage", "CommandLineSupport", "REPL", "LabKit", "LocalCluster", "KafkaCLI", "ServerReadiness",
                "Slides", "samsa-broker", "samsa-meta", argumentParser, logging,
            ],
            swiftSettings: swiftSettings),

        // The course's slides (issue 10): Markdown decks in slides/src rendered with Ink to one
        // self-contained HTML file each, with every samsa block run on a fresh local cluster.
        .target(
            name: "Slides",
            dependencies: [
                "CourseLanguage", "CommandLineSupport", argumentParser, .product(name: "Ink", package: "Ink"),
            ],
            swiftSettings: swiftSettings),
        // `samsa-slides build`, until `samsa slides build` exists.
        .executableTarget(name: "samsa-slides", dependencies: ["Slides"], swiftSettings: swiftSettings),

        // The one test-support module: samsa-meta, samsa-broker and a real ZooKeeper 3.8 as processes on free
        // ports in temp dirs, external tools, and a raw ZooKeeper-protocol connection for byte-level tests.
        .target(
            name: "SamsaTesting", dependencies: ["PropertiesFile", "ZooKeeperProtocol", nioCore],
            swiftSettings: swiftSettings),

        .testTarget(name: "CourseLanguageTests", dependencies: ["CourseLanguage"], swiftSettings: swiftSettings),
        .testTarget(name: "PropertiesFileTests", dependencies: ["PropertiesFile"], swiftSettings: swiftSettings),
        .testTarget(name: "PageCacheTests", dependencies: ["PageCache"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KafkaProtocolTests", dependencies: ["KafkaProtocol", nioCore], swiftSettings: swiftSettings),
        .testTarget(
            name: "LogStorageTests",
            dependencies: ["LogStorage", "KafkaProtocol", nioCore, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BrokerTests",
            dependencies: [
                "Broker", "KafkaProtocol", "KafkaZkModel", "LogStorage", "PropertiesFile", "FaultControl",
                "SamsaTesting", nioCore,
                nioPosix, logging,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CompatibilityTests",
            dependencies: ["SamsaTesting"],
            exclude: ["clients"],  // Python scripts the tests run, not Swift sources
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LocalClusterTests",
            dependencies: ["LocalCluster", "PropertiesFile", "FaultControl", "SamsaTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "REPLTests",
            dependencies: [
                "CourseLanguage", "REPL", "LocalCluster", "FaultControl", "SamsaClient", "KafkaProtocol",
                "SamsaTesting", "LiveView",
            ],
            exclude: ["browser"],  // the Python probe that drives Chromium for LiveViewBrowserTests
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SamsaClientTests",
            dependencies: ["SamsaClient", "KafkaProtocol", "SamsaTesting", nioCore, nioPosix, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaCLITests",
            dependencies: [
                "KafkaCLI", "SamsaClient", "KafkaProtocol", "LocalCluster", "PageCache", "SamsaTesting", nioCore,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LiveViewTests", dependencies: ["LiveView", nioCore, nioPosix], swiftSettings: swiftSettings),
        .testTarget(
            name: "SlidesTests", dependencies: ["CourseLanguage", "Slides", "SamsaTesting"],
            swiftSettings: swiftSettings),
        .testTarget(name: "SamsaTestingTests", dependencies: ["SamsaTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "SamsaTesting", "SamsaClient", "KafkaProtocol", "MetadataClient", "ZooKeeperProtocol", nioCore,
            ],
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
            dependencies: ["MetadataServer", "ZooKeeperProtocol", "SamsaTesting", nioCore, nioPosix, logging],
            exclude: ["kazoo"],  // the Python scenario suite the differential tests run
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetadataClientTests",
            dependencies: ["MetadataClient", "ZooKeeperProtocol", "SamsaTesting", nioCore, logging],
            swiftSettings: swiftSettings
        ),
    ] + labTargets
)
