import Foundation

/// A fenced ```samsa block: REPL commands the builder runs, each with what its output must show.
///
///     ```samsa
///     topic create pagos --partitions 3
///     # expect: Created topic
///     produce pagos hola
///     # expect-re: offset \d+
///     produce nadie hola
///     # expect-error: does not exist
///     ```
///
/// `# expect: TEXT` needs TEXT in the output of the command above it, `# expect-re: REGEX` a match,
/// `# expect-error: TEXT` needs the command to fail and TEXT in its message. Other `#` lines are
/// comments and are not shown. Fence options: `together` runs the whole block in one samsa process
/// (background consumers live only as long as their process) and shows its output after the
/// commands; `hidden` runs the block without showing it (setup a slide does not need to teach).
public struct SessionBlock: Sendable, Equatable {
    public struct Command: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var expectations: [Expectation]
    }

    public enum Expectation: Sendable, Equatable {
        case contains(String)
        case matches(String)
        case fails(String)
    }

    public var commands: [Command]
    public var together: Bool
    public var hidden: Bool
    public var line: Int

    static func parse(_ body: [String], options: [String], file: String, line: Int) throws -> SessionBlock {
        for option in options where option != "together" && option != "hidden" {
            throw SlidesError.source(file: file, line: line, message: "unknown samsa block option `\(option)`; the options are `together` and `hidden`")
        }
        var commands: [Command] = []
        for (offset, raw) in body.enumerated() {
            let lineNumber = line + 1 + offset
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("#") {
                guard let expectation = try Self.expectation(text, file: file, line: lineNumber) else { continue }
                guard !commands.isEmpty else {
                    throw SlidesError.source(file: file, line: lineNumber, message: "an expectation belongs under the command it checks; this one has no command above it")
                }
                commands[commands.count - 1].expectations.append(expectation)
                continue
            }
            commands.append(Command(text: text, line: lineNumber, expectations: []))
        }
        guard !commands.isEmpty else {
            throw SlidesError.source(file: file, line: line, message: "this samsa block has no commands")
        }
        return SessionBlock(commands: commands, together: options.contains("together"), hidden: options.contains("hidden"), line: line)
    }

    private static func expectation(_ text: String, file: String, line: Int) throws -> Expectation? {
        let body = text.dropFirst().trimmingCharacters(in: .whitespaces)
        for (prefix, make) in [
            ("expect-error:", Expectation.fails), ("expect-re:", Expectation.matches), ("expect:", Expectation.contains),
        ] as [(String, (String) -> Expectation)] where body.hasPrefix(prefix) {
            let value = body.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if prefix == "expect-re:" {
                do { _ = try NSRegularExpression(pattern: value) } catch {
                    throw SlidesError.source(file: file, line: line, message: "`\(value)` is not a valid regular expression")
                }
            }
            if value.isEmpty && prefix != "expect-error:" {
                throw SlidesError.source(file: file, line: line, message: "`# \(prefix)` needs the text to look for")
            }
            return make(value)
        }
        if body.hasPrefix("expect") {
            throw SlidesError.source(file: file, line: line, message: "unknown expectation; write `# expect: TEXT`, `# expect-re: REGEX` or `# expect-error: TEXT`")
        }
        return nil
    }
}

extension SessionBlock.Expectation {
    /// Nil when `output` (and the exit status) satisfies this expectation, else why not.
    func failure(output: String, succeeded: Bool) -> String? {
        switch self {
        case .contains(let text):
            if !succeeded { return "the command failed, but the slide expects it to succeed" }
            return output.contains(text) ? nil : "the output no longer contains `\(text)` (# expect)"
        case .matches(let pattern):
            if !succeeded { return "the command failed, but the slide expects it to succeed" }
            let regex = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(output.startIndex..., in: output)
            return regex?.firstMatch(in: output, range: range) != nil ? nil : "the output no longer matches /\(pattern)/ (# expect-re)"
        case .fails(let text):
            if succeeded { return "the command succeeded, but the slide expects it to fail (# expect-error)" }
            return text.isEmpty || output.contains(text) ? nil : "the error no longer contains `\(text)` (# expect-error)"
        }
    }
}
