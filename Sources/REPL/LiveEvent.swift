import CourseLanguage

/// Something the cluster did on its own, as the REPL prints it above the prompt (`EventFeed`).
/// Kept as a value and worded only when printed, so every kind exists in both languages.
enum LiveEvent: Sendable, Equatable {
    /// `/brokers/ids/N` appeared: the broker's session registered it.
    case brokerRegistered(Int)
    /// `/brokers/ids/N` went: the broker's session ended (closed or expired).
    case brokerSessionEnded(Int)
    /// Changes to an internal topic's partitions over a short burst, counted.
    case internalTopicChanged(topic: String, leaderChanges: Int, shrinks: Int, grows: Int)
    /// `/controller` deleted; `previous` was the controller.
    case controllerGone(previous: Int)
    case controllerElected(Int)
    case controllerEpoch(Int)
    /// A partition's leader moved; `leader` -1: no leader left. `unclean`: the new leader was not in the ISR.
    case leaderChanged(partition: String, previous: Int, leader: Int, leaderEpoch: Int, isr: [Int], unclean: Bool)
    /// A partition's ISR changed: `down` left because their broker is gone, `lagging` because they
    /// fell behind, `caughtUp` rejoined.
    case isrChanged(partition: String, before: [Int], after: [Int], down: [Int], lagging: [Int], caughtUp: [Int])
    /// A background member's client failed; `message` is the client's own one-line error.
    case consumerFailed(name: String, message: LocalizedText)
    /// A group's members agree on a new generation; `cause` is what set the rebalance off.
    case groupAssigned(group: String, generation: Int32, owners: [GroupOwner], cause: RebalanceCause?)
    /// A cluster process ended without being asked to.
    case processExited(role: String, brokerID: Int?, pid: Int, killed: Bool, status: Int, logFile: String)
    /// `fault cut-replication|slow-replication|isolate` took effect; what follows from it.
    case faultInjected(broker: Int, fault: InjectedFault, lagSeconds: Int)
    /// A broker's faults ended (`fault heal`); `names` as `BrokerFaults.names` lists them.
    case faultHealed(broker: Int, names: [String])

    /// Every kind, so a test can hold each to both languages.
    enum Kind: CaseIterable {
        case brokerRegistered, brokerSessionEnded, internalTopicChanged, controllerGone, controllerElected
        case controllerEpoch, leaderChanged, isrChanged, consumerFailed, groupAssigned, processExited
        case faultInjected, faultHealed
    }

    enum InjectedFault: Sendable, Equatable {
        case cutReplication
        case slowReplication(delayMs: Int)
        case isolate
    }

    struct GroupOwner: Sendable, Equatable {
        var member: String
        /// `orders-0`, ...
        var partitions: [String]
    }

    enum RebalanceCause: Sendable, Equatable {
        case joined(String)
        case left(String)
        case killed(String, sessionTimeoutMs: Int)
    }

    var kind: Kind {
        switch self {
        case .brokerRegistered: .brokerRegistered
        case .brokerSessionEnded: .brokerSessionEnded
        case .internalTopicChanged: .internalTopicChanged
        case .controllerGone: .controllerGone
        case .controllerElected: .controllerElected
        case .controllerEpoch: .controllerEpoch
        case .leaderChanged: .leaderChanged
        case .isrChanged: .isrChanged
        case .consumerFailed: .consumerFailed
        case .groupAssigned: .groupAssigned
        case .processExited: .processExited
        case .faultInjected: .faultInjected
        case .faultHealed: .faultHealed
        }
    }

