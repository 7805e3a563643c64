// samsa-codegen: generates Sources/KafkaProtocol/Generated/ from Kafka's JSON message schemas.
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
    var check = false

    static let usage = """
        USAGE: samsa-codegen [--schemas <dir>] [--output <dir>] [--tests-output <dir>] [--check]

        Generates one Swift file per allow-listed Kafka message schema, plus ApiKey.swift.

        OPTIONS:
          --schemas <dir>  Kafka JSON schemas (default: schemas/kafka in the package root)
          --output <dir>   where to write (default: Sources/KafkaProtocol/Generated in the package root)
          --tests-output <dir>
                           where to write test fixtures (default: Tests/KafkaProtocolTests/Generated)
          --check          write nothing; exit 1 if any generated file would change (for CI)
          -h, --help       show this help
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--schemas":
                guard let value = iterator.next() else { throw CodegenError("--schemas needs a directory") }
                options.schemas = value
            case "--output":
                guard let value = iterator.next() else { throw CodegenError("--output needs a directory") }
                options.output = value
            case "--tests-output":
                guard let value = iterator.next() else { throw CodegenError("--tests-output needs a directory") }
                options.testsOutput = value
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
                    + "or pass --schemas, --output and --tests-output"
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

func run() throws -> Int32 {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    let root = try packageRoot()
    let schemaDirectory =
        options.schemas.map { URL(fileURLWithPath: $0) }
        ?? root.appendingPathComponent("schemas/kafka")
    let outputDirectory =
        options.output.map { URL(fileURLWithPath: $0) }
        ?? root.appendingPathComponent("Sources/KafkaProtocol/Generated")
    let testsDirectory =
        options.testsOutput.map { URL(fileURLWithPath: $0) }
        ?? root.appendingPathComponent("Tests/KafkaProtocolTests/Generated")
    let (outputs, samples) = try generate(schemaDirectory: schemaDirectory)
    let samplesURL = testsDirectory.appendingPathComponent("MessageSamples.swift")

    let fileManager = FileManager.default
    let existing = ((try? fileManager.contentsOfDirectory(atPath: outputDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".swift") }
    var changed: [String] = []
    for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
        let url = outputDirectory.appendingPathComponent(name)
        let current = try? String(contentsOf: url, encoding: .utf8)
        if current != text { changed.append(name) }
    }
    // Generated files that no schema produces any more (e.g. an API taken off the allow-list).
    var stale: [String] = []
    for name in existing where outputs[name] == nil {
        let url = outputDirectory.appendingPathComponent(name)
        if let text = try? String(contentsOf: url, encoding: .utf8), text.hasPrefix(SwiftEmitter.generatedMarker) {
            stale.append(name)
        }
    }

    let samplesChanged = (try? String(contentsOf: samplesURL, encoding: .utf8)) != samples

    if options.check {
        if samplesChanged { print("would change: \(samplesURL.path)") }
        if changed.isEmpty && stale.isEmpty && !samplesChanged {
            print("samsa-codegen: \(outputs.count) files up to date in \(outputDirectory.path)")
            return 0
        }
        for name in changed { print("would change: \(name)") }
        for name in stale { print("would delete: \(name)") }
        print("samsa-codegen: generated code is out of date; run `swift run samsa-codegen` and commit the result")
        return 1
    }

    try fileManager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    for name in changed {
        try Data(outputs[name]!.utf8).write(to: outputDirectory.appendingPathComponent(name), options: .atomic)
    }
    if samplesChanged {
        try fileManager.createDirectory(at: testsDirectory, withIntermediateDirectories: true)
        try Data(samples.utf8).write(to: samplesURL, options: .atomic)
    }
    for name in stale {
        try fileManager.removeItem(at: outputDirectory.appendingPathComponent(name))
    }
    print(
        "samsa-codegen: wrote \(changed.count + (samplesChanged ? 1 : 0)), deleted \(stale.count), \(outputs.count - changed.count) unchanged "
            + "in \(outputDirectory.path)"
    )
    return 0
}

do {
    exit(try run())
} catch {
    FileHandle.standardError.write(Data("samsa-codegen: error: \(error)\n".utf8))
    exit(2)
}
