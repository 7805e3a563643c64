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
    func testTopicsProduceConsumeMetaAndStatusOnOneRealCluster() throws {
        let directory = try self.makeClusterDirectory()
        let result = try self.samsa(
            input: """
                cluster start
                topic create orders --partitions 3 --replication-factor 3 --config retention.ms=60000
                topic list
                topic describe orders
                produce orders --partition 1 --acks all first second
                produce orders --partition 2 --acks 1 --count 2
                consume orders --from-beginning
                consume orders --partition 1 --offset 1 --max-messages 1
                meta ls /brokers/ids
                meta get /brokers/topics/orders/partitions/0/state
                meta stat /controller
                cluster status
                cluster stop
                cluster start
                consume orders --partition 1 --from-beginning --max-messages 1
                topic create big --replication-factor 5
                """, directory: directory)
        let pids = self.pids(in: result.stdoutText)
        defer { self.killIfOurs(pids, directory: directory) }
        XCTAssertEqual(pids.count, 8, result.summary)
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            lines.contains { $0.hasSuffix("is the controller; every broker has registered in /brokers/ids") },
            result.summary)
        XCTAssertTrue(
            lines.contains("Created topic orders: 3 partitions × 3 replicas; leaders on brokers 1, 2, 3."),
            result.summary)
        XCTAssertTrue(lines.contains("orders"), result.summary)
        XCTAssertTrue(lines.contains("  partition  leader  replicas  isr"), result.summary)
        XCTAssertTrue(lines.contains("  1          2       2,3,1     2,3,1"), result.summary)
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix(
                    "→ orders-1 offset 0  partition chosen by --partition → partition 1 · leader broker 2 · acks=all: ISR "
                )
            }, result.summary)
        XCTAssertTrue(
            lines.contains(
                "→ orders-1 offset 1  partition chosen by --partition → partition 1 · leader broker 2 · acks=all: ISR 2,3,1 had it"
            ) || lines.contains { $0.hasPrefix("→ orders-1 offset 1 ") }, result.summary)
        XCTAssertTrue(
            lines.contains(
                "→ orders-2 offset 1  partition chosen by --partition → partition 2 · leader broker 3 · acks=1: the leader wrote it"
            ), result.summary)
        XCTAssertTrue(lines.contains("orders-1  offset 0  no key  first"), result.summary)
        XCTAssertTrue(lines.contains("orders-2  offset 1  no key  record 2"), result.summary)
        XCTAssertTrue(
            lines.contains("Read 4 records from orders (3 partitions, from the beginning); nothing new for 2 s."),
            result.summary)
        XCTAssertTrue(lines.contains("orders-1  offset 1  no key  second"), result.summary)
        XCTAssertTrue(
            lines.contains("Read 1 record from orders (partition 1, from offset 1); reached --max-messages."),
            result.summary)
        XCTAssertTrue(result.stdoutText.contains("\n1\n2\n3\n"), result.summary)
        XCTAssertTrue(
            lines.contains(
                "{ \"controller_epoch\": 1, \"isr\": [1,2,3], \"leader\": 1, \"leader_epoch\": 0, \"version\": 1 }"),
            result.summary)
        XCTAssertTrue(lines.contains { $0.hasPrefix("ephemeral owner  session 0x") }, result.summary)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix(" orders") && $0.hasSuffix("1,2,3        0               0") }, result.summary
        )
        XCTAssertTrue(lines.contains { $0.hasSuffix("2,3,1        2               2") }, result.summary)
        XCTAssertTrue(result.stdoutText.contains("cluster \"lab\" ready again in "), result.summary)
        // The last consume says how much of what it read was in the page cache (its share varies), then the session ends.
        XCTAssertTrue(
            result.stdoutText.contains(
                "Read 1 record from orders (partition 1, from the beginning); reached --max-messages.\nPage cache before the read: "
            ), result.summary)
        XCTAssertTrue(
            result.stdoutText.hasSuffix(
                " %).\nStopping cluster \"lab\" (started in this session; `cluster start --detach` keeps one running)...\n"
            ), result.summary)
        XCTAssertEqual(
            result.stderr, "samsa: stdin line 16: replication factor 5 is more than the 3 brokers that are up\n")
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
            let commandLine =
                FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            if commandLine.contains(directory.path) { kill(pid, SIGKILL) }
        }
    }
}
