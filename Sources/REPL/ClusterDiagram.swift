import CourseLanguage
import Foundation
import LocalCluster

/// Draws `cluster status` and the prompt from a `ClusterView`: a line per process (state symbol,
/// address, pid, uptime, memory, and a hint for what to do with it), then a partition table per
/// topic when topic state is known. Symbols carry the meaning, so colour is optional.
public enum ClusterDiagram {
    /// `samsa (no cluster)>`, `samsa [3 up · ctl 1]>`, `samsa [2 up · 1 paused]>`; in Spanish
    /// `samsa (sin clúster)>`, `samsa [3 en marcha · ctl 1]>`.
    public static func prompt(for view: ClusterView?, language: Language = .en) -> String {
        let es = language == .es
        guard let view, view.isAnythingRunning else { return es ? "samsa (sin clúster)> " : "samsa (no cluster)> " }
        var parts = [es ? "\(view.brokersUp) en marcha" : "\(view.brokersUp) up"]
        if view.brokersPaused > 0 {
            parts.append(es ? "\(view.brokersPaused) en pausa" : "\(view.brokersPaused) paused")
        }
        let faulty = view.brokers.filter { !$0.faults.isEmpty }.count
        if faulty > 0 { parts.append(es ? "⚡ \(faulty) con fallos" : "⚡ \(faulty) faulty") }
        if let controller = view.controller { parts.append("ctl \(controller)") }
        if view.mode == .zookeeper, view.processes.first(where: { $0.role == .metadataServer })?.state != .running {
            parts.append(es ? "meta caído" : "meta down")
        }
        return "samsa [\(parts.joined(separator: " · "))]> "
    }

    /// `samsa [127.0.0.1:9092 · attached · ctl 1]>` for a cluster Samsa did not start (`cluster
    /// attach`): its bootstrap, since Samsa knows no processes of it; in Spanish `conectado`.
    public static func attachedPrompt(bootstrap: String, controller: Int?, language: Language = .en) -> String {
        var parts = [bootstrap, language.pick(es: "conectado", en: "attached")]
        if let controller { parts.append("ctl \(controller)") }
        return "samsa [\(parts.joined(separator: " · "))]> "
    }

