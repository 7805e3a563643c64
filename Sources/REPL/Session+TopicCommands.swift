import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import SamsaClient

extension CommandTable {
    static let topicCreateCommand = CommandSpec(
        ["topic", "create"], positionals: [.init("NAME", .topic)],
        options: [
            .init("--partitions", .number, "number of partitions (default num.partitions)"),
            .init("--replication-factor", .number, "copies of each partition, each on a different broker"),
            .init("--config", .text, "a topic config such as retention.ms=60000", isRepeatable: true),
        ],
        summary: "create a topic",
        spanish: CommandHelp(
            summary: "crea un topic",
            options: [
                "--partitions": "número de particiones (num.partitions por defecto)",
                "--replication-factor": "copias de cada partición, cada una en un broker distinto",
                "--config": "una configuración del topic, como retention.ms=60000",
            ]),
        run: { session, arguments throws(REPLError) in try session.runTopicCommand(.create, arguments) })

    static let topicListCommand = CommandSpec(
        ["topic", "list"], summary: "list topics",
        spanish: CommandHelp(summary: "lista los topics"),
        isWatchable: true,
        run: { session, arguments throws(REPLError) in try session.runTopicCommand(.list, arguments) })

    static let topicDescribeCommand = CommandSpec(
        ["topic", "describe"], positionals: [.init("NAME", .topic)],
        summary: "partitions, leaders, replicas and ISR of a topic",
        spanish: CommandHelp(summary: "particiones, líderes, réplicas e ISR de un topic"),
        isWatchable: true,
        run: { session, arguments throws(REPLError) in try session.runTopicCommand(.describe, arguments) })

    static let topicAlterCommand = CommandSpec(
        ["topic", "alter"], positionals: [.init("NAME", .topic)],
        options: [
            .init("--partitions", .number, "raise the partition count (it can never shrink)"),
            .init("--config", .text, "set a topic config, key=value", isRepeatable: true),
        ],
        summary: "add partitions or change configs",
        spanish: CommandHelp(
            summary: "añade particiones o cambia configuraciones",
            options: [
                "--partitions": "sube el número de particiones (nunca puede bajar)",
                "--config": "cambia una configuración del topic, clave=valor",
            ]),
        run: { session, arguments throws(REPLError) in try session.runTopicCommand(.alter, arguments) })

    static let topicDeleteCommand = CommandSpec(
        ["topic", "delete"], positionals: [.init("NAME", .topic)], summary: "delete a topic and its data",
        spanish: CommandHelp(summary: "borra un topic y sus datos"),
        run: { session, arguments throws(REPLError) in try session.runTopicCommand(.delete, arguments) })
}

/// `topic create|list|describe|delete` through `KafkaAdmin`, against the brokers of the local
/// cluster. Each prints what the controller did, in Kafka's terms.
extension Session {
    enum TopicCommand: Sendable {
        case create, list, describe, alter, delete
    }

