// samsa-codegen: generates Sources/KafkaProtocol/Generated/ from Kafka's JSON message schemas and
// Sources/ZooKeeperProtocol/Generated/ from ZooKeeper's jute IDL (schemas/zookeeper.jute).
//
//     swift run samsa-codegen            regenerate (run from anywhere inside the package)
//     swift run samsa-codegen --check    exit 1 if the committed files differ from what would be generated
import ArgumentParser
import Foundation

/// The APIs Samsa speaks; each contributes its Request and Response schema.
let allowedAPIs = [
    "Produce", "Fetch", "ListOffsets", "Metadata", "LeaderAndIsr", "StopReplica", "UpdateMetadata",
    "ControlledShutdown", "OffsetCommit", "OffsetFetch", "FindCoordinator", "JoinGroup", "Heartbeat", "LeaveGroup",
    "SyncGroup", "DescribeGroups", "ListGroups", "SaslHandshake", "ApiVersions", "CreateTopics", "DeleteTopics",
    "DeleteRecords", "InitProducerId", "OffsetForLeaderEpoch", "DescribeConfigs", "AlterConfigs",
    "CreatePartitions", "DeleteGroups", "ElectLeaders", "IncrementalAlterConfigs", "OffsetDelete",
    "DescribeCluster", "DescribeProducers",
]

/// Schemas generated besides the APIs: headers, the consumer protocol's embedded data and the group
/// coordinator's records.
let otherSchemas = [
    "RequestHeader", "ResponseHeader", "ConsumerProtocolSubscription", "ConsumerProtocolAssignment",
    // Values of `__consumer_offsets` records (their keys are hand-written: Kafka types them "coordinator-key").
    "OffsetCommitValue", "GroupMetadataValue",
]

@main
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa-codegen",
        abstract: "Generate Samsa's Kafka codecs and ZooKeeper records from their schemas.",
        discussion: """
            One Swift file per allow-listed Kafka message schema, plus ApiKey.swift, and one per class of \
            the ZooKeeper jute file (except those JuteChoices.swift skips). Paths default to the package \
            that holds the current directory.
            """)

    @Option(help: ArgumentHelp("Kafka JSON schemas (default: schemas/kafka).", valueName: "dir"))
    var schemas: String?
    @Option(help: ArgumentHelp("Where to write (default: Sources/KafkaProtocol/Generated).", valueName: "dir"))
    var output: String?
    @Option(help: ArgumentHelp("Test fixtures (default: Tests/KafkaProtocolTests/Generated).", valueName: "dir"))
    var testsOutput: String?
    @Option(help: ArgumentHelp("ZooKeeper's jute IDL (default: schemas/zookeeper.jute).", valueName: "file"))
    var jute: String?
    @Option(help: ArgumentHelp("The jute records (default: Sources/ZooKeeperProtocol/Generated).", valueName: "dir"))
    var juteOutput: String?
    @Flag(help: "Write nothing; exit 1 if any generated file would change (scripts/test.sh runs this).")
    var check = false

    func run() throws {
        do {
            let status = try generateAll(self)
            if status != 0 { throw ExitCode(status) }
        } catch let error as CodegenError {
            FileHandle.standardError.write(Data("samsa-codegen: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The nearest directory at or above the current one that holds Package.swift.
func packageRoot() throws -> URL {
    let fileManager = FileManager.default
    var directory = URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)
    while true {
        if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            return directory
        }
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path {
            throw CodegenError(
                "no Package.swift in \(fileManager.currentDirectoryPath) or above; run inside the samsa package "
                    + "or pass --schemas, --output, --tests-output, --jute and --jute-output"
            )
        }
        directory = parent
    }
}

/// The generated files by name: the library's, and the test fixtures (`samples`).
func generate(schemaDirectory: URL) throws -> (library: [String: String], samples: String) {
    var outputs: [String: String] = [:]
    var models: [MessageModel] = []
    let allowed = Set(allowedAPIs)
    let names = allowedAPIs.flatMap { ["\($0)Request", "\($0)Response"] } + otherSchemas
    for name in names {
        let url = schemaDirectory.appendingPathComponent("\(name).json")
        let spec = try loadSchema(at: url)
        guard spec.name == name else { throw CodegenError("\(url.lastPathComponent) defines \(spec.name)") }
        let model = try buildModel(spec)
        models.append(model)
        outputs["\(name).swift"] = try SwiftEmitter(model: model, sourceFileName: "\(name).json").emit()
    }

    var entries: [ApiKeyEmitter.Entry] = []
    var seenKeys: [Int: String] = [:]
    let requestFiles = try FileManager.default.contentsOfDirectory(atPath: schemaDirectory.path)
        .filter { $0.hasSuffix("Request.json") }
        .sorted()
    for file in requestFiles {
        let spec = try loadSchema(at: schemaDirectory.appendingPathComponent(file))
        guard spec.type == "request", let apiKey = spec.apiKey else { continue }
        if let other = seenKeys[apiKey] { throw CodegenError("\(spec.name) and \(other) share API key \(apiKey)") }
        seenKeys[apiKey] = spec.name
        guard let valid = try Versions.parse(spec.validVersions) else { throw CodegenError("\(file): no versions") }
        entries.append(
            ApiKeyEmitter.Entry(
                spec: spec,
                validVersions: valid,
                flexibleVersions: try Versions.parse(spec.flexibleVersions),
                hasCodec: allowed.contains(apiName(for: spec.name))
            )
        )
    }
    outputs["ApiKey.swift"] = ApiKeyEmitter(entries: entries).emit()
    return (outputs, SampleEmitter(models: models).emit())
}

/// A directory samsa-codegen owns: the files it must hold. Files there that start with the
/// generated marker but are not in `files` are stale (a schema or class no longer generated).
struct OutputDirectory {
    var url: URL
    var files: [String: String]
    /// Whether generated files outside `files` are deleted (not for the tests' fixtures folder).
    var removesStale = true

    /// The files that differ from `files`, and the stale ones.
    func differences() -> (changed: [String], stale: [String]) {
        var changed: [String] = []
        for (name, text) in self.files.sorted(by: { $0.key < $1.key }) {
            let current = try? String(contentsOf: self.url.appendingPathComponent(name), encoding: .utf8)
            if current != text { changed.append(name) }
        }
        guard self.removesStale else { return (changed, []) }
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: self.url.path)) ?? [])
            .filter { $0.hasSuffix(".swift") }
            .sorted()
        let stale = existing.filter { name in
            guard self.files[name] == nil else { return false }
            let text = try? String(contentsOf: self.url.appendingPathComponent(name), encoding: .utf8)
            return text?.hasPrefix(SwiftEmitter.generatedMarker) ?? false
        }
        return (changed, stale)
    }
}

