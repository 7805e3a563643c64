import CourseLanguage
import Foundation
import Slides
import XCTest

/// The deck syntax: slides, notes, samsa blocks and their expectations.
final class DeckSourceTests: XCTestCase {
    func testSlidesNotesAndSessionsAreSplitWhereTheSourceSays() throws {
        let text = """
            # Título

            Subtítulo

            Notas:
            Saluda.

            ---

            ## Dos

            ```text
            ---
            Note:
            ```

            ```samsa
            topic create pagos --partitions 3
            # expect: Created
            # a comment the slide does not show
            produce nadie hola
            # expect-error: does not exist
            ```

            Note:
            Explica **pagos**.
            """
        let deck = try DeckSource.parse(text, file: "t.md")
        XCTAssertEqual(deck.title, "Título")
        XCTAssertEqual(deck.slides.count, 2)
        XCTAssertEqual(deck.slides[0].notes, "Saluda.")
        XCTAssertEqual(deck.slides[1].notes, "Explica **pagos**.")
        XCTAssertEqual(deck.slides[1].line, 9)
        guard deck.slides[1].parts.count == 2, case .markdown(let markdown) = deck.slides[1].parts[0],
            case .session(let block) = deck.slides[1].parts[1]
        else { return XCTFail("expected Markdown then a session: \(deck.slides[1].parts)") }
        XCTAssertTrue(markdown.contains("---\nNote:"), "a separator inside a code block is text")
        XCTAssertEqual(block.commands.map(\.text), ["topic create pagos --partitions 3", "produce nadie hola"])
        XCTAssertEqual(block.commands[0].expectations, [.contains("Created")])
        XCTAssertEqual(block.commands[1].expectations, [.fails("does not exist")])
        XCTAssertEqual(block.commands[1].line, 21)
        XCTAssertFalse(block.together)
    }

    func testMistakesInTheSourceNameTheLineAndTheFix() {
        XCTAssertThrowsError(try DeckSource.parse("no heading here", file: "a.md")) { error in
            XCTAssertTrue("\(error)".contains("# Title"), "\(error)")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa\n# expect: x\n```", file: "b.md")) { error in
            XCTAssertEqual("\(error)".prefix(6), "b.md:4")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa\ntopic list\n# expects: x\n```", file: "c.md")) {
            error in
            XCTAssertTrue("\(error)".contains("unknown expectation"), "\(error)")
        }
        XCTAssertThrowsError(
            try DeckSource.parse("# T\n\n```samsa\ntopic list\n# expect-count: five x\n```", file: "f.md")
        ) { error in
            XCTAssertTrue("\(error)".contains("takes a count and a regular expression"), "\(error)")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa\ntopic list\n# expect-no-re: (\n```", file: "g.md"))
        { error in
            XCTAssertTrue("\(error)".contains("not a valid regular expression"), "\(error)")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa quickly\ntopic list\n```", file: "d.md")) { error in
            XCTAssertTrue("\(error)".contains("`together`, `hidden` and `terminal`"), "\(error)")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa terminal\nls -l\n```", file: "h.md")) { error in
            XCTAssertTrue("\(error)".contains("runs `samsa TOOL ARGUMENTS` lines only"), "\(error)")
        }
        XCTAssertThrowsError(try DeckSource.parse("# T\n\n```samsa\ntopic list\n", file: "e.md")) { error in
            XCTAssertTrue("\(error)".contains("never closed"), "\(error)")
        }
    }

    func testRenderedPageInlinesLocalizedDiagramsAndEscapesOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slides-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"<svg xmlns="http://www.w3.org/2000/svg"><text>{es=productor|en=producer}</text></svg>"#
            .write(to: folder.appendingPathComponent("d.svg"), atomically: true, encoding: .utf8)
        let deck = try DeckSource.parse("# T\n\n![x](d.svg)\n\n```samsa\ntopic list\n```", file: "t.md")
        let output = SessionOutput(commands: ["topic list"], output: "<none>", failed: false)
        let html = try DeckRenderer(language: .en, baseDirectory: folder, file: "t.md")
            .render(deck, outputs: [[[], [output]]])
        let encoded = Data(#"<svg xmlns="http://www.w3.org/2000/svg"><text>producer</text></svg>"#.utf8)
            .base64EncodedString()
        XCTAssertTrue(html.contains("data:image/svg+xml;base64,\(encoded)"), "the English label, inlined")
        XCTAssertTrue(html.contains("&lt;none&gt;"), "samsa's output is escaped")
        XCTAssertFalse(html.contains("src=\"d.svg\""))

        let missing = try DeckSource.parse("# T\n\n![x](nope.svg)", file: "m.md")
        XCTAssertThrowsError(
            try DeckRenderer(language: .es, baseDirectory: folder, file: "m.md").render(missing, outputs: [])
        ) { error in
            XCTAssertTrue("\(error)".contains("nope.svg not found"), "\(error)")
        }
    }

    func testSlidesCommandRejectsWhatItCannotDo() async {
        let unknownVerb = await SlidesCommand.run(arguments: ["show"])
        XCTAssertEqual(unknownVerb, 2)
        let badLanguage = await SlidesCommand.run(arguments: ["build", "--lang", "fr"])
        XCTAssertEqual(badLanguage, 2)
        let noVerb = await SlidesCommand.run(arguments: [])
        XCTAssertEqual(noVerb, 2)
        let unknownOption = await SlidesCommand.run(arguments: ["build", "--colour"])
        XCTAssertEqual(unknownOption, 2)
        let help = await SlidesCommand.run(arguments: ["build", "--help"])
        XCTAssertEqual(help, 0)
    }
}
