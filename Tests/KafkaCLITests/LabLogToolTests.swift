import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `samsa kafka-…` tools run inside a started lab write their `commands.log` line when they end,
/// with the outcome; a foreground `kafka-server-start` writes it when the broker is up, or when it
/// could not start (here: the same file twice, so its port is taken).
final class LabLogToolTests: XCTestCase {
    static let labsRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labs", isDirectory: true)

    func testToolsAndServerStartsAreLoggedWithTheirOutcome() throws {
        let work = try self.makeTemporaryDirectory(prefix: "samsa-lablog")
        let labs = work.url.appendingPathComponent("labs")
        try FileManager.default.copyItem(at: Self.labsRoot, to: labs)
        let folder = labs.appendingPathComponent("01-first-cluster")
        let logFile = folder.appendingPathComponent("commands.log")
        try? FileManager.default.removeItem(at: logFile)
        try FileManager.default.createDirectory(
            at: work.url.appendingPathComponent(".samsa/labs"), withIntermediateDirectories: true)
        try Data(#"{"currentLab": 1, "labs": {}}"#.utf8).write(
            to: work.url.appendingPathComponent(".samsa/labs/progress.json"))
        let port = try FreePort.allocate()
        try "broker.id=1\nlisteners=PLAINTEXT://127.0.0.1:\(port)\nlog.dirs=\(work.appending("logs-1").path)\n"
            .write(to: folder.appendingPathComponent("mine.properties"), atomically: true, encoding: .utf8)
        let samsa = try Products.executable("samsa")
        let environment = ["SAMSA_PID_DIR": try work.makeSubdirectory("pids").path, "NO_COLOR": "1"]

        func lines() -> [[String]] {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        }
        func awaitLines(_ count: Int) -> [[String]] {
            for _ in 0..<600 where lines().count < count { Thread.sleep(forTimeInterval: 0.05) }
            return lines()
        }

        let first = try self.launchProcess(
            samsa, arguments: ["kafka-server-start", "mine.properties"], environment: environment,
            currentDirectoryURL: folder, logURL: work.appending("first.out"))
        try waitForPort(port, process: first)
        var logged = awaitLines(1)
        XCTAssertEqual(logged.first?.count, 4, "\(logged)")
        XCTAssertEqual(logged.first?[2], "kafka-server-start mine.properties")
        XCTAssertEqual(logged.first?[3], "ok broker.id=1 port=\(port)")
        XCTAssertEqual(Self.children(of: first.pid), [], "the waiter is not the broker's child: no zombie left behind")

        // The same file again: its port is taken, the broker exits, and the line says so.
        let second = try self.launchProcess(
            samsa, arguments: ["kafka-server-start", "mine.properties"], environment: environment,
            currentDirectoryURL: folder, logURL: work.appending("second.out"))
        logged = awaitLines(2)
        XCTAssertEqual(logged.count, 2, "\(logged)")
        XCTAssertTrue(logged.last?[3].hasPrefix("failed: samsa-broker:") ?? false, "\(logged)")
        for _ in 0..<200 where kill(second.pid, 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }

        let listed = try ExternalTool.run(
            samsa, arguments: ["kafka-topics", "--bootstrap-server", "127.0.0.1:\(port)", "--list"],
            environment: environment,
            currentDirectoryURL: folder)
        XCTAssertEqual(listed.exitStatus, 0, listed.summary)
        // A port nobody listens on (not the default 9092, which another program may hold).
        let closedPort = try FreePort.allocate()
        let wrong = try ExternalTool.run(
            samsa, arguments: ["kafka-topics", "--bootstrap-server", "127.0.0.1:\(closedPort)", "--list"],
            environment: environment, currentDirectoryURL: folder)
        XCTAssertNotEqual(wrong.exitStatus, 0, wrong.summary)
        logged = lines()
        XCTAssertEqual(logged.count, 4, "\(logged)")
        XCTAssertEqual(logged[2].last, "ok")
        XCTAssertTrue(logged[3].last?.hasPrefix("failed: exit status \(wrong.exitStatus)") ?? false, "\(logged)")
        for line in logged { XCTAssertEqual(line.count, 4, "\(line)") }
    }

    /// The processes whose parent is `pid` (Linux `/proc`).
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // "pid (comm) state ppid ...": the fields after the command name.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }
    }
}
