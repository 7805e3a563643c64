import CourseLanguage
import Foundation
import LabKit
import LocalCluster
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One REPL session: runs command lines against the current local cluster, interactively, from a
/// script, or from `source FILE`. It reattaches to `.samsa/<name>/` when a cluster was started
/// there before, and stops the cluster it started itself when it ends (unless detached).
public final class Session {
    /// What running one line asks the caller to do next.
    public enum Outcome: Sendable, Equatable {
        case proceed
        case quit
    }

    public struct Configuration: Sendable {
        /// The cluster to attach to and start by default (`--cluster`).
        public var clusterName: String
        /// Where `.samsa/` lives: the current directory by default.
        public var baseDirectory: URL
        public var executables: ClusterExecutables
        /// Stops our processes if this process dies; nil turns that off (tests of the REPL alone).
        public var usesWatchdog: Bool
        /// The language to speak (`--language`); nil: the one chosen in `baseDirectory` before, else
        /// the system's (`Language.resolve`).
        public var language: Language?

        public init(
            clusterName: String = "lab",
            baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            executables: ClusterExecutables = .fromEnvironment(), usesWatchdog: Bool = true, language: Language? = nil
        ) {
            self.clusterName = clusterName
            self.baseDirectory = baseDirectory
            self.executables = executables
            self.usesWatchdog = usesWatchdog
            self.language = language
        }
    }

    public let table: CommandTable
    public let console: Console
    public let configuration: Configuration
    let logger: Logger
    let watchdog: ParentDeathWatchdog?
    /// The cluster commands act on; nil until one is attached or started.
    public internal(set) var cluster: LocalCluster?
    /// A cluster started elsewhere (`cluster attach`): while set, every command acts on it instead
    /// of `cluster`, and commands that need Samsa's own processes are refused.
    var attached: AttachedCluster?
    var sourceDepth = 0
    /// While a command runs with a lab started: what it learned that the lab's checks need
    /// (`CommandOutcome` facts, e.g. the partitions a killed broker led), logged with its outcome.
    var labFacts: [CommandOutcome.Fact] = []
    /// True while a command runs with a lab started: only then is work spent on `labFacts`.
    var isRecordingLab = false
    /// True while `lab start` runs commands of its own (starting the cluster, a broker, healing
    /// faults): they are not the student's work, so they stay out of commands.log.
    var isPreparingLab = false
    /// Topic names last seen in the cluster's metadata, for TAB completion.
    var knownTopics: [String] = []
    /// Group names seen in this session, for TAB completion.
    var knownGroups: [String] = []
    /// Asynchronous events: printed above the prompt when interactive, quiet in scripts.
    public let events: EventFeed
    /// Group members started with `consumer start`.
    let consumers: BackgroundConsumers
    /// Watches the metadata tree for session expiries, elections and ISR changes while events are live.
    var eventWatcher: (watcher: ClusterEventWatcher, connect: String)?
    /// The controller the brokers named after the last command (or the metadata watch saw since),
    /// for the prompt.
    var lastController: Int32? {
        get { self.events.controller }
        set { self.events.controller = newValue }
    }
    /// The live view (`ui`) while it runs.
    var liveView: LiveViewPublisher?
    /// The cluster the live view reads: set after every command, read from the view's tasks.
    let liveViewCluster = LiveSnapshotReader.CurrentCluster()
    /// True when the user is at a terminal (interactive REPL): `watch` redraws only then.
    public var isTerminal = false
    /// Runs before each prompt, e.g. to refresh what completion offers.
    public var beforeEachCommand: (() -> Void)?
    /// What every message, step and event is printed in; `language es|en` changes it.
    public var language: Language {
        get { self.events.language }
        set { self.events.language = newValue }
    }

    public init(
        configuration: Configuration, console: Console, table: CommandTable = CommandTable(), logger: Logger? = nil
    ) {
        self.configuration = configuration
        self.console = console
        self.table = table
        self.logger = logger ?? Logger(label: "samsa.repl")
        self.watchdog = configuration.usesWatchdog ? ParentDeathWatchdog() : nil
        self.events = EventFeed(
            console: console, isLive: false,
            language: configuration.language ?? Language.resolve(projectFolder: configuration.baseDirectory))
        self.consumers = BackgroundConsumers(feed: self.events)
    }

