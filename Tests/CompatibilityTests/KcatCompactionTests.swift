import Foundation
import SamsaTesting
import XCTest

/// kcat (librdkafka) reading a topic the broker's log cleaner compacted: the batches it fetches
/// skip the offsets of removed records, as Kafka's do after `LogCleaner` rewrote them.
final class KcatCompactionTests: XCTestCase {
    func testKcatReadsTheLatestValuePerKeyWithOriginalOffsets() throws {
        let kcat = try ExternalTool.requireKcat()
        let broker = try self.startCompatibilityBroker(overrides: [
            "log.cleanup.policy": "compact", "log.segment.bytes": "100", "log.cleaner.backoff.ms": "100",
        ])
        // Three producer runs, three batches, three segments (each batch is over 100 bytes or alone).
        for lines in ["apple:a0\npear:p0\n", "apple:a1\npear:p1\n", "fig:f\n"] {
            try self.run(
                kcat, ["-P", "-b", broker.bootstrap, "-t", "prices", "-K:", "-X", "message.timeout.ms=30000"],
                input: lines)
        }
        let expected = ["apple|a1|2", "pear|p1|3", "fig|f|4"]
        var seen: [String] = []
        for _ in 0..<50 {  // the cleaner runs every 100 ms; up to about 10 s with kcat's own time
            let read = try self.run(
                kcat, ["-C", "-b", broker.bootstrap, "-t", "prices", "-o", "beginning", "-e", "-f", "%k|%s|%o\\n"])
            seen = read.stdoutText.split(separator: "\n").map(String.init)
            if seen == expected { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertEqual(seen, expected)
    }

    @discardableResult
    private func run(
        _ kcat: URL, _ arguments: [String], input: String? = nil, file: StaticString = #filePath, line: UInt = #line
    )
        throws -> CommandResult
    {
        let result = try ExternalTool.run(
            kcat, arguments: arguments, input: input.map { Data($0.utf8) }, timeout: .seconds(60))
        XCTAssertTrue(result.succeeded, result.summary, file: file, line: line)
        return result
    }
}
