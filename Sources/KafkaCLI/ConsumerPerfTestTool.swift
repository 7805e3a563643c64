import CourseLanguage
import Foundation
import KafkaProtocol
import NIOCore
import PageCache
import SamsaClient

/// `kafka-consumer-perf-test`: consumes `--messages` records in a group and reports MB/s and
/// records/s as Kafka does, with the time spent joining the group (`rebalance.time.ms`) apart.
/// After Kafka's lines Samsa adds two: how long polls took (p50/p99), and how much of the log read
/// was in the page cache before the read. `--random-offsets` (Samsa only) reads at random offsets.
enum ConsumerPerfTestTool: KafkaTool {
    static let name = "kafka-consumer-perf-test"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "This tool helps in performance test for the full zookeeper consumer",
        options: [
            .value(
                "bootstrap-server", "String: server to connect to",
                "REQUIRED unless --broker-list(deprecated) is specified. The server(s) to connect to.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "broker-list", "String: broker-list",
                "DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified."),
            .value("consumer.config", "String: config file", "Consumer config properties file."),
            .value(
                "date-format", "String: date format",
                "The date format to use for formatting the time field. See java.text.SimpleDateFormat for options.",
                default: "yyyy-MM-dd HH:mm:ss:SSS"),
            .value(
                "fetch-size", "Integer: size", "The amount of data to fetch in a single request.", default: "1048576"),
            .flag(
                "from-latest",
                "If the consumer does not already have an established offset to consume from, start with the latest message present in the log rather than the earliest message."
            ),
            .value("group", "String: gid", "The group id to consume on.", default: "perf-consumer-NNNNN"),
            .flag("hide-header", "If set, skips printing the header for the stats"),
            .value("messages", "Long: count", "REQUIRED: The number of messages to send or consume"),
            .flag("print-metrics", "Print out the metrics (Samsa prints none)."),
            .flag(
                "random-offsets",
                "Samsa only, not in Kafka: read at random offsets instead of in order. Before each poll one partition is assigned (no group) and seeked to an offset drawn from all the topic's offsets; compare records/sec and poll latency with a run without it."
            ),
            .value(
                "reporting-interval", "Integer: interval_ms",
                "Interval in milliseconds at which to print progress info.", default: "5000"),
            .flag(
                "show-detailed-stats",
                "If set, stats are reported for each reporting interval as configured by reporting-interval"),
            .value(
                "timeout", "Long: milliseconds", "The maximum allowed time in milliseconds between returned records.",
                default: "10000"),
            .value("topic", "String: topic", "REQUIRED: The topic to consume from."),
        ])

    static let header =
        "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec"
    static let detailedHeader =
        "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec"

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        let topic = try options.required("topic")
        guard let messages = try options.int("messages") else {
            throw ToolError.usage("Missing required argument \"[messages]\"")
        }
        let timeout = try options.int("timeout") ?? 10_000
        let interval = try options.int("reporting-interval") ?? 5000
        let detailed = options.has("show-detailed-stats")
        var configuration = ConsumerConfiguration()
        try ClientProperties.applyConsumer(
            try ClientProperties.file(options.value("consumer.config"), context: context), to: &configuration)
        configuration.groupId = options.values["group"]?.last ?? "perf-consumer-\(Int.random(in: 10_000..<100_000))"
        configuration.autoOffsetReset = options.has("from-latest") ? .latest : .earliest
        configuration.enableAutoCommit = false
        if let fetchSize = try options.int("fetch-size") {
            configuration.maxPartitionFetchBytes = Int32(clamping: fetchSize)
        }
        var bootstrapOptions = options
        if options.values["bootstrap-server"] == nil, let brokers = options.value("broker-list") {
            bootstrapOptions.values["bootstrap-server"] = [brokers]
        }
        let dateFormatter = DateFormatter()
        dateFormatter.locale = Locale(identifier: "en_US_POSIX")
        dateFormatter.dateFormat = (options.value("date-format") ?? "yyyy-MM-dd HH:mm:ss:SSS").replacingOccurrences(
            of: "'", with: "''")

        let client = try ClientFactory.client(bootstrapOptions, clientId: "perf-consumer-client")
        let consumer = KafkaConsumer(client: client, configuration: configuration)
        let stop = StopSignal.install(if: context.console)
        let randomOffsets = options.has("random-offsets")
        var latencies = PollLatencies()
        var residency = ReadResidency<TopicPartition>(directories: [:])
        var randomReads = 0
        if !options.has("hide-header") { context.console.outLine(detailed ? self.detailedHeader : self.header) }
        var startWall = Date()
        var start = ContinuousClock.now
        var joinedAt: ContinuousClock.Instant?
        var count = 0
        var bytes = 0
        var lastRecord = ContinuousClock.now
        var lastReport = (time: ContinuousClock.now, count: 0, bytes: 0)
        do {
            // The page cache is looked at before anything is read, and the clock starts after it.
            let metadata = try await client.refreshMetadata(topics: [topic])
            let partitions = (metadata.topics[topic]?.partitions.map(\.partition) ?? []).sorted().map {
                TopicPartition(topic, $0)
            }
            residency = ReadResidency(
                directories: LocalLogDirectories.leaderDirectories(partitions, metadata: metadata, context: context))
            var reader: RandomOffsetReader?
            if randomOffsets {
                reader = try await RandomOffsetReader.prepare(consumer, partitions: partitions)
                joinedAt = .now
            } else {
                try await consumer.subscribe([topic])
            }
            startWall = Date()
            start = .now
            lastRecord = start
            lastReport.time = start
            if joinedAt != nil { joinedAt = start }
            var generator = SystemRandomNumberGenerator()
            while count < messages && !stop.isRequested {
                let pollStarted = ContinuousClock.now
                let wasJoined = joinedAt != nil
                let records: [ConsumerRecord]
                if let reader {
                    guard reader.total > 0 else { break }
                    records = try await reader.read(timeout: .milliseconds(100), using: &generator).records
                    if !records.isEmpty { randomReads += 1 }
                } else {
                    records = try await consumer.poll(timeout: .milliseconds(100))
                }
                if joinedAt == nil, !(await consumer.assignedPartitions.isEmpty) { joinedAt = .now }
                if records.isEmpty {
                    if ContinuousClock.now - lastRecord > .milliseconds(timeout) {
                        context.console.outLine(
                            "WARNING: Exiting before consuming the expected number of messages: timeout (\(timeout) ms) exceeded. You can use the --timeout option to increase the timeout."
                        )
                        break
                    }
                    continue
                }
                lastRecord = .now
                // The poll that joined the group is rebalance time, not a read.
                if wasJoined { latencies.record(lastRecord - pollStarted) }
                for record in records where count < messages {
                    count += 1
                    bytes += (record.key?.readableBytes ?? 0) + (record.value?.readableBytes ?? 0)
                    residency.record(record.topicPartition, offset: record.offset)
                }
                if detailed, ContinuousClock.now - lastReport.time >= .milliseconds(interval) {
                    let seconds = ProducerPerfStats.seconds(ContinuousClock.now - lastReport.time)
                    let megabytes = Double(bytes) / 1024 / 1024
                    let windowMB = Double(bytes - lastReport.bytes) / 1024 / 1024
                    let rebalance = self.milliseconds((joinedAt ?? start) - start)
                    context.console.outLine(
                        "\(dateFormatter.string(from: Date())), 0, \(ProducerPerfStats.format(megabytes, 4)), "
                            + "\(ProducerPerfStats.format(windowMB / seconds, 4)), \(count), "
                            + "\(ProducerPerfStats.format(Double(count - lastReport.count) / seconds, 4)), \(rebalance), "
                            + "\(self.milliseconds(ContinuousClock.now - lastReport.time)), "
                            + "\(ProducerPerfStats.format(windowMB / seconds, 4)), \(ProducerPerfStats.format(Double(count - lastReport.count) / seconds, 4))"
                    )
                    lastReport = (.now, count, bytes)
                }
            }
        } catch {
            context.console.errLine("ERROR \(ClientErrors.text(error))")
            await consumer.close()
            await client.close()
            return 1
        }
        let end = ContinuousClock.now
        let endWall = Date()
        await consumer.close()
        await client.close()
        if !detailed {
            let elapsed = ProducerPerfStats.seconds(end - start)
            let rebalanceMs = self.milliseconds((joinedAt ?? start) - start)
            let fetchMs = max(0, self.milliseconds(end - start) - rebalanceMs)
            let fetchSeconds = max(0.001, Double(fetchMs) / 1000)
            let megabytes = Double(bytes) / 1024 / 1024
            context.console.outLine(
                "\(dateFormatter.string(from: startWall)), \(dateFormatter.string(from: endWall)), "
                    + "\(ProducerPerfStats.format(megabytes, 4)), \(ProducerPerfStats.format(megabytes / elapsed, 4)), \(count), "
                    + "\(ProducerPerfStats.format(Double(count) / elapsed, 4)), \(rebalanceMs), \(fetchMs), "
                    + "\(ProducerPerfStats.format(megabytes / fetchSeconds, 4)), \(ProducerPerfStats.format(Double(count) / fetchSeconds, 4))"
            )
            // The MB.sec and nMsg.sec columns as printed: a lab log keeps them, and Lab 6 holds the
            // typed-in answers to them.
            context.console.report(fact: "mb.sec", value: ProducerPerfStats.format(megabytes / elapsed, 4))
            context.console.report(fact: "nmsg.sec", value: ProducerPerfStats.format(Double(count) / elapsed, 4))
        }
        self.reportSamsaLines(
            latencies: latencies, randomReads: randomOffsets ? randomReads : nil, residency: residency, context: context
        )
        return 0
    }

    /// Samsa's lines after Kafka's, with the facts a lab log keeps.
    static func reportSamsaLines(
        latencies: PollLatencies, randomReads: Int?, residency: ReadResidency<TopicPartition>, context: ToolContext
    ) {
        let p50 = latencies.milliseconds(atPercentile: 50)
        let p99 = latencies.milliseconds(atPercentile: 99)
        let language = context.language
        let reads =
            randomReads.map {
                language.pick(
                    es: "offsets al azar: \($0) lecturas (seek y un poll)",
                    en: "random offsets: \($0) reads (seek, then one poll)")
            }
            ?? language.pick(
                es: "en orden de offset: \(latencies.count) polls", en: "in offset order: \(latencies.count) polls")
        context.console.outLine(
            language.pick(
                es: "Samsa: \(reads); latencia de poll p50 \(p50) ms, p99 \(p99) ms, máx. \(latencies.maximum) ms.",
                en: "Samsa: \(reads); poll latency p50 \(p50) ms, p99 \(p99) ms, max \(latencies.maximum) ms."))
        context.console.report(fact: "poll.p50.ms", value: p50)
        context.console.report(fact: "poll.p99.ms", value: p99)
        context.console.outLine(LocalLogDirectories.reportLine(residency, language: language))
        if let measured = residency.residency {
            context.console.report(fact: "page.cache.percent", value: String(measured.percent))
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
