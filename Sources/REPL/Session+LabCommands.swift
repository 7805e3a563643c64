import CourseLanguage
import FaultControl
import Foundation
import LabKit
import LocalCluster

/// `lab list|start|step|next|hint|check`: the guided labs (labs/NN-slug/lab.json, read through
/// LabKit), progress kept in `.samsa/labs/progress.json`, and every command typed while a lab is
/// started appended to that lab's `commands.log` (`recordForLab`).
extension CommandTable {
    static let labCommands: [CommandSpec] = [
        CommandSpec(
            ["lab", "list"], summary: "the six labs, their time and your last score",
            spanish: CommandHelp(summary: "los seis laboratorios, su duración y tu última nota"),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.list, arguments) }),
        CommandSpec(
            ["lab", "start"], positionals: [.init("N", .number)],
            summary: "start lab N: starts the cluster it needs (if any) and shows step 1",
            details:
                "A cluster of the lab's shape is brought to where step 1 starts: brokers that are down are started again, paused ones resumed, injected faults healed; it says what it did. While a lab is started, the commands you type are written to commands.log in its folder.",
            spanish: CommandHelp(
                summary:
                    "empieza el laboratorio N: arranca el clúster que necesita (si necesita uno) y muestra el paso 1",
                details: """
                    Un clúster con la forma del laboratorio se deja como lo espera el paso 1: se arrancan los brokers
                    caídos, se reanudan los que están en pausa y se curan los fallos inyectados; se te dice qué se ha
                    hecho. Mientras hay un laboratorio empezado, los comandos que escribes quedan en commands.log, en
                    su carpeta.
                    """),
            isLoggedForLab: false,
            needsLocal: .processLifecycle,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.start, arguments) }),
        CommandSpec(
            ["lab", "id"], positionals: [.init("ID", .text, isRequired: false, isVariadic: true)],
            summary: "show or set your student id (`lab id set ID`): it picks your own values in each lab",
            details:
                "Your instructor grades each lab with your id: topic sizes, record counts and the broker that fails come from it. It is also written to student_id in every lab's answers.properties.",
            spanish: CommandHelp(
                summary:
                    "muestra o fija tu identificador de estudiante (`lab id set ID`): elige tus valores en cada laboratorio",
                details: """
                    Tu profesor corrige cada laboratorio con tu identificador: de él salen los tamaños de los topics,
                    el número de mensajes y el broker que falla. También se escribe en student_id en el
                    answers.properties de cada laboratorio.
                    """),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.id, arguments) }),
        CommandSpec(
            ["lab", "step"], summary: "show the current step of the lab again",
            spanish: CommandHelp(summary: "muestra otra vez el paso actual del laboratorio"),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.step, arguments) }),
        CommandSpec(
            ["lab", "next"], summary: "go to the next step",
            spanish: CommandHelp(summary: "pasa al paso siguiente"),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.next, arguments) }),
        CommandSpec(
            ["lab", "hint"], summary: "a hint for the current step",
            spanish: CommandHelp(summary: "una pista para el paso actual"),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.hint, arguments) }),
        CommandSpec(
            ["lab", "check"], positionals: [.init("N", .number, isRequired: false)],
            summary: "check your answers, code and cluster: each task passed, failed or not attempted",
            spanish: CommandHelp(
                summary: "comprueba tus respuestas, tu código y tu clúster: cada tarea aprobada, fallida o sin hacer"),
            isLoggedForLab: false,
            run: { session, arguments throws(REPLError) in try session.runLabCommand(.check, arguments) }),
    ]
}

extension Session {
    enum LabCommand: Sendable {
        case list, start, id, step, next, hint, check
    }

