import Foundation
import NIOCore
import SamsaClient

/// `kafka-producer-perf-test`: sends `--num-records` records of `--record-size` bytes at up to
/// `--throughput` records/s (-1: as fast as possible) and reports throughput and latency as Kafka
/// does. Lab 6 measures batching, acks, compression and partitions with it.
enum ProducerPerfTestTool: KafkaTool {
    static let name = "kafka-producer-perf-test"
    static let usage =
        "[-h] --topic TOPIC --num-records NUM-RECORDS [--payload-delimiter PAYLOAD-DELIMITER] --throughput THROUGHPUT [--producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]] [--producer.config CONFIG-FILE] [--print-metrics] [--bootstrap-server BOOTSTRAP-SERVERS] (--record-size RECORD-SIZE | --payload-file PAYLOAD-FILE)"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "usage: producer-performance \(usage)\n\nThis tool is used to verify the producer performance.",
        options: [
            .value(
                "bootstrap-server", "BOOTSTRAP-SERVERS",
                "The server(s) to connect to. This config takes precedence over bootstrap.servers specified via --producer.config or --producer-props."
            ),
            .value("num-records", "NUM-RECORDS", "number of messages to produce"),
            .value(
                "payload-delimiter", "PAYLOAD-DELIMITER",
                "provides delimiter to be used when --payload-file is provided. This parameter will be ignored if --payload-file is not provided.",
                default: "\\n"),
            .value(
                "payload-file", "PAYLOAD-FILE",
                "file to read the message payloads from. This works only for UTF-8 encoded text files. Payloads will be read from this file and a payload will be randomly selected when sending messages. Note that you must provide exactly one of --record-size or --payload-file."
            ),
            .flag("print-metrics", "print out metrics at the end of the test (Samsa prints none)."),
            .value(
                "producer-props", "PROP-NAME=PROP-VALUE",
                "kafka producer related configuration properties like bootstrap.servers,client.id etc. These configs take precedence over those passed via --producer.config."
            ),
            .value("producer.config", "CONFIG-FILE", "producer config properties file."),
            .value(
                "record-size", "RECORD-SIZE",
                "message size in bytes. Note that you must provide exactly one of --record-size or --payload-file."),
            .value(
                "throughput", "THROUGHPUT",
                "throttle maximum message throughput to *approximately* THROUGHPUT messages/sec. Set this to -1 to disable throttling."
            ),
            .value("topic", "TOPIC", "produce messages to this topic"),
        ],
        errorStyle: .argparse(program: "producer-performance", usage: usage))

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        for required in ["topic", "num-records", "throughput"] where !options.has(required) {
            throw ToolError.usage("argument --\(required) is required")
        }
        guard options.has("record-size") != options.has("payload-file") else {
            throw ToolError.usage("one of the arguments --record-size --payload-file is required")
        }
        let topic = try options.required("topic")
        let count = try options.int("num-records") ?? 0
        guard count >= 0 else { throw ToolError.usage("argument --num-records: must be at least 0") }
        let throughput = try options.int("throughput") ?? -1
        let payloads = try self.payloads(options, context: context)

        // argparse4j's nargs='+': the values after --producer-props until the next option.
        let propItems = options.all("producer-props") + options.positional.filter { $0.contains("=") }
        let props =
            try ClientProperties.file(options.value("producer.config"), context: context)
            + (try ClientProperties.pairs(propItems, option: "producer-props", language: context.language))
        var configuration = ProducerConfiguration()
        try ClientProperties.applyProducer(props, to: &configuration)
        var bootstrapOptions = options
        if options.values["bootstrap-server"] == nil {
            bootstrapOptions.values["bootstrap-server"] = [
                props.last { $0.0 == "bootstrap.servers" }?.1 ?? ClientFactory.defaultBootstrap
            ]
        }
        let client = try ClientFactory.client(bootstrapOptions, clientId: "perf-producer-client")
        let producer = KafkaProducer(client: client, configuration: configuration)
        let stats = ProducerPerfStats(console: context.console)
        let start = ContinuousClock.now
        for index in 0..<count {
            let payload = payloads[payloads.count == 1 ? 0 : Int.random(in: 0..<payloads.count)]
            let record = ProducerRecord(topic: topic, value: payload)
            let sentAt = ContinuousClock.now
            let size = payload.readableBytes
            do {
                try await producer.send(record) { result in
                    switch result {
                    case .success: stats.record(latency: ContinuousClock.now - sentAt, bytes: size)
                    case .failure(let error):
                        stats.recordFailure()
                        context.console.errLine(
                            "ERROR Error when sending message to topic \(topic): \(ClientErrors.text(error))")
                    }
                }
            } catch {
                context.console.errLine("ERROR \(ClientErrors.text(error))")
                break
            }
            if throughput > 0 {
                // Kafka's ThroughputThrottler: never ahead of `throughput` records per second.
                let due = start + .nanoseconds(Int64(Double(index + 1) / Double(throughput) * 1e9))
                if due > ContinuousClock.now { try? await Task.sleep(until: due, clock: .continuous) }
            }
        }
        await producer.close()
        await client.close()
        stats.printTotal()
        return 0
    }

    /// One random payload of `--record-size` letters (reused, as Kafka does), or the file's
    /// payloads split on the delimiter.
    static func payloads(_ options: ParsedOptions, context: ToolContext) throws -> [ByteBuffer] {
        if let size = try options.int("record-size") {
            // A record larger than a request could ever carry (Kafka: message.max.bytes) is a typo, not a test.
            guard (0...(1 << 30)).contains(size) else {
                throw ToolError.usage("argument --record-size: must be between 0 and 1073741824 bytes")
            }
            return [ByteBuffer(bytes: (0..<size).map { _ in UInt8.random(in: 65...90) })]
        }
        let path = context.absolutePath(options.value("payload-file") ?? "")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ToolError.failed("File does not exist or empty file provided.")
        }
        var delimiter = options.value("payload-delimiter") ?? "\\n"
        delimiter = delimiter.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
        let payloads = text.components(separatedBy: delimiter).filter { !$0.isEmpty }.map { ByteBuffer(string: $0) }
        guard !payloads.isEmpty else { throw ToolError.failed("File does not exist or empty file provided.") }
        context.console.outLine("Reading payloads from: \(path)")
        context.console.outLine("Number of messages read: \(payloads.count)")
        return payloads
    }
}
