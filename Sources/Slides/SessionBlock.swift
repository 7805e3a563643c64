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
/// `# expect-error: TEXT` needs the command to fail and TEXT in its message. What a slide says is
/// gone or counted is asserted too: `# expect-not: TEXT` needs TEXT absent, `# expect-no-re: REGEX`
/// no match, `# expect-count: N REGEX` exactly N matches (in these two, `^` and `$` match at each
/// line), so a claim such as "broker 3 left every ISR" or "5 acknowledged records were lost" fails
/// the build when the executed output says otherwise. Other `#` lines are
/// comments and are not shown. Fence options: `together` runs the whole block in one samsa process
/// (background consumers live only as long as their process, injected faults too) and shows its
/// output after the commands; it stops at its first failing command, so `# expect-error` belongs
/// to its last one; `hidden` runs the block without showing it (setup a slide does not need to teach);
/// `terminal` holds shell lines instead, each `samsa TOOL ARGUMENTS` (Kafka's tools, as a student types
/// them in a terminal), run without a shell in the deck's folder, next to its cluster, and shown after `$`.
public struct SessionBlock: Sendable, Equatable {
    public struct Command: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var expectations: [Expectation]
        /// Whether the command is meant to fail (`# expect-error`).
        var expectsFailure: Bool { self.expectations.contains { $0.isFailure } }
    }

    public enum Expectation: Sendable, Equatable {
        /// Whether this is `# expect-error`.
        var isFailure: Bool { if case .fails = self { true } else { false } }

        case contains(String)
        case matches(String)
        case fails(String)
        /// `# expect-not:` the text must not appear.
        case lacks(String)
        /// `# expect-no-re:` the pattern must not match any line.
        case doesNotMatch(String)
        /// `# expect-count:` exactly this many matches of the pattern.
        case count(Int, String)
    }

    public var commands: [Command]
    public var together: Bool
    public var hidden: Bool
    /// Lines are `samsa TOOL ARGUMENTS` typed in a terminal, not REPL commands.
    public var terminal: Bool = false
    public var line: Int

    static func parse(_ body: [String], options: [String], file: String, line: Int) throws -> SessionBlock {
        for option in options where !["together", "hidden", "terminal"].contains(option) {
            throw SlidesError.source(
                file: file, line: line,
                message: "unknown samsa block option `\(option)`; the options are `together`, `hidden` and `terminal`")
        }
        let terminal = options.contains("terminal")
        if terminal && options.contains("together") {
            throw SlidesError.source(
                file: file, line: line, message: "a `terminal` block runs each line on its own; drop `together`")
        }
        var commands: [Command] = []
        for (offset, raw) in body.enumerated() {
            let lineNumber = line + 1 + offset
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("#") {
                guard let expectation = try Self.expectation(text, file: file, line: lineNumber) else { continue }
                guard !commands.isEmpty else {
                    throw SlidesError.source(
                        file: file, line: lineNumber,
                        message: "an expectation belongs under the command it checks; this one has no command above it")
                }
                commands[commands.count - 1].expectations.append(expectation)
                continue
            }
            if terminal && !text.hasPrefix("samsa ") {
                throw SlidesError.source(
                    file: file, line: lineNumber,
                    message: "a `terminal` block runs `samsa TOOL ARGUMENTS` lines only; `\(text)` is not one")
            }
            commands.append(Command(text: text, line: lineNumber, expectations: []))
        }
        guard !commands.isEmpty else {
            throw SlidesError.source(file: file, line: line, message: "this samsa block has no commands")
        }
        return SessionBlock(
            commands: commands, together: options.contains("together"), hidden: options.contains("hidden"),
            terminal: terminal,
            line: line)
    }

    private static func expectation(_ text: String, file: String, line: Int) throws -> Expectation? {
        let body = text.dropFirst().trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("expect-count:") {
            let value = body.dropFirst("expect-count:".count).trimmingCharacters(in: .whitespaces)
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let count = Int(parts[0]), count >= 0 else {
                throw SlidesError.source(
                    file: file, line: line,
                    message: "`# expect-count:` takes a count and a regular expression: `# expect-count: 5 ^→ clicks-0`"
                )
            }
            let pattern = String(parts[1]).trimmingCharacters(in: .whitespaces)
            try Self.validate(pattern, file: file, line: line)
            return .count(count, pattern)
        }
        for (prefix, make) in [
            ("expect-not:", Expectation.lacks), ("expect-no-re:", Expectation.doesNotMatch),
            ("expect-error:", Expectation.fails), ("expect-re:", Expectation.matches),
            ("expect:", Expectation.contains),
        ] as [(String, (String) -> Expectation)] where body.hasPrefix(prefix) {
            let value = body.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if prefix == "expect-re:" || prefix == "expect-no-re:" {
                try Self.validate(value, file: file, line: line)
            }
            if value.isEmpty && prefix != "expect-error:" {
                throw SlidesError.source(file: file, line: line, message: "`# \(prefix)` needs the text to look for")
            }
            return make(value)
        }
        if body.hasPrefix("expect") {
            throw SlidesError.source(
                file: file, line: line,
                message:
                    "unknown expectation; write `# expect: TEXT`, `# expect-re: REGEX`, `# expect-error: TEXT`, `# expect-not: TEXT`, `# expect-no-re: REGEX` or `# expect-count: N REGEX`"
            )
        }
        return nil
    }

    private static func validate(_ pattern: String, file: String, line: Int) throws {
        do { _ = try NSRegularExpression(pattern: pattern) } catch {
            throw SlidesError.source(file: file, line: line, message: "`\(pattern)` is not a valid regular expression")
        }
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
            return regex?.firstMatch(in: output, range: range) != nil
                ? nil : "the output no longer matches /\(pattern)/ (# expect-re)"
        case .fails(let text):
            if succeeded { return "the command succeeded, but the slide expects it to fail (# expect-error)" }
            return text.isEmpty || output.contains(text)
                ? nil : "the error no longer contains `\(text)` (# expect-error)"
        case .lacks(let text):
            return output.contains(text)
                ? "the output contains `\(text)`, which the slide says is not there (# expect-not)" : nil
        case .doesNotMatch(let pattern):
            guard let first = Self.matches(of: pattern, in: output).first else { return nil }
            return "the output matches /\(pattern)/ (`\(first)`), which the slide rules out (# expect-no-re)"
        case .count(let wanted, let pattern):
            let found = Self.matches(of: pattern, in: output)
            return found.count == wanted
                ? nil
                : "the output has \(found.count) match(es) of /\(pattern)/; the slide says \(wanted) (# expect-count)"
        }
    }

    /// The matched texts, with `^` and `$` at every line.
    private static func matches(of pattern: String, in output: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        return regex.matches(in: output, range: NSRange(output.startIndex..., in: output)).compactMap { match in
            Range(match.range, in: output).map { String(output[$0]) }
        }
    }
}
