import MetadataTesting
import Foundation
import XCTest

/// Runs a helper program (python, java) with a time limit, collecting its output.
enum ToolRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The python that has kazoo: `SAMSA_PYTHON` (set by the test command) or `python3`.
    static var python: String {
        ProcessInfo.processInfo.environment["SAMSA_PYTHON"] ?? "python3"
    }

    static func run(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        mergeStandardError: Bool = false,
        seconds: Double = 120
    ) throws -> Result {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let directory = try ServerProcess.makeTemporaryDirectory("tool")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out")
        let errURL = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = mergeStandardError ? out : err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            usleep(500_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? out.close()
        try? err.close()
        return Result(
            status: process.isRunning ? -1 : process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }

    static func requireKazoo(file: StaticString = #filePath, line: UInt = #line) throws {
        let probe = try? Self.run(Self.python, ["-c", "import kazoo"], seconds: 30)
        try ServerProcess.requireTool(
            probe?.status == 0,
            "\(Self.python) cannot import kazoo; set SAMSA_PYTHON to a python with kazoo (pip install kazoo)",
            file: file, line: line
        )
    }
}
