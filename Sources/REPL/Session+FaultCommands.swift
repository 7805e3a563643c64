import CourseLanguage
import FaultControl
import Foundation
import LocalCluster

extension CommandTable {
    /// `fault ...`: the REPL's nemesis. Breaks the cluster the way real clusters break, on purpose
    /// and deterministically, through a path only this machine's cluster owner has
    /// (`LocalCluster+Faults`); Kafka clients see nothing different.
    static let faultCommands: [CommandSpec] = [
        CommandSpec(
            ["fault", "cut-replication"], positionals: [.init("ID", .brokerID)],
            summary: "a broker stops replicating: acks=1 writes it leads live on it alone",
            details: """
                As a follower it sends no fetches; as a leader it holds its followers' fetches and answers
                them empty. Its clients and its metadata session carry on. Followers stay in the ISR until
                replica.lag.time.max.ms after its log moved ahead of them: kill it in that window and an
                in-sync follower becomes leader cleanly, without the acknowledged acks=1 records.
                """,
            spanish: CommandHelp(
                summary: "un broker deja de replicar: las escrituras acks=1 que lidera viven solo en él",
                details: """
                    Como follower no envía fetches; como líder retiene los fetches de sus followers y los contesta
                    vacíos. Sus clientes y su sesión de metadatos siguen igual. Los followers siguen en el ISR hasta
                    replica.lag.time.max.ms después de que su log los adelantara: si lo matas en ese intervalo, un
                    follower sincronizado pasa a líder limpiamente, sin los mensajes acks=1 ya confirmados.
                    """),
            needsLocal: .faultFiles,
            run: { session, arguments throws(REPLError) in
                try session.runFaultCommand(.inject(.cutReplication), arguments)
            }),
        CommandSpec(
            ["fault", "slow-replication"], positionals: [.init("ID", .brokerID), .init("MS", .number)],
            summary: "every follower fetch to or from a broker waits MS milliseconds",
            details: """
                Followers fall behind while producers go on: watch the high watermark trail the log end,
                acks=all get slower, and the ISR shrink once a follower lags replica.lag.time.max.ms.
                MS is 1 to 60000; giving it again changes the delay.
                """,
            spanish: CommandHelp(
                summary: "cada fetch de follower desde o hacia un broker espera MS milisegundos",
                details: """
                    Los followers se quedan atrás mientras los productores siguen: verás el high watermark ir por
                    detrás del log end, acks=all más lento, y el ISR encoger cuando un follower se retrasa
                    replica.lag.time.max.ms. MS va de 1 a 60000; darlo otra vez cambia el retraso.
                    """),
            needsLocal: .faultFiles,
            run: { session, arguments throws(REPLError) in
                try session.runFaultCommand(.inject(.slowReplication), arguments)
            }),
        CommandSpec(
            ["fault", "isolate"], positionals: [.init("ID", .brokerID)],
            summary: "cut a broker off from the metadata server; it still serves clients",
            details: """
                Its session stops heartbeating and is not re-established until healed, so it expires, and
                the controller moves the broker's leaderships. The broker does not know: as a zombie leader
                it still accepts acks=1 writes from clients with old metadata. Healed, it registers again,
                learns the higher leader epoch, becomes a follower and truncates what it wrote alone.
                """,
            spanish: CommandHelp(
                summary: "aísla un broker del servidor de metadatos; sigue atendiendo a sus clientes",
                details: """
                    Su sesión deja de enviar heartbeats y no se restablece hasta curarlo, así que expira y el
                    controller mueve los liderazgos del broker. El broker no se entera: como líder zombi aún acepta
                    escrituras acks=1 de clientes con metadatos viejos. Una vez curado se registra de nuevo, ve el
                    leader epoch más alto, pasa a follower y trunca lo que escribió a solas.
                    """),
            needsLocal: .faultFiles,
            run: { session, arguments throws(REPLError) in try session.runFaultCommand(.inject(.isolate), arguments) }),
        CommandSpec(
            ["fault", "list"], summary: "the faults injected now, per broker",
            spanish: CommandHelp(summary: "los fallos inyectados ahora, por broker"),
            needsLocal: .faultFiles,
            run: { session, arguments throws(REPLError) in try session.runFaultCommand(.list, arguments) }),
        CommandSpec(
            ["fault", "heal"], positionals: [.init("ID", .brokerID, isRequired: false)],
            summary: "end a broker's faults, or every fault when no ID is given",
            details: """
                `cluster stop` and `quit` heal everything too. A broker started again with `broker start`
                starts healthy: faults do not survive a restart.
                """,
            spanish: CommandHelp(
                summary: "acaba con los fallos de un broker, o con todos si no das ID",
                details: """
                    `cluster stop` y `quit` también lo curan todo. Un broker arrancado de nuevo con `broker start`
                    arranca sano: los fallos no sobreviven a un reinicio.
                    """),
            needsLocal: .faultFiles,
            run: { session, arguments throws(REPLError) in try session.runFaultCommand(.heal, arguments) }),
    ]
}

