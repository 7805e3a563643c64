import Foundation
import SamsaTesting
import XCTest

/// Lab 5's reprocessing (step 4), its deterministic core run 10 times in one REPL on a 3-broker
/// cluster, each time with its own topic and group: three members own one partition each (or
/// two of them one of two), one stops committing, 12 records go round-robin over the partitions,
/// it reads its share and is killed; after the rebalance the new owner reads that share again.
/// `consumer list` must count exactly 12 / P records read twice, every time. About 90 s (each kill
/// waits for a 6 s session timeout). The full lab replayed 10 times: docs/benchmarks.md.
final class ReprocessingScriptTests: XCTestCase {
    func testTheKilledMembersUncommittedRecordsAreReadTwiceTheSameEveryTime() throws {
        let directory = try self.makeClusterDirectory()
        let runs = 10
        var script = "cluster start\n"
        for run in 1...runs {
            let partitions = run.isMultiple(of: 2) ? 2 : 3
            // Members sort by name (their member ids start with it): the range assignor gives
            // m1 partition 0 and m2 partition 1 in both shapes, so m2 always owns one to lose.
            script += """
                topic create o\(run) --partitions \(partitions) --replication-factor 3
                produce o\(run) --count 9
                consumer start m1r\(run) --group g\(run) --topic o\(run) --session-timeout-ms 6000
                consumer start m2r\(run) --group g\(run) --topic o\(run) --session-timeout-ms 6000
                consumer start m3r\(run) --group g\(run) --topic o\(run) --session-timeout-ms 6000
                wait group g\(run) --members 3 --caught-up
                consumer commits m2r\(run) off
                produce o\(run) --count 12 --round-robin
                wait group g\(run) --members 3 --all-read
                consumer kill m2r\(run)
                wait group g\(run) --members 2
                wait group g\(run) --members 2 --caught-up
                consumer list
                consumer stop m1r\(run)
                consumer stop m3r\(run)

                """
        }
        script += "cluster destroy\n"
        let result = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--directory", directory.path],
            environment: ["NO_COLOR": "1", "COLUMNS": "200", "SAMSA_LANGUAGE": "en"], input: Data(script.utf8),
            currentDirectoryURL: directory.url, timeout: .seconds(400))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let counts = Self.readTwiceByGroup(result.stdoutText)
        for run in 1...runs {
            let partitions = run.isMultiple(of: 2) ? 2 : 3
            XCTAssertEqual(counts["g\(run)"], 12 / partitions, "run \(run): \(result.stdoutText)")
        }
    }

    /// Per group, the sum of the "read twice" column of the `consumer list` tables in `output`
    /// (the number ends where the right-aligned header ends).
    static func readTwiceByGroup(_ output: String) -> [String: Int] {
        var sums: [String: Int] = [:]
        var end: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let range = line.range(of: "read twice") {
                end = line.distance(from: line.startIndex, to: range.upperBound)
                continue
            }
            guard let width = end else { continue }
            let fields = line.split(separator: " ")
            guard fields.count > 2, line.count >= width, fields[0].hasPrefix("m"), fields[1].hasPrefix("g") else {
                end = nil
                continue
            }
            let upTo = String(line.prefix(width))
            if let number = upTo.split(separator: " ").last.flatMap({ Int($0) }) {
                sums[String(fields[1]), default: 0] += number
            }
        }
        return sums
    }
}
