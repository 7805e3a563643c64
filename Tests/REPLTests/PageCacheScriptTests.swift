import Foundation
import SamsaTesting
import XCTest

/// `topic segments` and `broker evict-cache` on a standalone broker, through the built `samsa`:
/// the segment a produce just wrote is in the page cache, is not after an eviction, and is again
/// once a consume has read it.
final class PageCacheScriptTests: XCTestCase {
    func testResidencyFallsAfterAnEvictionAndReturnsAfterARead() throws {
        let directory = try self.makeClusterDirectory()
        let script = directory.appending("pages.samsa")
        try """
        cluster start --standalone --brokers 1
        topic create pages
        produce pages one two three
        topic segments pages
        broker evict-cache 1
        topic segments pages
        consume pages --from-beginning
        topic segments pages
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--script", script.path, "--directory", directory.path],
            environment: ["NO_COLOR": "1"], currentDirectoryURL: directory.url, timeout: .seconds(120))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        // One row per view: broker 1's only segment, with its residency last.
        let rows = result.stdoutText.split(separator: "\n").filter { $0.contains("00000000000000000000.log") }
        XCTAssertEqual(rows.count, 3, result.summary)
        guard rows.count == 3 else { return }
        XCTAssertTrue(rows[0].hasSuffix("(100 %)"), "just written: \(rows[0])")
        XCTAssertTrue(rows[1].hasSuffix("0 B (0 %)"), "after the eviction: \(rows[1])")
        XCTAssertTrue(rows[2].hasSuffix("(100 %)"), "after the consume: \(rows[2])")
        XCTAssertTrue(result.stdoutText.contains("Evicted broker 1's"), result.summary)
    }
}
