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
    static let brokerCommands: [CommandSpec] = [
        CommandSpec(
            ["broker", "kill"], positionals: [.init("ID", .brokerID)],
            summary: "SIGKILL a broker: it dies at once, like a crash",
            details: "Nobody tells the cluster: its metadata session must expire before a new leader is chosen.",
            spanish: CommandHelp(
                summary: "SIGKILL a un broker: muere en el acto, como en un fallo",
                details:
                    "Nadie avisa al clúster: su sesión de metadatos tiene que expirar antes de que se elija un nuevo líder."
            ),
            needsLocal: .processSignals,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.kill), arguments) }),
        CommandSpec(
            ["broker", "stop"], positionals: [.init("ID", .brokerID)],
            summary: "SIGTERM a broker: it shuts down cleanly (controlled shutdown)",
            details: "A clean shutdown hands its partition leaderships to other brokers before it exits.",
            spanish: CommandHelp(
                summary: "SIGTERM a un broker: se apaga limpiamente (controlled shutdown)",
                details: "Un apagado limpio cede a otros brokers las particiones que lidera antes de terminar."),
            needsLocal: .processSignals,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.stop), arguments) }),
        CommandSpec(
            ["broker", "start"], positionals: [.init("ID", .brokerID)],
            summary: "start a stopped broker again, with its port and data",
            spanish: CommandHelp(summary: "arranca de nuevo un broker parado, con su puerto y sus datos"),
            needsLocal: .processSignals,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.start), arguments) }),
        CommandSpec(
            ["broker", "pause"], positionals: [.init("ID", .brokerID)],
            summary: "SIGSTOP a broker: it freezes with its sockets open, like a long GC pause",
            spanish: CommandHelp(
                summary: "SIGSTOP a un broker: se congela con sus sockets abiertos, como en una pausa larga de GC"),
            needsLocal: .processSignals,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.pause), arguments) }),
        CommandSpec(
            ["broker", "resume"], positionals: [.init("ID", .brokerID)], summary: "SIGCONT a paused broker",
            spanish: CommandHelp(summary: "SIGCONT a un broker en pausa"),
            needsLocal: .processSignals,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.resume), arguments) }),
        CommandSpec(
            ["broker", "logs"], positionals: [.init("ID", .brokerID)],
            options: [.init("--lines", .number, "how many lines from the end (default 20)")],
            summary: "the end of a broker's log file",
            spanish: CommandHelp(
                summary: "el final del log de un broker",
                options: ["--lines": "cuántas líneas desde el final (20 por defecto)"]),
            needsLocal: .localFiles,
            run: { session, arguments throws(REPLError) in try session.runClusterCommand(.broker(.logs), arguments) }),
    ]
}

