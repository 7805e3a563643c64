import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `samsa` binary run as autograders run it: `--script FILE` and commands on stdin.
/// Clusters are standalone brokers in a temporary folder; every broker PID printed is checked to
/// be gone afterwards.
final class ScriptModeTests: XCTestCase {
    func testScriptStopsAtTheFirstErrorWithExitCode1AndNamesTheLine() throws {
        let directory = try self.makeClusterDirectory()
        let script = try self.write("explain offset\n\nclustr start\nexplain lag\n", to: directory, name: "lab.samsa")
        let result = try self.samsa(["--script", script.path], directory: directory)
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        XCTAssertEqual(
            result.stderr, "samsa: \(script.path) line 3: unknown command 'clustr'; did you mean `cluster start`?\n")
        XCTAssertTrue(result.stdoutText.hasPrefix("An offset is"), result.summary)
        XCTAssertFalse(result.stdoutText.contains("Lag is"), result.summary)
    }

    func testCommandsPipedOnStdinRunWithoutAPrompt() throws {
        let directory = try self.makeClusterDirectory()
        let result = try self.samsa([], directory: directory, input: "help explain\nexplain acks\n")
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        XCTAssertEqual(result.stderr, "")
        XCTAssertFalse(result.stdoutText.contains("samsa ("), result.summary)
        XCTAssertTrue(result.stdoutText.hasPrefix("usage: explain [TERM...]\n"), result.summary)
        let failing = try self.samsa([], directory: directory, input: "broker kill 1\n")
        XCTAssertEqual(failing.exitStatus, 1, failing.summary)
        XCTAssertEqual(
            failing.stderr, "samsa: stdin line 1: no cluster \"lab\" is running; start one with `cluster start`\n")
    }

    func testAMissingScriptFileIsOneClearLine() throws {
        let directory = try self.makeClusterDirectory()
        let result = try self.samsa(["--script", "/nonexistent/lab.samsa"], directory: directory)
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        XCTAssertEqual(
            result.stderr, "samsa: cannot read /nonexistent/lab.samsa; --script takes a text file of commands\n")
    }

    /// `samsa --script <(echo ...)`: bash passes /dev/fd/63, a pipe, which has no size to read by.
    func testScriptFromAProcessSubstitutionPipe() throws {
        let path = "/bin/bash"
        let bash = try ExternalTool.require(
            "bash", FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil,
            hint: "install bash (apt-get install bash)")
        let directory = try self.makeClusterDirectory()
        let command = "\"$0\" --script <(printf 'explain lag\\n') --directory \"$1\""
        let result = try ExternalTool.run(
            bash, arguments: ["-c", command, try Products.executable("samsa").path, directory.path],
            environment: ["NO_COLOR": "1"], currentDirectoryURL: directory.url, timeout: .seconds(60))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        XCTAssertEqual(result.stderr, "", result.summary)
        XCTAssertTrue(result.stdoutText.hasPrefix("Lag is how far"), result.summary)
    }

    func testAScriptDrivesBrokersAndLeavesNoProcessBehind() throws {
        let directory = try self.makeClusterDirectory()
        let script = try self.write(
            """
            cluster start --standalone --brokers 2
            cluster status
            broker kill 2
            broker kill 2
            """, to: directory, name: "a.samsa")
        let failed = try self.samsa(["--script", script.path], directory: directory)
        let pids = self.pids(in: failed.stdoutText)
        XCTAssertEqual(pids.count, 2, failed.summary)
        XCTAssertEqual(failed.exitStatus, 1, failed.summary)
        XCTAssertEqual(
            failed.stderr, "samsa: \(script.path) line 4: broker 2 is not running; start it with `broker start 2`\n")
        XCTAssertTrue(failed.stdoutText.contains("Killed broker 2 (SIGKILL, pid \(pids[1]))"), failed.summary)
        XCTAssertTrue(failed.stdoutText.contains(" broker 2  ● up"), failed.summary)
        XCTAssertTrue(failed.stdoutText.contains("Stopping cluster \"lab\""), failed.summary)
        self.assertGone(pids)

        let second = try self.write(
            """
            cluster start
            broker pause 1
            broker resume 1
            broker stop 2
            broker start 2
            broker stop 2
            broker logs 2 --lines 1
            cluster stop
            cluster status
            """, to: directory, name: "b.samsa")
        let result = try self.samsa(["--script", second.path], directory: directory)
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let again = self.pids(in: result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("cluster \"lab\" ready again"), result.summary)
        XCTAssertTrue(result.stdoutText.contains("Stopped broker 2 (SIGTERM"), result.summary)
        XCTAssertTrue(result.stdoutText.contains("Stopped cluster \"lab\": broker 1 shut down."), result.summary)
        XCTAssertTrue(
            result.stdoutText.contains("Nothing is running; `cluster start` starts it again with its data."),
            result.summary)
        self.assertGone(again)
    }

