import Foundation
import XCTest

/// Third-party programs the compatibility and differential tests drive (Python clients, kcat,
/// Apache ZooKeeper). `scripts/test.sh` installs them and exports where they are; a test asks
/// for one with `require…`, which skips the test when the tool is missing, except under
/// `CI=true`, where a missing tool is a failure.
public enum ExternalTool {
    /// The repository root (the directory holding Package.swift), from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SamsaTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `CI=true` (or `1`): missing tools fail the test instead of skipping it.
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return value == "true" || value == "1"
    }

    /// `SAMSA_PYTHON`, else `.venv/bin/python` in the repository, else `python3` on PATH.
    public static func python() -> URL? {
        if let url = self.fromEnvironment("SAMSA_PYTHON") { return url }
        let venv = self.packageRoot.appendingPathComponent(".venv/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        return self.onPath("python3")
    }

    /// `SAMSA_KCAT`, else `kcat` on PATH.
    public static func kcat() -> URL? {
        self.fromEnvironment("SAMSA_KCAT") ?? self.onPath("kcat")
    }

    /// `SAMSA_ZOOKEEPER_HOME` (Debian: /usr/share/zookeeper, with `bin/zkServer.sh`), else
    /// /usr/share/zookeeper if it exists.
    public static func zookeeperHome() -> URL? {
        let env = ProcessInfo.processInfo.environment["SAMSA_ZOOKEEPER_HOME"] ?? ""
        let path = env.isEmpty ? "/usr/share/zookeeper" : env
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// `url` if the tool was found; otherwise throws `XCTSkip`, or under `CI=true` a
    /// `toolMissing` error that fails the test.
    public static func require(
        _ tool: String, _ url: URL?, hint: String = "run scripts/test.sh, which installs it",
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> URL {
        if let url { return url }
        if self.isCI { throw SamsaTestingError.toolMissing(tool: tool, hint: hint) }
        throw XCTSkip("\(tool) is missing; \(hint)", file: file, line: line)
    }

    /// A Python that can import every module in `modules` (e.g. `confluent_kafka`).
    public static func requirePython(
        modules: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws -> URL {
        let python = try self.require("python3", self.python(), file: file, line: line)
        let imports = "import " + modules.joined(separator: ", ")
        let check = try self.run(python, arguments: ["-c", imports], timeout: .seconds(60))
        guard check.exitStatus == 0 else {
            return try self.require(
                "Python modules \(modules) for \(python.path)", nil,
                hint: "run scripts/test.sh, which installs them into .venv/ (\(check.stderr.suffix(300)))",
                file: file, line: line)
        }
        return python
    }

    /// kcat, or skip (fail under CI).
    public static func requireKcat(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try self.require(
            "kcat", self.kcat(), hint: "run scripts/test.sh (as root it installs the Debian package)",
            file: file, line: line)
    }

    /// Runs `executable` to completion, or kills it once `timeout` has passed (`timedOut` is then
    /// true). stdout and stderr go to files, not pipes, so a chatty program can never block;
    /// `mergingStandardError` writes both to `stdout`, in the order they were printed.
    public static func run(
        _ executable: URL,
        arguments: [String] = [],
        environment: [String: String] = [:],
        input: Data? = nil,
        currentDirectoryURL: URL? = nil,
        mergingStandardError: Bool = false,
        timeout: Duration = .seconds(120)
    ) throws -> CommandResult {
        let scratch = try TemporaryDirectory(prefix: "samsa-run")
        defer { scratch.remove() }
        let stdoutURL = scratch.appending("stdout")
        let stderrURL = scratch.appending("stderr")
        var inputURL: URL?
        if let input {
            inputURL = scratch.appending("stdin")
            try input.write(to: scratch.appending("stdin"))
        }
        let process = try TestProcess(
            executableURL: executable, arguments: arguments, environment: environment,
            currentDirectoryURL: currentDirectoryURL, logURL: stdoutURL,
            stderrURL: mergingStandardError ? nil : stderrURL,
            standardInputURL: inputURL)
        var status = process.waitForExit(timeout: timeout)
        let timedOut = status == nil
        if timedOut {
            process.terminate(gracePeriod: .seconds(5))
            status = process.exitStatus
        }
        return CommandResult(
            command: ([executable.path] + arguments).joined(separator: " "),
            exitStatus: status ?? -1,
            timedOut: timedOut,
            stdout: (try? Data(contentsOf: stdoutURL)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self))
    }

    private static func fromEnvironment(_ name: String) -> URL? {
        guard let path = ProcessInfo.processInfo.environment[name], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return URL(fileURLWithPath: path)
    }

    private static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let url = URL(fileURLWithPath: String(dir), isDirectory: true).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

/// What `ExternalTool.run` saw.
public struct CommandResult: Sendable {
    public let command: String
    /// Exit code, or the signal number if a signal ended it.
    public let exitStatus: Int32
    /// True when the command ran past its timeout and was killed.
    public let timedOut: Bool
    public let stdout: Data
    public let stderr: String

    public var stdoutText: String { String(decoding: self.stdout, as: UTF8.self) }
    public var succeeded: Bool { self.exitStatus == 0 && !self.timedOut }

    /// For assertion messages: the command, how it ended, and the end of both outputs.
    public var summary: String {
        let ending = self.timedOut ? "timed out" : "exit status \(self.exitStatus)"
        return "\(self.command): \(ending)\n--- stdout ---\n\(self.stdoutText.suffix(3000))\n"
            + "--- stderr ---\n\(self.stderr.suffix(3000))"
    }
}
