import CourseLanguage
import Foundation
import LabKit
import XCTest

@testable import REPL

/// The sheets (README.es.md, README.md) and lab.json tell the student the same steps, and hints
/// quote what the screen shows.
final class LabSheetTests: XCTestCase {
    func testEverySheetHasItsLabsStepsHintsAndCommandsWordForWord() throws {
        let catalog = try LabFixtures.catalog()
        for lab in catalog.labs {
            let folder = catalog.folder(of: lab)
            for language in Language.allCases {
                let name = language == .es ? "README.es.md" : "README.md"
                // The sheet shows ⟨placeholders⟩ where students' values differ; the catalog's
                // manifest holds the worked example's values, so the sheet is filled the same way.
                let sheet = lab.variant(for: nil).fill(
                    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
                for (index, step) in lab.steps.enumerated() {
                    let texts =
                        [step.text.text(language)] + (step.hint.map { [$0.text(language)] } ?? [])
                        + (step.commands ?? [])
                    for text in texts {
                        XCTAssertTrue(
                            sheet.contains(text), "lab \(lab.number) step \(index + 1), \(name) lacks: \(text)")
                    }
                }
            }
        }
    }

    func testLab1HintNamesTheFieldMetaStatPrints() throws {
        let lab = try LabFixtures.catalog().lab(1)
        let hints = lab.steps.compactMap(\.hint).filter { $0.en.contains("ephemeral znode") }
        XCTAssertEqual(hints.count, 1)
        for hint in hints {
            for language in Language.allCases {
                XCTAssertTrue(hint.text(language).contains(Session.ephemeralOwnerLabel), hint.text(language))
                XCTAssertFalse(hint.text(language).contains("ephemeralOwner"), hint.text(language))
            }
        }
    }
}
