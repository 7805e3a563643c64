import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

final class TestProcessTests: XCTestCase {
    private let shell = URL(fileURLWithPath: "/bin/sh")

    func testOutputAndErrorGoToTheLogFile() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            self.shell, arguments: ["-c", "echo to-stdout; echo to-stderr >&2; exit 3"], logURL: dir.appending("log"))
        XCTAssertEqual(process.waitForExit(timeout: .seconds(30)), 3)
        XCTAssertFalse(process.isRunning)
        XCTAssertEqual(process.output(), "to-stdout\nto-stderr\n")
        XCTAssertTrue(process.logTail().contains("to-stderr"))
    }

    func testSeparateStderrFile() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            self.shell, arguments: ["-c", "echo out; echo err >&2"], logURL: dir.appending("out"),
            stderrURL: dir.appending("err"))
        XCTAssertEqual(process.waitForExit(timeout: .seconds(30)), 0)
        XCTAssertEqual(process.output(), "out\n")
        XCTAssertEqual(try String(contentsOf: dir.appending("err"), encoding: .utf8), "err\n")
    }

    func testEnvironmentAndWorkingDirectory() throws {
        let dir = try self.makeTemporaryDirectory()
        let work = try dir.makeSubdirectory("work")
        let process = try self.launchProcess(
            self.shell, arguments: ["-c", "echo \"$SAMSA_TEST_VALUE\"; pwd -P"],
            environment: ["SAMSA_TEST_VALUE": "42"],
            currentDirectoryURL: work, logURL: dir.appending("log"))
        XCTAssertEqual(process.waitForExit(timeout: .seconds(30)), 0)
        let lines = process.output().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "42")
        XCTAssertEqual(lines.last, work.resolvingSymlinksInPath().path)
    }

    /// 8 MiB is far more than a pipe buffer (64 KiB): a child writing into an undrained pipe
    /// would block forever; writing into the log file it never blocks.
    func testChattyProcessNeverBlocks() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            self.shell, arguments: ["-c", "head -c 8388608 /dev/zero; echo done >&2"], logURL: dir.appending("log"))
        XCTAssertEqual(process.waitForExit(timeout: .seconds(120)), 0)
        let size = try FileManager.default.attributesOfItem(atPath: process.logURL.path)[.size] as? Int
        XCTAssertEqual(size, 8_388_608 + 5)
    }

    func testWaitForExitReturnsNilWhileRunning() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], logURL: dir.appending("log"))
        XCTAssertNil(process.waitForExit(timeout: .milliseconds(50)))
        XCTAssertTrue(process.isRunning)
        XCTAssertGreaterThan(process.pid, 0)
        process.terminate()
        XCTAssertFalse(process.isRunning)
    }

    func testTerminateSendsSIGTERM() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], logURL: dir.appending("log"))
        process.terminate()
        XCTAssertEqual(process.exitStatus, SIGTERM)
    }

    func testTerminateFallsBackToSIGKILLWhenSIGTERMIsIgnored() throws {
        let dir = try self.makeTemporaryDirectory()
        // The shell ignores TERM, then execs sleep (same PID), which inherits the ignored TERM.
        // It says "ready" once the trap is set, so the SIGTERM cannot arrive before it.
        let process = try self.launchProcess(
            self.shell, arguments: ["-c", "trap '' TERM; echo ready; exec sleep 1000"], logURL: dir.appending("log"))
        try self.waitForOutput("ready", of: process)
        process.terminate(gracePeriod: .milliseconds(200))
        XCTAssertEqual(process.exitStatus, SIGKILL)
    }

    func testKillSendsSIGKILL() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], logURL: dir.appending("log"))
        process.kill()
        XCTAssertEqual(process.exitStatus, SIGKILL)
        process.kill()  // already gone: nothing is signalled, nothing blocks
        process.terminate()
        XCTAssertEqual(process.exitStatus, SIGKILL)
    }

    #if os(Linux)
        func testPauseAndResume() throws {
            let dir = try self.makeTemporaryDirectory()
            let process = try self.launchProcess(
                URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], logURL: dir.appending("log"))
            process.pause()
            XCTAssertEqual(try self.waitForState(of: process.pid) { $0 == "T" }, "T")
            process.resume()
            XCTAssertNotEqual(try self.waitForState(of: process.pid) { $0 != "T" }, "T")
            process.terminate()
            XCTAssertEqual(process.exitStatus, SIGTERM)
        }

        /// The one-letter state in /proc/PID/stat (R running, S sleeping, T stopped), polled until
        /// `done` (bounded).
        private func waitForState(of pid: Int32, until done: (String) -> Bool) throws -> String {
            var state = ""
            for _ in 0..<500 {
                let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
                // "pid (comm) S ...": the state follows the last ')'.
                guard let close = stat.lastIndex(of: ")") else { break }
                state = String(stat[stat.index(after: close)...].split(separator: " ").first ?? "")
                if done(state) { break }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return state
        }
    #endif

    func testTeardownStopsWhatTheTestLaunched() throws {
        let dir = try self.makeTemporaryDirectory()
        let process = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], logURL: dir.appending("log"))
        // tearDown() below runs after every teardown block, so it sees what they did.
        self.launchedProcess = process
        self.launchedDirectory = dir.url
    }

    private var launchedProcess: TestProcess?
    private var launchedDirectory: URL?

    override func tearDown() {
        if let process = self.launchedProcess {
            XCTAssertFalse(process.isRunning, "teardown block did not stop pid \(process.pid)")
            XCTAssertEqual(process.exitStatus, SIGTERM)
        }
        if let dir = self.launchedDirectory {
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path), "teardown did not remove \(dir.path)")
        }
        super.tearDown()
    }

    func testLaunchingAMissingExecutableThrows() throws {
        let dir = try self.makeTemporaryDirectory()
        XCTAssertThrowsError(
            try TestProcess(executableURL: dir.appending("no-such-program"), logURL: dir.appending("log"))
        ) { error in
            guard case SamsaTestingError.launchFailed = error else {
                return XCTFail("expected launchFailed, got \(error)")
            }
        }
    }

    private func waitForOutput(_ text: String, of process: TestProcess) throws {
        for _ in 0..<1000 where !process.output().contains(text) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertTrue(process.output().contains(text), "no '\(text)' in output: \(process.logTail())")
    }
}
