import CourseLanguage
import Foundation

/// What a slide shows of a command's real output: the lines that matter, short enough to read from
/// the back of a room (22 px type at 1280×720 holds about 80 columns). The build still checks every
/// expectation against the full output; only the picture is shortened, and always says where.
///
/// - `cluster start` shows only its last line ("cluster … ready in …"): the processes it lists are
///   the same in every deck.
/// - A run of more than three lines of the same shape (`→ pagos-0 offset 0 …`, `→ pagos-0 offset 1 …`)
///   keeps its first two and its last, with `⋮ N more` between.
/// - A line longer than `columns` is cut after its last ` · `, `; `, `. `, `: ` or ` (` that fits,
///   ending in `…`. Where that would drop text one of the command's expectations looks for, the
///   line keeps its first clause, `…`, and everything from the clause where that text starts
///   (wrapping if it must); failing that, the whole line wraps.
struct TerminalTranscript {
    static let columns = 80

    var language: Language
    /// The block's expectations: a line they find is never cut short of what they find.
    var expectations: [SessionBlock.Expectation]

    func lines(of output: String, commands: [String]) -> [String] {
        var lines = output.components(separatedBy: "\n")
        if commands == ["cluster start"],
            let last = lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        {
            lines = [last]
        }
        return self.collapsingRuns(lines).map(self.shortened)
    }

    /// The part of `line` before its first digit, when it is long enough to name a kind of line.
    static func shape(of line: String) -> String? {
        let prefix = line.prefix { !$0.isNumber }
        return prefix.count >= 3 ? String(prefix) : nil
    }

    func collapsingRuns(_ lines: [String]) -> [String] {
        var kept: [String] = []
        var start = 0
        while start < lines.count {
            var end = start
            if let shape = Self.shape(of: lines[start]) {
                while end + 1 < lines.count, Self.shape(of: lines[end + 1]) == shape { end += 1 }
            }
            let count = end - start + 1
            if count > 3 {
                let hidden = count - 3
                kept += [
                    lines[start], lines[start + 1],
                    "  ⋮ " + self.language.pick(es: "\(hidden) más", en: "\(hidden) more"), lines[end],
                ]
            } else {
                kept += lines[start...end]
            }
            start = end + 1
        }
        return kept
    }

    static let separators = [" · ", "; ", ". ", ": ", " ("]

    func shortened(_ line: String) -> String {
        guard line.count > Self.columns else { return line }
        let short = Self.head(of: line)
        let expected = self.expectations.filter { Self.finds($0, in: line) }
        guard let short, expected.contains(where: { !Self.finds($0, in: short) }) else { return short ?? line }
        // What an expectation finds lies further on: its first clause, `…`, and the clause where
        // the expected text starts, to the end (wrapped if it must be).
        guard let first = Self.firstClauseEnd(of: line),
            let start = expected.compactMap({ Self.range(of: $0, in: line)?.lowerBound }).min(),
            first < start
        else { return line }
        let clauseStart =
            Self.separators.compactMap { separator in
                line.range(of: separator, options: .backwards, range: first..<start).map { $0.upperBound }
            }.max() ?? start
        let joined = String(line[..<first]) + " … " + String(line[clauseStart...])
        return joined.count < line.count && expected.allSatisfy({ Self.finds($0, in: joined) }) ? joined : line
    }

    /// `line` cut after its last separator within `columns`, with `…`; nil when there is none far enough in.
    static func head(of line: String) -> String? {
        let limit = line.index(line.startIndex, offsetBy: Self.columns - 2)
        var cut: String.Index?
        for separator in Self.separators {
            guard let found = line.range(of: separator, options: .backwards, range: line.startIndex..<limit) else {
                continue
            }
            let end = Self.clauseEnd(found, separator: separator, in: line)
            if cut.map({ end > $0 }) ?? true { cut = end }
        }
        guard let cut, line.distance(from: line.startIndex, to: cut) >= 20 else { return nil }
        return String(line[..<cut]) + " …"
    }

    /// Where the first clause ends (at the first separator), if the line has one.
    static func firstClauseEnd(of line: String) -> String.Index? {
        Self.separators.compactMap { separator in
            line.range(of: separator).map { Self.clauseEnd($0, separator: separator, in: line) }
        }.min()
    }

    /// A clause keeps its separator's punctuation (";", ".", ":"), not its spaces or an opening bracket.
    static func clauseEnd(_ found: Range<String.Index>, separator: String, in line: String) -> String.Index {
        separator.first == " " ? found.lowerBound : line.index(after: found.lowerBound)
    }

    /// Where in `text` an expectation finds what it looks for.
    static func range(of expectation: SessionBlock.Expectation, in text: String) -> Range<String.Index>? {
        switch expectation {
        case .contains(let wanted), .fails(let wanted):
            return wanted.isEmpty ? nil : text.range(of: wanted)
        case .matches(let pattern), .count(_, let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { return nil }
            return Range(match.range, in: text)
        case .lacks, .doesNotMatch:
            return nil
        }
    }

    /// Whether `expectation` looks for something it finds in `text`.
    static func finds(_ expectation: SessionBlock.Expectation, in text: String) -> Bool {
        Self.range(of: expectation, in: text) != nil
    }
}
