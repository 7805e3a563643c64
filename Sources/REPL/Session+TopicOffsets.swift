import CourseLanguage
import KafkaProtocol
import SamsaClient

extension CommandTable {
    static let topicOffsetsCommand = CommandSpec(
        ["topic", "offsets"], positionals: [.init("NAME", .topic)],
        summary: "each partition's earliest offset, high watermark and the leader's log end offset",
        details: """
            A consumer reads from the earliest offset up to, not including, the high watermark: the
            records every replica in the ISR has copied. The leader's log end offset is ahead of it
            while followers are still copying (try it under `fault slow-replication`).
            """,
        spanish: CommandHelp(
            summary: "de cada partición, el primer offset, el high watermark y el log end offset del líder",
            details: """
                Un consumidor lee desde el primer offset hasta el high watermark, sin incluirlo: los mensajes
                que ya han copiado todas las réplicas del ISR. El log end offset del líder va por delante
                mientras los followers siguen copiando (pruébalo con `fault slow-replication`).
                """),
        isWatchable: true,
        run: { session, arguments throws(REPLError) in try session.runTopicOffsets(arguments) })
}

/// `topic offsets NAME`: per partition, where reading can start (earliest), where it must stop
/// (the high watermark, ListOffsets "latest") and how far the leader has written (its log end
/// offset, ListOffsets with Kafka's debugging replica id -2). The gap between the last two is
/// records the followers have not all copied yet, which no consumer can read.
extension Session {
    struct PartitionOffsets: Sendable, Equatable {
        var partition: Int32
        var leader: Int32
        var earliest: Int64?
        var highWatermark: Int64?
        var logEndOffset: Int64?
    }

    func runTopicOffsets(_ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        let name = arguments.positionals[0]
        let rows = try self.withAdmin(bootstrap) { admin in
            let topic = try await admin.describeTopics([name])[0]
            let partitions = topic.partitions.map { TopicPartition(name, $0.partition) }
            let earliest = try await admin.listOffsets(partitions, spec: .earliest)
            let latest = try await admin.listOffsets(partitions, spec: .latest)
            let logEnd = try await admin.listLogEndOffsets(partitions)
            return topic.partitions.sorted { $0.partition < $1.partition }.map { partition in
                let key = TopicPartition(name, partition.partition)
                return PartitionOffsets(
                    partition: partition.partition, leader: partition.leader, earliest: earliest[key]?.offset,
                    highWatermark: latest[key]?.offset, logEndOffset: logEnd[key])
            }
        }
        self.remember(topic: name)
        let lines = Self.topicOffsetsLines(
            name, rows, width: self.console.width, style: self.console.style, language: self.language)
        for line in lines { self.console.print(line) }
    }

    static func topicOffsetsLines(
        _ name: String, _ rows: [PartitionOffsets], width: Int, style: Style = .plain, language: Language
    ) -> [String] {
        let es = language == .es
        var table = TextTable(columns: [
            .init(es ? "partición" : "partition"), .init(es ? "líder" : "leader"),
            .init(es ? "primero" : "earliest", alignment: .right), .init("high watermark", alignment: .right),
            .init(es ? "log end offset (líder)" : "log end offset (leader)", alignment: .right),
        ])
        let text = { (offset: Int64?) in offset.map(String.init) ?? "-" }
        for row in rows {
            table.rows.append([
                "\(name)-\(row.partition)", row.leader >= 0 ? "\(row.leader)" : (es ? "ninguno" : "none"),
                text(row.earliest), text(row.highWatermark), text(row.logEndOffset),
            ])
        }
        var lines = table.render(width: width, style: style)
        lines.append(
            es
                ? "Un consumidor lee desde «primero» hasta el high watermark, sin incluirlo."
                : "A consumer reads from earliest up to, not including, the high watermark.")
        let behind = rows.filter { row in
            guard let highWatermark = row.highWatermark, let logEnd = row.logEndOffset else { return false }
            return logEnd > highWatermark
        }
        for row in behind {
            let count = (row.logEndOffset ?? 0) - (row.highWatermark ?? 0)
            lines.append(
                es
                    ? "\(name)-\(row.partition): el líder tiene \(count) mensaje\(count == 1 ? "" : "s") que no todo el ISR ha copiado aún; nadie puede leerlos todavía."
                    : "\(name)-\(row.partition): the leader holds \(count) record\(count == 1 ? "" : "s") not yet copied by the whole ISR; no one can read \(count == 1 ? "it" : "them") yet."
            )
        }
        return lines
    }
}
