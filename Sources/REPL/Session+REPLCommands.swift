import CourseLanguage
import Foundation

extension CommandTable {
    static let explainCommand = CommandSpec(
        ["explain"], positionals: [.init("TERM", .term, isRequired: false, isVariadic: true)],
        summary: "a short explanation of a Kafka term (`explain` lists them)",
        spanish: CommandHelp(summary: "una explicación breve de un término de Kafka (`explain` los lista)"),
        run: { session, arguments throws(REPLError) in try session.runExplain(arguments) })

    static let watchCommand = CommandSpec(
        ["watch"], positionals: [.init("COMMAND", .view, isVariadic: true)],
        summary: "rerun a view every second until a key is pressed",
        details: "In a script it shows the view once.",
        spanish: CommandHelp(
            summary: "repite una vista cada segundo hasta que pulses una tecla",
            details: "En un script muestra la vista una vez."),
        run: { session, arguments throws(REPLError) in try session.watch(arguments.positionals) })

    static let sourceCommand = CommandSpec(
        ["source"], positionals: [.init("FILE", .file)],
        summary: "run the commands in a file, stopping at the first error",
        spanish: CommandHelp(summary: "ejecuta los comandos de un fichero, hasta el primer error"),
        run: { session, arguments throws(REPLError) in try session.source(arguments.positionals[0]) })

    static let helpCommand = CommandSpec(
        ["help"], positionals: [.init("COMMAND", .command, isRequired: false, isVariadic: true)],
        summary: "list commands, or explain one",
        spanish: CommandHelp(summary: "lista los comandos, o explica uno"),
        run: { session, arguments throws(REPLError) in try session.runHelp(arguments) })

    static let quitCommand = CommandSpec(
        ["quit"], summary: "leave samsa (a cluster started here stops unless --detach)",
        spanish: CommandHelp(summary: "sale de samsa (un clúster arrancado aquí se para, salvo con --detach)"),
        handler: { _, _ in .quit })
}

/// The REPL's own commands: `help`, `explain`, `watch`, `source` (and `quit`, which only ends the loop).
extension Session {
    func runHelp(_ arguments: ParsedArguments) throws(REPLError) {
        self.console.print(
            arguments.positionals.isEmpty
                ? self.table.helpText(self.language)
                : try self.table.helpText(for: arguments.positionals, self.language))
    }

    func runExplain(_ arguments: ParsedArguments) throws(REPLError) {
        self.console.print(
            arguments.positionals.isEmpty
                ? Explanations.listing(self.language)
                : try Explanations.explain(arguments.positionals.joined(separator: " "), self.language))
    }

    /// `watch COMMAND`: clears the screen and reruns a view every second until a key is pressed.
    /// Without a terminal (scripts) the view runs once, so output stays stable.
    func watch(_ words: [String]) throws(REPLError) {
        guard case .command(let spec, let arguments) = try self.table.resolve(words) else { return }
        guard spec.isWatchable else {
            let views = self.table.commands.filter(\.isWatchable).map(\.name).sorted().map { "`\($0)`" }.joined(
                separator: ", ")
            throw .usage(
                self.language.pick(
                    es: "`watch` solo repite vistas: \(views)", en: "`watch` repeats views only: \(views)"),
                usage: "watch COMMAND...")
        }
        _ = try ParsedArguments(arguments, for: spec, language: self.language)
        guard self.isTerminal else {
            _ = try self.execute(words.map(Self.quoted).joined(separator: " "))
            return
        }
        let line = words.map(Self.quoted).joined(separator: " ")
        // Bounded only by the user's key press; each round is one command and a 1 s wait.
        while true {
            let every = self.language.pick(
                es: "cada 1 s: \(line) · pulsa una tecla para parar", en: "every 1 s: \(line) · press any key to stop")
            self.console.print("\u{1B}[H\u{1B}[2J" + self.console.style.dim(every))
            _ = try self.execute(line)
            if KeyPress.wait(timeout: .seconds(1)) { return }
        }
    }

    static func quoted(_ word: String) -> String {
        word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == "#" })
            ? "'" + word.replacingOccurrences(of: "'", with: "") + "'" : word
    }

    /// `source FILE`: each line as if typed, stopping at the first error, which names the line.
    func source(_ path: String) throws(REPLError) {
        guard self.sourceDepth < 8 else {
            throw .file(
                self.language.pick(
                    es: "los ficheros de `source` se anidan más de 8 niveles; ¿\(path) se incluye a sí mismo?",
                    en: "source files nest more than 8 deep; does \(path) source itself?"))
        }
        guard let text = TextFile.read(path) else {
            throw .file(
                self.language.pick(
                    es: "no se puede leer \(path); indica la ruta de un fichero de texto con comandos",
                    en: "cannot read \(path); give a path to a text file of commands"))
        }
        self.sourceDepth += 1
        defer { self.sourceDepth -= 1 }
        for (index, line) in Self.lines(of: text).enumerated() {
            do {
                if try self.execute(line) == .quit { return }
            } catch {
                throw .inFile(path: path, line: index + 1, underlying: error.text(self.language))
            }
        }
    }
}
