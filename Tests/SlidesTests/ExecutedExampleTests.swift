import CourseLanguage
import Foundation
import SamsaTesting
import Slides
import XCTest

/// Examples are run, not typed: a deck's samsa blocks run on a real cluster, and the build stops
/// when a command fails unexpectedly or its output no longer shows what the slide expects.
final class ExecutedExampleTests: XCTestCase {
    func testOutputIsEmbeddedAndEveryKindOfExpectationIsEnforced() throws {
        let samsa = try Products.executable("samsa")
        let source = try TemporaryDirectory(prefix: "slides-src")
        let output = try TemporaryDirectory(prefix: "slides-out")
        defer {
            source.remove()
            output.remove()
        }
        let folder = try source.makeSubdirectory("en")
        let builder = DeckBuilder(sourceRoot: source.url, outputRoot: output.url, samsa: samsa)

        // Passing deck: a hidden setup block, an expected failure, a `together` block.
        let good = folder.appendingPathComponent("00-good.md")
        try """
        # Good

        ```samsa hidden
        cluster start --brokers 1
        # expect: ready in
        topic create hidden-topic --partitions 1 --replication-factor 1
        ```

        ---

        ## Shown

        ```samsa
        produce nowhere hello
        # expect-error: nowhere
        topic list
        # expect-re: ^hidden-topic$
        ```

        ```samsa together
        produce hidden-topic one two
        consume hidden-topic --from-beginning
        # expect: Read 2 records
        # expect-count: 2 ^hidden-topic-0  offset \\d
        # expect-not: three
        # expect-no-re: ^hidden-topic-1
        ```

        ```samsa terminal
        samsa kafka-topics --version
        # expect-re: ^\\d+\\.\\d+\\.\\d+
        ```

        ```samsa together
        topic list
        produce nowhere hello
        # expect: hidden-topic
        # expect-error: nowhere
        ```
        """.write(to: good, atomically: true, encoding: .utf8)
        let page = try builder.build(good, language: .en)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(html.contains("cluster start"), "a hidden block is not shown")
        XCTAssertTrue(html.contains("<span class=\"error\">"), "the expected error is shown as one")
        XCTAssertTrue(html.contains("hidden-topic-0  offset 1  no key  two"), "real output is embedded")
        XCTAssertFalse(html.contains("data-draft"))
        XCTAssertTrue(
            html.contains("<span class=\"prompt\">$</span> <b>samsa kafka-topics --version</b>"),
            "a terminal line shows a shell prompt")

        // An expectation the output no longer meets stops the build, naming the file and line.
        let stale = folder.appendingPathComponent("01-stale.md")
        try "# Stale\n\n```samsa\ncluster start --brokers 1\ntopic list\n# expect: a-topic-nobody-made\n```\n"
            .write(to: stale, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try builder.build(stale, language: .en)) { error in
            XCTAssertTrue(
                "\(error)".hasPrefix(
                    "en/01-stale.md:5: `topic list`: the output no longer contains `a-topic-nobody-made`"), "\(error)")
        }

        // A claim the output contradicts stops the build: a count, a line the slide says is gone.
        let counted = folder.appendingPathComponent("03-counted.md")
        try
            "# Counted\n\n```samsa\ncluster start --brokers 1\ntopic create t1 --partitions 2 --replication-factor 1\n# expect-count: 1 ^Created topic\n# expect-no-re: leaders? on brokers? 1\n```\n"
            .write(to: counted, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try builder.build(counted, language: .en)) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "03-counted.md:5: `topic create t1 --partitions 2 --replication-factor 1`: the output matches /leaders? on brokers? 1/"
                ), "\(error)")
        }
        let miscounted = folder.appendingPathComponent("04-miscounted.md")
        try
            "# Miscounted\n\n```samsa\ncluster start --brokers 1\ntopic create t2 --partitions 1 --replication-factor 1\n# expect-count: 2 ^Created topic\n```\n"
            .write(to: miscounted, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try builder.build(miscounted, language: .en)) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "the output has 1 match(es) of /^Created topic/; the slide says 2 (# expect-count)"), "\(error)")
        }

        // A command that fails without `# expect-error` stops the build too.
        let failing = folder.appendingPathComponent("02-failing.md")
        try "# Failing\n\n```samsa\ncluster start --brokers 1\nproduce nowhere hello\n```\n"
            .write(to: failing, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try builder.build(failing, language: .en)) { error in
            XCTAssertTrue(
                "\(error)".contains("02-failing.md:5: `produce nowhere hello`: samsa exited with status 1"), "\(error)")
        }
    }
}
