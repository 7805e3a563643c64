import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import SamsaClient

extension CommandTable {
    static let consumerCommands: [CommandSpec] = [
        CommandSpec(
            ["consumer", "start"], positionals: [.init("NAME", .consumer)],
            options: [
                .init("--group", .group, "the consumer group to join"),
                .init("--topic", .topic, "the topic to subscribe to"),
                .init("--session-timeout-ms", .number, "how long the coordinator waits for heartbeats (default 10000)"),
            ],
            summary: "run a background group member; rebalances are printed as they happen",
            details: """
                The member joins the group (JoinGroup, SyncGroup), reads its partitions from the committed
                offsets (the earliest offset when none is committed), commits every second and heartbeats
                every second. Each rebalance prints the generation and who owns which partition.
                """,
            spanish: CommandHelp(
                summary: "lanza un miembro de grupo en segundo plano; los rebalanceos se muestran al ocurrir",
                details: """
                    El miembro entra en el grupo (JoinGroup, SyncGroup), lee sus particiones desde los offsets
                    confirmados (desde el más antiguo si no hay ninguno), confirma cada segundo y envía un heartbeat
                    cada segundo. Cada rebalanceo muestra la generación y qué partición tiene cada miembro.
                    """,
                options: [
                    "--group": "el grupo de consumidores al que se une",
                    "--topic": "el topic al que se suscribe",
                    "--session-timeout-ms": "cuánto espera el coordinador sus heartbeats (10000 por defecto)",
                ]),
            run: { session, arguments throws(REPLError) in try session.runConsumerCommand(.start, arguments) }),
        CommandSpec(
            ["consumer", "stop"], positionals: [.init("NAME", .consumer)],
            summary: "stop a member cleanly: it commits and leaves the group at once (LeaveGroup)",
            spanish: CommandHelp(
                summary: "para un miembro limpiamente: confirma y sale del grupo en el acto (LeaveGroup)"),
            run: { session, arguments throws(REPLError) in try session.runConsumerCommand(.stop, arguments) }),
        CommandSpec(
            ["consumer", "kill"], positionals: [.init("NAME", .consumer)],
            summary: "stop a member without leaving: the group notices when its session times out",
            details:
                "Like a crashed process: no commit, no LeaveGroup. Its partitions wait until session.timeout.ms ran out.",
            spanish: CommandHelp(
                summary: "para un miembro sin salir del grupo: el grupo lo nota cuando expira su sesión",
                details:
                    "Como un proceso caído: sin commit ni LeaveGroup. Sus particiones esperan a que se agote session.timeout.ms."
            ),
            run: { session, arguments throws(REPLError) in try session.runConsumerCommand(.kill, arguments) }),
        CommandSpec(
            ["consumer", "commits"], positionals: [.init("NAME", .consumer), .init("on|off", .choice(["on", "off"]))],
            summary: "stop (off) or resume (on) a member's commits; it goes on reading",
            details:
                "With commits off the member commits nothing, not even before a rebalance: killed then, the records it read since its last commit are read again by the next owner of its partitions (`consumer list` counts them).",
            spanish: CommandHelp(
                summary: "para (off) o reanuda (on) los commits de un miembro; sigue leyendo",
                details:
                    "Sin commits el miembro no confirma nada, ni siquiera antes de un rebalanceo: si lo matas entonces, el siguiente dueño de sus particiones lee otra vez lo que leyó desde su último commit (`consumer list` los cuenta)."
            ),
            run: { session, arguments throws(REPLError) in try session.runConsumerCommand(.commits, arguments) }),
        CommandSpec(
            ["consumer", "list"],
            summary: "background consumers of this REPL: generation, partitions, records read, records read twice",
            spanish: CommandHelp(
                summary:
                    "los consumidores en segundo plano de este REPL: generación, particiones, mensajes leídos y leídos dos veces"
            ),
            run: { session, arguments throws(REPLError) in try session.runConsumerCommand(.list, arguments) }),
    ]

    static let groupCommands: [CommandSpec] = [
        CommandSpec(
            ["group", "list"], summary: "consumer groups the cluster knows, with their state",
            spanish: CommandHelp(summary: "los grupos de consumidores que conoce el clúster, con su estado"),
            isWatchable: true,
            run: { session, arguments throws(REPLError) in try session.runGroupCommand(.list, arguments) }),
        CommandSpec(
            ["group", "describe"], positionals: [.init("GROUP", .group)],
            summary: "state, assignor, members and their partitions, committed offsets and lag",
            spanish: CommandHelp(summary: "estado, asignador, miembros y sus particiones, offsets confirmados y lag"),
            isWatchable: true,
            run: { session, arguments throws(REPLError) in try session.runGroupCommand(.describe, arguments) }),
    ]
}

