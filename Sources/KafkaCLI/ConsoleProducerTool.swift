import CourseLanguage
import Foundation
import KafkaProtocol
import NIOCore
import SamsaClient

/// `kafka-console-producer`: one record per line of stdin, typed (a `>` prompt before each line)
/// or piped in.
enum ConsoleProducerTool: KafkaTool {
    static let name = "kafka-console-producer"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "This tool helps to read data from standard input and publish it to Kafka.",
        options: [
            .value(
                "batch-size", "Integer: size",
                "Number of messages to send in a single batch if they are not being sent synchronously. please note that this option will be replaced if max-partition-memory-bytes is also set",
                default: "16384"),
            .value(
                "bootstrap-server", "String: server to connect to",
                "The server(s) to connect to. The broker list string in the form HOST1:PORT1,HOST2:PORT2.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "broker-list", "String: broker-list",
                "DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified."),
            .optionalValue(
                "compression-codec", "String: compression-codec",
                "The compression codec: either 'none', 'gzip', 'snappy', 'lz4', or 'zstd'. If specified without value, then it defaults to 'gzip'"
            ),
            .value(
                "max-block-ms", "Long: max block on send",
                "The max time that the producer will block for during a send request.", default: "60000"),
            .value(
                "message-send-max-retries", "Integer",
                "Brokers can fail receiving the message for multiple reasons, and being unavailable transiently is just one of them. This property specifies the number of retries before the producer give up and drop this message.",
                default: "3"),
            .value(
                "producer-property", "String: producer_prop",
                "A mechanism to pass user-defined properties in the form key=value to the producer."),
            .value(
                "producer.config", "String: config file",
                "Producer config properties file. Note that [producer-property] takes precedence over this config."),
            .value(
                "property", "String: prop",
                "A mechanism to pass user-defined properties in the form key=value to the message reader. This allows custom configuration for a user-defined message reader.\nDefault properties include:\n\tparse.key=false\n\tparse.headers=false\n\tignore.error=false\n\tkey.separator=\\t\n\theaders.delimiter=\\t\n\theaders.separator=,\n\theaders.key.separator=:\n\tnull.marker=   When set, any fields (key, value and headers) equal to this will be replaced by null"
            ),
            .value(
                "request-required-acks", "String: request required acks",
                "The required `acks` of the producer requests", default: "-1"),
            .value(
                "request-timeout-ms", "Integer: request timeout ms",
                "The ack timeout of the producer requests. Value must be non-negative and non-zero.", default: "1500"),
            .value(
                "retry-backoff-ms", "Long",
                "Before each retry, the producer refreshes the metadata of relevant topics. Since leader election takes a bit of time, this property specifies the amount of time that the producer waits before refreshing the metadata.",
                default: "100"),
            .flag(
                "sync", "If set message send requests to the brokers are synchronously, one at a time as they arrive."),
            .value(
                "timeout", "Long: timeout_ms",
                "If set and the producer is running in asynchronous mode, this gives the maximum amount of time a message will queue awaiting sufficient batch size. The value is given in ms. This is the option to control `linger.ms` in producer configs.",
                default: "1000"),
            .value("topic", "String: topic", "REQUIRED: The topic id to produce messages to."),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        let topic = try options.required("topic")
        let reader = try LineRecordReader(
            properties: try ClientProperties.pairs(
                options.all("property"), option: "property", language: options.language),
            language: options.language)
        var configuration = ProducerConfiguration()
        try ClientProperties.applyProducer(
            try ClientProperties.file(options.value("producer.config"), context: context), to: &configuration)
        let extra = try ClientProperties.pairs(
            options.all("producer-property"), option: "producer-property", language: options.language)
        try ClientProperties.applyProducer(extra, to: &configuration)
        // Kafka merges an explicit option over --producer-property, and a default only where the
        // property left the key unset.
        let setKeys = Set(extra.map(\.0))
        let merged: [(option: String, key: String)] = [
            ("request-required-acks", "acks"), ("timeout", "linger.ms"), ("batch-size", "batch.size"),
            ("message-send-max-retries", "retries"), ("retry-backoff-ms", "retry.backoff.ms"),
        ]
        var fromOptions: [(String, String)] = []
        for (option, key) in merged where options.values[option] != nil || !setKeys.contains(key) {
            if let value = options.value(option) { fromOptions.append((key, value)) }
        }
        if options.has("compression-codec") {
            fromOptions.append(("compression.type", options.value("compression-codec") ?? "gzip"))
        }
        try ClientProperties.applyProducer(fromOptions, to: &configuration)
        // The client's own request timeout stays at its default: Kafka's 1.5 s ack timeout applies to
        // the broker's wait for replicas, and a short client timeout would only add retries.
        configuration.requestTimeout = .seconds(30)

        var bootstrapOptions = options
        if options.values["bootstrap-server"] == nil, let brokers = options.value("broker-list") {
            bootstrapOptions.values["bootstrap-server"] = [brokers]
        }
        let client = try ClientFactory.client(bootstrapOptions, clientId: "console-producer")
        let producer = KafkaProducer(client: client, configuration: configuration)
        // Ctrl-C is how students leave the interactive producer: it ends the input, and every line
        // already read is still sent before the producer closes, as Kafka's shutdown hook closes it.
        let (lines, input) = AsyncStream<String>.makeStream()
        let inputPump = Task {
            for await line in context.console.inputLines(prompt: ">") { input.yield(line) }
            input.finish()
        }
        let stop = StopSignal.install(if: context.console) { input.finish() }
        var lineNumber = 0
        var status: Int32 = 0
        for await line in lines {
            lineNumber += 1
            let parsed = Result { () throws(ToolError) in
                try reader.record(from: line, lineNumber: lineNumber, topic: topic)
            }
            guard case .success(let record) = parsed else {
                if reader.ignoreError { continue }
                if case .failure(let error) = parsed {
                    _ = KafkaTools.report(error, syntax: self.syntax, console: context.console)
                }
                status = 1
                break
            }
            let valueSize = record.value?.readableBytes ?? 0
            let keyText = record.key.map { String(buffer: $0) } ?? "null"
            let report: @Sendable (Result<RecordMetadata, SamsaClientError>) -> Void = { result in
                if case .failure(let error) = result {
                    context.console.errLine(
                        "ERROR Error when sending message to topic \(topic) with key: \(keyText == "null" ? "null" : "\(keyText.utf8.count) bytes"), value: \(valueSize) bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n\(ClientErrors.exceptionName(error)): \(ClientErrors.text(error))"
                    )
                }
            }
            do {
                if options.has("sync") {
                    do {
                        _ = try await producer.send(record)
                    } catch {
                        report(.failure((error as? SamsaClientError) ?? .closed("\(error)")))
                    }
                } else {
                    try await producer.send(record, onDelivery: report)
                }
            } catch {
                report(.failure((error as? SamsaClientError) ?? .closed("\(error)")))
            }
        }
        inputPump.cancel()
        await producer.close()
        await client.close()
        return stop.isRequested && status == 0 ? 130 : status
    }
}

