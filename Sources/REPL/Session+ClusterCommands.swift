import CourseLanguage
import FaultControl
import Foundation
import LabKit
import LocalCluster

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CommandTable {
    static let clusterCommands: [CommandSpec] = [
        CommandSpec(
            ["cluster", "start"],
            options: [
                .init("--brokers", .number, "how many brokers (default 3; an existing cluster keeps its count)"),
                .init("--name", .text, "cluster name and folder .samsa/NAME/ (default lab)"),
                .init("--standalone", nil, "brokers without a metadata server, each its own controller"),
                .init("--detach", nil, "keep the cluster running after samsa quits"),
            ],
            summary: "start a metadata server and brokers on this machine",
            details: """
                Writes zookeeper.properties and server-N.properties into .samsa/NAME/config/, starts
                samsa-meta on 127.0.0.1:2181 and brokers on 9092, 9093, ... (a busy port is replaced by a
                free one, and you are told). Each process logs to .samsa/NAME/logs/. A cluster that was
                stopped starts again with its data. Without --detach the cluster stops when samsa quits.
                """,
            spanish: CommandHelp(
                summary: "arranca un servidor de metadatos y brokers en esta máquina",
                details: """
                    Escribe zookeeper.properties y server-N.properties en .samsa/NAME/config/, arranca samsa-meta
                    en 127.0.0.1:2181 y los brokers en 9092, 9093, ... (un puerto ocupado se cambia por uno libre,
                    y se te avisa). Cada proceso escribe su log en .samsa/NAME/logs/. Un clúster parado arranca de
                    nuevo con sus datos. Sin --detach, el clúster se para al salir de samsa.
                    """,
                options: [
                    "--brokers": "cuántos brokers (3 por defecto; un clúster que ya existe conserva los suyos)",
                    "--name": "nombre del clúster y de su carpeta .samsa/NAME/ (lab por defecto)",
                    "--standalone": "brokers sin servidor de metadatos, cada uno su propio controller",
                    "--detach": "deja el clúster en marcha al salir de samsa",
                ]),
            needsLocal: .processLifecycle,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.start, arguments) }),
        CommandSpec(
            ["cluster", "stop"], summary: "stop every broker cleanly, then the metadata server (data is kept)",
            spanish: CommandHelp(
                summary: "para cada broker limpiamente y después el servidor de metadatos (los datos se conservan)"),
            needsLocal: .processLifecycle,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.stop, arguments) }),
        CommandSpec(
            ["cluster", "destroy"], summary: "stop the cluster and delete its folder: data, logs, configs",
            spanish: CommandHelp(summary: "para el clúster y borra su carpeta: datos, logs y configuración"),
            needsLocal: .processLifecycle,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.destroy, arguments) }),
        CommandSpec(
            ["cluster", "status"], summary: "brokers up, down or paused; partitions, leaders and ISR",
            details: """
                Processes (state, address, pid, uptime, memory) and the controller; in cluster mode also
                each partition's leader, replicas, ISR, log end offset (ListOffsets with replica id -2)
                and high watermark (ListOffsets latest, what consumers may read).
                """,
            spanish: CommandHelp(
                summary: "brokers en marcha, caídos o en pausa; particiones, líderes e ISR",
                details: """
                    Los procesos (estado, dirección, pid, tiempo en marcha, memoria) y el controller; en modo clúster
                    también el líder, las réplicas y el ISR de cada partición, su log end offset (ListOffsets con
                    replica id -2) y su high watermark (ListOffsets latest, lo que pueden leer los consumidores).
                    """),
            isWatchable: true,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.status, arguments) }),
    ]

}

/// `cluster ...` and `broker ...`: process-level control of the local cluster. Each prints one
/// line that says what happened, in Kafka's terms.
extension Session {
    enum ClusterCommand: Sendable {
        case start, stop, destroy, status
        case broker(BrokerCommand)
    }

    enum BrokerCommand: Sendable {
        case kill, stop, start, pause, resume, logs
    }

    func runClusterCommand(_ command: ClusterCommand, _ arguments: ParsedArguments) throws(REPLError) {
        do {
            switch command {
            case .start: try self.clusterStart(arguments)
            case .stop: try self.clusterStop()
            case .destroy: try self.clusterDestroy()
            case .status:
                if let attached = self.attached { return try self.attachedStatus(attached) }
                try self.clusterStatus()
            case .broker(let verb): try self.brokerCommand(verb, arguments)
            }
        } catch let error as REPLError {
            throw error
        } catch let error as LocalClusterError {
            throw .cluster(error)
        } catch {
            throw .file("\(error)")
        }
    }