/// `consumer start|stop|kill|list` (group members running inside the REPL) and `group list|describe`
/// (what the group coordinators know: ListGroups, DescribeGroups, OffsetFetch, ListOffsets).
extension Session {
    enum ConsumerCommand: Sendable {
        case start, stop, kill, commits, list
    }

    enum GroupCommand: Sendable {
        case list, describe
    }

    func runConsumerCommand(_ command: ConsumerCommand, _ arguments: ParsedArguments) throws(REPLError) {
        switch command {
        case .start:
            let name = arguments.positionals[0]
            guard let group = arguments.value("--group"), let topic = arguments.value("--topic") else {
                throw .usage(
                    self.language.pick(
                        es: "un miembro necesita --group G (el grupo al que se une) y --topic T (lo que lee)",
                        en: "a member needs --group G (the group to join) and --topic T (what it reads)"),
                    usage: arguments.usage)
            }
            guard self.consumers.member(name) == nil else {
                throw .usage(
                    self.language.pick(
                        es: "el consumidor \(name) ya está en marcha; `consumer list` los muestra",
                        en: "consumer \(name) is running already; `consumer list` shows them"),
                    usage: arguments.usage)
            }
            var settings = BackgroundConsumers.Settings()
            if let milliseconds = try arguments.int("--session-timeout-ms", in: 6000...300_000) {
                settings.sessionTimeout = .milliseconds(milliseconds)
            }
            let bootstrap = try self.bootstrapServers()
            _ = try self.withClient(bootstrap) { client in
                guard try await Self.topicMetadataSoon(client, topic) != nil else {
                    throw SamsaClientError.unknownTopic(topic)
                }
            }
            do {
                try self.consumers.start(
                    name: name, group: group, topic: topic, bootstrap: bootstrap, settings: settings)
            } catch {
                throw .client("\(error)")
            }
            self.remember(group: group)
            let seconds = settings.sessionTimeout.components.seconds
            self.console.print(
                self.language.pick(
                    es:
                        "Consumidor \(name) en marcha: entra en el grupo \(group) (JoinGroup y después SyncGroup) y lee \(topic); "
                        + "confirma cada segundo, envía un heartbeat cada segundo, session timeout de \(seconds) s.",
                    en:
                        "Started consumer \(name): it joins group \(group) (JoinGroup, then SyncGroup) and reads \(topic); "
                        + "commits every second, heartbeats every second, session timeout \(seconds) s."))
        case .stop, .kill, .commits:
            let name = arguments.positionals[0]
            guard let member = self.consumers.member(name) else {
                let running = self.consumers.names
                let es = self.language == .es
                let hint =
                    running.isEmpty
                    ? (es
                        ? "no hay ninguno en marcha; `consumer start NAME --group G --topic T` lanza uno"
                        : "none is running; `consumer start NAME --group G --topic T` starts one")
                    : (es ? "en marcha: " : "running: ") + running.joined(separator: ", ")
                throw .usage(
                    es ? "no hay ningún consumidor llamado \(name); \(hint)" : "no consumer named \(name); \(hint)",
                    usage: arguments.usage)
            }
            let consumers = self.consumers
            if command == .commits {
                let word = arguments.positionals.count > 1 ? arguments.positionals[1] : ""
                guard word == "on" || word == "off" else {
                    throw .usage(
                        self.language.pick(
                            es: "di on u off: `consumer commits \(name) off`",
                            en: "say on or off: `consumer commits \(name) off`"), usage: arguments.usage)
                }
                try? AsyncBridge.run { await consumers.setCommits(name, word == "on") }
                self.console.print(
                    word == "on"
                        ? self.language.pick(
                            es: "\(name) vuelve a confirmar sus offsets cada segundo.",
                            en: "\(name) commits its offsets every second again.")
                        : self.language.pick(
                            es:
                                "\(name) sigue leyendo pero ya no confirma nada: si muere ahora, quien herede sus particiones leerá otra vez lo que leyó desde su último commit.",
                            en:
                                "\(name) keeps reading but commits nothing now: if it dies, whoever gets its partitions reads again what it read since its last commit."
                        ))
                return
            }
            if command == .stop {
                try? AsyncBridge.run { await consumers.stop(name) }
                self.console.print(
                    self.language.pick(
                        es:
                            "Consumidor \(name) parado: ha confirmado sus offsets y enviado LeaveGroup, así que \(member.group) rebalancea ya.",
                        en:
                            "Stopped consumer \(name): it committed its offsets and sent LeaveGroup, so \(member.group) rebalances now."
                    ))
            } else {
                try? AsyncBridge.run { await consumers.kill(name) }
                let seconds = member.sessionTimeout.components.seconds
                self.console.print(
                    self.language.pick(
                        es:
                            "Consumidor \(name) matado: conexiones cerradas, sin LeaveGroup. El coordinador lo mantiene en \(member.group) "
                            + "hasta que expire su sesión (\(seconds) s), y entonces rebalancea.",
                        en:
                            "Killed consumer \(name): connections closed, no LeaveGroup. The coordinator keeps it in \(member.group) "
                            + "until its session times out (\(seconds) s), then rebalances."))
            }
        case .list:
            let members = self.consumers.all
            guard !members.isEmpty else {
                self.console.print(
                    self.language.pick(
                        es:
                            "No hay consumidores en marcha en este REPL; `consumer start NAME --group G --topic T` lanza uno.",
                        en: "No consumers run in this REPL; `consumer start NAME --group G --topic T` starts one."))
                return
            }
            let es = self.language == .es
            var table = TextTable(columns: [
                .init(es ? "consumidor" : "consumer"), .init(es ? "grupo" : "group"), .init("topic"),
                .init(es ? "generación" : "generation", alignment: .right),
                .init(es ? "particiones" : "partitions", canShrink: true),
                .init(es ? "mensajes" : "records", alignment: .right),
                .init(es ? "leídos dos veces" : "read twice", alignment: .right), .init("", canShrink: true),
            ])
            for member in members {
                let joining = es ? "(entrando)" : "(joining)"
                let nothing = es ? "nada" : "nothing"
                table.rows.append([
                    member.name, member.group, member.topic, member.generation < 0 ? "-" : "\(member.generation)",
                    member.assignment.isEmpty
                        ? (member.generation < 0 ? joining : nothing) : Self.partitionList(member.assignment),
                    "\(member.records)", "\(member.readTwice)",
                    member.lastError?.text(self.language)
                        ?? (member.commits ? "" : (es ? "no confirma" : "commits off")),
                ])
            }
            for line in table.render(width: self.console.width, style: self.console.style) { self.console.print(line) }
        }
    }

