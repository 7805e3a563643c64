import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import NIOCore

extension CommandTable {
    static let topicCompactionCommand = CommandSpec(
        ["topic", "compaction"], positionals: [.init("NAME", .topic)],
        options: [.init("--partition", .number, "which partition (default 0)")],
        summary: "a compacted partition's segments: records, keys and tombstones in each, and the cleaner's checkpoint",
        details: """
            Reads the brokers' log dirs on this machine. On a topic with cleanup.policy=compact the broker's log
            cleaner (every log.cleaner.backoff.ms) keeps the last record of each key in the segments before the
            active one, with their offsets. Run it before and after a pass to see what went.
            """,
        spanish: CommandHelp(
            summary:
                "los segmentos de una partición compactada: mensajes, claves y tombstones de cada uno, y el checkpoint del cleaner",
            details: """
                Lee los directorios de logs de los brokers en esta máquina. En un topic con cleanup.policy=compact, el log
                cleaner del broker (cada log.cleaner.backoff.ms) deja el último mensaje de cada clave en los segmentos
                anteriores al activo, con sus offsets. Ejecútalo antes y después de una pasada para ver qué se fue.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        needsLocal: .localFiles,
        run: { session, arguments throws(REPLError) in try session.runCompactionView(arguments, cleanNow: false) })

    static let topicCompactCommand = CommandSpec(
        ["topic", "compact"], positionals: [.init("NAME", .topic)],
        options: [.init("--partition", .number, "which partition (default 0)")],
        summary: "run the log cleaner on a partition now and show its segments before and after",
        details: """
            Asks each broker holding the partition for a cleaner pass now, whatever min.cleanable.dirty.ratio
            says. Only segments before the active one are cleaned, and records younger than
            min.compaction.lag.ms wait. Tombstones stay until delete.retention.ms after their first cleaning.
            """,
        spanish: CommandHelp(
            summary: "pasa el log cleaner por una partición ahora y muestra sus segmentos antes y después",
            details: """
                Pide una pasada del cleaner ya a cada broker que tiene la partición, diga lo que diga
                min.cleanable.dirty.ratio. Solo se limpian los segmentos anteriores al activo, y los mensajes más
                recientes que min.compaction.lag.ms esperan. Los tombstones duran delete.retention.ms desde su
                primera limpieza.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        needsLocal: .localFiles,
        run: { session, arguments throws(REPLError) in try session.runCompactionView(arguments, cleanNow: true) })
}

/// `topic compaction NAME` and `topic compact NAME`: what log compaction does to a partition. Like
/// `topic segments` they read the brokers' log dirs on this machine directly: per segment its base
/// offset, records, distinct keys and tombstones, and the cleaner's checkpoint
/// (`cleaner-offset-checkpoint`, where the dirty section starts). `topic compact` also asks each
/// broker holding the partition for a cleaner pass now (`LocalCluster.requestCompaction`) and shows
/// the segments before and after it.
extension Session {
    func runCompactionView(_ arguments: ParsedArguments, cleanNow: Bool) throws(REPLError) {
        guard let cluster = self.cluster, cluster.exists, let state = cluster.currentState else {
            throw .cluster(.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName))
        }
        let topic = arguments.positionals[0]
        let partition = try arguments.int("--partition", in: 0...100_000) ?? 0
        self.remember(topic: topic)
        let es = self.language == .es
        let holders = state.brokerIDs.filter { id in
            FileManager.default.fileExists(
                atPath: cluster.layout.dataDirectory(for: .broker(id)).appendingPathComponent("\(topic)-\(partition)")
                    .path)
        }
        guard !holders.isEmpty else {
            self.console.print(
                es
                    ? "Ningún broker tiene segmentos de \(topic)-\(partition)."
                    : "No broker has segments of \(topic)-\(partition).")
            return
        }
        guard cleanNow else {
            self.console.print(
                es
                    ? "Segmentos de \(topic)-\(partition) (el último es el activo, que el cleaner no toca):"
                    : "Segments of \(topic)-\(partition) (the last is the active one, which the cleaner leaves alone):")
            self.printCompactionTable(topic: topic, partition: partition, brokers: holders, layout: cluster.layout)
            return
        }
        self.console.print(es ? "Antes:" : "Before:")
        self.printCompactionTable(topic: topic, partition: partition, brokers: holders, layout: cluster.layout)
        for id in holders {
            do {
                try cluster.requestCompaction(topic: topic, partition: partition, onBroker: id)
            } catch let error as LocalClusterError {
                throw .cluster(error)
            } catch {
                throw .file("\(error)")
            }
        }
        // The broker deletes the request file when it starts the pass; the pass itself is short.
        let requests = holders.map {
            cluster.layout.dataDirectory(for: .broker($0)).appendingPathComponent(
                LocalCluster.compactionRequestFileName
            ).path
        }
        for _ in 0..<50 where requests.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.3)
        self.console.print(es ? "Después de una pasada del log cleaner:" : "After a log cleaner pass:")
        self.printCompactionTable(topic: topic, partition: partition, brokers: holders, layout: cluster.layout)
    }

    private func printCompactionTable(topic: String, partition: Int, brokers: [Int], layout: ClusterLayout) {
        let es = self.language == .es
        var table = TextTable(columns: [
            .init("broker", alignment: .right), .init(es ? "offset base" : "base offset", alignment: .right),
            .init(es ? "mensajes" : "records", alignment: .right), .init(es ? "claves" : "keys", alignment: .right),
            .init("tombstones", alignment: .right), .init(es ? "tamaño" : "size", alignment: .right),
        ])
        var checkpoints: [String] = []
        for id in brokers {
            let root = layout.dataDirectory(for: .broker(id)).path
            let directory = "\(root)/\(topic)-\(partition)"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
                $0.hasSuffix(".log")
            }
            for name in names.sorted() {
                guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { continue }
                let counts = Self.compactionCounts(of: ByteBuffer(bytes: data))
                table.rows.append([
                    "\(id)", String(Int64(name.dropLast(4)) ?? 0), "\(counts.records)",
                    counts.keys.map(String.init) ?? "?",
                    counts.tombstones.map(String.init) ?? "?", Self.byteText(Int64(data.count)),
                ])
            }
            let checkpoint = Self.cleanerCheckpoint(in: root, topic: topic, partition: partition)
            checkpoints.append(
                "broker \(id): " + (checkpoint.map(String.init) ?? (es ? "aún no limpiado" : "not cleaned yet")))
        }
        for line in table.render(width: self.console.width, style: self.console.style) { self.console.print(line) }
        self.console.print(
            (es ? "Checkpoint del cleaner (primer offset sucio): " : "Cleaner checkpoint (first dirty offset): ")
                + checkpoints.joined(separator: ", "))
    }

    /// Records, distinct keys and tombstones of a segment file; keys and tombstones are nil when a
    /// batch is compressed (the REPL does not open compressed batches here).
    static func compactionCounts(of bytes: ByteBuffer) -> (records: Int, keys: Int?, tombstones: Int?) {
        var records = 0
        var keys: Set<ByteBuffer>? = []
        var tombstones: Int? = 0
        var index = bytes.readerIndex
        while let header = RecordBatchHeader(buffer: bytes, at: index),
            header.totalSize > RecordBatchHeader.logOverhead,
            index + header.totalSize <= bytes.writerIndex
        {
            records += Int(header.recordsCount)
            if let batch = bytes.getSlice(at: index, length: header.totalSize),
                let decoded = try? RecordBatches.decode(batch)
            {
                for record in decoded.flatMap(\.records) {
                    if let key = record.key { keys?.insert(key) }
                    if record.key != nil, record.value == nil { tombstones? += 1 }
                }
            } else {
                keys = nil
                tombstones = nil
            }
            index += header.totalSize
        }
        return (records, keys?.count, tombstones)
    }

    /// The partition's line in the log dir's `cleaner-offset-checkpoint` (`topic partition offset`).
    static func cleanerCheckpoint(in logDir: String, topic: String, partition: Int) -> Int64? {
        guard let text = try? String(contentsOfFile: "\(logDir)/cleaner-offset-checkpoint", encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n").dropFirst(2) {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == topic, fields[1] == "\(partition)" { return Int64(fields[2]) }
        }
        return nil
    }
}