    func text(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .brokerRegistered(let id):
            return es
                ? "broker \(id) registrado: se ha creado /brokers/ids/\(id) (un znode efímero de su sesión)"
                : "broker \(id) registered: /brokers/ids/\(id) created (an ephemeral znode of its session)"
        case .brokerSessionEnded(let id):
            return es
                ? "la sesión del broker \(id) ha terminado → /brokers/ids/\(id) borrado; el controller actúa en consecuencia"
                : "broker \(id)'s session ended → /brokers/ids/\(id) deleted; the controller acts on it"
        case .internalTopicChanged(let topic, let leaderChanges, let shrinks, let grows):
            var parts: [String] = []
            if leaderChanges > 0 {
                parts.append(
                    es
                        ? "\(leaderChanges) \(leaderChanges == 1 ? "partición ha cambiado" : "particiones han cambiado") de líder"
                        : "\(leaderChanges) partition\(leaderChanges == 1 ? "" : "s") changed leader")
            }
            if shrinks > 0 {
                parts.append(
                    es
                        ? "\(shrinks) ISR \(shrinks == 1 ? "ha encogido" : "han encogido")"
                        : "\(shrinks) ISR\(shrinks == 1 ? "" : "s") shrank")
            }
            if grows > 0 {
                parts.append(
                    es
                        ? "\(grows) ISR \(grows == 1 ? "ha crecido" : "han crecido")"
                        : "\(grows) ISR\(grows == 1 ? "" : "s") grew")
            }
            let summary = parts.joined(separator: ", ")
            return es
                ? "\(topic) (interno): \(summary); `topic describe \(topic)` muestra sus particiones"
                : "\(topic) (internal): \(summary); `topic describe \(topic)` lists its partitions"
        case .controllerGone(let previous):
            return es
                ? "/controller borrado (el controller era el broker \(previous)): los brokers compiten por crearlo"
                : "/controller deleted (broker \(previous) was the controller): the brokers race to create it"
        case .controllerElected(let id):
            return es
                ? "el broker \(id) ha creado /controller: es el controller"
                : "broker \(id) created /controller: it is the controller"
        case .controllerEpoch(let epoch):
            return es
                ? "controller epoch \(epoch): los brokers rechazan ya las órdenes de controllers anteriores"
                : "controller epoch \(epoch): brokers now refuse requests from older controllers"
        case .leaderChanged(let partition, let previous, let leader, let leaderEpoch, let isr, let unclean):
            let none = es ? "ninguno" : "none"
            let old = previous < 0 ? none : String(previous)
            let list = Self.list(isr)
            let head =
                "controller: \(partition) \(es ? "líder" : "leader") \(old) → \(leader < 0 ? none : String(leader)) (leader epoch \(leaderEpoch)) · ISR \(list)"
            if leader < 0 {
                return head
                    + (es
                        ? ": sin servicio hasta que una réplica sincronizada pueda ser líder"
                        : ": offline until an in-sync replica can lead")
            }
            guard unclean else { return head }
            return head
                + (es
                    ? ": elección UNCLEAN, \(leader) no estaba en el ISR; se pierden los mensajes que no llegó a copiar"
                    : ": UNCLEAN election, \(leader) was not in the ISR; records it never copied are lost")
        case .isrChanged(let partition, let before, let after, let down, let lagging, let caughtUp):
            var why: [String] = []
            if !down.isEmpty {
                why.append(
                    es
                        ? "\(Self.list(down)) está caído (lo ha sacado el controller)"
                        : "\(Self.list(down)) is down (the controller took it out)")
            }
            if !lagging.isEmpty {
                why.append(
                    es
                        ? "\(Self.list(lagging)) se ha quedado atrás (lo ha sacado su líder)"
                        : "\(Self.list(lagging)) fell behind (its leader took it out)")
            }
            if !caughtUp.isEmpty {
                why.append(es ? "\(Self.list(caughtUp)) se ha puesto al día" : "\(Self.list(caughtUp)) caught up")
            }
            let how = why.isEmpty ? "" : ": " + why.joined(separator: ", ")
            let verb: String
            if after.count < before.count {
                verb = es ? "encoge" : "shrank"
            } else if after.count > before.count {
                verb = es ? "crece" : "grew"
            } else {
                verb = es ? "cambia" : "changed"
            }
            return "\(partition) ISR \(verb) \(Self.list(before)) → \(Self.list(after))\(how)"
        case .consumerFailed(let name, let message):
            return es ? "consumidor \(name): \(message.es)" : "consumer \(name): \(message.en)"
        case .groupAssigned(let group, let generation, let owners, let cause):
            let nothing = es ? "nada" : "nothing"
            let parts = owners.map {
                "\($0.member): " + ($0.partitions.isEmpty ? nothing : $0.partitions.joined(separator: ", "))
            }
            var line = ([group, (es ? "generación " : "generation ") + "\(generation)"] + parts).joined(
                separator: " · ")
            if let cause { line += "  (\(cause.text(language)))" }
            return line
        case .processExited(let role, let brokerID, let pid, let killed, let status, let logFile):
            let who = es ? Self.spanishRole(role, brokerID) : role
            let how =
                killed
                ? (es ? "ha muerto (SIGKILL)" : "was killed (SIGKILL)")
                : (es ? "ha terminado sin esperarlo (estado \(status))" : "exited unexpectedly (status \(status))")
            let hint: String
            if let id = brokerID {
                hint =
                    es
                    ? "`broker logs \(id)` muestra por qué; `broker start \(id)` lo arranca de nuevo"
                    : "`broker logs \(id)` shows why; `broker start \(id)` starts it again"
            } else {
                hint = es ? "su log es \(logFile)" : "its log is \(logFile)"
            }
            return "! \(who) (pid \(pid)) \(how); \(hint)"
        case .faultInjected(let id, .cutReplication, let lag):
            return es
                ? "⚡ broker \(id): replicación cortada. Sus followers siguen en el ISR hasta \(lag) s después de que su log "
                    + "los adelante; mientras, las escrituras acks=1 que lidera solo existen en el broker \(id)."
                : "⚡ broker \(id): replication cut. Its followers stay in the ISR until \(lag) s after its log moves "
                    + "ahead of them; acks=1 writes it leads meanwhile exist on broker \(id) only."
        case .faultInjected(let id, .slowReplication(let delayMs), let lag):
            return es
                ? "⚡ broker \(id): replicación frenada \(delayMs) ms. El high watermark va por detrás del log end; un follower "
                    + "que se retrasa \(lag) s (replica.lag.time.max.ms) sale del ISR."
                : "⚡ broker \(id): replication slowed by \(delayMs) ms. The high watermark trails the log end; a follower "
                    + "that lags \(lag) s (replica.lag.time.max.ms) leaves the ISR."
        case .faultInjected(let id, .isolate, _):
            return es
                ? "⚡ broker \(id): aislado del servidor de metadatos. Cuando expire su sesión será un zombi: aún "
                    + "cree que lidera y acepta escrituras acks=1, que perderá al curarlo."
                : "⚡ broker \(id): isolated from the metadata server. Once its session expires it is a zombie: it still "
                    + "thinks it leads and accepts acks=1 writes, which it will lose when healed."
        case .faultHealed(let id, let names):
            return es
                ? "⚡ broker \(id): curado (\(names.joined(separator: ", "))). Los followers se ponen al día y vuelven al ISR."
                : "⚡ broker \(id): healed (\(names.joined(separator: ", "))). Followers catch up and rejoin the ISR."
        }
    }

    private static func list(_ ids: [Int]) -> String { ids.map(String.init).joined(separator: ",") }

    private static func spanishRole(_ role: String, _ brokerID: Int?) -> String {
        brokerID.map { "el broker \($0)" } ?? "el servidor de metadatos"
    }
}

extension LiveEvent.RebalanceCause {
    func text(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .joined(let name): return es ? "\(name) ha entrado" : "\(name) joined"
        case .left(let name): return es ? "\(name) se ha ido con LeaveGroup" : "\(name) left with LeaveGroup"
        case .killed(let name, let timeout):
            return es
                ? "\(name) ha muerto: sus heartbeats pararon y session.timeout.ms=\(timeout) se agotó"
                : "\(name) was killed: its heartbeats stopped, session.timeout.ms=\(timeout) ran out"
        }
    }
}