    private func clusterStart(_ arguments: ParsedArguments) throws {
        let brokers = try arguments.int("--brokers", in: 1...9)
        let name = arguments.value("--name") ?? self.cluster?.layout.name ?? self.configuration.clusterName
        guard ClusterLayout.isValidName(name) else {
            throw REPLError.usage(
                self.language.pick(
                    es: "--name '\(name)' solo admite letras, cifras, '-', '_' o '.' (es el nombre de una carpeta)",
                    en: "--name '\(name)' must be letters, digits, '-', '_' or '.' (a folder name)"),
                usage: arguments.usage)
        }
        if let current = self.cluster, current.layout.name != name, current.isRunning {
            throw REPLError.usage(
                self.language.pick(
                    es:
                        "el clúster «\(current.layout.name)» está en marcha; páralo con `cluster stop` antes de arrancar «\(name)»",
                    en:
                        "cluster \"\(current.layout.name)\" is running; stop it with `cluster stop` before starting \"\(name)\""
                ),
                usage: arguments.usage)
        }
        let layout = ClusterLayout(name: name, baseDirectory: self.configuration.baseDirectory)
        let cluster: LocalCluster
        if let current = self.cluster, current.layout == layout {
            cluster = current
        } else {
            cluster = try self.openCluster(layout)
        }
        self.cluster = cluster
        let options = ClusterOptions(
            brokerCount: brokers, mode: arguments.has("--standalone") ? .standalone : nil,
            isDetached: arguments.has("--detach"))
        let began = ContinuousClock.now
        let report: ClusterStartReport
        do {
            report = try cluster.start(options)
        } catch LocalClusterError.exitedBeforeListening(let process, let status, let lastLine, let logFile)
            where cluster.currentState?.mode == .zookeeper
        {
            // A broker that cannot join the metadata server leaves the student stuck: name the way out.
            let error = LocalClusterError.exitedBeforeListening(
                process: process, status: status, lastLine: lastLine, logFile: logFile)
            throw REPLError.file(
                "\(error)\n"
                    + self.language.pick(
                        es: "(`cluster start --standalone` arranca brokers sin servidor de metadatos)",
                        en: "(`cluster start --standalone` runs brokers without a metadata server)"))
        }
        let es = self.language == .es
        let width = report.started.map { self.roleName($0.role).count }.max() ?? 0
        for record in report.started {
            let role = self.roleName(record.role).padding(toLength: width, withPad: " ", startingAt: 0)
            let pid = record.pid.map { "  pid \($0)" } ?? ""
            self.console.print("  \(self.console.style.green("✓")) \(role)  \(record.address)\(pid)")
        }
        for note in report.notes { self.console.print("  \(es ? "nota" : "note"): \(Self.note(note, self.language))") }
        if cluster.currentState?.mode == .standalone {
            self.console.print(
                es
                    ? "  standalone: cada broker es su propio controller y la única réplica de sus particiones"
                    : "  standalone: each broker is its own controller and the only replica of its partitions")
        }
        if cluster.currentState?.mode == .zookeeper {
            let readiness = self.waitForClusterMetadata()
            for id in readiness.restarted {
                self.console.print(
                    es
                        ? "  el broker \(id) encontró su registro anterior en /brokers/ids; se ha arrancado de nuevo al expirar esa sesión"
                        : "  broker \(id) found its old registration in /brokers/ids; started it again once that session expired"
                )
            }
            self.lastController = readiness.controller
            if readiness.controller != nil { self.refreshTopicNames() }
            if let controller = readiness.controller {
                self.console.print(
                    es
                        ? "  el broker \(controller) es el controller; todos los brokers se han registrado en /brokers/ids"
                        : "  broker \(controller) is the controller; every broker has registered in /brokers/ids")
            } else {
                self.console.print(
                    es
                        ? "  nota: los brokers no se han puesto de acuerdo en un controller en 15 s; `broker logs 1` muestra por qué"
                        : "  note: the brokers have not agreed on a controller within 15 s; `broker logs 1` shows why")
            }
        }
        let elapsed = ContinuousClock.now - began
        let seconds = String(
            format: "%.1f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if es {
            let again = report.isRestart ? " de nuevo" : ""
            self.console.print("clúster «\(name)» listo\(again) en \(seconds) s · datos y logs en \(report.folder)")
        } else {
            let again = report.isRestart ? " again" : ""
            self.console.print("cluster \"\(name)\" ready\(again) in \(seconds) s · data and logs in \(report.folder)")
        }
        if options.isDetached {
            self.console.print(
                es
                    ? "Desacoplado: sigue en marcha cuando salgas; `cluster stop` lo para."
                    : "Detached: it keeps running after you quit; `cluster stop` stops it.")
        }
    }