    func runLabCommand(_ command: LabCommand, _ arguments: ParsedArguments) throws(REPLError) {
        let catalog = try self.labCatalog()
        let progressFile = catalog.progressFile
        var progress = LabProgress.load(from: progressFile)
        let language = self.language
        let es = language == .es
        switch command {
        case .list:
            for lab in catalog.labs {
                let state = progress.state(lab.number)
                let score = state.lastScore.map { " · \(Self.points($0))/\(Self.points(lab.maxScore))" } ?? ""
                let current = progress.currentLab == lab.number ? "▶" : " "
                self.console.print(
                    "\(current) \(lab.number)  \(lab.title.text(language))  (\(lab.minutes) min)\(score)")
            }
            self.console.print(es ? "`lab start N` empieza uno." : "`lab start N` starts one.")
        case .id:
            try self.labID(arguments, catalog: catalog, progress: &progress)
        case .start:
            let number = try arguments.positionalInt(0, name: "N", in: 1...99)
            let lab = try self.lab(number, in: catalog, for: progress.studentID)
            progress.currentLab = number
            progress.update(number) { state in
                if state.startedAt == nil { state.startedAt = ISO8601DateFormatter().string(from: Date()) }
            }
            try self.save(progress, to: progressFile)
            self.console.print(
                es
                    ? "Lab \(number) · \(lab.title.text(language)) — \(lab.minutes) min, \(Self.points(lab.maxScore)) puntos."
                    : "Lab \(number) · \(lab.title.text(language)) — \(lab.minutes) min, \(Self.points(lab.maxScore)) points."
            )
            self.console.print(
                "\(es ? "Enunciado" : "Sheet"): \(catalog.folder(of: lab).path)/\(Self.sheetName(language))")
            if lab.cluster.brokers == 0 {
                self.explainHandStartedLab(language)
                self.clearHandStartedData(HandStartedServers(labFolder: catalog.folder(of: lab)), number, language)
            } else {
                if let snapshot = self.cluster?.snapshot(), snapshot.isAnythingRunning {
                    let standalone = snapshot.mode == .standalone
                    if snapshot.brokers.count != lab.cluster.brokers || standalone != lab.cluster.standalone {
                        let brokers = lab.cluster.brokers
                        self.console.print(
                            es
                                ? "Este laboratorio espera \(brokers) broker(s)"
                                    + (lab.cluster.standalone ? " standalone" : " con servidor de metadatos")
                                    + "; `cluster destroy` y otra vez `lab start \(number)` te dan uno nuevo."
                                : "This lab expects \(brokers) broker(s)"
                                    + (lab.cluster.standalone ? ", standalone" : " with a metadata server")
                                    + "; `cluster destroy` and `lab start \(number)` again give you a fresh one.")
                    } else {
                        try self.restoreLabCluster(snapshot, language)
                    }
                } else {
                    try self.preparingLab { () throws(REPLError) in
                        _ = try self.execute(
                            "cluster start --brokers \(lab.cluster.brokers)"
                                + (lab.cluster.standalone ? " --standalone" : ""))
                    }
                }
            }
            self.showStep(lab, progress.state(number).step, language)
        case .step, .next, .hint:
            guard let number = progress.currentLab else {
                throw .usage(
                    es
                        ? "no hay ningún laboratorio empezado; `lab start N` empieza uno"
                        : "no lab started; `lab start N` starts one", usage: arguments.usage)
            }
            let lab = try self.lab(number, in: catalog, for: progress.studentID)
            // A progress file from an older lab.json (or edited by hand) may point past the steps.
            var step = max(0, min(progress.state(number).step, lab.steps.count - 1))
            if command == .next {
                guard step + 1 < lab.steps.count else {
                    self.console.print(
                        es
                            ? "Ese era el último paso. `lab check` muestra lo que falta."
                            : "That was the last step. `lab check` shows what is left.")
                    return
                }
                step += 1
                progress.update(number) { $0.step = step }
                try self.save(progress, to: progressFile)
            }
            if command == .hint {
                self.console.print(
                    lab.steps[step].hint?.text(language)
                        ?? (es
                            ? "Este paso no tiene pista: léelo otra vez con calma, y usa `explain` con cualquier término."
                            : "No hint for this step: read it again slowly, and `explain` any term."))
            } else {
                self.showStep(lab, step, language)
            }
        case .check:
            let number: Int
            if arguments.positionals.isEmpty {
                guard let current = progress.currentLab else {
                    throw .usage(
                        es ? "¿qué laboratorio? `lab check N`" : "which lab? `lab check N`", usage: arguments.usage)
                }
                number = current
            } else {
                number = try arguments.positionalInt(0, name: "N", in: 1...99)
            }
            let lab = try self.lab(number, in: catalog)
            let bootstrap = try? self.bootstrapServers()
            let checker = LabChecker(
                submission: catalog.folder(of: lab), bootstrap: bootstrap, language: language,
                studentID: progress.studentID)
            let result: LabResult
            do {
                result = try AsyncBridge.run { await checker.run(lab) }
            } catch {
                throw .client("\(error)")
            }
            self.console.print(GradeReport.text([result], language: language).trimmingCharacters(in: .newlines))
            progress.update(number) { state in
                state.recordCheck(
                    score: result.score, maxScore: result.maxScore,
                    passedTasks: result.tasks.filter { $0.status == .passed }.map(\.taskID),
                    at: ISO8601DateFormatter().string(from: Date()))
            }
            try self.save(progress, to: progressFile)
            let attempts = progress.state(number).checks?.count ?? 1
            self.console.print(
                language == .es
                    ? "Comprobación nº \(attempts) del laboratorio \(number); el historial queda en .samsa/labs/progress.json."
                    : "Check #\(attempts) of lab \(number); the history is kept in .samsa/labs/progress.json.")
        }
    }

