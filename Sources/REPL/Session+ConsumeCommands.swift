import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import PageCache
import SamsaClient

extension CommandTable {
    static let consumeCommand = CommandSpec(
        ["consume"], positionals: [.init("TOPIC", .topic)],
        options: [
            .init("--from-beginning", nil, "start at the earliest offset still kept"),
            .init("--partition", .number, "read only this partition"),
            .init("--offset", .number, "start at this offset (with --partition)"),
            .init("--max-messages", .number, "stop after N records"),
            .init("--group", .group, "read as a member of this consumer group"),
        ],
        summary: "read records: partition, offset, key, value (stops after 2 s with nothing new)",
        spanish: CommandHelp(
            summary: "lee mensajes: partición, offset, clave y valor (para tras 2 s sin nada nuevo)",
            options: [
                "--from-beginning": "empieza en el offset más antiguo que se conserva",
                "--partition": "lee solo esta partición",
                "--offset": "empieza en este offset (con --partition)",
                "--max-messages": "para tras N mensajes",
                "--group": "lee como miembro de este grupo de consumidores",
            ]),
        run: { session, arguments throws(REPLError) in try session.runConsume(arguments) })
}

/// `consume TOPIC [--from-beginning] [--partition P] [--offset O] [--max-messages N]`: reads in
/// assign mode (no group), printing partition, offset, key and value, and stops after N records
/// or once nothing new arrived for 2 s.
extension Session {
    /// One record as the REPL shows it.
    struct ConsumedLine: Sendable {
        var partition: Int32
        var offset: Int64
        var key: String?
        var value: String?
    }

    func runConsume(_ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        let topic = arguments.positionals[0]
        if let group = arguments.value("--group") {
            if arguments.has("--partition") || arguments.has("--offset") {
                throw .usage(
                    self.language.pick(
                        es: "con --group las particiones las asigna el coordinador; quita --partition y --offset",
                        en: "with --group the coordinator assigns partitions; leave out --partition and --offset"),
                    usage: arguments.usage)
            }
            return try self.runGroupConsume(arguments, group: group)
        }
        let chosen = try arguments.int("--partition", in: 0...100_000).map(Int32.init)
        let offset = try arguments.int("--offset", in: 0...Int.max).map(Int64.init)
        if offset != nil, chosen == nil {
            throw .usage(
                self.language.pick(
                    es: "--offset necesita --partition: un offset pertenece a una partición",
                    en: "--offset needs --partition: an offset belongs to one partition"),
                usage: arguments.usage)
        }
        let limit = try arguments.int("--max-messages", in: 1...1_000_000) ?? Int.max
        let fromBeginning = arguments.has("--from-beginning")
        // The brokers' log dirs are on this machine: what the read is about to touch is measured first.
        let layout = self.cluster.flatMap { $0.exists ? $0.layout : nil }
        let (lines, partitionCount, residency) = try self.withClient(bootstrap) { client in
            guard let described = try await Self.topicMetadataSoon(client, topic) else {
                throw SamsaClientError.unknownTopic(topic)
            }
            let all = described.partitions.map(\.partition).sorted()
            if let chosen, !all.contains(chosen) {
                throw SamsaClientError.unknownPartition(topic: topic, partition: chosen, partitionCount: all.count)
            }
            let partitions = (chosen.map { [$0] } ?? all).map { TopicPartition(topic, $0) }
            let metadata = await client.metadata
            var directories: [TopicPartition: String] = [:]
            for partition in partitions {
                guard let layout, let leader = try? metadata.leader(of: partition) else { continue }
                directories[partition] =
                    layout.dataDirectory(for: .broker(Int(leader)))
                    .appendingPathComponent("\(topic)-\(partition.partition)").path
            }
            var residency = ReadResidency(directories: directories)
            var configuration = ConsumerConfiguration()
            configuration.enableAutoCommit = false
            configuration.autoOffsetReset = fromBeginning ? .earliest : .latest
            let consumer = KafkaConsumer(client: client, configuration: configuration)
            var lines: [ConsumedLine] = []
            do {
                try await consumer.assign(partitions)
                if let offset, let first = partitions.first {
                    try await consumer.seek(first, to: offset)
                } else if fromBeginning {
                    try await consumer.seekToBeginning(partitions)
                } else {
                    try await consumer.seekToEnd(partitions)
                }
                var quietSince = ContinuousClock.now
                while lines.count < limit, ContinuousClock.now - quietSince < .seconds(2) {
                    let records = try await consumer.poll(timeout: .milliseconds(500))
                    if !records.isEmpty { quietSince = ContinuousClock.now }
                    for record in records.prefix(limit - lines.count) {
                        lines.append(
                            ConsumedLine(
                                partition: record.partition, offset: record.offset, key: record.keyString,
                                value: record.valueString))
                        residency.record(record.topicPartition, offset: record.offset)
                    }
                }
            } catch {
                await consumer.close()
                throw error
            }
            await consumer.close()
            return (lines, all.count, residency.residency)
        }
        self.remember(topic: topic)
        let rows = lines.map { line in
            ["\(topic)-\(line.partition)", "offset \(line.offset)", self.keyText(line.key), line.value ?? "(null)"]
        }
        for row in TextTable.aligned(rows) { self.console.print(row) }
        if self.language == .es {
            let from =
                fromBeginning ? "desde el principio" : offset.map { "desde el offset \($0)" } ?? "solo mensajes nuevos"
            let which =
                chosen.map { "partición \($0)" } ?? "\(partitionCount) partici\(partitionCount == 1 ? "ón" : "ones")"
            let end = lines.count >= limit ? "alcanzado --max-messages" : "nada nuevo en 2 s"
            self.console.print(
                "Leídos \(lines.count) mensaje\(lines.count == 1 ? "" : "s") de \(topic) (\(which), \(from)); \(end).")
        } else {
            let from = fromBeginning ? "from the beginning" : offset.map { "from offset \($0)" } ?? "new records only"
            let which =
                chosen.map { "partition \($0)" } ?? "\(partitionCount) partition\(partitionCount == 1 ? "" : "s")"
            let end = lines.count >= limit ? "reached --max-messages" : "nothing new for 2 s"
            self.console.print(
                "Read \(lines.count) record\(lines.count == 1 ? "" : "s") from \(topic) (\(which), \(from)); \(end).")
        }
        if let residency, residency.size > 0 {
            let resident = Self.byteText(residency.residentBytes)
            let size = Self.byteText(residency.size)
            self.console.print(
                self.language.pick(
                    es:
                        "Page cache antes de leer: \(resident) de los \(size) del log con estos mensajes estaban en memoria (\(residency.percent) %).",
                    en:
                        "Page cache before the read: \(resident) of the \(size) of log holding these records were in memory (\(residency.percent) %)."
                ))
        }
    }