    /// Reattaches to the default cluster if its folder has a state file. Returns a line saying
    /// so, or nil when there is nothing to attach to.
    @discardableResult
    public func attachDefaultCluster() throws(REPLError) -> String? {
        let layout = ClusterLayout(
            name: self.configuration.clusterName, baseDirectory: self.configuration.baseDirectory)
        guard FileManager.default.fileExists(atPath: layout.stateFile.path) else { return nil }
        let cluster = try self.openCluster(layout)
        self.cluster = cluster
        guard let snapshot = cluster.snapshot(), snapshot.isAnythingRunning else { return nil }
        let up = snapshot.processes.filter { $0.state != .stopped }.count
        return self.language.pick(
            es:
                "Conectado de nuevo al clúster «\(snapshot.name)» de \(snapshot.folder): \(up) de \(snapshot.processes.count) procesos en marcha.",
            en:
                "Reattached to cluster \"\(snapshot.name)\" in \(snapshot.folder): \(up) of \(snapshot.processes.count) processes running."
        )
    }

    func openCluster(_ layout: ClusterLayout) throws(REPLError) -> LocalCluster {
        do {
            let cluster = try LocalCluster(
                layout: layout, executables: self.configuration.executables, watchdog: self.watchdog,
                logger: self.logger)
            let console = self.console
            let events = self.events
            cluster.onUnexpectedExit { role, pid, status in
                let event = LiveEvent.processExited(
                    role: "\(role)", brokerID: role.brokerID, pid: Int(pid), killed: status == SIGKILL,
                    status: Int(status),
                    logFile: layout.logFile(for: role).path)
                console.event(event.text(events.language))
            }
            return cluster
        } catch let error as LocalClusterError {
            throw .cluster(error)
        } catch {
            throw .file("\(error)")
        }
    }

    /// The prompt for the cluster's state now.
    public var prompt: String {
        if let attached = self.attached {
            return ClusterDiagram.attachedPrompt(
                bootstrap: attached.bootstrap, controller: self.lastController.map(Int.init), language: self.language)
        }
        return ClusterDiagram.prompt(for: self.clusterView(withTopics: false), language: self.language)
    }

    /// Names TAB completion can offer now.
    public var completionNames: Completer.Names {
        Completer.Names(
            brokerIDs: self.attached == nil ? self.cluster?.currentState?.brokerIDs ?? [] : [],
            topics: self.knownTopics,
            groups: Array(Set(self.knownGroups + self.consumers.groups)).sorted(), consumers: self.consumers.names)
    }

    /// Runs one line. Errors are thrown for the caller to print (interactive) or stop on (scripts).
    public func execute(_ line: String) throws(REPLError) -> Outcome {
        self.events.commandStarted()
        defer {
            self.syncEventWatcher()
            self.syncLiveView()
        }
        let words = try CommandLineSplitter.split(line, language: self.language)
        guard case .command(let spec, let arguments) = try self.table.resolve(words) else { return .proceed }
        if let attached = self.attached, let need = spec.localNeed {
            throw .client(need.refusal(command: spec.name, attachedTo: attached.bootstrap).text(self.language))
        }
        let parsed = try ParsedArguments(arguments, for: spec, language: self.language)
        // The started lab's commands.log gets the line once it has ended, with what happened.
        guard spec.isLoggedForLab, !self.isPreparingLab, let labLog = self.labRecorder() else {
            return try spec.run(self, parsed)
        }
        let outer = (self.labFacts, self.isRecordingLab)  // `source` runs lines inside a line
        self.labFacts = []
        self.isRecordingLab = true
        defer { (self.labFacts, self.isRecordingLab) = outer }
        do {
            let outcome = try spec.run(self, parsed)
            self.recordForLab(line, outcome: .succeeded(facts: self.labFacts), in: labLog)
            return outcome
        } catch {
            self.recordForLab(line, outcome: .failure(error.description), in: labLog)
            throw error
        }
    }

