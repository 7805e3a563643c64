import CourseLanguage
import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-topics`: create, list, describe, alter (partitions) and delete topics.
enum KafkaTopicsTool: KafkaTool {
    static let name = "kafka-topics"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "This tool helps to create, delete, describe, or change a topic.",
        options: [
            .flag("alter", "Alter the number of partitions of the topic."),
            .flag(
                "at-min-isr-partitions",
                "if set when describing topics, only show partitions whose isr count is equal to the configured minimum."
            ),
            .value(
                "bootstrap-server", "String: server to connect to", "The Kafka server to connect to.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "command-config", "String: command config property file",
                "Property file containing configs to be passed to Admin Client."),
            .value(
                "config", "String: name=value",
                "A topic configuration override for the topic being created. Repeat for several, e.g. --config retention.ms=60000 --config cleanup.policy=compact."
            ),
            .flag("create", "Create a new topic."),
            .flag("delete", "Delete a topic"),
            .value(
                "delete-config", "String: name",
                "A topic configuration override to be removed for an existing topic (use kafka-configs)."),
            .flag("describe", "List details for the given topics."),
            .flag(
                "exclude-internal",
                "exclude internal topics when running list or describe command. The internal topics will be listed by default"
            ),
            .flag(
                "if-exists",
                "if set when altering or deleting or describing topics, the action will only execute if the topic exists."
            ),
            .flag(
                "if-not-exists",
                "if set when creating topics, the action will only execute if the topic does not already exist."),
            .flag("list", "List all available topics."),
            .value(
                "partitions", "Integer: # of partitions",
                "The number of partitions for the topic being created or altered (WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected). If not supplied for create, defaults to the cluster default."
            ),
            .value(
                "replica-assignment",
                "String: broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...",
                "A list of manual partition-to-broker assignments for the topic being created or altered."),
            .value(
                "replication-factor", "Integer: replication factor",
                "The replication factor for each partition in the topic being created. If not supplied, defaults to the cluster default."
            ),
            .value(
                "topic", "String: topic",
                "The topic to create, alter, describe or delete. It also accepts a regular expression, except for --create option. Put topic name in double quotes and use the '\\' prefix to escape regular expression symbols; e.g. \"test\\.topic\"."
            ),
            .value(
                "topic-id", "String: topic-id",
                "The topic-id to describe. This is used only with --bootstrap-server option for describing topics."),
            .flag(
                "topics-with-overrides", "if set when describing topics, only show topics that have overridden configs"),
            .flag(
                "unavailable-partitions",
                "if set when describing topics, only show partitions whose leader is not available"),
            .flag(
                "under-min-isr-partitions",
                "if set when describing topics, only show partitions whose isr count is less than the configured minimum."
            ),
            .flag(
                "under-replicated-partitions", "if set when describing topics, only show under replicated partitions"),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        try self.check(options)
        do {
            return try await withAdmin(options) { admin in
                if options.has("create") { return try await self.create(options, admin, context) }
                if options.has("list") { return try await self.list(options, admin, context) }
                if options.has("describe") { return try await self.describe(options, admin, context) }
                if options.has("alter") { return try await self.alter(options, admin, context) }
                return try await self.delete(options, admin, context)
            }
        } catch let error as ToolError {
            throw error
        } catch {
            // Kafka: the message on stdout, the exception in the tool's log on stderr.
            let message = ClientErrors.text(error)
            context.console.outLine("Error while executing topic command : \(message)")
            context.console.errLine(
                "ERROR \(ClientErrors.exceptionName(error)): \(message) (kafka.admin.TopicCommand$)")
            return 1
        }
    }

    /// Kafka's `TopicCommandOptions.checkArgs`.
    static func check(_ options: ParsedOptions) throws(ToolError) {
        let actions = ["create", "list", "alter", "describe", "delete"].filter { options.has($0) }
        guard actions.count == 1 else {
            throw .usage("Command must include exactly one action: --list, --describe, --create, --alter or --delete")
        }
        let action = actions[0]
        if ["create", "alter", "delete"].contains(action), !options.has("topic") {
            throw .usage("Missing required argument \"[topic]\"")
        }
        if action == "alter", !options.has("partitions") {
            throw .usage("Missing required argument \"[partitions]\"")
        }
        let allowedWith: [String: Set<String>] = [
            "partitions": ["create", "alter"], "replication-factor": ["create"],
            "replica-assignment": ["create", "alter"],
            "config": ["create"], "if-not-exists": ["create"], "if-exists": ["alter", "delete", "describe"],
            "under-replicated-partitions": ["describe"], "unavailable-partitions": ["describe"],
            "under-min-isr-partitions": ["describe"], "at-min-isr-partitions": ["describe"],
            "topics-with-overrides": ["describe"],
            "exclude-internal": ["list", "describe"], "topic-id": ["describe"],
        ]
        for (option, actions) in allowedWith.sorted(by: { $0.key < $1.key })
        where options.has(option) && !actions.contains(action) {
            throw .usage("Option \"[\(option)]\" can't be used with option \"[\(action)]\"")
        }
        if options.has("delete-config") {
            throw .usage(
                "Option \"[delete-config]\" can't be used with option \"[bootstrap-server]\""
                    + options.language.pick(
                        es: "; para quitar una configuración de un topic usa kafka-configs --alter --delete-config",
                        en: "; remove a topic config with kafka-configs --alter --delete-config"))
        }
        if action == "create", options.has("replica-assignment"),
            options.has("partitions") || options.has("replication-factor")
        {
            throw .usage(
                "Option \"[replica-assignment]\" can't be used with option \"[partitions]\" or \"[replication-factor]\""
            )
        }
        if let partitions = try options.int32("partitions"), partitions < 1 {
            throw .failed("Error while executing topic command : The partitions must be greater than 0", toStdout: true)
        }
        if let factor = try options.int("replication-factor"), factor < 1 || factor > Int(Int16.max) {
            throw .failed(
                "Error while executing topic command : The replication factor must be between 1 and 32767 inclusive",
                toStdout: true)
        }
    }

    // MARK: Actions

    static func create(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let topic = try options.required("topic")
        if topic.contains(".") || topic.contains("_") {
            context.console.outLine(
                "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both."
            )
        }
        var configs: [String: String] = [:]
        for (key, value) in try options.keyValues("config") { configs[key] = value }
        let assignment = try self.replicaAssignment(options.value("replica-assignment"))
        let newTopic = NewTopic(
            name: topic, numPartitions: try options.int32("partitions") ?? -1,
            replicationFactor: Int16(try options.int("replication-factor") ?? -1), configs: configs,
            replicaAssignment: assignment)
        do {
            try await admin.createTopics([newTopic])
        } catch  where ClientErrors.code(of: error) == .topicAlreadyExists && options.has("if-not-exists") {
            return 0
        }
        context.console.outLine("Created topic \(topic).")
        return 0
    }

    static func list(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let topics = try await self.matchingTopics(options, admin)
        for topic in topics { context.console.outLine(topic) }
        return 0
    }

    static func describe(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let names = try await self.matchingTopics(options, admin)
        try self.ensureFound(names, options)
        let descriptions = try await admin.describeTopics(names)
        let liveBrokers = Set(try await admin.client.refreshMetadata(topics: []).brokers.keys)
        let partitionFilter = [
            "under-replicated-partitions", "unavailable-partitions", "under-min-isr-partitions",
            "at-min-isr-partitions",
        ]
        .contains { options.has($0) }
        for topic in descriptions {
            let configs = await self.nonDefaultConfigs(topic.name, admin)
            if options.has("topics-with-overrides"), configs.isEmpty { continue }
            let minIsr = Int(configs.first { $0.0 == "min.insync.replicas" }?.1 ?? "1") ?? 1
            let shown = topic.partitions.sorted { $0.partition < $1.partition }.filter { partition in
                if options.has("under-replicated-partitions") { return partition.isr.count < partition.replicas.count }
                if options.has("unavailable-partitions") {
                    return partition.leader < 0 || !liveBrokers.contains(partition.leader)
                }
                if options.has("under-min-isr-partitions") { return partition.isr.count < minIsr }
                if options.has("at-min-isr-partitions") { return partition.isr.count == minIsr }
                return true
            }
            if !partitionFilter {
                let replicationFactor = topic.partitions.first?.replicas.count ?? 0
                context.console.outLine(
                    "Topic: \(topic.name)\tTopicId: \(topic.topicId)\tPartitionCount: \(topic.partitions.count)\t"
                        + "ReplicationFactor: \(replicationFactor)\tConfigs: "
                        + configs.map { "\($0.0)=\($0.1)" }.joined(separator: ","))
            }
            for partition in shown {
                let leader =
                    partition.leader >= 0 && liveBrokers.contains(partition.leader) ? "\(partition.leader)" : "none"
                context.console.outLine(
                    "\tTopic: \(topic.name)\tPartition: \(partition.partition)\tLeader: \(leader)\t"
                        + "Replicas: \(partition.replicas.map(String.init).joined(separator: ","))\t"
                        + "Isr: \(partition.isr.map(String.init).joined(separator: ","))")
            }
        }
        return 0
    }

    static func alter(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let names = try await self.matchingTopics(options, admin)
        try self.ensureFound(names, options)
        if options.has("replica-assignment") {
            throw ToolError.failed(
                "Error while executing topic command : "
                    + context.language.pick(
                        es:
                            "Samsa no admite --replica-assignment con --alter; las particiones nuevas se reparten como Kafka las reparte por defecto",
                        en:
                            "--replica-assignment with --alter is not supported by Samsa; new partitions get Kafka's default placement"
                    ),
                toStdout: true)
        }
        guard let partitions = try options.int32("partitions") else { return 0 }
        let descriptions = try await admin.describeTopics(names)
        for topic in descriptions where topic.partitions.count > partitions {
            throw ToolError.failed(
                "Error while executing topic command : Topic currently has \(topic.partitions.count) partitions, which is higher than the requested \(partitions).",
                toStdout: true)
        }
        try await admin.createPartitions(Dictionary(uniqueKeysWithValues: names.map { ($0, partitions) }))
        return 0
    }

    static func delete(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let names = try await self.matchingTopics(options, admin)
        try self.ensureFound(names, options)
        for name in names where name == "__consumer_offsets" || name == "__transaction_state" {
            throw ToolError.failed(
                "Error while executing topic command : Topic \(name) is a kafka internal topic and is not allowed to be marked for deletion.",
                toStdout: true)
        }
        if !names.isEmpty { try await admin.deleteTopics(names) }
        return 0
    }

    // MARK: Helpers

    /// Topics named by `--topic` (a regular expression, as in Kafka) or all topics.
    static func matchingTopics(_ options: ParsedOptions, _ admin: KafkaAdmin) async throws -> [String] {
        let all = try await admin.listTopics(includeInternal: !options.has("exclude-internal"))
        if let topicId = options.value("topic-id") {
            let described = try await admin.describeTopics(all)
            return described.filter { $0.topicId.description == topicId }.map(\.name)
        }
        guard let pattern = options.value("topic") else { return all }
        if all.contains(pattern) { return [pattern] }
        return TopicPattern.matching(pattern, in: all)
    }

    static func ensureFound(_ names: [String], _ options: ParsedOptions) throws(ToolError) {
        if names.isEmpty, let topicId = options.value("topic-id") {
            throw .failed(
                "Error while executing topic command : Topic '\(topicId)' does not exist as expected", toStdout: true)
        }
        if names.isEmpty, let topic = options.value("topic"), !options.has("if-exists") {
            throw .failed(
                "Error while executing topic command : Topic '\(topic)' does not exist as expected", toStdout: true)
        }
    }

    /// Configs set on the topic itself or on the broker's file (not Kafka's built-in defaults), as
    /// `kafka-topics --describe` shows them.
    static func nonDefaultConfigs(_ topic: String, _ admin: KafkaAdmin) async -> [(String, String)] {
        guard let entries = try? await admin.describeConfigs(.topic(topic)) else { return [] }
        return entries.filter { !$0.isDefault && $0.value != nil }.sorted { $0.name < $1.name }.map {
            ($0.name, $0.value ?? "")
        }
    }

    /// `1:2,2:3` → partition 0 on brokers 1 and 2, partition 1 on 2 and 3.
    static func replicaAssignment(_ text: String?) throws(ToolError) -> [Int32: [Int32]] {
        guard let text else { return [:] }
        var result: [Int32: [Int32]] = [:]
        for (index, part) in text.split(separator: ",").enumerated() {
            let brokers = part.split(separator: ":").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
            guard !brokers.isEmpty, brokers.allSatisfy({ $0 != nil }) else {
                throw .badValue(option: "replica-assignment", value: text, expected: "broker ids like 1:2,2:3")
            }
            result[Int32(index)] = brokers.compactMap { $0 }
        }
        return result
    }
}

/// Kafka's tools read `--topic` as a Java regular expression matched against the whole name.
enum TopicPattern {
    static func matching(_ pattern: String, in names: [String]) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return [] }
        return names.filter { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }
}
