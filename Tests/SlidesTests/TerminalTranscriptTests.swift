import CourseLanguage
import Foundation
import Slides
import XCTest

/// What a terminal block shows of the real output: `cluster start` once, long runs of alike lines
/// folded, lines past 80 columns cut where they can be, never what an expectation looks for.
final class TerminalTranscriptTests: XCTestCase {
    func testTerminalBlocksShowTheLinesThatMatterInEightyColumns() throws {
        let text = """
            # Deck

            ---

            ## Try it

            ```samsa
            cluster start
            produce pagos a b c d e
            produce pagos --acks all seguro
            # expect: acks=all: ISR 1,2,3 had it
            produce pagos --acks all hola
            # expect-error: NOT_ENOUGH_REPLICAS
            ```
            """
        let deck = try DeckSource.parse(text, file: "t.md")
        let started = """
              ✓ metadata server  127.0.0.1:2181  pid 1
              ✓ broker 1         127.0.0.1:9092  pid 2
              ✓ broker 2         127.0.0.1:9093  pid 3
              broker 2 is the controller; every broker has registered in /brokers/ids
            cluster "lab" ready in 0.3 s · data and logs in .samsa/lab/
            """
        let produced = (0..<5).map {
            "→ pagos-0 offset \($0)  partition chosen by --partition → partition 0 · leader broker 1 · acks=all: ISR 1,2,3 had it"
        }.joined(separator: "\n")
        let safe =
            "→ pagos-0 offset 5  partition chosen by --partition → partition 0 · leader broker 1 · acks=all: ISR 1,2,3 had it"
        let refused =
            "not acknowledged: record 1 of 1 (acks=all); 0 acknowledged before it. producing to partition 0 of pagos "
            + "(pagos-0 has 1 in-sync replica(s) [1] but min.insync.replicas=2: acks=all cannot be met.): NOT_ENOUGH_REPLICAS: "
            + "Messages are rejected since there are fewer in-sync replicas than required."
        let outputs: [[[SessionOutput]]] = [
            [],
            [
                [],
                [
                    SessionOutput(commands: ["cluster start"], output: started, failed: false),
                    SessionOutput(commands: ["produce pagos a b c d e"], output: produced, failed: false),
                    SessionOutput(commands: ["produce pagos --acks all seguro"], output: safe, failed: false),
                    SessionOutput(commands: ["produce pagos --acks all hola"], output: refused, failed: true),
                ],
            ],
        ]
        for (language, more) in [(Language.en, "⋮ 2 more"), (.es, "⋮ 2 más")] {
            let html = try DeckRenderer(language: language, baseDirectory: URL(fileURLWithPath: "/tmp"), file: "t.md")
                .render(deck, outputs: outputs)
            let pre = try XCTUnwrap(
                html.range(of: "<pre class=\"session\">").flatMap { start in
                    html.range(of: "</pre>", range: start.upperBound..<html.endIndex).map {
                        String(html[start.upperBound..<$0.lowerBound])
                    }
                })
            let shown = pre.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            let lines = shown.components(separatedBy: "\n")
            XCTAssertEqual(lines.filter { $0.contains("cluster start") }.count, 1, shown)
            XCTAssertTrue(shown.contains("cluster \"lab\" ready in 0.3 s"), shown)
            XCTAssertFalse(
                shown.contains("metadata server") || shown.contains("pid 2"), "the processes are left out: \(shown)")
            XCTAssertTrue(shown.contains(more), shown)
            XCTAssertTrue(
                shown.contains("→ pagos-0 offset 0") && shown.contains("→ pagos-0 offset 1")
                    && shown.contains("→ pagos-0 offset 4"), shown)
            XCTAssertFalse(shown.contains("offset 2") || shown.contains("offset 3"), shown)
            // Cut after " · " where nothing is expected; where the slide expects what comes later,
            // the first clause, "…", and the clause with the expected text.
            XCTAssertTrue(
                shown.contains("→ pagos-0 offset 0  partition chosen by --partition → partition 0 …\n"), shown)
            let keptSafe =
                "→ pagos-0 offset 5  partition chosen by --partition → partition 0 … acks=all: ISR 1,2,3 had it"
            let keptRefusal =
                "not acknowledged: … NOT_ENOUGH_REPLICAS: Messages are rejected since there are fewer in-sync replicas than required."
            XCTAssertTrue(lines.contains(keptSafe), "the expected text stays: \(shown)")
            XCTAssertTrue(lines.contains(keptRefusal), "the expected error stays: \(shown)")
            for line in lines where line != keptSafe && line != keptRefusal {
                XCTAssertLessThanOrEqual(line.count, 80, line)
            }
        }
    }
}
