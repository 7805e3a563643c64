import CourseLanguage
import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-leader-election`: move leadership to the preferred replica (or any live one, unclean).
enum LeaderElectionTool: KafkaTool {
    static let name = "kafka-leader-election"
    static let syntax = ToolSyntax(
        tool: name,
        summary:
            "This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.",
        options: [
            .value("admin.config", "String: config file", "Configuration properties files to pass to the admin client"),
            .flag(
                "all-topic-partitions",
                "Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified."
            ),
            .value(
                "bootstrap-server", "String: host:port",
                "A hostname and port for the broker to connect to, in the form host:port. Multiple comma separated URLs can be given. REQUIRED.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "election-type", "[PREFERRED,UNCLEAN]: election type",
                "Type of election to attempt. Possible values are \"preferred\" for preferred leader election or \"unclean\" for unclean leader election. If preferred election is selection, the election is only performed if the current leader is not the preferred leader for the topic partition. If unclean election is selected, the election is only performed if there are no leader for the topic partition. REQUIRED."
            ),
            .value(
                "partition", "Integer: partition id",
                "Partition id for which to perform an election. REQUIRED if --topic is specified."),
            .value(
                "topic", "String: topic name",
                "Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified."
            ),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        guard let typeText = options.value("election-type") else {
            throw ToolError.usage("Missing required option(s) [election-type]")
        }
        let type: ElectionType
        switch typeText.uppercased() {
        case "PREFERRED": type = .preferred
        case "UNCLEAN": type = .unclean
        default:
            throw ToolError.usage(
                context.language.pick(
                    es: "Tipo de elección desconocido: '\(typeText)'; usa PREFERRED o UNCLEAN",
                    en: "Unknown election type '\(typeText)'; use PREFERRED or UNCLEAN"))
        }
        let typeName = type == .preferred ? "PREFERRED" : "UNCLEAN"
        guard options.has("topic") != options.has("all-topic-partitions") else {
            throw ToolError.usage(
                "One and only one of the following options is required: all-topic-partitions, topic, path-to-json-file")
        }
        var partitions: [TopicPartition]?
        if let topic = options.value("topic") {
            guard let partition = try options.int32("partition") else {
                throw ToolError.usage("Missing required option(s) [partition]")
            }
            partitions = [TopicPartition(topic, partition)]
        }
        return try await withAdmin(options) { admin in
            let request = ElectLeadersRequest(
                electionType: type.rawValue,
                topicPartitions: partitions.map { list in
                    Dictionary(grouping: list, by: \.topic).sorted { $0.key < $1.key }.map {
                        ElectLeadersRequest.TopicPartitions(topic: $0.key, partitions: $0.value.map(\.partition))
                    }
                }, timeoutMs: 30_000)
            let response = try await admin.client.sendToController(request)
            if response.errorCode != 0 {
                throw SamsaClientError.kafka(
                    ErrorCode(rawValue: response.errorCode) ?? .unknownServerError, context: "electing leaders")
            }
            var succeeded: [TopicPartition] = []
            var noop: [TopicPartition] = []
            var failed: [(TopicPartition, String)] = []
            for topic in response.replicaElectionResults {
                for result in topic.partitionResult {
                    let tp = TopicPartition(topic.topic, result.partitionId)
                    let code = ErrorCode(rawValue: result.errorCode) ?? .unknownServerError
                    switch code {
                    case .none: succeeded.append(tp)
                    case .electionNotNeeded: if partitions != nil { noop.append(tp) }
                    default:
                        let error = SamsaClientError.kafka(
                            code, context: "electing (\(result.errorMessage ?? ClientErrors.kafkaMessage(code)))")
                        failed.append((tp, "\(ClientErrors.exceptionName(error)): \(ClientErrors.text(error))"))
                    }
                }
            }
            if !succeeded.isEmpty {
                context.console.outLine(
                    "Successfully completed leader election (\(typeName)) for partitions \(succeeded.sorted().map(\.description).joined(separator: ", "))"
                )
            }
            if !noop.isEmpty {
                context.console.outLine(
                    "Valid replica already elected for partitions \(noop.sorted().map(\.description).joined(separator: ", "))"
                )
            }
            if !failed.isEmpty {
                context.console.outLine(
                    "Error completing leader election (\(typeName)) for partitions \(failed.map(\.0.description).joined(separator: ", "))"
                )
                for (partition, text) in failed {
                    context.console.errLine(
                        "Error completing leader election (\(typeName)) for partition: \(partition): \(text)")
                }
                context.console.errLine(
                    "kafka.common.AdminCommandFailedException: \(failed.count) replica(s) could not be elected")
                return 1
            }
            return 0
        }
    }
}
