import Foundation
import SamsaTesting
import XCTest

/// The acks lesson as a student (or Lab 3's sheet) types it: the built `samsa` reading a script
/// on stdin, against a real 3-broker cluster in a temporary folder. Same cut, two topics: acks=1
/// loses exactly the acknowledged writes after the cut; acks=all acknowledges none of them.
final class FaultScriptTests: XCTestCase {
    func testTheAcksLessonAsAScript() throws {
        let directory = try self.makeClusterDirectory()
        let result = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--directory", directory.path, "--keep-going"],
            environment: ["NO_COLOR": "1", "COLUMNS": "160"],
            input: Data(
                """
                cluster start
                topic create lost --partitions 1 --replication-factor 3
                topic create kept --partitions 1 --replication-factor 3
                produce lost --acks all --count 3 before
                produce kept --acks all --count 3 before
                fault cut-replication 1
                produce lost --acks 1 --count 5 after
                produce kept --acks all --timeout 3 never-acknowledged
                cluster status
                broker kill 1
                wait leader lost 0 --not 1
                wait leader kept 0 --not 1
                consume lost --from-beginning
                consume kept --from-beginning
                broker start 1
                wait isr lost 0 --size 3
                fault list

                """.utf8), currentDirectoryURL: directory.url, timeout: .seconds(180))
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        // The only failing line is the acks=all write: it timed out, unacknowledged.
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("samsa: stdin line") }
        XCTAssertEqual(errors.count, 1, result.summary)
        XCTAssertTrue(
            errors.first?.hasPrefix("samsa: stdin line 8: not acknowledged: record 1 of 1 (acks=all)") == true
                && errors.first?.contains("producing to partition 0 of kept") == true, result.summary)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Broker 1 stopped replicating:") }, result.summary)
        for offset in 3...7 {
            XCTAssertTrue(
                lines.contains("→ lost-0 offset \(offset) · leader broker 1 · acks=1: the leader wrote it"),
                result.summary)
        }
        XCTAssertFalse(result.stdoutText.contains("never-acknowledged"), result.summary)
        // Before the kill: every follower still in the ISR, the high watermark where they stopped.
        XCTAssertTrue(
            lines.contains { $0.hasPrefix(" lost ") && $0.hasSuffix("1  1,2,3     1,2,3        8               3") },
            result.summary)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix(" kept ") && $0.hasSuffix("1  1,2,3     1,2,3        4               3") },
            result.summary)
        XCTAssertTrue(lines.contains(" ⚡ broker 1: cut-replication; `fault heal 1` heals it"), result.summary)
        XCTAssertEqual(
            lines.filter { $0.hasPrefix("lost-0 is led by broker ") || $0.hasPrefix("kept-0 is led by broker ") }.count,
            2, result.summary)
        XCTAssertTrue(
            lines.contains("Read 3 records from lost (1 partition, from the beginning); nothing new for 2 s."),
            result.summary)
        XCTAssertTrue(
            lines.contains("Read 3 records from kept (1 partition, from the beginning); nothing new for 2 s."),
            result.summary)
        XCTAssertFalse(lines.contains { $0.hasSuffix("no key  after 1") }, result.summary)
        XCTAssertTrue(
            lines.contains("  It starts healthy: its faults (cut-replication) do not survive a restart."),
            result.summary)
        XCTAssertTrue(
            lines.contains("No faults: every broker runs healthy. `help fault` lists the faults you can inject."),
            result.summary)
    }
}
