import FaultControl
import Foundation
import LabKit
import LocalCluster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cluster ...` and `broker ...`: process-level control of the local cluster. Each prints one
/// line that says what happened, in Kafka's terms.
extension Session {
    func runClusterCommand(_ spec: CommandSpec, _ arguments: ParsedArguments) throws(REPLError) {
        do {
            switch spec.words {
            case ["cluster", "start"]: try self.clusterStart(arguments)
            case ["cluster", "stop"]: try self.clusterStop()
            case ["cluster", "destroy"]: try self.clusterDestroy()
            case ["cluster", "status"]: try self.clusterStatus()
            default: try self.brokerCommand(spec.words[1], arguments)
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
            throw REPLError.usage("--name '\(name)' must be letters, digits, '-', '_' or '.' (a folder name)", usage: arguments.usage)
        }
        if let current = self.cluster, current.layout.name != name, current.isRunning {
            throw REPLError.usage(
                "cluster \"\(current.layout.name)\" is running; stop it with `cluster stop` before starting \"\(name)\"",
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
                "\(error)\n(`cluster start --standalone` runs brokers without a metadata server)")
        }
        let width = report.started.map { $0.role.description.count }.max() ?? 0
        for record in report.started {
            let role = record.role.description.padding(toLength: width, withPad: " ", startingAt: 0)
            let pid = record.pid.map { "  pid \($0)" } ?? ""
            self.console.print("  \(self.console.style.green("✓")) \(role)  \(record.address)\(pid)")
        }
        for note in report.notes { self.console.print("  note: \(note)") }
        if cluster.currentState?.mode == .standalone {
            self.console.print("  standalone: each broker is its own controller and the only replica of its partitions")
        }
        if cluster.currentState?.mode == .zookeeper {
            let readiness = self.waitForClusterMetadata()
            for id in readiness.restarted {
                self.console.print("  broker \(id) found its old registration in /brokers/ids; started it again once that session expired")
            }
            self.lastController = readiness.controller
            if readiness.controller != nil { self.refreshTopicNames() }
            if let controller = readiness.controller {
                self.console.print("  broker \(controller) is the controller; every broker has registered in /brokers/ids")
            } else {
                self.console.print("  note: the brokers have not agreed on a controller within 15 s; `broker logs 1` shows why")
            }
        }
        let elapsed = ContinuousClock.now - began
        let seconds = String(format: "%.1f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let again = report.isRestart ? " again" : ""
        self.console.print("cluster \"\(name)\" ready\(again) in \(seconds) s · data and logs in \(report.folder)")
        if options.isDetached {
            self.console.print("Detached: it keeps running after you quit; `cluster stop` stops it.")
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
            self.console.print("Healed every fault: \(list.joined(separator: ", ")); faults end with the processes.")
        }
        let killed = outcomes.filter { $0.1 == .killed }.map { $0.0.description }
        let brokers = outcomes.compactMap { $0.0.brokerID }.map(String.init)
        var text = "Stopped cluster \"\(cluster.layout.name)\":"
        if !brokers.isEmpty { text += " broker\(brokers.count == 1 ? "" : "s") \(brokers.joined(separator: ", ")) shut down" }
        if outcomes.contains(where: { $0.0 == .metadataServer }) { text += ", then the metadata server" }
        self.console.print(text + ".")
        if !killed.isEmpty {
            self.console.print("  \(killed.joined(separator: ", ")) ignored SIGTERM for 10 s and was killed (SIGKILL)")
        }
        self.console.print("Data is kept in \(cluster.layout.displayPath); `cluster start` brings it back.")
    }

    private func clusterDestroy() throws {
        let layout = self.cluster?.layout ?? ClusterLayout(name: self.configuration.clusterName, baseDirectory: self.configuration.baseDirectory)
        // Nothing to delete is the outcome asked for (a sheet may say `cluster destroy` to start afresh).
        guard FileManager.default.fileExists(atPath: layout.root.path) else {
            self.console.print("No cluster \"\(layout.name)\" in \(layout.displayPath): nothing to destroy.")
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
        self.console.print("Destroyed cluster \"\(layout.name)\": processes stopped, \(layout.displayPath) deleted.")
    }

    private func clusterStatus() throws {
        let cluster = try self.requireCluster()
        guard let snapshot = cluster.snapshot(), let view = self.clusterView(withTopics: true) else {
            throw LocalClusterError.noCluster(name: cluster.layout.name)
        }
        self.console.print(ClusterDiagram.render(view, width: self.console.width, style: self.console.style))
        if !snapshot.isAnythingRunning {
            self.console.print("Nothing is running; `cluster start` starts it again with its data.")
        }
    }

    private func brokerCommand(_ verb: String, _ arguments: ParsedArguments) throws {
        let id = try arguments.positionalInt(0, name: "ID")
        let cluster = try self.requireCluster()
        let isClusterMode = cluster.currentState?.mode == .zookeeper
        let sessionSeconds = ClusterConfigFiles.labSessionTimeoutMs / 1000
        if self.isRecordingLab, verb == "kill" || verb == "stop" {
            // Asked before the broker goes: afterwards the cluster has already moved its leaderships.
            let led = self.partitionsLed(by: id)
            self.labFacts.append(CommandOutcome.Fact("led", led?.joined(separator: ",") ?? "unknown"))
        }
        switch verb {
        case "kill":
            let pid = try cluster.killBroker(id)
            if isClusterMode {
                self.console.print(
                    "Killed broker \(id) (SIGKILL, pid \(pid)). Nobody told the cluster: its session must expire first (\(sessionSeconds) s).")
            } else {
                self.console.print("Killed broker \(id) (SIGKILL, pid \(pid)): it stopped at once, with no clean shutdown.")
            }
        case "stop":
            let (pid, outcome) = try cluster.stopBroker(id)
            if outcome == .killed {
                self.console.print("Broker \(id) (pid \(pid)) ignored SIGTERM for 10 s, so it was killed (SIGKILL).")
            } else if isClusterMode {
                self.console.print(
                    "Stopped broker \(id) (SIGTERM, pid \(pid)): a controlled shutdown moved its leaderships first.")
            } else {
                self.console.print("Stopped broker \(id) (SIGTERM, pid \(pid)): it closed its logs cleanly.")
            }
        case "start":
            if isClusterMode, let waited = self.waitForStaleRegistration(of: id) {
                // Seconds only at the prompt: script output stays the same on every run.
                let time = self.isTerminal ? " \(String(format: "%.1f", waited)) s" : ""
                self.console.print(
                    "Waited\(time) for broker \(id)'s old session to expire: "
                        + "until then /brokers/ids/\(id) still names the killed process, and a new one could not register.")
            }
            let oldFaults = (try? BrokerFaults.read(from: cluster.layout.faultFile(forBroker: id))) ?? .healthy
            let record = try cluster.startBroker(id)
            let pid = record.pid.map { ", pid \($0)" } ?? ""
            self.console.print("Started broker \(id) on \(record.address)\(pid); it keeps the data it had.")
            if !oldFaults.isHealthy {
                self.console.print(
                    "  It starts healthy: its faults (\(oldFaults.names.joined(separator: ", "))) do not survive a restart.")
            }
        case "pause":
            let pid = try cluster.pauseBroker(id)
            let expiry = isClusterMode ? " Its session expires in \(sessionSeconds) s unless resumed." : ""
            self.console.print(
                "Paused broker \(id) (SIGSTOP, pid \(pid)): sockets open, nothing answered.\(expiry) `broker resume \(id)` continues it.")
        case "resume":
            let pid = try cluster.resumeBroker(id)
            self.console.print("Resumed broker \(id) (SIGCONT, pid \(pid)).")
        case "logs":
            let lines = try arguments.int("--lines", in: 1...10000) ?? 20
            let text = try cluster.logTail(.broker(id), lines: lines)
            let path = cluster.layout.logFile(for: .broker(id))
            self.console.print(self.console.style.dim("── broker \(id) · \(path.path) (last \(lines) lines) ──"))
            self.console.print(text.isEmpty ? "(empty)" : text)
        default:
            throw REPLError.unknownCommand("broker \(verb)", suggestion: nil)
        }
    }

    private func requireCluster() throws -> LocalCluster {
        if let cluster = self.cluster, cluster.exists { return cluster }
        throw LocalClusterError.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName)
    }
}