    /// Kafka's own terms (`isr`, `log end`, `high watermark`, `controller`) stay as Kafka names them.
    public static func render(_ view: ClusterView, width: Int, style: Style = .plain, language: Language = .en)
        -> String
    {
        let es = language == .es
        let header: String
        if view.isAttached {
            let tree =
                view.attachedZooKeeper.map { "ZooKeeper \($0)" } ?? (es ? "sin árbol de metadatos" : "no metadata tree")
            header =
                es
                ? "clúster en \(view.name) · conectado: arrancado fuera de Samsa, visto por el protocolo de Kafka · \(tree)"
                : "cluster at \(view.name) · attached: started elsewhere, seen through Kafka's protocol · \(tree)"
        } else if es {
            let mode = view.mode == .zookeeper ? "servidor de metadatos + brokers" : "brokers standalone"
            header = "clúster «\(view.name)» · \(mode) · \(view.folder)"
        } else {
            let mode = view.mode == .zookeeper ? "metadata server + brokers" : "standalone brokers"
            header = "cluster \"\(view.name)\" · \(mode) · \(view.folder)"
        }
        var lines = [header]
        var table = TextTable(columns: [
            .init(es ? "proceso" : "process"), .init(es ? "estado" : "state"), .init(es ? "dirección" : "address"),
            .init("pid", alignment: .right), .init(es ? "tiempo" : "up", alignment: .right),
            .init(es ? "memoria" : "memory", alignment: .right), .init("", canShrink: true),
        ])
        table.indent = 1
        var hints: [String] = []
        for process in view.processes {
            let (symbol, word) = self.state(process.state, style: style, language: language)
            var notes = process.role.brokerID.map { $0 == view.controller } == true ? ["controller"] : []
            if !process.faults.isEmpty { notes.append(style.yellow("⚡ " + process.faults.joined(separator: ", "))) }
            let note = notes.joined(separator: " · ")
            switch (process.state, process.role) {
            case (.stopped, .broker(let id)):
                hints.append(
                    es
                        ? "el broker \(id) está caído; `broker start \(id)` lo arranca"
                        : "broker \(id) is down; `broker start \(id)` starts it")
            case (.stopped, .metadataServer):
                hints.append(
                    es
                        ? "el servidor de metadatos está caído: los brokers no pueden registrarse"
                        : "the metadata server is down: brokers cannot register")
            case (.paused, .broker(let id)):
                hints.append(
                    es
                        ? "el broker \(id) está congelado (SIGSTOP); `broker resume \(id)` lo reanuda"
                        : "broker \(id) is frozen (SIGSTOP); `broker resume \(id)` continues it")
            default: break
            }
            if let id = process.role.brokerID, !process.faults.isEmpty {
                let faults = process.faults.joined(separator: ", ")
                hints.append(
                    es
                        ? "⚡ broker \(id): \(faults); `fault heal \(id)` lo cura"
                        : "⚡ broker \(id): \(faults); `fault heal \(id)` heals it")
            }
            table.rows.append([
                es && process.role == .metadataServer ? "servidor de metadatos" : process.role.description,
                "\(symbol) \(word)", process.address, process.pid.map(String.init) ?? "-",
                process.uptime.map(self.duration) ?? "-", process.residentBytes.map(self.bytes) ?? "-", note,
            ])
        }
        lines += table.render(width: width, style: style)
        lines += hints.map { " " + TextTable.fit($0, width: max(10, width - 1)) }
        guard let topics = view.topics else { return lines.joined(separator: "\n") }
        lines.append("")
        if topics.isEmpty {
            lines.append(
                es
                    ? " aún no hay topics; crea uno con `topic create NAME`"
                    : " no topics yet; create one with `topic create NAME`")
            return lines.joined(separator: "\n")
        }
        var partitions = TextTable(columns: [
            .init("topic", canShrink: true), .init(es ? "partición" : "partition", alignment: .right),
            .init(es ? "líder" : "leader", alignment: .right),
            .init(es ? "réplicas" : "replicas"), .init("isr"), .init("log end", alignment: .right),
            .init("high watermark", alignment: .right),
        ])
        partitions.indent = 1
        for topic in topics {
            for (index, partition) in topic.partitions.enumerated() {
                let isUnderReplicated = Set(partition.isr) != Set(partition.replicas)
                let isr = partition.isr.map(String.init).joined(separator: ",")
                partitions.rows.append([
                    index == 0 ? topic.name : "",
                    "\(partition.partition)",
                    partition.leader.map(String.init) ?? style.red(es ? "ninguno" : "none"),
                    partition.replicas.map(String.init).joined(separator: ","),
                    isUnderReplicated ? style.yellow(isr) : isr,
                    partition.logEndOffset.map(String.init) ?? "-",
                    partition.highWatermark.map(String.init) ?? "-",
                ])
            }
        }
        lines += partitions.render(width: width, style: style)
        return lines.joined(separator: "\n")
    }

    static func state(_ state: ProcessStatus.State, style: Style, language: Language = .en) -> (String, String) {
        let es = language == .es
        switch state {
        case .running: return (style.green("●"), es ? "en marcha" : "up")
        case .paused: return (style.yellow("◐"), es ? "en pausa" : "paused")
        case .stopped: return (style.red("○"), es ? "caído" : "down")
        }
    }

    /// `45s`, `3m12s`, `2h05m`.
    public static func duration(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h\(String(format: "%02d", (seconds % 3600) / 60))m"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `28 MB` (decimal megabytes, as `ps` and `top` users read them).
    public static func bytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(bytes / 1000) kB" }
        return "\(bytes / 1_000_000) MB"
    }
}
