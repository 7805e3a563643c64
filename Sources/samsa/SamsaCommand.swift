import ArgumentParser
import CourseLanguage
import Dispatch
import Foundation
import LocalCluster
import Logging
import REPL
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `samsa`: the REPL students live in. Interactive on a terminal; with `--script FILE`, or with
/// commands piped on stdin, it runs them without a prompt and stops at the first error.
/// Its subcommands (`grade`, `lab`, `slides`, `install-tools`, `ui`) hand their command lines to
/// the commands that parse them (`ForwardingSubcommand`); `SamsaMain` runs Kafka's tools before this.
struct SamsaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa",
        abstract: "Samsa — a Kafka you can see inside. A REPL that runs a local cluster.",
        discussion: """
            Type `help` in the REPL for its commands. Scripts hold one command per line; blank lines \
            and lines starting with # are skipped. A script stops at its first error with exit code 1.

            Kafka's command-line tools run as `samsa kafka-topics ...` (likewise kafka-console-producer, \
            kafka-console-consumer, kafka-consumer-groups, kafka-configs, kafka-server-start, ...); \
            `samsa install-tools [DIR]` links them under their own names in DIR (default .samsa/bin).

            Labs and slides: `samsa grade [--lab N] [--replay] [--format text|junit|gradescope]`, \
            `samsa lab export --student DIR`, `samsa slides build [--language es|en]`; each takes --help.

            Language: `--language es|en` (or `language es|en` in the REPL) is kept in .samsa/language and \
            used by every later `samsa` and `samsa grade` in this folder; with none chosen, Spanish when the \
            system's language (LC_ALL, LC_MESSAGES, LANG) is Spanish, else English.
            """,
        subcommands: [Grade.self, Lab.self, Slides.self, InstallTools.self, UI.self, RecordServerStart.self])

    @Option(help: ArgumentHelp("Run the commands in FILE without a prompt, then exit.", valueName: "FILE"))
    var script: String?

    @Flag(help: "In a script, report a failing command and go on with the next (exit code 1 at the end); for replays.")
    var keepGoing = false

    @Option(
        help: ArgumentHelp("The cluster to attach to and start by default: the folder .samsa/NAME/.", valueName: "NAME")
    )
    var cluster: String = "lab"

    @Option(help: ArgumentHelp("The folder holding .samsa/ (default: the current directory).", valueName: "DIR"))
    var directory: String?

    @Option(help: "Log level of samsa's own diagnostics on stderr: trace, debug, info, warning, error.")
    var logLevel: String = "warning"

    @Option(
        help: ArgumentHelp(
            "The language to speak, es or en; remembered in this folder (.samsa/language).", valueName: "es|en"))
    var language: String?

    func validate() throws {
        guard ClusterLayout.isValidName(self.cluster) else {
            throw ValidationError("--cluster must be letters, digits, '-', '_' or '.', e.g. --cluster lab")
        }
        if let language = self.language, Language(rawValue: language) == nil {
            throw ValidationError("--language must be es or en, e.g. --language es")
        }
        guard Logger.Level(rawValue: self.logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() throws {
        let level = Logger.Level(rawValue: self.logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        Self.useUTF8Locale()
        let terminal = Terminal.current()
        let console = Console(terminal: terminal)
        var configuration = Session.Configuration(clusterName: self.cluster)
        if let directory = self.directory {
            configuration.baseDirectory = URL(fileURLWithPath: directory, isDirectory: true)
        }
        let session = Session(configuration: configuration, console: console)
        if let chosen = self.language.flatMap(Language.init(rawValue:)) {
            do {
                try session.chooseLanguage(chosen)
            } catch {
                console.error("samsa: \(error.text(chosen))")
            }
        }
        let signals = Self.stopClusterOnSignals(session)
        defer { for signal in signals { signal.cancel() } }

        if let script = self.script {
            guard let text = TextFile.read(script) else {
                console.error(
                    "samsa: "
                        + session.language.pick(
                            es: "no se puede leer \(script); --script espera un fichero de texto con comandos",
                            en: "cannot read \(script); --script takes a text file of commands"))
                throw ExitCode(1)
            }
            try Self.attach(session, announce: false)
            let status = session.runScript(text, name: script, keepGoing: self.keepGoing)
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard terminal.isInputTTY else {
            try Self.attach(session, announce: false)
            let status = session.runScript(name: "stdin", keepGoing: self.keepGoing) {
                Swift.readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        console.print(
            session.language.pick(
                es: "Samsa — un Kafka que se ve por dentro. `help` lista los comandos, `explain TÉRMINO` explica uno.",
                en: "Samsa — a Kafka you can see inside. `help` lists commands, `explain TERM` explains one."))
        try Self.attach(session, announce: true)
        // Ctrl-C must not end the REPL (and with it the cluster): the line editor clears the line.
        signal(SIGINT, SIG_IGN)
        let completer = Completer(table: session.table)
        let names = CompletionNames(session.completionNames)
        let reader: any LineReader
        if terminal.isOutputTTY,
            let libedit = LibEditLineReader.load(
                historyPath: LibEditLineReader.defaultHistoryPath,
                complete: { line in completer.complete(line, names: names.current) })
        {
            reader = libedit
        } else {
            reader = PlainLineReader(showsPrompt: true)
        }
        session.beforeEachCommand = { names.current = session.completionNames }
        session.isTerminal = terminal.isOutputTTY
        session.runInteractive(reader: reader)
    }

    private static func attach(_ session: Session, announce: Bool) throws {
        do {
            if let line = try session.attachDefaultCluster(), announce { session.console.print(line) }
        } catch {
            session.console.error("samsa: \(error.text(session.language))")
            throw ExitCode(1)
        }
    }

    /// SIGTERM and SIGHUP (terminal closed) stop a cluster this REPL started, then exit; the
    /// watchdog covers SIGKILL, which nothing can catch.
    private static func stopClusterOnSignals(_ session: Session) -> [any DispatchSourceSignal] {
        nonisolated(unsafe) let session = session
        return [SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                session.finish()
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// libedit handles multibyte characters (the prompt's "·", names typed in any language) only
    /// in a UTF-8 locale; the C locale of a bare container would show them as octal escapes.
    private static func useUTF8Locale() {
        if let name = setlocale(LC_CTYPE, ""), String(cString: name).uppercased().contains("UTF") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
}

/// The names completion offers, refreshed before each prompt so the libedit callback (which may
/// not call into the session) reads a plain value.
final class CompletionNames: Sendable {
    private let value: Mutex<Completer.Names>

    init(_ value: Completer.Names) {
        self.value = Mutex(value)
    }

    var current: Completer.Names {
        get { self.value.withLock { $0 } }
        set { self.value.withLock { $0 = newValue } }
    }
}
