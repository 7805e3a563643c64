// samsa-codegen: generates Sources/KafkaProtocol/Generated/ from Kafka's JSON message schemas and
// Sources/ZooKeeperProtocol/Generated/ from ZooKeeper's jute IDL (schemas/zookeeper.jute).
//
//     swift run samsa-codegen            regenerate (run from anywhere inside the package)
//     swift run samsa-codegen --check    exit 1 if the committed files differ from what would be generated
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

struct Options {
    var schemas: String?
    var output: String?
    var testsOutput: String?
    var jute: String?
    var juteOutput: String?
    var check = false

    static let usage = """
        USAGE: samsa-codegen [--schemas <dir>] [--output <dir>] [--tests-output <dir>] [--jute <file>]
                             [--jute-output <dir>] [--check]

        Generates one Swift file per allow-listed Kafka message schema, plus ApiKey.swift, and one per
        class of the ZooKeeper jute file (except those JuteChoices.swift skips).

        OPTIONS:
          --schemas <dir>  Kafka JSON schemas (default: schemas/kafka in the package root)
          --output <dir>   where to write (default: Sources/KafkaProtocol/Generated in the package root)
          --tests-output <dir>
                           where to write test fixtures (default: Tests/KafkaProtocolTests/Generated)
          --jute <file>    ZooKeeper's jute IDL (default: schemas/zookeeper.jute in the package root)
          --jute-output <dir>
                           where to write the jute records (default: Sources/ZooKeeperProtocol/Generated)
          --check          write nothing; exit 1 if any generated file would change (for CI)
          -h, --help       show this help
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(of option: String, _ kind: String) throws -> String {
            guard let value = iterator.next() else { throw CodegenError("\(option) needs a \(kind)") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--schemas":
                options.schemas = try value(of: argument, "directory")
            case "--output":
                options.output = try value(of: argument, "directory")
            case "--tests-output":
                options.testsOutput = try value(of: argument, "directory")
            case "--jute":
                options.jute = try value(of: argument, "file")
            case "--jute-output":
                options.juteOutput = try value(of: argument, "directory")
            case "--check":
                options.check = true
            case "-h", "--help":
                print(Options.usage)
                exit(0)
            default:
                throw CodegenError("unknown argument '\(argument)'\n\n\(Options.usage)")
            }
        }
        return options
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

func run() throws -> Int32 {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
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

do {
    exit(try run())
} catch {
    FileHandle.standardError.write(Data("samsa-codegen: error: \(error)\n".utf8))
    exit(2)
}
