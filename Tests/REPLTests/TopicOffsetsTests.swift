import CourseLanguage
import Foundation
import SamsaTesting
import XCTest

@testable import REPL

/// `topic offsets NAME`: earliest, high watermark and the leader's log end offset per partition,
/// and the records between the last two called out as not yet readable.
final class TopicOffsetsTests: XCTestCase {
    func testALeaderAheadOfTheHighWatermarkIsCalledOut() {
        let rows = [
            Session.PartitionOffsets(partition: 0, leader: 2, earliest: 0, highWatermark: 10, logEndOffset: 10),
            Session.PartitionOffsets(partition: 1, leader: 3, earliest: 4, highWatermark: 7, logEndOffset: 12),
        ]
        let lines = Session.topicOffsetsLines("orders", rows, width: 100, language: .en)
        XCTAssertEqual(lines.count, 5, lines.joined(separator: "\n"))
        XCTAssertEqual(
            lines.first?.split(separator: " ", omittingEmptySubsequences: true),
            ["partition", "leader", "earliest", "high", "watermark", "log", "end", "offset", "(leader)"])
        XCTAssertEqual(lines[2].split(separator: " "), ["orders-1", "3", "4", "7", "12"])
        XCTAssertEqual(
            lines[4], "orders-1: the leader holds 5 records not yet copied by the whole ISR; no one can read them yet.")
        XCTAssertFalse(lines.contains { $0.hasPrefix("orders-0:") }, "partition 0 is caught up")
        let spanish = Session.topicOffsetsLines("orders", rows, width: 100, language: .es)
        XCTAssertEqual(
            spanish.last,
            "orders-1: el líder tiene 5 mensajes que no todo el ISR ha copiado aún; nadie puede leerlos todavía.")
    }

    /// On a real broker: three records in partition 0 give earliest 0, high watermark 3 and log
    /// end offset 3 (one replica, so nothing waits for a follower).
    func testAStandaloneBrokersOffsets() throws {
        let directory = try self.makeClusterDirectory()
        let script = directory.appending("offsets.samsa")
        try """
        cluster start --standalone --brokers 1
        topic create clicks --partitions 2
        produce clicks one two three --partition 0
        topic offsets clicks
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--script", script.path, "--directory", directory.path],
            environment: ["NO_COLOR": "1", "SAMSA_LANGUAGE": "en"], currentDirectoryURL: directory.url,
            timeout: .seconds(120))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let rows = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("clicks-") }
            .map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows, [["clicks-0", "1", "0", "3", "3"], ["clicks-1", "1", "0", "0", "0"]], result.summary)
    }
}