func generateAll(_ options: CodegenCommand) throws -> Int32 {
    let root = try packageRoot()
    func location(_ option: String?, default path: String) -> URL {
        option.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(path)
    }
    let schemaDirectory = location(options.schemas, default: "schemas/kafka")
    let juteFile = location(options.jute, default: "schemas/zookeeper.jute")
    let (outputs, samples) = try generate(schemaDirectory: schemaDirectory)
    let juteOutputs = try JuteEmitter.emitAll(
        try JuteParser.parse(contentsOf: juteFile),
        sourceFileName: juteFile.lastPathComponent
    )
    let directories = [
        OutputDirectory(url: location(options.output, default: "Sources/KafkaProtocol/Generated"), files: outputs),
        OutputDirectory(
            url: location(options.testsOutput, default: "Tests/KafkaProtocolTests/Generated"),
            files: ["MessageSamples.swift": samples],
            removesStale: false
        ),
        OutputDirectory(
            url: location(options.juteOutput, default: "Sources/ZooKeeperProtocol/Generated"), files: juteOutputs),
    ]

    let fileManager = FileManager.default
    if options.check {
        var upToDate = true
        for directory in directories {
            let (changed, stale) = directory.differences()
            for name in changed { print("would change: \(directory.url.appendingPathComponent(name).path)") }
            for name in stale { print("would delete: \(directory.url.appendingPathComponent(name).path)") }
            if changed.isEmpty && stale.isEmpty {
                let count = directory.files.count
                print("samsa-codegen: \(count) file\(count == 1 ? "" : "s") up to date in \(directory.url.path)")
            } else {
                upToDate = false
            }
        }
        if upToDate { return 0 }
        print("samsa-codegen: generated code is out of date; run `swift run samsa-codegen` and commit the result")
        return 1
    }

    for directory in directories {
        let (changed, stale) = directory.differences()
        try fileManager.createDirectory(at: directory.url, withIntermediateDirectories: true)
        for name in changed {
            let text = directory.files[name] ?? ""
            try Data(text.utf8).write(to: directory.url.appendingPathComponent(name), options: .atomic)
        }
        for name in stale {
            try fileManager.removeItem(at: directory.url.appendingPathComponent(name))
        }
        print(
            "samsa-codegen: wrote \(changed.count), deleted \(stale.count), "
                + "\(directory.files.count - changed.count) unchanged in \(directory.url.path)"
        )
    }
    return 0
}
