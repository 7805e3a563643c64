import CourseLanguage
import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-console-consumer`: prints records of a topic (or one partition) until stopped, until
/// `--max-messages`, or until `--timeout-ms` passes without a record; then "Processed a total of
/// N messages" on stderr.
enum ConsoleConsumerTool: KafkaTool {
    static let name = "kafka-console-consumer"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "This tool helps to read data from Kafka topics and outputs it to standard output.",
        options: [
            .value(
                "bootstrap-server", "String: server to connect to", "REQUIRED: The server(s) to connect to.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "consumer-property", "String: consumer_prop",
                "A mechanism to pass user-defined properties in the form key=value to the consumer."),
            .value(
                "consumer.config", "String: config file",
                "Consumer config properties file. Note that [consumer-property] takes precedence over this config."),
            .value(
                "formatter", "String: class", "The name of a class to use for formatting kafka messages for display.",
                default: "kafka.tools.DefaultMessageFormatter"),
            .flag(
                "from-beginning",
                "If the consumer does not already have an established offset to consume from, start with the earliest message present in the log rather than the latest message."
            ),
            .value("group", "String: consumer group id", "The consumer group id of the consumer."),
            .value(
                "include", "String: Java regex (String)",
                "Regular expression specifying list of topics to include for consumption."),
            .value(
                "isolation-level", "String",
                "Set to read_committed in order to filter out transactional messages which are not committed. Set to read_uncommitted to read all messages.",
                default: "read_uncommitted"),
            .value(
                "key-deserializer", "String: deserializer for key",
                "The name of the class to use for deserializing keys (only the String deserializer is supported)."),
            .value(
                "max-messages", "Integer: num_messages",
                "The maximum number of messages to consume before exiting. If not set, consumption is continual."),
            .value(
                "offset", "String: consume offset",
                "The offset to consume from (a non-negative number), or 'earliest' which means from beginning, or 'latest' which means from end",
                default: "latest"),
            .value(
                "partition", "Integer: partition",
                "The partition to consume from. Consumption starts from the end of the partition unless '--offset' is specified."
            ),
            .value(
                "property", "String: prop",
                "The properties to initialize the message formatter. Default properties include:\n print.timestamp=true|false\n print.key=true|false\n print.offset=true|false\n print.partition=true|false\n print.headers=true|false\n print.value=true|false\n key.separator=<key.separator>\n line.separator=<line.separator>\n headers.separator=<line.separator>\n null.literal=<null.literal>"
            ),
            .flag("skip-message-on-error", "If there is an error when processing a message, skip it instead of halt."),
            .value(
                "timeout-ms", "Integer: timeout_ms",
                "If specified, exit if no message is available for consumption for the specified interval."),
            .value("topic", "String: topic", "The topic to consume on."),
            .value(
                "value-deserializer", "String: deserializer for values",
                "The name of the class to use for deserializing values (only the String deserializer is supported)."),
            .value(
                "whitelist", "String: Java regex (String)",
                "DEPRECATED, use --include instead; ignored if --include specified."),
        ])

    /// Where reading starts, from `--offset` / `--from-beginning`.
    enum StartOffset: Equatable {
        case earliest, latest
        case exact(Int64)
    }

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        let include = options.value("include") ?? options.value("whitelist")
        guard (options.value("topic") != nil) != (include != nil) else {
            throw ToolError.usage("Exactly one of include/topic is required.")
        }
        let partition = try options.int32("partition")
        if partition != nil, options.value("topic") == nil {
            throw ToolError.usage("The topic is required when partition is specified.")
        }
        if options.values["offset"] != nil, partition == nil {
            throw ToolError.usage("The partition is required when offset is specified.")
        }
        if options.values["offset"] != nil, options.has("from-beginning") {
            throw ToolError.usage("Options from-beginning and offset cannot be specified together.")
        }
        if options.has("group"), partition != nil {
            throw ToolError.usage("Options group and partition cannot be specified together.")
        }
        let start: StartOffset
        switch options.value("offset") ?? "latest" {
        case "earliest": start = .earliest
        case "latest": start = options.has("from-beginning") ? .earliest : .latest
        case let text:
            guard let offset = Int64(text), offset >= 0 else {
                throw ToolError.usage(
                    "The provided offset value '\(text)' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."
                )
            }
            start = .exact(offset)
        }
        if let formatter = options.values["formatter"]?.last, !formatter.hasSuffix("DefaultMessageFormatter") {
            throw ToolError.failed(
                context.language.pick(
                    es: "kafka-console-consumer: Samsa solo tiene kafka.tools.DefaultMessageFormatter, no \(formatter)",
                    en:
                        "kafka-console-consumer: only kafka.tools.DefaultMessageFormatter is available in Samsa, not \(formatter)"
                ))
        }
        for option in ["key-deserializer", "value-deserializer"] {
            if let name = options.values[option]?.last,
                !name.hasSuffix("StringDeserializer") && !name.hasSuffix("ByteArrayDeserializer")
            {
                throw ToolError.failed(
                    context.language.pick(
                        es:
                            "kafka-console-consumer: Samsa no tiene --\(option) \(name); los mensajes se muestran como texto UTF-8 (StringDeserializer)",
                        en:
                            "kafka-console-consumer: --\(option) \(name) is not available in Samsa; records print as UTF-8 text (StringDeserializer)"
                    ))
            }
        }
        let maxMessages = try options.int("max-messages")
        let timeout = try options.int("timeout-ms")
        let formatter = MessageFormatter(
            properties: try ClientProperties.pairs(
                options.all("property"), option: "property", language: options.language))

        var configuration = ConsumerConfiguration()
        try ClientProperties.applyConsumer(
            try ClientProperties.file(options.value("consumer.config"), context: context), to: &configuration)
        try ClientProperties.applyConsumer(
            try ClientProperties.pairs(
                options.all("consumer-property"), option: "consumer-property", language: options.language),
            to: &configuration)
        configuration.isolationLevel = try ClientProperties.isolationLevel(
            options.value("isolation-level") ?? "read_uncommitted")
        if let group = options.value("group") { configuration.groupId = group }
        if options.has("from-beginning") { configuration.autoOffsetReset = .earliest }

        let client = try ClientFactory.client(options, clientId: "console-consumer")
        let consumer = KafkaConsumer(client: client, configuration: configuration)
        let stop = StopSignal.install(if: context.console)
        var count = 0
        var status: Int32 = 0
        do {
            try await self.assign(
                consumer, client: client, options: options, include: include, partition: partition, start: start)
            var lastRecord = ContinuousClock.now
            loop: while !stop.isRequested {
                if let maxMessages, count >= maxMessages { break }
                let records = try await consumer.poll(timeout: .milliseconds(200))
                if records.isEmpty {
                    if let timeout, ContinuousClock.now - lastRecord >= .milliseconds(timeout) {
                        context.console.errLine(
                            "ERROR Error processing message, terminating consumer process:  (kafka.tools.ConsoleConsumer$)\norg.apache.kafka.common.errors.TimeoutException"
                        )
                        break loop
                    }
                    continue
                }
                lastRecord = .now
                for record in records {
                    context.console.out(formatter.format(record))
                    count += 1
                    // As in Kafka, the group's commit on close covers the whole poll, also records
                    // past --max-messages that were fetched but not printed.
                    if let maxMessages, count >= maxMessages { break loop }
                }
                if configuration.groupId != nil, configuration.enableAutoCommit, !records.isEmpty {
                    try? await consumer.commit()
                }
            }
        } catch {
            context.console.errLine(
                "ERROR Error processing message, terminating consumer process:  (kafka.tools.ConsoleConsumer$)\n\(ClientErrors.exceptionName(error)): \(ClientErrors.text(error))"
            )
            status = 1
        }
        await consumer.close()
        await client.close()
        context.console.errLine("Processed a total of \(count) messages")
        // Stopped with Ctrl-C: the JVM's exit status for SIGINT, as Kafka's tool ends.
        return stop.isRequested && status == 0 ? 130 : status
    }

    /// With `--group`: subscribe, so the group coordinator assigns partitions and offsets are
    /// committed. Without: read every partition of the topic directly (Kafka would join a random
    /// `console-consumer-NNNNN` group; reading directly shows the same records without one).
    static func assign(
        _ consumer: KafkaConsumer, client: KafkaClient, options: ParsedOptions, include: String?, partition: Int32?,
        start: StartOffset
    ) async throws {
        let topics: [String]
        if let topic = options.value("topic") {
            topics = [topic]
        } else {
            let all = try await client.refreshMetadata(topics: nil).topics.values.filter { !$0.isInternal }.map(\.name)
                .sorted()
            topics = TopicPattern.matching(include ?? "", in: all)
        }
        if options.has("group") {
            try await consumer.subscribe(topics)
            return
        }
        var partitions: [TopicPartition] = []
        for topic in topics {
            let count = try await self.partitionCount(topic, client: client)
            if let partition {
                guard partition >= 0, partition < count else {
                    throw SamsaClientError.unknownPartition(topic: topic, partition: partition, partitionCount: count)
                }
                partitions.append(TopicPartition(topic, partition))
            } else {
                partitions += (0..<Int32(count)).map { TopicPartition(topic, $0) }
            }
        }
        try await consumer.assign(partitions)
        switch start {
        case .earliest: try await consumer.seekToBeginning(partitions)
        case .latest: try await consumer.seekToEnd(partitions)
        case .exact(let offset): for partition in partitions { try await consumer.seek(partition, to: offset) }
        }
    }

    /// The topic's partition count; asking for metadata may create the topic when the broker has
    /// `auto.create.topics.enable`, as a Kafka consumer's metadata request does.
    static func partitionCount(_ topic: String, client: KafkaClient) async throws -> Int {
        for attempt in 0..<20 {
            let metadata = try await client.refreshMetadata(topics: [topic], allowAutoTopicCreation: true)
            if let count = metadata.partitionCount(of: topic), count > 0,
                metadata.topics[topic]?.partitions.allSatisfy({ $0.leader >= 0 }) ?? false
            {
                return count
            }
            if attempt < 19 { try await Task.sleep(for: .milliseconds(250)) }
        }
        throw SamsaClientError.unknownTopic(topic)
    }
}
