import CourseLanguage
import Foundation
import LocalCluster
import PageCache

extension CommandTable {
    static let brokerEvictCacheCommand = CommandSpec(
        ["broker", "evict-cache"], positionals: [.init("ID", .brokerID)],
        summary: "drop a broker's segment files from the OS page cache, so the next read is cold",
        details: """
            Writes back and evicts every .log, .index and .timeindex file in the broker's log dir with
            posix_fadvise(POSIX_FADV_DONTNEED); no root needed. Compare a consume right after it (read from
            the disk) with the same consume again (read from memory); `topic segments` shows the difference.
            """,
        spanish: CommandHelp(
            summary:
                "saca de la page cache del sistema los segmentos de un broker, para que la próxima lectura sea en frío",
            details: """
                Escribe a disco y expulsa de memoria cada fichero .log, .index y .timeindex del directorio de logs
                del broker con posix_fadvise(POSIX_FADV_DONTNEED); no hace falta ser root. Compara un consume justo
                después (lee del disco) con el mismo consume otra vez (lee de memoria); `topic segments` muestra la
                diferencia.
                """),
        needsLocal: .localFiles,
        run: { session, arguments throws(REPLError) in try session.runPageCacheCommand(.evictCache, arguments) })

    static let topicSegmentsCommand = CommandSpec(
        ["topic", "segments"], positionals: [.init("NAME", .topic)],
        options: [.init("--partition", .number, "which partition (default 0)")],
        summary: "a partition's segment files on each broker and how much of each is in the page cache",
        details: """
            Reads the brokers' log dirs on this machine: each segment's file, base offset and size, and the
            bytes of it the operating system holds in memory right now (mincore). Recent records are there,
            which is why consumers that keep up never touch the disk. `broker evict-cache ID` empties it.
            """,
        spanish: CommandHelp(
            summary:
                "los ficheros de segmento de una partición en cada broker y cuánto de cada uno está en la page cache",
            details: """
                Lee los directorios de logs de los brokers en esta máquina: de cada segmento, su fichero, su offset
                base, su tamaño y los bytes que el sistema operativo tiene ahora en memoria (mincore). Los mensajes
                recientes están ahí; por eso los consumidores que van al día no tocan el disco.
                `broker evict-cache ID` la vacía.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        isWatchable: true,
        needsLocal: .localFiles,
        run: { session, arguments throws(REPLError) in try session.runPageCacheCommand(.segments, arguments) })
}

/// `topic segments` and `broker evict-cache`: the page cache made visible. The brokers run on this
/// machine, so their log dirs (`.samsa/NAME/data/broker-N/`) are read directly; nothing asks them.
extension Session {
    enum PageCacheCommand: Sendable {
        case segments, evictCache
    }

    func runPageCacheCommand(_ command: PageCacheCommand, _ arguments: ParsedArguments) throws(REPLError) {
        guard let cluster = self.cluster, cluster.exists, let state = cluster.currentState else {
            throw .cluster(.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName))
        }
        switch command {
        case .segments:
            let topic = arguments.positionals[0]
            let partition = try arguments.int("--partition", in: 0...100_000) ?? 0
            self.remember(topic: topic)
            try self.showSegments(topic: topic, partition: partition, brokers: state.brokerIDs, layout: cluster.layout)
        case .evictCache:
            let id = try arguments.positionalInt(0, name: "ID")
            guard state.brokerIDs.contains(id) else { throw .cluster(.unknownBroker(id: id, known: state.brokerIDs)) }
            try self.evictCache(broker: id, layout: cluster.layout)
        }
    }

    private func showSegments(topic: String, partition: Int, brokers: [Int], layout: ClusterLayout) throws(REPLError) {
        let es = self.language == .es
        var table = TextTable(columns: [
            .init("broker", alignment: .right), .init(es ? "segmento" : "segment", canShrink: true),
            .init(es ? "offset base" : "base offset", alignment: .right),
            .init(es ? "tamaño" : "size", alignment: .right),
            .init(es ? "en page cache" : "in page cache", alignment: .right),
        ])
        for id in brokers {
            let directory = layout.dataDirectory(for: .broker(id)).appendingPathComponent("\(topic)-\(partition)").path
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
                $0.hasSuffix(".log")
            }
            for name in names.sorted() {
                let residency: PageCache.Residency
                do {
                    residency = try PageCache.residency(ofFile: "\(directory)/\(name)")
                } catch {
                    continue  // deleted by retention between the listing and the look
                }
                table.rows.append([
                    "\(id)", name, String(Int64(name.dropLast(4)) ?? 0), Self.byteText(residency.size),
                    Self.residencyText(residency),
                ])
            }
        }
        guard !table.rows.isEmpty else {
            self.console.print(
                self.language.pick(
                    es: "Ningún broker de este clúster tiene segmentos de \(topic)-\(partition) en disco.",
                    en: "No broker of this cluster has segments of \(topic)-\(partition) on disk."))
            return
        }
        self.console.print(
            self.language.pick(
                es:
                    "Segmentos de \(topic)-\(partition) y cuánto de cada uno está ahora en la page cache del sistema (mincore):",
                en: "Segments of \(topic)-\(partition) and how much of each is in the OS page cache now (mincore):"))
        for line in table.render(width: self.console.width, style: self.console.style) { self.console.print(line) }
    }

    private func evictCache(broker id: Int, layout: ClusterLayout) throws(REPLError) {
        let root = layout.dataDirectory(for: .broker(id))
        let suffixes = [".log", ".index", ".timeindex"]
        var files = 0
        var resident: Int64 = 0
        var stillResident: Int64 = 0
        let partitions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for partition in partitions.sorted() {
            let directory = root.appendingPathComponent(partition).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names where suffixes.contains(where: { name.hasSuffix($0) }) {
                let path = "\(directory)/\(name)"
                do {
                    resident += try PageCache.residency(ofFile: path).residentBytes
                    try PageCache.evict(file: path)
                    stillResident += try PageCache.residency(ofFile: path).residentBytes
                    files += 1
                } catch {
                    continue  // deleted by retention meanwhile
                }
            }
        }
        guard files > 0 else {
            self.console.print(
                self.language.pick(
                    es: "El broker \(id) aún no tiene ficheros de segmento.",
                    en: "Broker \(id) has no segment files yet."))
            return
        }
        self.console.print(
            self.language.pick(
                es:
                    "Sacados de la page cache los \(files) ficheros de segmento del broker \(id) (posix_fadvise DONTNEED): "
                    + "había \(Self.byteText(resident)) en memoria. Sus próximas lecturas vendrán del disco.",
                en: "Evicted broker \(id)'s \(files) segment files from the page cache (posix_fadvise DONTNEED): "
                    + "\(Self.byteText(resident)) were in memory. Its next reads of them come from the disk."))
        if stillResident > 0 {
            self.console.print(
                self.language.pick(
                    es:
                        "  Quedan \(Self.byteText(stillResident)): páginas en uso ahora mismo, o un sistema de ficheros en memoria (tmpfs).",
                    en:
                        "  \(Self.byteText(stillResident)) stayed: pages in use right now, or a file system in memory (tmpfs)."
                ))
        }
    }

    private static func residencyText(_ residency: PageCache.Residency) -> String {
        guard residency.size > 0 else { return "-" }
        let percent = Int((Double(residency.residentBytes) * 100 / Double(residency.size)).rounded())
        return "\(Self.byteText(residency.residentBytes)) (\(percent) %)"
    }

    /// 812 B, 4.0 KB, 1.2 MB: powers of 1024, as `ls -lh` prints them.
    static func byteText(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f %@", value, units[unit])
    }
}
