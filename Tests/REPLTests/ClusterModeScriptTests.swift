import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `samsa` binary against a real cluster (metadata server + 3 brokers) in a temporary
/// folder, one cluster per test: client commands and their one-line answers. Every PID printed
/// is checked to be gone afterwards.
final class ClusterModeScriptTests: XCTestCase {
    func testTopicsOnARealCluster() throws {
        let directory = try self.makeTemporaryDirectory()
        let result = try self.samsa(input: """
            cluster start
            topic create orders --partitions 3 --replication-factor 3 --config retention.ms=60000
            topic list
            topic describe orders
            topic create orders
            """, directory: directory)
        let pids = self.pids(in: result.stdoutText)
        defer { self.killIfOurs(pids, directory: directory) }
        XCTAssertEqual(pids.count, 4, result.summary)
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasSuffix("is the controller; every broker has registered in /brokers/ids") }, result.summary)
        XCTAssertTrue(lines.contains("Created topic orders: 3 partitions × 3 replicas; leaders on brokers 1, 2, 3."), result.summary)
        XCTAssertTrue(lines.contains("orders"), result.summary)
        XCTAssertTrue(lines.contains("  partition  leader  replicas  isr"), result.summary)
        XCTAssertTrue(lines.contains("  1          2       2,3,1     2,3,1"), result.summary)
        XCTAssertEqual(result.stderr, "samsa: stdin line 5: topic orders already exists; `topic describe orders` shows it\n")
        self.assertGone(pids)
    }

    // MARK: Helpers

    private func samsa(input: String, directory: TemporaryDirectory) throws -> CommandResult {
        try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--directory", directory.path],
            environment: ["NO_COLOR": "1"], input: Data((input + "\n").utf8), currentDirectoryURL: directory.url,
            timeout: .seconds(120))
    }

    /// PIDs printed as "pid N" by `cluster start` and `broker start`.
    private func pids(in text: String) -> [Int32] {
        text.split(separator: "\n").compactMap { line -> Int32? in
            guard line.contains("✓") || line.hasPrefix("Started broker"), let range = line.range(of: "pid ") else {
                return nil
            }
            return Int32(line[range.upperBound...].prefix(while: { $0.isNumber }))
        }
    }

    private func exists(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].first(where: { $0 != " " }) != "Z"
    }

    private func assertGone(_ pids: [Int32], file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        for pid in pids {
            while self.exists(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertFalse(self.exists(pid), "process \(pid) is still running", file: file, line: line)
        }
    }

    /// Safety net: SIGKILL a PID only if its command line names this test's folder.
    private func killIfOurs(_ pids: [Int32], directory: TemporaryDirectory) {
        for pid in pids {
            let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) } ?? ""
            if commandLine.contains(directory.path) { kill(pid, SIGKILL) }
        }
    }
}
