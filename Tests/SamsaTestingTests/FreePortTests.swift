import Foundation
import SamsaTesting
import XCTest

final class FreePortTests: XCTestCase {
    func testAllocatedPortIsUsableAndClosed() throws {
        let port = try FreePort.allocate()
        XCTAssertGreaterThan(port, 0)
        XCTAssertLessThanOrEqual(port, 65535)
        XCTAssertFalse(FreePort.isOpen(port), "nothing should listen on a port just allocated")
    }

    func testWaitForPortSeesAServerListen() throws {
        let python = try ExternalTool.require("python3", ExternalTool.python())
        let dir = try self.makeTemporaryDirectory()
        let port = try FreePort.allocate()
        let server = try self.launchProcess(
            python, arguments: ["-m", "http.server", "--bind", "127.0.0.1", "\(port)"],
            currentDirectoryURL: dir.url, logURL: dir.appending("http.log"))
        try waitForPort(port, timeout: .seconds(60), process: server)
        XCTAssertTrue(FreePort.isOpen(port))
        server.terminate()
        XCTAssertFalse(server.isRunning)
        XCTAssertFalse(FreePort.isOpen(port))
    }

    func testWaitForPortReportsAProcessThatExitedWithItsOutput() throws {
        let dir = try self.makeTemporaryDirectory()
        let port = try FreePort.allocate()
        let process = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo cannot bind >&2; exit 7"],
            logURL: dir.appending("log"))
        XCTAssertThrowsError(try waitForPort(port, timeout: .seconds(60), process: process)) { error in
            guard case SamsaTestingError.processExited(_, let status, let tail) = error else {
                return XCTFail("expected processExited, got \(error)")
            }
            XCTAssertEqual(status, 7)
            XCTAssertTrue(tail.contains("cannot bind"))
            XCTAssertTrue("\(error)".contains("cannot bind"))
        }
    }

    func testWaitForPortGivesUpAfterTheTimeout() throws {
        let port = try FreePort.allocate()
        XCTAssertThrowsError(try waitForPort(port, timeout: .milliseconds(100))) { error in
            guard case SamsaTestingError.portNotOpen(let reported, _, _, _) = error else {
                return XCTFail("expected portNotOpen, got \(error)")
            }
            XCTAssertEqual(reported, port)
        }
    }
}

final class TemporaryDirectoryTests: XCTestCase {
    func testCreatedUnderTheTemporaryDirectoryAndRemoved() throws {
        let dir = try TemporaryDirectory(prefix: "samsa-unit")
        XCTAssertTrue(dir.path.hasPrefix(URL(fileURLWithPath: NSTemporaryDirectory()).path))
        let sub = try dir.makeSubdirectory("a/b")
        try Data("x".utf8).write(to: sub.appendingPathComponent("f"))
        dir.remove()
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path))
        dir.remove()  // twice is fine
    }

    func testTwoDirectoriesDiffer() throws {
        let a = try self.makeTemporaryDirectory()
        let b = try self.makeTemporaryDirectory()
        XCTAssertNotEqual(a.url, b.url)
    }
}

final class ExternalToolTests: XCTestCase {
    func testRunCapturesStdoutStderrAndExitCode() throws {
        let result = try ExternalTool.run(
            URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "cat; echo err >&2; exit 4"], input: Data("abc".utf8))
        XCTAssertEqual(result.stdoutText, "abc")
        XCTAssertEqual(result.stderr, "err\n")
        XCTAssertEqual(result.exitStatus, 4)
        XCTAssertFalse(result.timedOut)
        XCTAssertFalse(result.succeeded)
    }

    func testRunKillsACommandPastItsTimeout() throws {
        let result = try ExternalTool.run(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["1000"], timeout: .milliseconds(100))
        XCTAssertTrue(result.timedOut)
        XCTAssertFalse(result.succeeded)
        XCTAssertTrue(result.summary.contains("timed out"))
    }

    func testPackageRootHoldsPackageSwift() {
        let manifest = ExternalTool.packageRoot.appendingPathComponent("Package.swift")
        XCTAssertTrue(FileManager.default.fileExists(atPath: manifest.path), manifest.path)
    }

    func testRequireSkipsOrFailsOnAMissingTool() {
        XCTAssertThrowsError(try ExternalTool.require("no-such-tool", nil)) { error in
            if ExternalTool.isCI {
                guard case SamsaTestingError.toolMissing = error else { return XCTFail("got \(error)") }
            } else {
                XCTAssertTrue(error is XCTSkip, "got \(error)")
            }
        }
    }

    func testRequirePythonChecksModules() throws {
        let python = try ExternalTool.requirePython(modules: ["json"])
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: python.path))
        XCTAssertThrowsError(try ExternalTool.requirePython(modules: ["no_such_module_samsa"]))
    }
}
