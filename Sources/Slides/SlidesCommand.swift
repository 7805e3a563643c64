import CourseLanguage
import Foundation

/// `slides build [--language es|en] [--output DIR] [--source DIR] [--samsa PATH] [--deck PREFIX] [--no-run]`
/// for `samsa slides ...`: renders the course's decks. Exit status 0 when every deck built,
/// 1 when one failed (an example failed or no longer shows what its slide expects), 2 on usage errors.
public enum SlidesCommand {
    public static let usage = """
        usage: samsa slides build [--language es|en] [--output DIR] [--source DIR] [--samsa PATH] [--deck PREFIX] [--no-run]

        Renders every deck in slides/src/LANG/ to one self-contained HTML file in slides/build/LANG/,
        running each ```samsa block on a fresh local cluster and embedding what it printed.
          --language es|en only this language (default: both); --lang is the same option
          --output DIR     where the pages go (default: slides/build next to slides/src)
          --source DIR     the decks' folder (default: slides/src, found from the current directory up)
          --samsa PATH     the samsa executable that runs the examples (default: beside this program)
          --deck PREFIX    only decks whose file name starts with PREFIX, e.g. 03
          --no-run         show the commands without running them (a draft; never check this in)
        """

    public static func run(arguments: [String]) async -> Int32 {
        do {
            let options = try Options(arguments)
            if options.helpOnly {
                print(self.usage)
                return 0
            }
            let builder = DeckBuilder(sourceRoot: options.source, outputRoot: options.output, samsa: options.samsa) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            var failures = 0
            for language in options.languages {
                for file in try builder.deckFiles(language) where options.deckPrefix.map({ file.lastPathComponent.hasPrefix($0) }) ?? true {
                    do {
                        let page = try builder.build(file, language: language)
                        print("built \(page.path)")
                    } catch {
                        failures += 1
                        FileHandle.standardError.write(Data("slides: \(error)\n".utf8))
                    }
                }
            }
            let index = try builder.writeIndex()
            print("index \(index.path)")
            return failures == 0 ? 0 : 1
        } catch let error as SlidesError {
            FileHandle.standardError.write(Data("slides: \(error)\n".utf8))
            if case .usage = error { return 2 }
            return 1
        } catch {
            FileHandle.standardError.write(Data("slides: \(error)\n".utf8))
            return 1
        }
    }

    struct Options {
        var languages: [Language] = Language.allCases
        var source: URL
        var output: URL
        var samsa: URL?
        var deckPrefix: String?
        var helpOnly = false

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            guard let verb = rest.popFirst() else { throw SlidesError.usage(SlidesCommand.usage) }
            if verb == "help" || verb == "--help" || verb == "-h" {
                self.source = URL(fileURLWithPath: ".")
                self.output = self.source
                self.helpOnly = true
                return
            }
            guard verb == "build" else {
                throw SlidesError.usage("unknown command `slides \(verb)`; the command is `slides build`\n\n" + SlidesCommand.usage)
            }
            var source: URL?
            var output: URL?
            var samsaPath: String?
            var run = true
            while let option = rest.popFirst() {
                func value() throws -> String {
                    guard let value = rest.popFirst() else { throw SlidesError.usage("\(option) needs a value\n\n" + SlidesCommand.usage) }
                    return value
                }
                switch option {
                case "--language", "--lang":  // --lang: the option's first name, still accepted
                    let name = try value()
                    guard let language = Language(rawValue: name) else {
                        throw SlidesError.usage("\(option) takes es or en, not \(name)")
                    }
                    self.languages = [language]
                case "--output": output = URL(fileURLWithPath: try value(), isDirectory: true)
                case "--source": source = URL(fileURLWithPath: try value(), isDirectory: true)
                case "--samsa": samsaPath = try value()
                case "--deck": self.deckPrefix = try value()
                case "--no-run": run = false
                case "--help", "-h": self.helpOnly = true
                default: throw SlidesError.usage("unknown option \(option)\n\n" + SlidesCommand.usage)
                }
            }
            guard let found = source ?? Self.findSource() else {
                throw SlidesError.usage("no slides/src/ here or in any folder above; run from the samsa checkout or pass --source DIR")
            }
            self.source = found
            self.output = output ?? found.deletingLastPathComponent().appendingPathComponent("build", isDirectory: true)
            if run {
                let path = samsaPath ?? ProcessInfo.processInfo.environment["SAMSA_EXECUTABLE"]
                let url = path.map { URL(fileURLWithPath: $0) } ?? Self.besideThisProgram("samsa")
                guard let url, FileManager.default.isExecutableFile(atPath: url.path) else {
                    throw SlidesError.usage("cannot find the samsa executable that runs the examples; build it with `swift build --product samsa` and pass --samsa PATH (or --no-run for a draft)")
                }
                self.samsa = url
            }
        }

        static func findSource() -> URL? {
            var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            for _ in 0..<12 {
                let candidate = folder.appendingPathComponent("slides/src", isDirectory: true)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
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
}
