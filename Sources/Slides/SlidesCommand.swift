import ArgumentParser
import CommandLineSupport
import CourseLanguage
import Foundation

/// `samsa slides build [--language es|en] [--output DIR] [--source DIR] [--samsa PATH] [--deck PREFIX] [--no-run]`,
/// for `samsa slides ...` and `samsa-slides`: renders the course's decks. Parsed with ArgumentParser,
/// run through `run(arguments:)` so that both executables answer alike. Exit status 0 when every
/// deck built, 1 when one failed (an example failed or no longer shows what its slide expects),
/// 2 on usage errors.
public struct SlidesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "samsa slides",
        abstract: "Build the course's slides.",
        subcommands: [Build.self])

    public init() {}

    /// The status of a command line that is wrong.
    static let usageStatus: Int32 = 2

    public static func run(arguments: [String]) async -> Int32 {
        switch Self.request(arguments, running: Build.self, usageStatus: Self.usageStatus) {
        case .exit(let status):
            return status
        case .run(let build):
            do {
                return try build.execute()
            } catch let error as SlidesError {
                Self.printError("slides: \(error)")
                if case .usage = error { return Self.usageStatus }
                return 1
            } catch {
                Self.printError("slides: \(error)")
                return 1
            }
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension SlidesCommand {
    /// `slides build`: every deck in slides/src/LANG/ to one self-contained page in slides/build/LANG/.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every deck to one self-contained HTML page, running its samsa examples.",
            discussion: """
                Renders every deck in slides/src/LANG/ to one self-contained HTML file in slides/build/LANG/, \
                running each ```samsa block on a fresh local cluster and embedding what it printed.
                """)

        @Option(
            name: [.customLong("language"), .customLong("lang")],  // --lang: the option's first name, still accepted
            help: ArgumentHelp("Only this language (default: both).", valueName: "es|en"),
            transform: SlidesCommand.language)
        var language: Language?

        @Option(help: ArgumentHelp("Where the pages go (default: slides/build next to slides/src).", valueName: "DIR"))
        var output: String?

        @Option(
            help: ArgumentHelp(
                "The decks' folder (default: slides/src, found from the current directory up).", valueName: "DIR"))
        var source: String?

        @Option(
            help: ArgumentHelp(
                "The samsa executable that runs the examples (default: beside this program).", valueName: "PATH"))
        var samsa: String?

        @Option(help: ArgumentHelp("Only decks whose file name starts with PREFIX, e.g. 03.", valueName: "PREFIX"))
        var deck: String?

        @Flag(help: "Show the commands without running them (a draft; never check this in).")
        var noRun = false

        func execute() throws -> Int32 {
            guard let source = self.source.map({ URL(fileURLWithPath: $0, isDirectory: true) }) ?? Self.findSource()
            else {
                throw SlidesError.usage(
                    "no slides/src/ here or in any folder above; run from the samsa checkout or pass --source DIR")
            }
            let output =
                self.output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? source.deletingLastPathComponent().appendingPathComponent("build", isDirectory: true)
            var samsa: URL?
            if !self.noRun {
                let path = self.samsa ?? ProcessInfo.processInfo.environment["SAMSA_EXECUTABLE"]
                let url = path.map { URL(fileURLWithPath: $0) } ?? Self.besideThisProgram("samsa")
                guard let url, FileManager.default.isExecutableFile(atPath: url.path) else {
                    throw SlidesError.usage(
                        "cannot find the samsa executable that runs the examples; build it with `swift build --product samsa` and pass --samsa PATH (or --no-run for a draft)"
                    )
                }
                samsa = url
            }
            let builder = DeckBuilder(sourceRoot: source, outputRoot: output, samsa: samsa) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            var failures = 0
            for language in self.language.map({ [$0] }) ?? Language.allCases {
                for file in try builder.deckFiles(language)
                where self.deck.map({ file.lastPathComponent.hasPrefix($0) }) ?? true {
                    do {
                        let page = try builder.build(file, language: language)
                        print("built \(page.path)")
                    } catch {
                        failures += 1
                        SlidesCommand.printError("slides: \(error)")
                    }
                }
            }
            let index = try builder.writeIndex()
            print("index \(index.path)")
            return failures == 0 ? 0 : 1
        }

        static func findSource() -> URL? {
            var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            for _ in 0..<12 {
                let candidate = folder.appendingPathComponent("slides/src", isDirectory: true)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
            return nil
        }

        static func besideThisProgram(_ name: String) -> URL? {
            guard let executable = Bundle.main.executableURL else { return nil }
            return executable.deletingLastPathComponent().appendingPathComponent(name)
        }
    }

    static func language(_ text: String) throws -> Language {
        guard let language = Language(rawValue: text) else { throw ValidationError("use es or en, e.g. --language es") }
        return language
    }
}
