import CourseLanguage
import Foundation
import LabKit
import XCTest

@testable import REPL

/// Every code block in a sheet says where it runs, and holds only lines that run there: a REPL
/// line typed in a terminal, or a shell line typed in the REPL, only earns an error.
extension LabSheetTests {
    func testEveryCodeBlockSaysWhereItRunsAndHoldsOnlyLinesThatRunThere() throws {
        let catalog = try LabFixtures.catalog()
        var checked = 0
        for lab in catalog.labs {
            for language in Language.allCases {
                let name = language == .es ? "README.es.md" : "README.md"
                let text = try String(contentsOf: catalog.folder(of: lab).appendingPathComponent(name), encoding: .utf8)
                let blocks = SheetCodeBlock.blocks(in: text)
                XCTAssertFalse(blocks.isEmpty, "lab \(lab.number) \(name) has no code blocks")
                checked += blocks.count
                Self.checkTheSheetSaysWhatTheLabelsMean(text, language, "lab \(lab.number) \(name)")
                for block in blocks {
                    Self.check(block, language, "lab \(lab.number) \(name):\(block.line)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, "read the code blocks of all six labs in both languages")
    }

    /// Once, before the first block: what the two labels mean.
    static func checkTheSheetSaysWhatTheLabelsMean(_ text: String, _ language: Language, _ sheet: String) {
        let beforeFirstBlock = text.components(separatedBy: "```").first ?? ""
        for place in SheetCodeBlock.Place.allCases {
            let name = place.label(language).replacingOccurrences(of: ":", with: "")
            XCTAssertTrue(
                beforeFirstBlock.contains(name), "\(sheet) never says what \(name) means before its first block")
        }
    }

    static func check(_ block: SheetCodeBlock, _ language: Language, _ whereabouts: String) {
        XCTAssertFalse(block.isUnclosed, "\(whereabouts): the block is never closed")
        guard let place = block.place else {
            return XCTFail(
                "\(whereabouts): the block has no label: open it with ```samsa (REPL) or ```sh (terminal), not ```\(block.info)"
            )
        }
        XCTAssertEqual(
            block.lineAbove, place.label(language),
            "\(whereabouts): a ```\(place.fence) block needs its label just above it")
        let table = CommandTable()
        let replWords = Set(table.topLevelWords + CommandTable.aliases.keys)
        for line in block.lines {
            switch place {
            case .repl:
                do throws(REPLError) {
                    guard case .command = try table.resolve(try CommandLineSplitter.split(line)) else {
                        XCTFail("\(whereabouts): '\(line)' is not a REPL command")
                        continue
                    }
                } catch {
                    XCTFail("\(whereabouts): '\(line)' is not a REPL command: \(error.text(language))")
                }
            case .terminal:
                let first = line.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                XCTAssertFalse(
                    replWords.contains(first), "\(whereabouts): '\(line)' is a REPL command in a terminal block")
            }
        }
    }
}
