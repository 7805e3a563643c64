import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-get-offsets`: the offset at a time (latest, earliest, max timestamp, or a timestamp) of
/// each partition, as `topic:partition:offset`.
enum GetOffsetsTool: KafkaTool {
    static let name = "kafka-get-offsets"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "An interactive shell for getting topic-partition offsets.",
        options: [
            .value(
                "bootstrap-server", "String: HOST1:PORT1,...,HOST3:PORT3",
                "REQUIRED. The server(s) to connect to in the form HOST1:PORT1,HOST2:PORT2.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "broker-list", "String: HOST1:PORT1,...,HOST3:PORT3",
                "DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified."),
            .value(
                "command-config", "String: config file",
                "Property file containing configs to be passed to Admin Client."),
            .flag(
                "exclude-internal-topics",
                "By default, internal topics are included. If specified, internal topics are excluded."),
            .value(
                "partitions", "String: partition ids",
                "Comma separated list of partition ids to get the offsets for. If not present, all partitions of the authorized topics are queried. Cannot be used if --topic-partitions is present."
            ),
            .value(
                "time", "String: <timestamp> / -1 or latest / -2 or earliest / -3 or max-timestamp",
                "timestamp of the offsets before that.", default: "latest"),
            .value(
                "topic", "String: topic",
                "The topic to get the offsets for. It also accepts a regular expression. If not present, all authorized topics are queried. Cannot be used if --topic-partitions is present."
            ),
            .value(
                "topic-partitions", "String: topic1:1,topic2:0-3,topic3,topic4:5-,topic5:-3",
                "Comma separated list of topic-partition patterns to get the offsets for, with the format of: ([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?. The first group is an optional regex for the topic name, if omitted, it matches any topic name. The section after ':' describes a partition pattern, which can be: a number, a range in the format of 'NUMBER-NUMBER' (lower inclusive, upper exclusive), an inclusive lower bound in the format of 'NUMBER-', an exclusive upper bound in the format of '-NUMBER' or may be omitted to accept all partitions."
            ),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        if options.has("topic-partitions"), options.has("topic") || options.has("partitions") {
            throw ToolError.usage("--topic-partitions cannot be used with --topic or --partitions")
        }
        let spec: OffsetSpec
        switch options.value("time") ?? "latest" {
        case "-1", "latest": spec = .latest
        case "-2", "earliest": spec = .earliest
        case "-3", "max-timestamp": spec = .maxTimestamp
        case let text:
            guard let timestamp = Int64(text), timestamp >= 0 else {
                throw ToolError.usage(
                    "Malformed time argument \(text). Please use -1 or latest / -2 or earliest / -3 or max-timestamp, or a specified long format timestamp"
                )
            }
            spec = .timestamp(timestamp)
        }
        let partitionIds: Set<Int32>? = try options.value("partitions").map { text throws(ToolError) in
            let ids = text.split(separator: ",").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
            guard ids.allSatisfy({ $0 != nil }) else {
                throw .badValue(option: "partitions", value: text, expected: "partition ids like 0,1,2")
            }
            return Set(ids.compactMap { $0 })
        }
        var bootstrapOptions = options
        if options.values["bootstrap-server"] == nil, let brokers = options.value("broker-list") {
            bootstrapOptions.values["bootstrap-server"] = [brokers]
        }
        return try await withAdmin(bootstrapOptions) { admin in
            let metadata = try await admin.client.refreshMetadata(topics: nil)
            let topics = metadata.topics.values.filter { !(options.has("exclude-internal-topics") && $0.isInternal) }
            var selected: [TopicPartition] = []
            for topic in topics {
                for partition in topic.partitions {
                    let tp = TopicPartition(topic.name, partition.partition)
                    if let patterns = options.value("topic-partitions") {
                        if self.matches(tp, patterns: patterns) { selected.append(tp) }
                    } else if options.value("topic").map({ TopicPattern.matching($0, in: [topic.name]).count == 1 })
                        ?? true,
                        partitionIds?.contains(partition.partition) ?? true
                    {
                        selected.append(tp)
                    }
                }
            }
            guard !selected.isEmpty else {
                throw ToolError.failed(
                    "Error occurred: Could not match any topic-partitions with the specified filters")
            }
            let offsets = try await admin.listOffsets(selected, spec: spec)
            for partition in selected.sorted() {
                let offset = offsets[partition].map { "\($0.offset)" } ?? ""
                context.console.outLine("\(partition.topic):\(partition.partition):\(offset)")
            }
            return 0
        }
    }

    /// Kafka's `--topic-partitions` patterns: `topic`, `topic:1`, `topic:0-3` (upper exclusive),
    /// `topic:5-`, `topic:-3`, `:0` (any topic).
    static func matches(_ partition: TopicPartition, patterns: String) -> Bool {
        for pattern in patterns.split(separator: ",").map(String.init) {
            let parts = pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let topicPattern = parts[0]
            if !topicPattern.isEmpty, TopicPattern.matching(topicPattern, in: [partition.topic]).isEmpty { continue }
            guard parts.count == 2, !parts[1].isEmpty else { return true }
            let range = parts[1]
            if let dash = range.firstIndex(of: "-") {
                let low = Int32(range[..<dash]) ?? 0
                let high = Int32(range[range.index(after: dash)...]) ?? Int32.max
                if partition.partition >= low && partition.partition < high { return true }
            } else if Int32(range) == partition.partition {
                return true
            }
        }
        return false
    }
}
