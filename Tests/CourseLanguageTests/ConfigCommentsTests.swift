import CourseLanguage
import Foundation
import XCTest

/// The servers' properties files (config/ and a lab's config/) are one file each, read by the
/// student in either language: Kafka's keys and values once, every comment in Spanish (`#es`) and
/// in English (`#en`). One file keeps one copy of the keys and values, and the paths the sheets,
/// the lab steps, the REPL and the graders name stay the same in both languages.
final class ConfigCommentsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func propertiesFiles() throws -> [URL] {
        let manager = FileManager.default
        var folders = [root.appendingPathComponent("config")]
        let labs = root.appendingPathComponent("labs")
        for lab in try manager.contentsOfDirectory(atPath: labs.path).sorted() {
            let config = labs.appendingPathComponent(lab).appendingPathComponent("config")
            if manager.fileExists(atPath: config.path) { folders.append(config) }
        }
        return try folders.flatMap { folder in
            try manager.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".properties") }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
    }

    func testEveryCommentIsInSpanishAndEnglish() throws {
        let files = try Self.propertiesFiles()
        XCTAssertGreaterThanOrEqual(files.count, 9, "config/ and labs/01-first-cluster/config/")
        for file in files {
            let name = file.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var block: [(number: Int, text: String)] = []
            var spanishLines = 0
            func closeBlock() {
                defer { block = [] }
                guard let first = block.first?.number else { return }
                let spanish = block.filter { $0.text.hasPrefix("#es ") }.map { String($0.text.dropFirst(4)) }
                let english = block.filter { $0.text.hasPrefix("#en ") }.map { String($0.text.dropFirst(4)) }
                spanishLines += spanish.count
                XCTAssertEqual(spanish.isEmpty, english.isEmpty, "\(name):\(first): a comment in one language only")
                if !spanish.isEmpty {
                    XCTAssertNotEqual(spanish, english, "\(name):\(first): the Spanish is a copy of the English")
                }
            }
            for (index, line) in lines.enumerated() {
                let number = index + 1
                if line.hasPrefix("#es ") || line.hasPrefix("#en ") || line.hasPrefix("#   ") {
                    // `#   command`: a command line shared by both languages.
                    block.append((number, line))
                    continue
                }
                closeBlock()
                if line.isEmpty || line == "#" { continue }
                if line.hasPrefix("#") || line.hasPrefix("!") {
                    XCTFail("\(name):\(number): a comment neither #es, #en nor a `#   command`: \(line)")
                    continue
                }
                XCTAssertTrue(line.contains("="), "\(name):\(number): not key=value: \(line)")
            }
            closeBlock()
            XCTAssertGreaterThan(spanishLines, 0, "\(name): no Spanish comment")
        }
    }

    /// The Spanish comments use the course's terms ("topic", never "tema"; "followers", never "seguidores").
    func testSpanishCommentsUseTheGlossarysTerms() throws {
        for file in try Self.propertiesFiles() {
            let name = file.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            for line in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            where line.hasPrefix("#es ") {
                let words = Set(line.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                for entry in Glossary.entries {
                    for avoided in entry.avoid
                    where words.contains(avoided.lowercased())
                        || (avoided.contains(" ") && line.lowercased().contains(avoided.lowercased()))
                    {
                        XCTFail("\(name): '\(avoided)' where the course says '\(entry.name.es)': \(line)")
                    }
                }
            }
        }
    }
}