/// Kafka's `LineMessageReader`: how a line becomes key, value and headers.
struct LineRecordReader: Sendable {
    var parseKey = false
    var keySeparator = "\t"
    var parseHeaders = false
    var headersDelimiter = "\t"
    var headersSeparator = ","
    var headersKeySeparator = ":"
    var ignoreError = false
    var nullMarker: String?

    init(properties: [(String, String)], language: Language = .en) throws(ToolError) {
        for (key, value) in properties {
            switch key {
            case "parse.key": self.parseKey = value.lowercased() == "true"
            case "key.separator": self.keySeparator = value
            case "parse.headers": self.parseHeaders = value.lowercased() == "true"
            case "headers.delimiter": self.headersDelimiter = value
            case "headers.separator": self.headersSeparator = value
            case "headers.key.separator": self.headersKeySeparator = value
            case "ignore.error": self.ignoreError = value.lowercased() == "true"
            case "null.marker": self.nullMarker = value
            default: continue
            }
        }
        guard !self.keySeparator.isEmpty else {
            throw .failed(
                language.pick(es: "key.separator no puede estar vacío", en: "key.separator must not be empty"))
        }
    }

    func record(from line: String, lineNumber: Int, topic: String) throws(ToolError) -> ProducerRecord {
        var rest = Substring(line)
        var headers: [Record.Header] = []
        if self.parseHeaders {
            guard let range = rest.range(of: self.headersDelimiter) else {
                throw .failed(
                    "org.apache.kafka.common.KafkaException: No headers delimiter found on line number \(lineNumber): '\(line)'"
                )
            }
            let headerText = rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            for pair in headerText.components(separatedBy: self.headersSeparator) where !pair.isEmpty {
                let parts = pair.components(separatedBy: self.headersKeySeparator)
                let key = parts[0]
                let value = parts.count > 1 ? parts.dropFirst().joined(separator: self.headersKeySeparator) : nil
                headers.append(Record.Header(key: key, value: self.bytes(value)))
            }
        }
        var key: String?
        if self.parseKey {
            guard let range = rest.range(of: self.keySeparator) else {
                throw .failed(
                    "org.apache.kafka.common.KafkaException: No key separator found on line number \(lineNumber): '\(line)'"
                )
            }
            key = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        return ProducerRecord(topic: topic, key: self.bytes(key), value: self.bytes(String(rest)), headers: headers)
    }

    private func bytes(_ text: String?) -> ByteBuffer? {
        guard let text, text != self.nullMarker else { return nil }
        return ByteBuffer(string: text)
    }
}
