import Foundation

/// A Swift source file read the way the language-coverage test needs it: comments dropped and
/// every string literal replaced by a placeholder, so calls can be matched by their parentheses
/// without a literal's own `(` or `)` getting in the way.
struct SwiftSourceStrings {
    /// The code, comments removed, each literal replaced by `\u{1}N\u{2}` (N its index in `literals`).
    let code: String
    /// The literals' text, interpolations written `{}` (string literals inside an interpolation
    /// are part of it, not literals of their own).
    let literals: [String]

    init(_ source: String) {
        var scanner = Scanner(characters: Array(source))
        scanner.run()
        self.code = String(scanner.output)
        self.literals = scanner.literals
    }

    /// One literal passed to a call of `function` (e.g. `outLine(`) that is not inside a call of
    /// one of `localizers` (e.g. `pick(`), with the line it is on.
    struct Use: Equatable {
        let line: Int
        let text: String
    }

    func uses(inCallsTo functions: [String], outside localizers: [String]) -> [Use] {
        let code = Array(self.code)
        var uses: [Use] = []
        for function in functions {
            let needle = Array(function)
            var index = 0
            while let start = Self.find(needle, in: code, from: index) {
                index = start + needle.count
                // `errLine(` must not match `myErrLine(`: the character before is not part of a name.
                if start > 0, needle.first?.isLetter == true, code[start - 1].isLetter || code[start - 1].isNumber {
                    continue
                }
                guard let end = Self.closingParenthesis(in: code, openingAt: index - 1) else { continue }
                if Self.isInLanguageBranch(code, at: start) { continue }
                var arguments = Array(code[index..<end])
                for localizer in localizers { arguments = Self.removingCalls(to: Array(localizer), from: arguments) }
                arguments = Self.removingLanguageTernaries(from: arguments)
                let line = code[..<start].filter { $0 == "\n" }.count + 1
                uses += Self.placeholders(in: arguments).map { Use(line: line, text: self.literals[$0]) }
            }
        }
        return uses.sorted { $0.line < $1.line }
    }

