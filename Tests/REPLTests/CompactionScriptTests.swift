import Foundation
import SamsaTesting
import XCTest

/// `topic compact` on a standalone broker, through the built `samsa` and `samsa-broker`: the
/// request reaches the broker (file + SIGUSR1), its cleaner runs at once (the scheduled pass is
/// 15 s away), the segments after the pass lose the superseded records, and a consumer from the
/// beginning reads the last value per key with the original offsets.
final class CompactionScriptTests: XCTestCase {
    func testTopicCompactCleansNowAndShowsBeforeAndAfter() throws {
        let directory = try self.makeClusterDirectory()
        let script = directory.appending("compact.samsa")
        try """
        cluster start --standalone --brokers 1
        topic create prices --config cleanup.policy=compact --config segment.bytes=100
        produce prices a0 --key apple
        produce prices p0 --key pear
        produce prices a1 --key apple
        produce prices f0 --key fig
        topic compact prices
        consume prices --from-beginning
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(
            try Products.executable("samsa"),
            arguments: ["--script", script.path, "--directory", directory.path, "--language", "en"],
            environment: ["NO_COLOR": "1"], currentDirectoryURL: directory.url, timeout: .seconds(120))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let text = result.stdoutText
        guard let before = text.range(of: "Before:"), let after = text.range(of: "After a log cleaner pass:") else {
            return XCTFail(result.summary)
        }
        XCTAssertEqual(
            Self.baseOffsets(in: text[before.upperBound..<after.lowerBound]), ["0", "1", "2", "3"], result.summary)
        // Segments 0 and 1 (apple=a0 gone) became one; 3, the active segment, is untouched.
        XCTAssertEqual(Self.baseOffsets(in: text[after.upperBound...]), ["0", "2", "3"], result.summary)
        XCTAssertTrue(text.contains("Cleaner checkpoint (first dirty offset): broker 1: 3"), result.summary)
        XCTAssertTrue(text.contains("offset 1  key \"pear\"   p0"), result.summary)
        XCTAssertTrue(text.contains("offset 2  key \"apple\"  a1"), result.summary)
        XCTAssertTrue(text.contains("offset 3  key \"fig\"    f0"), result.summary)
        XCTAssertFalse(text.contains("a0\n"), "apple=a0 was superseded: \(result.summary)")
    }

    /// The second column of the table rows (`broker  base offset  records  keys  tombstones  size`).
    private static func baseOffsets(in section: Substring) -> [String] {
        var bases: [String] = []
        for line in section.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 7, fields[0] == "1", Int(fields[1]) != nil else { continue }
            bases.append(String(fields[1]))
        }
        return bases
    }
}