    func runGroupCommand(_ command: GroupCommand, _ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        if command == .list {
            let groups = try self.withAdmin(bootstrap) { admin in try await admin.listGroups() }
            for group in groups { self.remember(group: group.groupId) }
            guard !groups.isEmpty else {
                self.console.print(
                    self.language.pick(
                        es: "Aún no hay grupos de consumidores; `consumer start NAME --group G --topic T` crea uno.",
                        en: "No consumer groups yet; `consumer start NAME --group G --topic T` makes one."))
                return
            }
            let rows = groups.map { [$0.groupId, $0.state.isEmpty ? "-" : $0.state, $0.protocolType] }
            for line in TextTable.aligned([["group", "state", "protocol type"]] + rows) { self.console.print(line) }
            return
        }
        let groupId = arguments.positionals[0]
        let described = try self.withAdmin(bootstrap) { admin in try await Self.describeGroup(admin, groupId) }
        self.remember(group: groupId)
        let names = self.consumers.namesByMemberId(group: groupId)
        for line in Self.groupLines(
            described, names: names, width: self.console.width, style: self.console.style, language: self.language)
        {
            self.console.print(line)
        }
    }

    /// What `group describe` shows, gathered in one go.
    struct DescribedGroup: Sendable {
        var description: GroupDescription
        /// Committed offset (CURRENT-OFFSET) and ListOffsets(latest), the high watermark (LOG-END-OFFSET), per
        /// partition of every topic involved, as `kafka-consumer-groups --describe` reads them.
        var partitions: [(TopicPartition, committed: Int64?, logEndOffset: Int64?)]
    }