/// `broker ...`: one broker process of the local cluster killed, stopped, started, paused,
/// resumed, or its log shown; each prints one line that says what happened, in Kafka's terms.
extension Session {
    func brokerCommand(_ verb: BrokerCommand, _ arguments: ParsedArguments) throws {
        let id = try arguments.positionalInt(0, name: "ID")
        let cluster = try self.requireCluster()
        let isClusterMode = cluster.currentState?.mode == .zookeeper
        let sessionSeconds = ClusterConfigFiles.labSessionTimeoutMs / 1000
        if self.isRecordingLab, verb == .kill || verb == .stop {
            // Asked before the broker goes: afterwards the cluster has already moved its leaderships.
            let led = self.partitionsLed(by: id)
            self.labFacts.append(CommandOutcome.Fact("led", led?.joined(separator: ",") ?? "unknown"))
        }
        let es = self.language == .es
        switch verb {
        case .kill:
            let pid = try cluster.killBroker(id)
            if isClusterMode {
                self.console.print(
                    es
                        ? "Broker \(id) matado (SIGKILL, pid \(pid)). Nadie ha avisado al clúster: antes tiene que expirar su sesión (\(sessionSeconds) s)."
                        : "Killed broker \(id) (SIGKILL, pid \(pid)). Nobody told the cluster: its session must expire first (\(sessionSeconds) s)."
                )
            } else {
                self.console.print(
                    es
                        ? "Broker \(id) matado (SIGKILL, pid \(pid)): se ha parado en el acto, sin apagado limpio."
                        : "Killed broker \(id) (SIGKILL, pid \(pid)): it stopped at once, with no clean shutdown.")
            }
        case .stop:
            let (pid, outcome) = try cluster.stopBroker(id)
            if outcome == .killed {
                self.console.print(
                    es
                        ? "El broker \(id) (pid \(pid)) ignoró SIGTERM durante 10 s, así que se mató (SIGKILL)."
                        : "Broker \(id) (pid \(pid)) ignored SIGTERM for 10 s, so it was killed (SIGKILL).")
            } else if isClusterMode {
                self.console.print(
                    es
                        ? "Broker \(id) parado (SIGTERM, pid \(pid)): un controlled shutdown ha movido antes sus liderazgos."
                        : "Stopped broker \(id) (SIGTERM, pid \(pid)): a controlled shutdown moved its leaderships first."
                )
            } else {
                self.console.print(
                    es
                        ? "Broker \(id) parado (SIGTERM, pid \(pid)): ha cerrado sus logs limpiamente."
                        : "Stopped broker \(id) (SIGTERM, pid \(pid)): it closed its logs cleanly.")
            }
        case .start:
            if isClusterMode, let waited = self.waitForStaleRegistration(of: id) {
                // Seconds only at the prompt: script output stays the same on every run.
                let time = self.isTerminal ? " \(String(format: "%.1f", waited)) s" : ""
                self.console.print(
                    es
                        ? "Esperado\(time) a que expirase la sesión anterior del broker \(id): "
                            + "hasta entonces /brokers/ids/\(id) nombra al proceso matado, y uno nuevo no podría registrarse."
                        : "Waited\(time) for broker \(id)'s old session to expire: "
                            + "until then /brokers/ids/\(id) still names the killed process, and a new one could not register."
                )
            }
            let oldFaults = (try? BrokerFaults.read(from: cluster.layout.faultFile(forBroker: id))) ?? .healthy
            let record = try cluster.startBroker(id)
            let pid = record.pid.map { ", pid \($0)" } ?? ""
            self.console.print(
                es
                    ? "Broker \(id) arrancado en \(record.address)\(pid); conserva los datos que tenía."
                    : "Started broker \(id) on \(record.address)\(pid); it keeps the data it had.")
            if !oldFaults.isHealthy {
                self.console.print(
                    es
                        ? "  Arranca sano: sus fallos (\(oldFaults.names.joined(separator: ", "))) no sobreviven a un reinicio."
                        : "  It starts healthy: its faults (\(oldFaults.names.joined(separator: ", "))) do not survive a restart."
                )
            }
        case .pause:
            let pid = try cluster.pauseBroker(id)
            if es {
                let expiry = isClusterMode ? " Su sesión expira en \(sessionSeconds) s si no se reanuda." : ""
                self.console.print(
                    "Broker \(id) en pausa (SIGSTOP, pid \(pid)): sockets abiertos, nada contesta.\(expiry) `broker resume \(id)` lo reanuda."
                )
            } else {
                let expiry = isClusterMode ? " Its session expires in \(sessionSeconds) s unless resumed." : ""
                self.console.print(
                    "Paused broker \(id) (SIGSTOP, pid \(pid)): sockets open, nothing answered.\(expiry) `broker resume \(id)` continues it."
                )
            }
        case .resume:
            let pid = try cluster.resumeBroker(id)
            self.console.print(
                es ? "Broker \(id) reanudado (SIGCONT, pid \(pid))." : "Resumed broker \(id) (SIGCONT, pid \(pid)).")
        case .logs:
            let lines = try arguments.int("--lines", in: 1...10000) ?? 20
            let text = try cluster.logTail(.broker(id), lines: lines)
            let path = cluster.layout.logFile(for: .broker(id))
            self.console.print(
                self.console.style.dim(
                    "── broker \(id) · \(path.path) (\(es ? "últimas \(lines) líneas" : "last \(lines) lines")) ──"))
            self.console.print(text.isEmpty ? (es ? "(vacío)" : "(empty)") : text)
        }
    }
}