    private func clusterStop() throws {
        let cluster = try self.requireCluster()
        guard cluster.isRunning else {
            throw LocalClusterError.noCluster(name: cluster.layout.name)
        }
        self.stopBackgroundWork()
        let faults = cluster.allFaults()
        let outcomes = try cluster.stop()
        if !faults.isEmpty {
            let list = faults.keys.sorted().map { "broker \($0) (\(faults[$0]?.names.joined(separator: ", ") ?? ""))" }
            self.console.print(
                self.language.pick(
                    es:
                        "Curados todos los fallos: \(list.joined(separator: ", ")); los fallos acaban con los procesos.",
                    en: "Healed every fault: \(list.joined(separator: ", ")); faults end with the processes."))
        }
        let es = self.language == .es
        let killed = outcomes.filter { $0.1 == .killed }.map { self.roleName($0.0) }
        let brokers = outcomes.compactMap { $0.0.brokerID }.map(String.init)
        var text = es ? "Clúster «\(cluster.layout.name)» parado:" : "Stopped cluster \"\(cluster.layout.name)\":"
        if !brokers.isEmpty {
            text +=
                es
                ? (brokers.count == 1
                    ? " el broker \(brokers[0]) se ha apagado"
                    : " los brokers \(brokers.joined(separator: ", ")) se han apagado")
                : " broker\(brokers.count == 1 ? "" : "s") \(brokers.joined(separator: ", ")) shut down"
        }
        if outcomes.contains(where: { $0.0 == .metadataServer }) {
            text += es ? ", y después el servidor de metadatos" : ", then the metadata server"
        }
        self.console.print(text + ".")
        if !killed.isEmpty {
            self.console.print(
                es
                    ? "  \(killed.joined(separator: ", ")) ignoró SIGTERM durante 10 s y se mató (SIGKILL)"
                    : "  \(killed.joined(separator: ", ")) ignored SIGTERM for 10 s and was killed (SIGKILL)")
        }
        self.console.print(
            es
                ? "Los datos se conservan en \(cluster.layout.displayPath); `cluster start` los recupera."
                : "Data is kept in \(cluster.layout.displayPath); `cluster start` brings it back.")
    }

    private func clusterDestroy() throws {
        let layout =
            self.cluster?.layout
            ?? ClusterLayout(name: self.configuration.clusterName, baseDirectory: self.configuration.baseDirectory)
        // Nothing to delete is the outcome asked for (a sheet may say `cluster destroy` to start afresh).
        guard FileManager.default.fileExists(atPath: layout.root.path) else {
            self.console.print(
                self.language.pick(
                    es: "No hay clúster «\(layout.name)» en \(layout.displayPath): nada que destruir.",
                    en: "No cluster \"\(layout.name)\" in \(layout.displayPath): nothing to destroy."))
            return
        }
        let cluster: LocalCluster
        if let current = self.cluster {
            cluster = current
        } else {
            cluster = try self.openCluster(layout)
        }
        self.stopBackgroundWork()
        try cluster.destroy()
        self.cluster = nil
        self.console.print(
            self.language.pick(
                es: "Clúster «\(layout.name)» destruido: procesos parados y \(layout.displayPath) borrado.",
                en: "Destroyed cluster \"\(layout.name)\": processes stopped, \(layout.displayPath) deleted."))
    }

    private func clusterStatus() throws {
        let cluster = try self.requireCluster()
        guard let snapshot = cluster.snapshot(), let view = self.clusterView(withTopics: true) else {
            throw LocalClusterError.noCluster(name: cluster.layout.name)
        }
        self.console.print(
            ClusterDiagram.render(view, width: self.console.width, style: self.console.style, language: self.language))
        if !snapshot.isAnythingRunning {
            self.console.print(
                self.language.pick(
                    es: "No hay nada en marcha; `cluster start` lo arranca de nuevo con sus datos.",
                    en: "Nothing is running; `cluster start` starts it again with its data."))
        }
    }

    /// "broker 2", "metadata server", in the session's language.
    /// A `cluster start` note from LocalCluster (English) in the session's language; the only
    /// note it writes is a port taken by something else.
    static func note(_ note: String, _ language: Language) -> String {
        guard language == .es, let match = note.wholeMatch(of: /port (\d+) is in use, so (.+) listens on (\d+)/) else {
            return note
        }
        let role = match.2 == "metadata server" ? "el servidor de metadatos" : "el \(match.2)"
        return "el puerto \(match.1) está ocupado, así que \(role) escucha en el \(match.3)"
    }

    func roleName(_ role: ClusterRole) -> String {
        guard self.language == .es else { return role.description }
        return role.brokerID.map { "broker \($0)" } ?? "servidor de metadatos"
    }

    func requireCluster() throws -> LocalCluster {
        if let cluster = self.cluster, cluster.exists { return cluster }
        throw LocalClusterError.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName)
    }
}
