import CourseLanguage
import Foundation
import XCTest

/// The glossary `explain` prints, and the sheets and slides against it: both languages for every
/// entry, every term a sheet, hint or slide sends to `explain` present, one Spanish word per concept.
final class GlossaryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testEveryEntryExistsInBothLanguages() {
        XCTAssertGreaterThanOrEqual(Glossary.entries.count, 28)
        for entry in Glossary.entries {
            for language in Language.allCases {
                let text = entry.text.text(language)
                XCTAssertFalse(text.isEmpty, "\(entry.term) \(language)")
                XCTAssertFalse(entry.name.text(language).isEmpty, "\(entry.term) \(language)")
                XCTAssertTrue(
                    text.contains(language == .es ? "Ver: " : "See: "), "\(entry.term) \(language): related terms")
                XCTAssertLessThanOrEqual(
                    text.split(separator: "\n").count, 6, "\(entry.term) \(language): at most 6 lines")
                XCTAssertTrue(
                    text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(entry.term) \(language): 100 columns"
                )
            }
            XCTAssertNotEqual(entry.text.es, entry.text.en, "\(entry.term): the Spanish is a copy of the English")
        }
        let spanish = Glossary.entries.filter { !$0.text.es.isEmpty }.count
        let english = Glossary.entries.filter { !$0.text.en.isEmpty }.count
        XCTAssertEqual(spanish, english, "es and en entries differ in number")
    }

    func testTermsAndAliasesNameOneEntryEach() {
        let names = Glossary.entries.flatMap { [$0.term] + $0.aliases.map(Glossary.normalise) }
        XCTAssertEqual(names.count, Set(names).count, "a term or alias names two entries")
        for entry in Glossary.entries {
            XCTAssertEqual(Glossary.entry(for: entry.name.es)?.term, entry.term, "`explain \(entry.name.es)`")
            XCTAssertEqual(Glossary.entry(for: entry.name.en)?.term, entry.term, "`explain \(entry.name.en)`")
        }
    }

    /// "See: isr, acks" and "Ver: isr, acks" name entries that exist.
    func testRelatedTermsExist() {
        for entry in Glossary.entries {
            for language in Language.allCases {
                let text = entry.text.text(language).replacingOccurrences(of: "\n", with: " ")
                let marker = language == .es ? "Ver: " : "See: "
                guard let range = text.range(of: marker, options: .backwards) else { continue }
                let related = text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                for term in related.split(separator: ",") {
                    let name = term.trimmingCharacters(in: .whitespaces)
                    XCTAssertNotNil(Glossary.entry(for: name), "\(entry.term) \(language) points to '\(name)'")
                }
            }
        }
    }

    /// Every `explain TERM` a sheet, a step or hint in lab.json, or a slide shows has an entry.
    func testEveryTermTheSheetsAndSlidesExplainExists() throws {
        let files =
            try self.files(under: "labs", named: { $0.hasPrefix("README") && $0.hasSuffix(".md") || $0 == "lab.json" })
            + self.files(under: "slides/src", named: { $0.hasSuffix(".md") })
        XCTAssertGreaterThan(files.count, 20, "found the sheets and slides")
        let pattern = try NSRegularExpression(
            pattern: #"(?:`|^)explain ([A-Za-z0-9._ -]+?)(?:`|$)"#, options: [.anchorsMatchLines])
        var seen = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                seen += 1
                let term = String(text[range]).trimmingCharacters(in: .whitespaces)
                XCTAssertNotNil(
                    Glossary.entry(for: term), "\(file.lastPathComponent): `explain \(term)` has no glossary entry")
            }
        }
        XCTAssertGreaterThan(seen, 3, "the sheets and slides send students to `explain`")
    }

    /// One Spanish term per concept: the Spanish sheets, lab.json's Spanish, the Spanish slides and
    /// the glossary's own Spanish never use a word the glossary sets aside (`avoid`).
    func testSpanishUsesOneTermPerConcept() throws {
        var texts: [(String, String)] = []
        for file in try self.files(under: "labs", named: { $0 == "README.es.md" })
            + self.files(under: "slides/src/es", named: { $0.hasSuffix(".md") })
        {
            texts.append((file.path, try String(contentsOf: file, encoding: .utf8)))
        }
        for file in try self.files(under: "labs", named: { $0 == "lab.json" }) {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            texts.append((file.path, Self.spanishStrings(in: json).joined(separator: "\n")))
        }
        texts += Glossary.entries.map { ("glossary \($0.term)", $0.text.es) }
        XCTAssertGreaterThan(texts.count, 14)
        for entry in Glossary.entries {
            for word in entry.avoid {
                let pattern = try NSRegularExpression(
                    pattern: "\\b\(NSRegularExpression.escapedPattern(for: word))\\b", options: [.caseInsensitive])
                for (name, text) in texts
                where pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    XCTFail("\(name) says '\(word)'; the course says '\(entry.name.es)'")
                }
            }
        }
    }

    static func spanishStrings(in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.flatMap { key, value in
                key == "es" ? [value as? String].compactMap { $0 } : self.spanishStrings(in: value)
            }
        }
        if let array = json as? [Any] { return array.flatMap(self.spanishStrings(in:)) }
        return []
    }

    private func files(under folder: String, named accept: (String) -> Bool) throws -> [URL] {
        let base = Self.root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            accept($0.lastPathComponent) && !$0.path.contains("/solution/")
        }
        .sorted { $0.path < $1.path }
    }
}