    func runTopicCommand(_ command: TopicCommand, _ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        let up = self.cluster?.snapshot()?.brokersUp ?? 0
        switch command {
        case .create:
            let name = arguments.positionals[0]
            let partitions = try arguments.int("--partitions", in: 1...10000)
            let factor = try arguments.int("--replication-factor", in: 1...100)
            // An attached cluster's brokers are counted by the cluster itself (INVALID_REPLICATION_FACTOR).
            if let factor, factor > up, self.attached == nil {
                throw .client(
                    self.language.pick(
                        es:
                            "el factor de replicación \(factor) es mayor que \(up == 1 ? "el broker" : "los \(up) brokers") "
                            + "en marcha",
                        en: "replication factor \(factor) is more than the \(up) broker\(up == 1 ? "" : "s") that "
                            + "\(up == 1 ? "is" : "are") up"))
            }
            var configs: [String: String] = [:]
            for pair in arguments.values("--config") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw .usage(
                        self.language.pick(
                            es: "--config '\(pair)' debe ser clave=valor, por ejemplo retention.ms=60000",
                            en: "--config '\(pair)' must be key=value, e.g. retention.ms=60000"),
                        usage: arguments.usage)
                }
                configs[parts[0]] = parts[1]
            }
            let topicConfigs = configs
            let topic = try self.withAdmin(bootstrap) { admin in
                try await admin.createTopic(
                    name, partitions: Int32(partitions ?? -1), replicationFactor: Int16(factor ?? -1),
                    configs: topicConfigs)
                return try await Self.describeSoon(admin, name)
            }
            self.remember(topic: name)
            let leaders = Set(topic.partitions.map(\.leader)).filter { $0 >= 0 }.sorted().map(String.init)
            let replicas = topic.partitions.first?.replicas.count ?? 0
            let count = topic.partitions.count
            self.console.print(
                self.language.pick(
                    es:
                        "Topic \(name) creado: \(count) partici\(count == 1 ? "ón" : "ones") × \(replicas) réplica\(replicas == 1 ? "" : "s"); "
                        + "líderes en \(leaders.count == 1 ? "el broker" : "los brokers") \(leaders.joined(separator: ", ")).",
                    en:
                        "Created topic \(name): \(count) partition\(count == 1 ? "" : "s") × \(replicas) replica\(replicas == 1 ? "" : "s"); "
                        + "leaders on broker\(leaders.count == 1 ? "" : "s") \(leaders.joined(separator: ", "))."))
        case .list:
            let names = try self.withAdmin(bootstrap) { admin in try await admin.listTopics() }
            self.knownTopics = names
            self.console.print(
                names.isEmpty
                    ? self.language.pick(
                        es: "Aún no hay topics; `topic create NAME` crea uno.",
                        en: "No topics yet; `topic create NAME` makes one.")
                    : names.joined(separator: "\n"))
        case .describe:
            let name = arguments.positionals[0]
            let topic = try self.withAdmin(bootstrap) { admin in try await admin.describeTopics([name])[0] }
            self.remember(topic: name)
            self.console.print(Self.describeLines(topic, language: self.language).joined(separator: "\n"))
        case .alter:
            try self.topicAlter(arguments, bootstrap: bootstrap)
        case .delete:
            let name = arguments.positionals[0]
            try self.withAdmin(bootstrap) { admin in try await admin.deleteTopics([name]) }
            self.knownTopics.removeAll { $0 == name }
            self.console.print(
                self.language.pick(
                    es: "Topic \(name) borrado: el controller ha quitado sus particiones y sus logs.",
                    en: "Deleted topic \(name): the controller removed its partitions and their logs."))
        }
    }

    /// `topic alter NAME [--partitions P] [--config k=v]...`: more partitions (never fewer), configs.
    private func topicAlter(_ arguments: ParsedArguments, bootstrap: String) throws(REPLError) {
        let name = arguments.positionals[0]
        let partitions = try arguments.int("--partitions", in: 1...10000)
        var operations: [AlterConfigOperation] = []
        for pair in arguments.values("--config") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .usage(
                    self.language.pick(
                        es: "--config '\(pair)' debe ser clave=valor, por ejemplo retention.ms=60000",
                        en: "--config '\(pair)' must be key=value, e.g. retention.ms=60000"),
                    usage: arguments.usage)
            }
            operations.append(.set(parts[0], parts[1]))
        }
        guard partitions != nil || !operations.isEmpty else {
            throw .usage(
                self.language.pick(
                    es: "di qué cambiar: --partitions N o --config clave=valor",
                    en: "say what to change: --partitions N or --config key=value"),
                usage: arguments.usage)
        }
        if !operations.isEmpty, self.attached == nil, self.cluster?.snapshot()?.mode == .zookeeper {
            throw .client(
                self.language.pick(
                    es: "los brokers de Samsa aún no cambian la configuración de un topic existente en modo clúster; "
                        + "ponla al crearlo: `topic create NAME --config clave=valor`",
                    en: "changing configs of an existing topic is not in Samsa's brokers yet in cluster mode; "
                        + "set them when creating it: `topic create NAME --config key=value`"))
        }
        let changes = operations
        let language = self.language
        let (before, after) = try self.withAdmin(bootstrap) { admin in
            let before = try await admin.describeTopics([name])[0].partitions.count
            if let partitions {
                guard partitions > before else {
                    throw REPLError.client(
                        language.pick(
                            es:
                                "\(name) tiene \(before) particiones; el número de particiones de un topic puede crecer pero nunca bajar: "
                                + "habría que borrar o fusionar los mensajes, offsets y orden de las particiones quitadas",
                            en:
                                "\(name) has \(before) partitions; a topic's partition count can grow but never shrink: "
                                + "the records, offsets and order of the removed partitions would have to be deleted or merged"
                        ))
                }
                try await admin.createPartitions([name: Int32(partitions)])
            }
            if !changes.isEmpty { try await admin.alterConfigs(.topic(name), changes) }
            return (before, try await Self.describeSoon(admin, name).partitions.count)
        }
        if let partitions {
            self.console.print(
                language.pick(
                    es:
                        "\(name): \(before) → \(after) particiones\(after == partitions ? "" : " (pedidas \(partitions))"); "
                        + "los mensajes con clave pueden ir ahora a otra partición que antes.",
                    en:
                        "\(name): \(before) → \(after) partitions\(after == partitions ? "" : " (asked for \(partitions))"); "
                        + "records with a key may now go to a different partition than before."))
        }
        for operation in operations {
            if case .set(let key, let value) = operation {
                self.console.print(
                    language.pick(es: "\(name): \(key)=\(value) aplicado.", en: "\(name): \(key)=\(value) set."))
            }
        }
    }

    /// Adds a topic name for TAB completion.
    func remember(topic: String) {
        if !self.knownTopics.contains(topic) { self.knownTopics = (self.knownTopics + [topic]).sorted() }
    }

    /// Refills the topic names TAB completion offers from the cluster's metadata (quietly).
    func refreshTopicNames() {
        guard let bootstrap = try? self.bootstrapServers(),
            let names = try? self.withAdmin(bootstrap, { admin in try await admin.listTopics() })
        else { return }
        self.knownTopics = names
    }

    /// A topic's partitions as `topic describe` prints them.
    static func describeLines(_ topic: TopicDescription, language: Language = .en) -> [String] {
        let es = language == .es
        let count = topic.partitions.count
        var lines = ["\(topic.name)  \(count) " + (es ? (count == 1 ? "partición" : "particiones") : "partitions")]
        let rows = topic.partitions.sorted { $0.partition < $1.partition }.map { partition in
            [
                String(partition.partition),
                partition.leader < 0 ? (es ? "ninguno" : "none") : String(partition.leader),
                partition.replicas.map(String.init).joined(separator: ","),
                partition.isr.map(String.init).joined(separator: ","),
            ]
        }
        let header = es ? ["partición", "líder", "réplicas", "isr"] : ["partition", "leader", "replicas", "isr"]
        lines += TextTable.aligned([header] + rows).map { "  " + $0 }
        return lines
    }

    /// Right after CreateTopics the leaders may not be elected yet: asks again for up to 3 s.
    static func describeSoon(_ admin: KafkaAdmin, _ name: String) async throws -> TopicDescription {
        try await Self.askingAgain(
            { try await admin.describeTopics([name])[0] },
            until: { topic in !topic.partitions.isEmpty && topic.partitions.allSatisfy { $0.leader >= 0 } })
    }

    /// The topic as the cluster describes it, or nil if it does not exist. Brokers learn of a new
    /// topic one by one (UpdateMetadata from the controller), so right after `topic create` the
    /// broker asked may not know it yet: like Kafka's producer waiting on metadata, asks again for
    /// up to 3 s before calling the topic unknown.
    static func topicMetadataSoon(_ client: KafkaClient, _ topic: String) async throws -> ClusterMetadata.Topic? {
        let described = try await Self.askingAgain(
            { try await client.refreshMetadata(topics: [topic]).topics[topic] },
            until: { $0 != nil && $0?.error != .unknownTopicOrPartition })
        return described?.error == .unknownTopicOrPartition ? nil : described
    }

    /// `ask`'s answer once `isSettled` holds, asking every 100 ms for up to 3 s; the last answer if
    /// it never does. The cluster's metadata settles a moment after a topic is created.
    private static func askingAgain<T>(_ ask: () async throws -> T, until isSettled: (T) -> Bool) async throws -> T {
        var answer = try await ask()
        for _ in 0..<30 where !isSettled(answer) {
            try await Task.sleep(for: .milliseconds(100))
            answer = try await ask()
        }
        return answer
    }

    /// "127.0.0.1:9092,..." for the brokers that are up, or the attached cluster's bootstrap.
    func bootstrapServers() throws(REPLError) -> String {
        if let attached = self.attached { return attached.bootstrap }
        guard let snapshot = self.cluster?.snapshot(), snapshot.isAnythingRunning else {
            throw .cluster(.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName))
        }
        let brokers = snapshot.brokers.filter { $0.state == .running }
        guard !brokers.isEmpty else {
            throw .client(
                self.language.pick(
                    es: "no hay ningún broker en marcha; `broker start ID` o `cluster start` arrancan uno",
                    en: "no broker is up; `broker start ID` or `cluster start` starts one"))
        }
        return brokers.map { "127.0.0.1:\($0.port)" }.joined(separator: ",")
    }

    /// Runs `work` with an admin client that is closed afterwards; client errors become one line.
    func withAdmin<T: Sendable>(_ bootstrap: String, _ work: @escaping @Sendable (KafkaAdmin) async throws -> T)
        throws(REPLError) -> T
    {
        try self.withClient(bootstrap) { client in try await work(KafkaAdmin(client: client)) }
    }

    /// Kafka's error, with the concept named where the raw code says little. Other errors keep the
    /// client's own text, which quotes Kafka's code and message.
    static func friendly(_ error: SamsaClientError) -> LocalizedText {
        if case .kafka(let code, let context) = error {
            switch code {
            case .topicAlreadyExists:
                let topic = (context.components(separatedBy: " (").first ?? context).replacingOccurrences(
                    of: "creating topic ", with: "")
                return LocalizedText(
                    es: "el topic \(topic) ya existe; `topic describe \(topic)` lo muestra",
                    en: "topic \(topic) already exists; `topic describe \(topic)` shows it")
            case .unknownTopicOrPartition where context.hasPrefix("deleting topic "):
                let topic = (context.components(separatedBy: " (").first ?? context).replacingOccurrences(
                    of: "deleting topic ", with: "")
                return LocalizedText(
                    es: "el topic \(topic) no existe; `topic list` muestra los topics",
                    en: "topic \(topic) does not exist; `topic list` shows the topics")
            case .invalidReplicationFactor:
                return LocalizedText(
                    es: "\(context): el factor de replicación es mayor que el número de brokers en marcha",
                    en: "\(context): the replication factor is more than the brokers that are up")
            default: break
            }
        }
        return LocalizedText(es: error.description, en: error.description)
    }
}
