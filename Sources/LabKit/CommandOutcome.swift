import Foundation

/// What happened when a command ran, the fourth field of a `commands.log` line: `ok`, `ok` plus
/// space-separated `key=value` facts a check needs (`ok led=payments-0`, `ok broker.id=2`,
/// `ok reset=dry-run`), or `failed: <one line>`. Written after the command ended, so a check can
/// count only what worked and tell what it meant (which broker led what when it was killed).
public enum CommandOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The command succeeded; `facts` in the order they were written.
    case succeeded(facts: [Fact])
    /// The command failed; `reason` is the first line of its error.
    case failed(reason: String)
    /// A line written before outcomes were logged (three fields): nobody knows whether it worked,
    /// so checks do not count it as a success.
    case unknown

    public struct Fact: Sendable, Equatable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public static let ok = CommandOutcome.succeeded(facts: [])

    /// A failure from an error's text: its first non-empty line, tabs made spaces.
    public static func failure(_ message: String) -> CommandOutcome {
        let first = message.split(whereSeparator: \.isNewline).first {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        let line = first.map(String.init) ?? "error"
        return .failed(reason: line.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces))
    }

    /// Reads the fourth field; nil when it is neither `ok…` nor `failed: …`.
    public init?(parsing field: String) {
        let text = field.trimmingCharacters(in: .whitespaces)
        if text == "ok" {
            self = .ok
        } else if text.hasPrefix("ok ") {
            let facts = text.dropFirst(3).split(separator: " ").compactMap { word -> Fact? in
                guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return nil }
                return Fact(String(word[..<equals]), String(word[word.index(after: equals)...]))
            }
            self = .succeeded(facts: facts)
        } else if text.hasPrefix("failed:") {
            self = .failed(reason: text.dropFirst("failed:".count).trimmingCharacters(in: .whitespaces))
        } else if text == "failed" {
            self = .failed(reason: "")
        } else {
            return nil
        }
    }

    /// The field as written: never a tab or a newline, so a line keeps its four fields.
    public var description: String {
        switch self {
        case .succeeded(let facts):
            let words = facts.map { "\(Self.clean($0.key))=\(Self.clean($0.value))" }
            return (["ok"] + words).joined(separator: " ")
        case .failed(let reason):
            let line = reason.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            return line.isEmpty ? "failed" : "failed: \(line)"
        case .unknown:
            return ""
        }
    }

    public var isSuccess: Bool {
        if case .succeeded = self { return true }
        return false
    }

    /// The values of fact `key`, in order (a key may appear more than once).
    public func values(of key: String) -> [String] {
        guard case .succeeded(let facts) = self else { return [] }
        return facts.filter { $0.key == key }.map(\.value)
    }

    /// Facts are single words: whitespace inside a key or value becomes `_`.
    static func clean(_ word: String) -> String {
        String(word.map { $0.isWhitespace ? "_" : $0 })
    }
}