    /// Runs a script (a file or piped stdin): no prompt, no echo; the first error is printed as
    /// `samsa: NAME line N: message` on stderr and ends the run with exit code 1. With
    /// `keepGoing` (replays of a student's session, where some commands failed the first time
    /// too) every error is printed and the run goes on; the exit code is 1 if any line failed.
    public func runScript(_ text: String, name: String, keepGoing: Bool = false) -> Int32 {
        var lines = Self.lines(of: text).makeIterator()
        return self.runScript(name: name, keepGoing: keepGoing) { lines.next() }
    }

    /// The same, reading lines as they arrive (`nextLine` returns nil at the end), so commands
    /// piped in one at a time run at once.
    public func runScript(name: String, keepGoing: Bool = false, nextLine: () -> String?) -> Int32 {
        defer { self.finish() }
        var number = 0
        var status: Int32 = 0
        while let line = nextLine() {
            number += 1
            do {
                if try self.execute(line) == .quit { return status }
            } catch {
                let at = self.language.pick(es: "línea", en: "line")
                self.console.error("samsa: \(name) \(at) \(number): \(error.text(self.language))")
                status = 1
                if !keepGoing { return status }
            }
        }
        return status
    }

    /// The interactive loop: prompt, read, run, print errors, until `quit` or end of input.
    public func runInteractive(reader: any LineReader) {
        self.events.isLive = true
        self.syncEventWatcher()
        defer {
            reader.saveHistory()
            self.finish()
        }
        while true {
            self.beforeEachCommand?()
            let prompt = self.prompt
            if self.isTerminal, let attached = self.attached {
                let events = self.events
                let language = self.language
                self.console.setWaitingPrompt {
                    ClusterDiagram.attachedPrompt(
                        bootstrap: attached.bootstrap, controller: events.controller.map(Int.init), language: language)
                }
            } else if self.isTerminal, let cluster = self.cluster {
                // Drawn again after an event, with the cluster as it is then.
                let events = self.events
                let language = self.language
                self.console.setWaitingPrompt {
                    ClusterDiagram.prompt(
                        for: cluster.snapshot().map { snapshot in
                            var view = ClusterView(snapshot: snapshot)
                            view.controller = snapshot.mode == .zookeeper ? events.controller.map(Int.init) : nil
                            return view
                        }, language: language)
                }
            } else if self.isTerminal {
                self.console.setWaitingPrompt { prompt }
            }
            let line = reader.readLine(prompt: prompt)
            self.console.setWaitingPrompt(nil)
            guard let line else { break }
            reader.addHistory(line)
            do {
                if try self.execute(line) == .quit { return }
            } catch {
                self.console.error(error.text(self.language))
            }
            self.refreshController()
        }
        self.console.print("")
    }

    /// When the session ends: a cluster started here (and not detached) is stopped, so no
    /// process outlives the REPL by accident.
    public func finish() {
        self.stopLiveView()
        self.stopBackgroundWork()
        guard let cluster = self.cluster else { return }
        // Faults end with the session: with the processes of a cluster this session stops, or
        // healed on a detached cluster that keeps running.
        let faults = cluster.isRunning ? cluster.allFaults() : [:]
        let isOwned = cluster.hasChildren && cluster.currentState?.isDetached == false
        if isOwned {
            self.console.print(
                self.language.pick(
                    es:
                        "Parando el clúster «\(cluster.layout.name)» (arrancado en esta sesión; `cluster start --detach` lo deja en marcha)...",
                    en:
                        "Stopping cluster \"\(cluster.layout.name)\" (started in this session; `cluster start --detach` keeps one running)..."
                ))
            cluster.stopIfOwned()
        } else if !faults.isEmpty {
            cluster.healAllFaults()
        }
        if !faults.isEmpty {
            let ids = faults.keys.sorted().map(String.init).joined(separator: ", ")
            self.console.print(
                self.language.pick(
                    es: "Curados los fallos inyectados en \(faults.count == 1 ? "el broker" : "los brokers") \(ids).",
                    en: "Healed the injected faults of broker\(faults.count == 1 ? "" : "s") \(ids)."))
        }
    }

    /// Splits a script into lines (a trailing newline adds no empty line).
    static func lines(of text: String) -> [String] {
        // "\r\n" is one Character in Swift, so it is named as a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
