import CourseLanguage
import Foundation
import XCTest

/// No English-only Samsa line reachable from a Spanish session, checked in the sources: every
/// string literal a Kafka tool prints (`outLine`, `errLine`, `console.out`/`err`, or throws as
/// `ToolError.failed`/`.usage`) is either inside `language.pick(es:en:)` / `LocalizedText(es:en:)`
/// or one of Kafka's own output formats, which stay as Kafka prints them (English).
final class SourceLanguageCoverageTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where the tools print or throw text for the user.
    static let printingCalls = ["outLine(", "errLine(", "console.out(", "console.err(", ".failed(", ".usage("]
    static let localizers = ["pick(", "LocalizedText("]

    /// How Kafka's own messages begin (its tools' output, joptsimple's and argparse4j's errors,
    /// Java exception names, ZooKeeper's shell). A literal that begins so and names Samsa, or
    /// carries a Samsa-style hint ("problem; fix"), is still Samsa's and must be localized.
    static let kafkaFormats = [
        "Error while executing topic command : ", "Error while executing config command", "ERROR ", "WARN: ", "Error: ",
        "Warning: Consumer group", "Consumer group '", "These consumer groups", "Deletion of requested consumer groups",
        "Request succeed for deleting offsets", "New offset (", "Created topic ", "Completed updating config for ",
        "{} configs for ", "Processed a total of ", "Command must include exactly one action", "Missing required ",
        "Option ", "Options ", "One of the reset scopes", "At least one ", "Invalid entity type ",
        "The entity name for brokers", "an entity name must be specified", "Exactly one of include/topic",
        "The topic is required", "The partition is required", "The provided offset value", "Malformed time argument",
        "One and only one of the following options", "Successfully completed leader election",
        "Valid replica already elected", "Error completing leader election", "Error occurred: ",
        "Invalid value ", "argument --", "one of the arguments", "usage: ", "USAGE: ", "File does not exist",
        "Reading payloads from: ", "Number of messages read: ", "Dumping ", "Ignoring unknown file ",
        "Log starting offset: ", "Found {} invalid bytes", "offset: ", "timestamp: ", "Connecting to ",
        "Welcome to ZooKeeper!", "\nWATCHER::", "Created ", "No kafka server to stop", "No zookeeper server to stop",
        "joptsimple.", "org.apache.kafka.", "java.", "kafka.", "--topic-partitions cannot be used",
        "Unknown election type ", "GROUP", "TOPIC", "\nTOPIC", "\nConsumer group", "\nWarning: Consumer group",
        "\nThese consumer groups", "\n{}", "WARNING: Exiting before consuming",
        "WARNING: Due to limitations in metric names",
        "baseOffset: ", "baseSequence: ", "producerId: ", "partitionLeaderEpoch: ", "isControl: ", "OptionalLong.empty",
        " position: ", "magic: ", "Topic: ", "\tTopic: ", "ReplicationFactor: ", "{} records sent, ",
        "{} ms avg latency",
        "{} ms 50th", "  {}={} sensitive=", "  export PATH=", "Unable to connect to ",
    ]

    func testEveryLineAKafkaToolPrintsIsLocalizedOrKafkas() throws {
        let folder = Self.root.appendingPathComponent("Sources/KafkaCLI")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted()
        XCTAssertGreaterThan(files.count, 20)
        var checked = 0
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for use in SwiftSourceStrings(source).uses(inCallsTo: Self.printingCalls, outside: Self.localizers) {
                guard Self.hasWords(use.text) else { continue }
                checked += 1
                if !Self.isKafkas(use.text) {
                    XCTFail(
                        "Sources/KafkaCLI/\(file):\(use.line): English-only line; wrap it in language.pick(es:en:): \(use.text)"
                    )
                }
            }
        }
        XCTAssertGreaterThan(checked, 50, "the scan finds the tools' lines")
    }

    /// The REPL prints with `console.print` and fails with a `REPLError`; each literal there is
    /// chosen by the language (`pick`, `LocalizedText`, `es ? … : …`) or has no words to translate.
    func testEveryLineTheREPLPrintsIsLocalized() throws {
        let folder = Self.root.appendingPathComponent("Sources/REPL")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted()
        let calls = ["console.print(", ".usage(", ".client(", ".file(", ".syntax(", "throw .cluster("]
        var checked = 0
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for use in SwiftSourceStrings(source).uses(inCallsTo: calls, outside: Self.localizers) {
                checked += 1
                guard Self.hasWords(use.text), !Self.replFormats.contains(where: { use.text.hasPrefix($0) }) else {
                    continue
                }
                XCTFail(
                    "Sources/REPL/\(file):\(use.line): English-only line; wrap it in language.pick(es:en:): \(use.text)"
                )
            }
        }
        XCTAssertGreaterThan(checked, 40, "the scan finds the REPL's lines")
    }

    /// REPL literals that read the same in both languages: command lines and usage strings.
    static let replFormats = ["lab start ", "ui [--lang", "lab id set", "watch COMMAND", "language es|en"]

    /// Every Spanish/English pair in KafkaCLI has two non-empty, different texts.
    func testEveryPickInTheToolsHasTwoLanguages() throws {
        let folder = Self.root.appendingPathComponent("Sources/KafkaCLI")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted()
        var pairs = 0
        for file in files {
            let scan = SwiftSourceStrings(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            let code = Array(scan.code)
            var index = 0
            // `es: "…", en: "…"` with literals only (a literal followed by `+` continues on the next one).
            while let start = Self.find(Array("es: \u{1}"), in: code, from: index) {
                index = start + 4
                guard let es = Self.literalRun(in: code, at: index, scan),
                    let enStart = Self.find(Array("en: \u{1}"), in: code, from: es.end), enStart - es.end < 40,
                    let en = Self.literalRun(in: code, at: enStart + 4, scan)
                else { continue }
                pairs += 1
                let line = code[..<start].filter { $0 == "\n" }.count + 1
                XCTAssertFalse(es.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(file):\(line): empty Spanish")
                XCTAssertFalse(en.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(file):\(line): empty English")
                XCTAssertNotEqual(es.text, en.text, "\(file):\(line): the Spanish is a copy of the English")
            }
        }
        XCTAssertGreaterThan(pairs, 10)
    }

    /// Two words or more, not all capitals: `"\n"`, `"{}"`, `"null"` or a column header such as
    /// `"COORDINATOR (ID)"` say nothing in English.
    static func hasWords(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 2 }
        return words.count >= 2 && words.contains { $0.contains(where: \.isLowercase) }
    }

    static func isKafkas(_ text: String) -> Bool {
        guard !text.contains("Samsa"), !text.contains("samsa"), !text.contains("; "), !text.contains("e.g.") else {
            return false
        }
        return self.kafkaFormats.contains { text.hasPrefix($0) }
    }

    private static func find(_ needle: [Character], in code: [Character], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= code.count {
            if Array(code[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// The literal placeholder at `index`, and any joined to it with `+`: their text and where they end.
    private static func literalRun(in code: [Character], at index: Int, _ scan: SwiftSourceStrings) -> (
        text: String, end: Int
    )? {
        var text = ""
        var position = index
        while position < code.count, code[position] == "\u{1}", let close = code[position...].firstIndex(of: "\u{2}"),
            let number = Int(String(code[(position + 1)..<close]))
        {
            text += scan.literals[number]
            position = close + 1
            let rest = code[position...].prefix { $0 == " " || $0 == "\n" || $0 == "+" }
            guard rest.contains("+") else { break }
            position += rest.count
        }
        return text.isEmpty && position == index ? nil : (text, position)
    }
}