    /// `consume TOPIC --group G`: joins G as a member, reads from the group's committed offsets (with
    /// --from-beginning, from the earliest offset where nothing is committed), commits what it printed,
    /// and leaves the group.
    private func runGroupConsume(_ arguments: ParsedArguments, group: String) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        let topic = arguments.positionals[0]
        let limit = try arguments.int("--max-messages", in: 1...1_000_000) ?? Int.max
        let fromBeginning = arguments.has("--from-beginning")
        let (lines, assigned, committed) = try self.withClient(bootstrap) { client in
            guard try await Self.topicMetadataSoon(client, topic) != nil else {
                throw SamsaClientError.unknownTopic(topic)
            }
            var configuration = ConsumerConfiguration(groupId: group)
            configuration.enableAutoCommit = false
            configuration.autoOffsetReset = fromBeginning ? .earliest : .latest
            configuration.sessionTimeout = .seconds(10)
            configuration.heartbeatInterval = .seconds(1)
            configuration.rebalanceTimeout = .seconds(20)
            let consumer = KafkaConsumer(client: client, configuration: configuration)
            var lines: [ConsumedLine] = []
            var next: [TopicPartition: Int64] = [:]
            var assigned: [TopicPartition] = []
            do {
                try await consumer.subscribe([topic])
                // Joining may wait for the other members to rejoin: up to the rebalance timeout.
                let joinDeadline = ContinuousClock.now + .seconds(25)
                var quietSince: ContinuousClock.Instant?
                while lines.count < limit {
                    let records = try await consumer.poll(timeout: .milliseconds(500))
                    let now = ContinuousClock.now
                    if quietSince == nil {
                        let generation = await consumer.groupGeneration.generationId
                        if generation >= 0 {
                            quietSince = now
                            assigned = await consumer.assignedPartitions
                        } else if now > joinDeadline {
                            throw SamsaClientError.groupFailure(group: group, reason: "no assignment within 25 s")
                        }
                    }
                    if !records.isEmpty { quietSince = now }
                    for record in records.prefix(limit - lines.count) {
                        lines.append(
                            ConsumedLine(
                                partition: record.partition, offset: record.offset, key: record.keyString,
                                value: record.valueString))
                        next[TopicPartition(topic, record.partition)] = record.offset + 1
                    }
                    if let quietSince, now - quietSince >= .seconds(2) { break }
                }
                if !next.isEmpty { try await consumer.commit(next) }
            } catch {
                await consumer.close()
                throw error
            }
            await consumer.close()
            return (lines, assigned, next)
        }
        self.remember(topic: topic)
        self.remember(group: group)
        let rows = lines.map { line in
            ["\(topic)-\(line.partition)", "offset \(line.offset)", self.keyText(line.key), line.value ?? "(null)"]
        }
        for row in TextTable.aligned(rows) { self.console.print(row) }
        if self.language == .es {
            let end = lines.count >= limit ? "alcanzado --max-messages" : "nada nuevo en 2 s"
            let owned =
                assigned.isEmpty ? "ninguna partición (las tienen todas otros miembros)" : Self.partitionList(assigned)
            self.console.print(
                "Leídos \(lines.count) mensaje\(lines.count == 1 ? "" : "s") como miembro del grupo \(group) (asignado: \(owned)); \(end)."
            )
        } else {
            let end = lines.count >= limit ? "reached --max-messages" : "nothing new for 2 s"
            let owned = assigned.isEmpty ? "no partitions (other members own them all)" : Self.partitionList(assigned)
            self.console.print(
                "Read \(lines.count) record\(lines.count == 1 ? "" : "s") as a member of group \(group) (assigned \(owned)); \(end)."
            )
        }
        if committed.isEmpty {
            self.console.print(
                self.language.pick(
                    es: "Nada nuevo que confirmar; los offsets del grupo se quedan donde estaban.",
                    en: "Nothing new to commit; the group's offsets stay where they were."))
        } else {
            let offsets = committed.sorted { $0.key < $1.key }.map {
                "\($0.key.topic)-\($0.key.partition) → \($0.value)"
            }
            self.console.print(
                self.language.pick(
                    es:
                        "Confirmados \(offsets.joined(separator: ", ")) para el grupo \(group); después ha salido del grupo.",
                    en: "Committed \(offsets.joined(separator: ", ")) for group \(group), then left the group."))
        }
    }

    /// `key "alice"` / `no key`, as a consumed line shows it.
    func keyText(_ key: String?) -> String {
        guard let key else { return self.language.pick(es: "sin clave", en: "no key") }
        return self.language.pick(es: "clave «\(key)»", en: "key \"\(key)\"")
    }
}