    func testADetachedClusterOutlivesTheScriptAndTheNextOneReattaches() throws {
        let directory = try self.makeClusterDirectory()
        let start = try self.samsa([], directory: directory, input: "cluster start --standalone --brokers 1 --detach\n")
        XCTAssertEqual(start.exitStatus, 0, start.summary)
        let pids = self.pids(in: start.stdoutText)
        XCTAssertEqual(pids.count, 1, start.summary)
        self.addTeardownBlock { self.killIfOurs(pids, directory: directory) }
        XCTAssertTrue(self.exists(pids[0]), "a detached broker must outlive samsa")
        XCTAssertFalse(start.stdoutText.contains("Stopping cluster"), start.summary)

        let stop = try self.samsa([], directory: directory, input: "cluster status\ncluster stop\n")
        XCTAssertEqual(stop.exitStatus, 0, stop.summary)
        XCTAssertTrue(stop.stdoutText.contains("\(pids[0])"), stop.summary)
        XCTAssertTrue(stop.stdoutText.contains("Stopped cluster \"lab\""), stop.summary)
        self.assertGone(pids)
    }

    /// SIGKILL gives samsa no chance to clean up: the watchdog must stop its brokers.
    func testKillingTheREPLTakesItsClusterWithIt() throws {
        let directory = try self.makeClusterDirectory()
        let fifo = directory.appending("stdin")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        // Held open read-write so samsa's open for reading does not block and never sees EOF.
        let holder = open(fifo.path, O_RDWR)
        XCTAssertGreaterThanOrEqual(holder, 0)
        defer { close(holder) }
        let output = directory.appending("out")
        let samsa = try TestProcess(
            executableURL: try Products.executable("samsa"), arguments: ["--directory", directory.path],
            currentDirectoryURL: directory.url, logURL: output, stderrURL: directory.appending("err"),
            standardInputURL: fifo)
        self.addTeardownBlock { samsa.kill() }
        let command = Array("cluster start --standalone --brokers 2\n".utf8)
        XCTAssertEqual(command.withUnsafeBytes { Self.writeBytes(holder, $0.baseAddress, $0.count) }, command.count)
        // Bounded wait for the start to be reported.
        var pids: [Int32] = []
        let deadline = Date().addingTimeInterval(60)
        while pids.count < 2 && Date() < deadline && samsa.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if text.contains("ready in") { pids = self.pids(in: text) }
        }
        XCTAssertEqual(pids.count, 2, samsa.logTail())
        self.addTeardownBlock { self.killIfOurs(pids, directory: directory) }
        samsa.kill()
        self.assertGone(pids, within: 30)
    }

    // MARK: Helpers

    private static func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(fd, bytes, count)
        #else
            return Darwin.write(fd, bytes, count)
        #endif
    }

    private func samsa(_ arguments: [String], directory: TemporaryDirectory, input: String? = nil) throws
        -> CommandResult
    {
        try ExternalTool.run(
            try Products.executable("samsa"), arguments: arguments + ["--directory", directory.path],
            environment: ["NO_COLOR": "1"], input: input.map { Data($0.utf8) }, currentDirectoryURL: directory.url,
            timeout: .seconds(120))
    }

    private func write(_ text: String, to directory: TemporaryDirectory, name: String) throws -> URL {
        let url = directory.appending(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// PIDs printed as "pid N" by `cluster start` and `broker start`, in order.
    private func pids(in text: String) -> [Int32] {
        var result: [Int32] = []
        for line in text.split(separator: "\n") where line.contains("✓") || line.hasPrefix("Started broker") {
            if let range = line.range(of: "pid "),
                let pid = Int32(line[range.upperBound...].prefix(while: { $0.isNumber }))
            {
                result.append(pid)
            }
        }
        return result
    }

    private func exists(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].first(where: { $0 != " " }) != "Z"
    }

    private func assertGone(
        _ pids: [Int32], within seconds: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
    ) {
        let deadline = Date().addingTimeInterval(seconds)
        for pid in pids {
            while self.exists(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertFalse(self.exists(pid), "process \(pid) is still running", file: file, line: line)
        }
    }

    /// Teardown safety net: SIGKILL a PID only if its command line shows it is a broker of this
    /// test's folder.
    private func killIfOurs(_ pids: [Int32], directory: TemporaryDirectory) {
        for pid in pids {
            let commandLine =
                (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")).map {
                    String(decoding: $0, as: UTF8.self)
                } ?? ""
            if commandLine.contains(directory.path) { kill(pid, SIGKILL) }
        }
    }
}