    private static func find(_ needle: [Character], in code: [Character], from start: Int) -> Int? {
        guard needle.count <= code.count else { return nil }
        var index = start
        while index + needle.count <= code.count {
            if code[index] == needle[0], Array(code[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func closingParenthesis(in code: [Character], openingAt open: Int) -> Int? {
        var depth = 0
        for index in open..<code.count {
            if code[index] == "(" { depth += 1 }
            if code[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func removingCalls(to call: [Character], from code: [Character]) -> [Character] {
        var result = code
        while let start = self.find(call, in: result, from: 0),
            let end = self.closingParenthesis(in: result, openingAt: start + call.count - 1)
        {
            result.removeSubrange(start...end)
        }
        return result
    }

    /// Drops the REPL's other idiom, `es ? … : …`: whatever either branch holds is chosen by the
    /// language. The false branch ends at the first `,` or unmatched `)` outside brackets.
    private static func removingLanguageTernaries(from code: [Character]) -> [Character] {
        var result = code
        while let match = String(result).range(of: #"\bes\s*\?"#, options: .regularExpression) {
            let start = String(result)[..<match.lowerBound].count
            var index = start + String(result)[match].count
            var depth = 0
            var sawColon = false
            while index < result.count {
                let character = result[index]
                if "([{".contains(character) { depth += 1 }
                if ")]}".contains(character) {
                    if depth == 0 { break }
                    depth -= 1
                }
                if depth == 0, character == ":", !sawColon { sawColon = true }
                if depth == 0, character == ",", sawColon { break }
                index += 1
            }
            result.removeSubrange(start..<index)
        }
        return result
    }

    /// Whether `position` sits where only one language runs: inside `if es { … }` (or
    /// `if self.language == .es`), inside its `else { … }`, or after an `if es { … }` with no else
    /// in the same block (the Spanish branch returned or threw, so what follows is the English one).
    static func isInLanguageBranch(_ code: [Character], at position: Int) -> Bool {
        var index = position - 1
        var depth = 0
        while index >= 0 {
            let character = code[index]
            if character == "}" {
                if depth == 0, let open = Self.openingBrace(in: code, closingAt: index) {
                    let after = String(code[(index + 1)..<min(code.count, index + 12)])
                    let hasElse = after.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("else")
                    if !hasElse, Self.isSpanishCondition(Self.header(in: code, before: open)) { return true }
                    index = open - 1
                    continue
                }
                depth += 1
            } else if character == "{" {
                if depth == 0 {
                    let header = Self.header(in: code, before: index)
                    if Self.isSpanishCondition(header) { return true }
                    if header.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("else"),
                        let close = code[..<index].lastIndex(of: "}"),
                        let open = Self.openingBrace(in: code, closingAt: close),
                        Self.isSpanishCondition(Self.header(in: code, before: open))
                    {
                        return true
                    }
                    depth = 0
                } else {
                    depth -= 1
                }
            }
            index -= 1
        }
        return false
    }

    private static func header(in code: [Character], before brace: Int) -> String {
        var start = brace
        while start > 0, !";{}\n".contains(code[start - 1]) { start -= 1 }
        return String(code[start..<brace])
    }

    private static func isSpanishCondition(_ header: String) -> Bool {
        header.range(of: #"\bif\s+(es|(self\.)?language\s*==\s*\.es)\s*$"#, options: .regularExpression) != nil
    }

    private static func openingBrace(in code: [Character], closingAt close: Int) -> Int? {
        var depth = 0
        var index = close
        while index >= 0 {
            if code[index] == "}" { depth += 1 }
            if code[index] == "{" {
                depth -= 1
                if depth == 0 { return index }
            }
            index -= 1
        }
        return nil
    }

    private static func placeholders(in code: [Character]) -> [Int] {
        var found: [Int] = []
        var index = 0
        while index < code.count {
            if code[index] == "\u{1}", let close = code[index...].firstIndex(of: "\u{2}"),
                let number = Int(String(code[(index + 1)..<close]))
            {
                found.append(number)
                index = close
            }
            index += 1
        }
        return found
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var output: [Character] = []
        var literals: [String] = []

        func peek(_ offset: Int = 0) -> Character? {
            self.index + offset < self.characters.count ? self.characters[self.index + offset] : nil
        }

        mutating func run() {
            while let character = self.peek() {
                if character == "/", self.peek(1) == "/" {
                    while let next = self.peek(), next != "\n" { self.index += 1 }
                } else if character == "/", self.peek(1) == "*" {
                    self.index += 2
                    while let next = self.peek(), !(next == "*" && self.peek(1) == "/") {
                        if next == "\n" { self.output.append(next) }  // lines keep their numbers
                        self.index += 1
                    }
                    self.index += 2
                } else if character == "\"" || (character == "#" && (self.peek(1) == "\"" || self.peek(1) == "#")) {
                    let start = self.index
                    let text = self.readLiteral()
                    self.output += Array("\u{1}\(self.literals.count)\u{2}")
                    self.literals.append(text)
                    // A multi-line literal's lines stay, after its placeholder, so lines keep their numbers.
                    self.output += self.characters[start..<self.index].filter { $0 == "\n" }
                } else {
                    self.output.append(character)
                    self.index += 1
                }
            }
        }

        /// Reads `"…"`, `"""…"""` or a raw `#"…"#` from the current index; returns its text with
        /// interpolations as `{}`.
        mutating func readLiteral() -> String {
            var hashes = 0
            while self.peek() == "#" {
                hashes += 1
                self.index += 1
            }
            let multiline = self.peek(1) == "\"" && self.peek(2) == "\""
            self.index += multiline ? 3 : 1
            let escape: [Character] = ["\\"] + Array(repeating: "#", count: hashes)
            var text: [Character] = []
            while let character = self.peek() {
                if self.matches(escape) {
                    self.index += escape.count
                    if self.peek() == "(" {
                        self.skipInterpolation()
                        text += ["{", "}"]
                    } else if let escaped = self.peek() {
                        text.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
                        self.index += 1
                    }
                    continue
                }
                let closing: [Character] = Array(multiline ? "\"\"\"" : "\"") + Array(repeating: "#", count: hashes)
                if self.matches(closing) {
                    self.index += closing.count
                    break
                }
                text.append(character)
                self.index += 1
            }
            return String(text)
        }

        func matches(_ characters: [Character]) -> Bool {
            characters.indices.allSatisfy { self.peek($0) == characters[$0] }
        }

        /// Skips `(…)` after a `\`, literals inside it included.
        mutating func skipInterpolation() {
            var depth = 0
            while let character = self.peek() {
                if character == "\"" {
                    _ = self.readLiteral()
                    continue
                }
                self.index += 1
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
        }
    }
}