/// What a `fault ...` line asks for, checked without touching the cluster.
enum FaultRequest: Sendable, Equatable {
    case inject(broker: Int, BrokerFaults.Kind, delayMs: Int)
    case heal(broker: Int?)
    case list

    /// Which `fault ...` command it was.
    enum Verb: Sendable, Equatable {
        case inject(BrokerFaults.Kind)
        case list
        case heal
    }

    static func parse(_ verb: Verb, _ arguments: ParsedArguments) throws(REPLError) -> FaultRequest {
        switch verb {
        case .list:
            return .list
        case .heal:
            guard !arguments.positionals.isEmpty else { return .heal(broker: nil) }
            return .heal(broker: try arguments.positionalInt(0, name: "ID", in: 0...Int(Int32.max)))
        case .inject(let kind):
            let broker = try arguments.positionalInt(0, name: "ID", in: 0...Int(Int32.max))
            var delayMs = 0
            if kind == .slowReplication {
                let range = 1...BrokerFaults.maximumDelayMs
                guard arguments.positionals.count > 1, let ms = Int(arguments.positionals[1]), range.contains(ms) else {
                    let got = arguments.positionals.count > 1 ? arguments.positionals[1] : nil
                    throw .usage(
                        arguments.language.pick(
                            es:
                                "MS es el retardo en milisegundos, un número entero de 1 a \(BrokerFaults.maximumDelayMs)"
                                + (got.map { "; has puesto '\($0)'" } ?? ""),
                            en:
                                "MS is the delay in milliseconds, a whole number from 1 to \(BrokerFaults.maximumDelayMs)"
                                + (got.map { "; got '\($0)'" } ?? "")),
                        usage: arguments.usage)
                }
                delayMs = ms
            }
            return .inject(broker: broker, kind, delayMs: delayMs)
        }
    }

    /// `faults` with this request's fault added (for `.inject`).
    static func adding(_ kind: BrokerFaults.Kind, delayMs: Int, to faults: BrokerFaults) -> BrokerFaults {
        var faults = faults
        switch kind {
        case .cutReplication: faults.isReplicationCut = true
        case .slowReplication: faults.replicationDelayMs = delayMs
        case .isolate: faults.isIsolated = true
        }
        return faults
    }
}

/// `fault cut-replication|slow-replication|isolate|list|heal`: one line that says what now happens,
/// in Kafka's terms, plus a live event (at the prompt) with why it matters.
extension Session {
    func runFaultCommand(_ verb: FaultRequest.Verb, _ arguments: ParsedArguments) throws(REPLError) {
        let request = try FaultRequest.parse(verb, arguments)
        do {
            let cluster = try self.requireFaultableCluster()
            switch request {
            case .list:
                self.listFaults(cluster)
            case .heal(let broker):
                try self.healFaults(cluster, broker: broker)
            case .inject(let broker, let kind, let delayMs):
                try self.inject(kind, delayMs: delayMs, broker: broker, cluster: cluster)
            }
        } catch let error as REPLError {
            throw error
        } catch let error as LocalClusterError {
            throw .cluster(error)
        } catch {
            throw .file("\(error)")
        }
    }