    /// A cluster of the lab's shape left from earlier work is brought to where step 1 starts:
    /// brokers that are down started again, paused ones resumed, injected faults healed. Says
    /// what it did, each action as the command the student could have typed; none of them goes
    /// to commands.log (they are not the student's work).
    private func restoreLabCluster(_ snapshot: ClusterSnapshot, _ language: Language) throws(REPLError) {
        let es = language == .es
        var done: [String] = []
        try self.preparingLab { () throws(REPLError) in
            for broker in snapshot.brokers {
                guard let id = broker.role.brokerID else { continue }
                switch broker.state {
                case .running: continue
                case .stopped:
                    _ = try self.execute("broker start \(id)")
                    done.append(
                        es
                            ? "ha arrancado de nuevo el broker \(id), que estaba parado (`broker start \(id)`)"
                            : "started broker \(id) again, which was down (`broker start \(id)`)")
                case .paused:
                    _ = try self.execute("broker resume \(id)")
                    done.append(
                        es
                            ? "ha reanudado el broker \(id), que estaba en pausa (`broker resume \(id)`)"
                            : "resumed broker \(id), which was paused (`broker resume \(id)`)")
                }
            }
            if snapshot.mode == .zookeeper, let faults = self.cluster?.allFaults(), !faults.isEmpty {
                _ = try self.execute("fault heal")
                let list = faults.keys.sorted().map { "\($0) (\(faults[$0]?.names.joined(separator: ", ") ?? ""))" }
                done.append(
                    es
                        ? "ha curado los fallos inyectados en el broker \(list.joined(separator: ", ")) (`fault heal`)"
                        : "healed the faults injected in broker \(list.joined(separator: ", ")) (`fault heal`)")
            }
        }
        if done.isEmpty {
            self.console.print(
                es
                    ? "El clúster ya está como lo necesita este laboratorio: \(snapshot.brokers.count) brokers en marcha, sin fallos inyectados."
                    : "The cluster is already as this lab needs it: \(snapshot.brokers.count) brokers up, no injected faults."
            )
        } else {
            self.console.print("lab start " + done.joined(separator: "; ") + ".")
        }
    }

    /// Runs `body` with commands.log left alone (see `isPreparingLab`).
    private func preparingLab(_ body: () throws(REPLError) -> Void) throws(REPLError) {
        let outer = self.isPreparingLab
        self.isPreparingLab = true
        defer { self.isPreparingLab = outer }
        try body()
    }

