import CourseLanguage
import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-configs`: describe and change the dynamic configs of topics and brokers.
enum ConfigsTool: KafkaTool {
    static let name = "kafka-configs"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "This tool helps to manipulate and describe entity config for a topic, client, user, broker or ip",
        options: [
            .value(
                "add-config", "String",
                "Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'."
            ),
            .flag(
                "all",
                "List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)"
            ),
            .flag("alter", "Alter the configuration for the entity."),
            .value(
                "bootstrap-server", "String: server to connect to", "The Kafka server to connect to.",
                default: ClientFactory.defaultBootstrap),
            .value("broker", "String", "The broker's ID."),
            .flag("broker-defaults", "The config defaults for all brokers."),
            .value(
                "command-config", "String: command config property file",
                "Property file containing configs to be passed to Admin Client."),
            .value("delete-config", "String", "config keys to remove 'k1,k2'"),
            .flag("describe", "List configs for the given entity."),
            .flag(
                "entity-default",
                "Default entity name for clients/users/brokers/ips (applies to corresponding entity type in command line)"
            ),
            .value("entity-name", "String", "Name of entity (topic name/client id/user principal name/broker id/ip)"),
            .value(
                "entity-type", "String",
                "Type of entity (topics/brokers; clients/users/ips/broker-loggers are not supported by Samsa)"),
            .value("topic", "String", "The topic's name."),
        ])

    enum Entity {
        case topic(String?)
        case broker(String?)
        case brokerDefaults
    }

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        let actions = ["describe", "alter"].filter { options.has($0) }
        guard actions.count == 1 else {
            throw ToolError.usage("Command must include exactly one action: --describe, --alter")
        }
        let entity = try self.entity(options)
        do {
            return try await withAdmin(options) { admin in
                if options.has("describe") {
                    return try await self.describe(entity, all: options.has("all"), admin, context)
                }
                return try await self.alter(entity, options, admin, context)
            }
        } catch let error as ToolError {
            throw error
        } catch {
            context.console.errLine(
                "Error while executing config command with args '\(self.commandLine(options))'\njava.util.concurrent.ExecutionException: \(ClientErrors.exceptionName(error)): \(ClientErrors.text(error))"
            )
            return 1
        }
    }

    static func entity(_ options: ParsedOptions) throws(ToolError) -> Entity {
        if let topic = options.value("topic") { return .topic(topic) }
        if let broker = options.value("broker") { return .broker(broker) }
        if options.has("broker-defaults") { return .brokerDefaults }
        guard let type = options.value("entity-type") else {
            throw .usage("At least one entity type must be specified")
        }
        switch type {
        case "topics", "topic": return .topic(options.value("entity-name"))
        case "brokers", "broker":
            return options.has("entity-default") ? .brokerDefaults : .broker(options.value("entity-name"))
        case "clients", "users", "ips", "broker-loggers", "client-metrics", "groups":
            throw .failed(
                options.language.pick(
                    es: "kafka-configs: Samsa no admite --entity-type \(type); usa topics o brokers.",
                    en: "kafka-configs: --entity-type \(type) is not supported by Samsa; use topics or brokers."))
        default:
            throw .usage(
                "Invalid entity type \(type), the entity type must be one of users, brokers, clients, topics, ips, broker-loggers, client-metrics, groups"
            )
        }
    }

    static func describe(_ entity: Entity, all: Bool, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32
    {
        switch entity {
        case .topic(let name):
            let existing = try await admin.listTopics(includeInternal: true)
            let names = name.map { [$0] } ?? existing
            for topic in names {
                guard existing.contains(topic) else {
                    throw SamsaClientError.kafka(
                        .unknownTopicOrPartition, context: "describing topic (The topic '\(topic)' does not exist.)")
                }
                let entries = try await admin.describeConfigs(.topic(topic))
                context.console.outLine("\(all ? "All" : "Dynamic") configs for topic \(topic) are:")
                self.printEntries(entries.filter { all || $0.source == 1 }, context)
            }
        case .broker(let id):
            let ids: [Int32]
            if let id {
                guard let number = Int32(id) else {
                    throw ToolError.failed(
                        "The entity name for brokers must be a valid integer broker id, but it is: \(id)")
                }
                ids = [number]
            } else {
                ids = try await admin.describeCluster().brokers.map(\.nodeId)
            }
            for broker in ids {
                let entries = try await admin.describeConfigs(.broker(broker))
                context.console.outLine("\(all ? "All" : "Dynamic") configs for broker \(broker) are:")
                self.printEntries(entries.filter { all || $0.source == 2 || $0.source == 3 }, context)
            }
        case .brokerDefaults:
            throw ToolError.failed(
                context.language.pick(
                    es:
                        "kafka-configs: Samsa no admite los valores por defecto de los brokers (--entity-default); describe un broker con --entity-name ID.",
                    en:
                        "kafka-configs: broker defaults (--entity-default) are not supported by Samsa; describe one broker with --entity-name ID."
                ))
        }
        return 0
    }

    static func printEntries(_ entries: [ConfigEntry], _ context: ToolContext) {
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let value = entry.isSensitive ? "null" : (entry.value ?? "null")
            context.console.outLine(
                "  \(entry.name)=\(value) sensitive=\(entry.isSensitive) synonyms={\(self.sourceName(entry.source)):\(entry.name)=\(value)}"
            )
        }
    }

    /// Kafka's `ConfigEntry.ConfigSource` names.
    static func sourceName(_ source: Int8) -> String {
        switch source {
        case 1: "DYNAMIC_TOPIC_CONFIG"
        case 2: "DYNAMIC_BROKER_CONFIG"
        case 3: "DYNAMIC_DEFAULT_BROKER_CONFIG"
        case 4: "STATIC_BROKER_CONFIG"
        case 5: "DEFAULT_CONFIG"
        case 6: "DYNAMIC_BROKER_LOGGER_CONFIG"
        default: "UNKNOWN"
        }
    }

    static func alter(_ entity: Entity, _ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext)
        async throws -> Int32
    {
        let additions = try options.keyValues("add-config", splittingCommas: true)
        let deletions = options.all("delete-config").flatMap { KeyValueList.split($0) }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !additions.isEmpty || !deletions.isEmpty else {
            throw ToolError.usage("At least one of --add-config or --delete-config must be specified with --alter")
        }
        let operations =
            additions.map { AlterConfigOperation.set($0.0, $0.1) } + deletions.map { AlterConfigOperation.delete($0) }
        switch entity {
        case .topic(let name):
            guard let name else { throw ToolError.usage("an entity name must be specified with --alter of topics") }
            let current = try await admin.describeConfigs(.topic(name)).filter { $0.source == 1 }.map(\.name)
            let invalid = deletions.filter { !current.contains($0) }
            if !invalid.isEmpty {
                throw SamsaClientError.kafka(
                    .invalidConfig, context: "altering configs (Invalid config(s): \(invalid.joined(separator: ",")))")
            }
            try await admin.alterConfigs(.topic(name), operations)
            context.console.outLine("Completed updating config for topic \(name).")
        case .broker(let id):
            guard let id, let number = Int32(id) else {
                throw ToolError.usage("an entity name must be specified with --alter of brokers")
            }
            try await admin.alterConfigs(.broker(number), operations)
            context.console.outLine("Completed updating config for broker \(id).")
        case .brokerDefaults:
            throw ToolError.failed(
                context.language.pick(
                    es:
                        "kafka-configs: Samsa no admite los valores por defecto de los brokers (--entity-default); cambia un broker con --entity-name ID.",
                    en:
                        "kafka-configs: broker defaults (--entity-default) are not supported by Samsa; alter one broker with --entity-name ID."
                ))
        }
        return 0
    }

    static func commandLine(_ options: ParsedOptions) -> String {
        var parts: [String] = []
        for name in options.values.keys.sorted() { for value in options.all(name) { parts += ["--\(name)", value] } }
        parts += options.flags.sorted().map { "--\($0)" }
        return parts.joined(separator: " ")
    }
}