    static func describeGroup(_ admin: KafkaAdmin, _ groupId: String) async throws -> DescribedGroup {
        guard let description = try await admin.describeGroups([groupId]).first else {
            throw SamsaClientError.groupFailure(group: groupId, reason: "no description came back")
        }
        let committed = try await admin.listGroupOffsets(groupId)
        let topics = Set(committed.keys.map(\.topic)).union(description.members.flatMap { $0.assignment.map(\.topic) })
        var partitions: [TopicPartition] = []
        if !topics.isEmpty {
            let metadata = try await admin.client.refreshMetadata(topics: topics.sorted())
            for topic in topics.sorted() {
                for partition in metadata.topics[topic]?.partitions.map(\.partition).sorted() ?? [] {
                    partitions.append(TopicPartition(topic, partition))
                }
            }
        }
        let logEndOffsets = (try? await admin.listOffsets(partitions, spec: .latest)) ?? [:]
        return DescribedGroup(
            description: description,
            partitions: partitions.map { ($0, committed[$0], logEndOffsets[$0]?.offset) })
    }

    /// `group billing · Stable · assignor range · 2 members`, the members, then one row per partition.
    /// Kafka's names stay: group states (Stable, Empty), `current offset`, `log end offset`, `lag`.
    static func groupLines(
        _ group: DescribedGroup, names: [String: String], width: Int, style: Style, language: Language = .en
    ) -> [String] {
        let es = language == .es
        let description = group.description
        if description.state == "Dead"
            || (description.state.isEmpty && description.members.isEmpty && group.partitions.isEmpty)
        {
            return [
                es
                    ? "El grupo \(description.groupId) no existe (sin miembros ni offsets confirmados); `group list` muestra los grupos."
                    : "Group \(description.groupId) does not exist (no members, no committed offsets); `group list` shows the groups."
            ]
        }
        let count = description.members.count
        var header = (es ? "grupo " : "group ") + "\(description.groupId) · \(description.state)"
        if !description.protocolName.isEmpty {
            header += (es ? " · asignador " : " · assignor ") + description.protocolName
        }
        header += es ? " · \(count) miembro\(count == 1 ? "" : "s")" : " · \(count) member\(count == 1 ? "" : "s")"
        var lines = [header]
        var owners: [TopicPartition: String] = [:]
        let members = description.members.map { member in
            (name: names[member.memberId] ?? member.clientId, member: member)
        }.sorted { $0.name < $1.name }
        if !members.isEmpty {
            var table = TextTable(columns: [
                .init(es ? "miembro" : "member"), .init("member id", canShrink: true), .init("host"),
                .init(es ? "particiones" : "partitions", canShrink: true),
            ])
            table.indent = 1
            for (name, member) in members {
                for partition in member.assignment { owners[partition] = name }
                table.rows.append([
                    name, member.memberId, member.clientHost,
                    member.assignment.isEmpty ? (es ? "nada" : "nothing") : Self.partitionList(member.assignment),
                ])
            }
            lines += table.render(width: width, style: style)
        }
        guard !group.partitions.isEmpty else {
            lines.append(es ? " aún no hay offsets confirmados" : " no committed offsets yet")
            return lines
        }
        var table = TextTable(columns: [
            .init(es ? "partición" : "partition"), .init("current offset", alignment: .right),
            .init("log end offset", alignment: .right), .init("lag", alignment: .right), .init(es ? "dueño" : "owner"),
        ])
        table.indent = 1
        for (partition, committed, logEndOffset) in group.partitions {
            let lag = ConsumerGroupLag.lag(currentOffset: committed, logEndOffset: logEndOffset)
            table.rows.append([
                "\(partition.topic)-\(partition.partition)", committed.map(String.init) ?? "-",
                logEndOffset.map(String.init) ?? "-", lag.map(String.init) ?? "-", owners[partition] ?? "-",
            ])
        }
        lines.append("")
        lines += table.render(width: width, style: style)
        if es {
            lines.append(" lag = log end offset − current offset, como los muestra kafka-consumer-groups:")
            lines.append(
                " log end offset = high watermark (lo que pueden leer los consumidores), current offset = offset confirmado"
            )
        } else {
            lines.append(" lag = log end offset − current offset, as kafka-consumer-groups shows them:")
            lines.append(
                " log end offset = high watermark (what consumers can read), current offset = committed offset")
        }
        return lines
    }

    static func partitionList(_ partitions: [TopicPartition]) -> String {
        partitions.sorted().map { "\($0.topic)-\($0.partition)" }.joined(separator: ", ")
    }

    func remember(group: String) {
        if !self.knownGroups.contains(group) { self.knownGroups = (self.knownGroups + [group]).sorted() }
    }
}