    private func requireFaultableCluster() throws -> LocalCluster {
        guard let cluster = self.cluster, cluster.exists, cluster.isRunning else {
            throw LocalClusterError.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName)
        }
        guard cluster.currentState?.mode == .zookeeper else {
            throw LocalClusterError.faultsNeedClusterMode(name: cluster.layout.name)
        }
        return cluster
    }

    private func inject(_ kind: BrokerFaults.Kind, delayMs: Int, broker id: Int, cluster: LocalCluster) throws {
        let before = cluster.faults(ofBroker: id)
        let after = FaultRequest.adding(kind, delayMs: delayMs, to: before)
        guard after != before else {
            let delay = delayMs > 0 ? " (\(delayMs) ms)" : ""
            self.console.print(
                self.language.pick(
                    es: "El broker \(id) ya tiene \(kind.rawValue)\(delay); `fault list` muestra todos los fallos.",
                    en: "Broker \(id) already has \(kind.rawValue)\(delay); `fault list` shows every fault."))
            return
        }
        try cluster.setFaults(after, ofBroker: id)
        let lagSeconds = ClusterConfigFiles.labReplicaLagTimeMaxMs / 1000
        let sessionSeconds = ClusterConfigFiles.labSessionTimeoutMs / 1000
        let es = self.language == .es
        switch kind {
        case .cutReplication:
            self.console.print(
                es
                    ? "El broker \(id) ha dejado de replicar: como follower no hace fetch y sus followers no reciben nada de él. "
                        + "Sus clientes y su sesión de metadatos siguen igual. `fault heal \(id)` lo termina."
                    : "Broker \(id) stopped replicating: it fetches nothing as a follower, and its followers get nothing from it. "
                        + "Clients and its metadata session carry on. `fault heal \(id)` ends it.")
            self.events.report(.faultInjected(broker: id, fault: .cutReplication, lagSeconds: lagSeconds))
        case .slowReplication:
            self.console.print(
                es
                    ? "Cada fetch de follower desde o hacia el broker \(id) espera ahora \(delayMs) ms. `fault heal \(id)` lo termina."
                    : "Every follower fetch to or from broker \(id) now waits \(delayMs) ms. `fault heal \(id)` ends it."
            )
            self.events.report(
                .faultInjected(broker: id, fault: .slowReplication(delayMs: delayMs), lagSeconds: lagSeconds))
        case .isolate:
            self.console.print(
                es
                    ? "El broker \(id) está aislado del servidor de metadatos pero sigue atendiendo a sus clientes. Su sesión expira en "
                        + "\(sessionSeconds) s; entonces el controller mueve sus liderazgos. `fault heal \(id)` lo reconecta."
                    : "Broker \(id) is cut off from the metadata server but still serves clients. Its session expires in "
                        + "\(sessionSeconds) s; then the controller moves its leaderships. `fault heal \(id)` reconnects it."
            )
            self.events.report(.faultInjected(broker: id, fault: .isolate, lagSeconds: lagSeconds))
        }
    }

    private func healFaults(_ cluster: LocalCluster, broker: Int?) throws {
        guard let id = broker else {
            let faults = cluster.allFaults()
            guard !faults.isEmpty else {
                self.console.print(
                    self.language.pick(
                        es: "No hay fallos que curar: todos los brokers están sanos.",
                        en: "No faults to heal: every broker runs healthy."))
                return
            }
            cluster.healAllFaults()
            let list = faults.keys.sorted().map { "broker \($0) (\(faults[$0]?.names.joined(separator: ", ") ?? ""))" }
            self.console.print(
                self.language.pick(
                    es: "Curados todos los fallos: \(list.joined(separator: ", ")).",
                    en: "Healed every fault: \(list.joined(separator: ", ")).")
            )
            for id in faults.keys.sorted() { self.reportHealed(id, faults[id] ?? .healthy) }
            return
        }
        let known = cluster.currentState?.brokerIDs ?? []
        guard known.contains(id) else { throw LocalClusterError.unknownBroker(id: id, known: known) }
        let before = cluster.faults(ofBroker: id)
        guard !before.isHealthy else {
            self.console.print(
                self.language.pick(
                    es: "El broker \(id) no tiene fallos que curar; `fault list` muestra todos los fallos.",
                    en: "Broker \(id) has no faults to heal; `fault list` shows every fault."))
            return
        }
        try cluster.setFaults(.healthy, ofBroker: id)
        let es = self.language == .es
        var line = (es ? "Broker \(id) curado" : "Healed broker \(id)") + " (\(before.names.joined(separator: ", ")))"
        if before.isIsolated {
            line +=
                es
                ? ": se reconecta al servidor de metadatos; si su sesión expiró se registra de nuevo y sigue "
                    + "a los líderes actuales, truncando lo que escribió a solas."
                : ": it reconnects to the metadata server; if its session expired it registers again and follows "
                    + "the current leaders, truncating what it wrote alone."
        } else {
            line += es ? ": vuelve a replicar a toda velocidad." : ": it replicates at full speed again."
        }
        self.console.print(line)
        self.reportHealed(id, before)
    }

    private func reportHealed(_ id: Int, _ faults: BrokerFaults) {
        self.events.report(.faultHealed(broker: id, names: faults.names))
    }

    private func listFaults(_ cluster: LocalCluster) {
        let faults = cluster.allFaults()
        guard !faults.isEmpty else {
            self.console.print(
                self.language.pick(
                    es:
                        "No hay fallos: todos los brokers están sanos. `help fault` lista los fallos que puedes inyectar.",
                    en: "No faults: every broker runs healthy. `help fault` lists the faults you can inject."))
            return
        }
        for id in faults.keys.sorted() {
            self.console.print("broker \(id)  \(faults[id]?.names.joined(separator: ", ") ?? "")")
        }
    }
}
