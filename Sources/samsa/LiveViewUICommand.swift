import ArgumentParser
import CourseLanguage
import Foundation
import REPL

/// `samsa ui --bootstrap HOST:PORT --zookeeper HOST:PORT [--lang es|en] [--port N]`: the live view
/// of a cluster started elsewhere (`LiveViewCommand`); `ui` in the REPL shows the REPL's own.
struct LiveViewUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa ui",
        abstract: "Show the live view of a cluster started elsewhere (Kafka's scripts, another terminal).",
        discussion: "It runs until Ctrl-C.")

    /// A command line it cannot take.
    static let usageStatus: Int32 = 2

    @Option(
        name: [.customLong("bootstrap"), .customLong("bootstrap-server")],
        help: ArgumentHelp("The cluster's brokers.", valueName: "HOST:PORT[,HOST:PORT...]"))
    var bootstrap: String

    @Option(help: ArgumentHelp("The cluster's metadata server (samsa-meta or ZooKeeper).", valueName: "HOST:PORT"))
    var zookeeper: String

    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: ArgumentHelp(
            "The page's language (default: the one chosen in this folder, else the system's).", valueName: "es|en"),
        transform: Self.language)
    var language: Language?

    @Option(
        help: ArgumentHelp("The port to serve the page on (default: any free one).", valueName: "N"),
        transform: Self.port)
    var port: Int = 0

    func run() throws {
        let status = LiveViewCommand.run(
            bootstrap: self.bootstrap, zookeeper: self.zookeeper, language: self.language ?? Language.preferred,
            port: self.port)
        if status != 0 { throw ExitCode(status) }
    }

    static func language(_ text: String) throws -> Language {
        guard let language = Language(rawValue: text.lowercased()) else {
            throw ValidationError("use es or en, e.g. --lang es")
        }
        return language
    }

    static func port(_ text: String) throws -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ValidationError("give a number from 0 to 65535")
        }
        return port
    }
}