    /// The recorder of the started lab, nil outside a lab (then nothing is logged).
    func labRecorder() -> LabRecorder? {
        guard let recorder = LabRecorder.forDirectory(self.configuration.baseDirectory),
            recorder.currentLabFolder != nil
        else { return nil }
        return recorder
    }

    /// Appends `line`, which has just ended with `outcome`, to the started lab's commands.log; the
    /// REPL calls it after every line it runs. Never fails a command: a lab log that cannot be
    /// written is reported as an event.
    func recordForLab(_ line: String, outcome: CommandOutcome, in recorder: LabRecorder) {
        do {
            try recorder.record(line, outcome: outcome)
        } catch {
            self.console.event("! \(error)")
        }
    }

    private func labCatalog() throws(REPLError) -> LabCatalog {
        guard let root = LabCatalog.locateRoot(from: self.configuration.baseDirectory) else {
            throw .client(
                self.language.pick(
                    es:
                        "aquí no hay carpeta labs/: ejecuta samsa desde la carpeta del proyecto (la que contiene labs/)",
                    en: "no labs/ folder here: run samsa from the project folder (the one holding labs/)"))
        }
        do {
            return try LabCatalog(root: root)
        } catch {
            throw .client("\(error)")
        }
    }

    private func lab(_ number: Int, in catalog: LabCatalog) throws(REPLError) -> LabManifest {
        do {
            return try catalog.lab(number)
        } catch {
            throw .client("\(error)")
        }
    }

    /// Lab `number` with `id`'s values; a lab with variables needs the id first.
    private func lab(_ number: Int, in catalog: LabCatalog, for id: StudentID?) throws(REPLError) -> LabManifest {
        let lab = try self.lab(number, in: catalog)
        guard lab.hasVariants else { return lab }
        guard let id else {
            throw .usage(
                self.language.pick(
                    es:
                        "el laboratorio \(number) da a cada estudiante sus propios valores: primero `lab id set TU-ID` (el identificador con el que te conoce tu profesor)",
                    en:
                        "lab \(number) gives every student their own values: first `lab id set YOUR-ID` (the id your instructor knows you by)"
                ),
                usage: "lab id set ID")
        }
        do {
            return try lab.forStudent(id)
        } catch {
            throw .client("\(error)")
        }
    }

    private func showStep(_ lab: LabManifest, _ index: Int, _ language: Language) {
        let step = lab.steps[max(0, min(index, lab.steps.count - 1))]
        let es = language == .es
        self.console.print("\(es ? "Paso" : "Step") \(index + 1)/\(lab.steps.count): \(step.text.text(language))")
        // Each run of commands says where it is typed, as the sheets' labels do.
        var place: Bool?
        for command in step.commands ?? [] {
            let inREPL = self.isREPLCommand(command)
            if inREPL != place {
                self.console.print(
                    inREPL
                        ? (es ? "  En el REPL:" : "  In the REPL:") : (es ? "  En una terminal:" : "  In a terminal:"))
                place = inREPL
            }
            self.console.print("    \(command)")
        }
        if index + 1 < lab.steps.count {
            self.console.print(
                es
                    ? "`lab next` cuando acabes · `lab hint` para una pista"
                    : "`lab next` when done · `lab hint` for a hint")
        } else {
            self.console.print(es ? "`lab check` comprueba tu trabajo" : "`lab check` checks your work")
        }
    }

    /// A line the REPL runs (as opposed to one for a terminal: `samsa kafka-…`, `cat`, `swift …`).
    private func isREPLCommand(_ line: String) -> Bool {
        guard let words = try? CommandLineSplitter.split(line), case .command = try? self.table.resolve(words) else {
            return false
        }
        return true
    }

    /// The sheet a student reads: README.es.md in Spanish, README.md in English.
    static func sheetName(_ language: Language) -> String {
        language == .es ? "README.es.md" : "README.md"
    }

    private static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
