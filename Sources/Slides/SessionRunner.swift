import CourseLanguage
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one command (or one `together` block) printed.
public struct SessionOutput: Sendable, Equatable {
    public var commands: [String]
    public var output: String
    public var failed: Bool

    public init(commands: [String], output: String, failed: Bool) {
        self.commands = commands
        self.output = output
        self.failed = failed
    }
}

/// Runs a deck's samsa blocks on a fresh local cluster in a temporary folder, in order, with the
/// `samsa` executable's script mode. Each command is its own `samsa --script` process (a `together`
/// block is one), so the output of each command is known; the cluster outlives them because the
/// runner starts it detached, and `finish` destroys it.
public final class SessionRunner {
    let samsa: URL
    let directory: URL
    let file: String
    let timeout: TimeInterval
    /// The deck's language: the REPL speaks it, so a Spanish slide shows the Spanish REPL.
    let language: Language
    private var started = false

    public init(samsa: URL, file: String, language: Language, timeout: TimeInterval = 180) throws {
        self.samsa = samsa
        self.file = file
        self.language = language
        self.timeout = timeout
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("samsa-slides-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    /// Runs `block`, checks every expectation, and returns what to show.
    public func run(_ block: SessionBlock) throws -> [SessionOutput] {
        if block.together {
            // One script: it stops at the first failing command, so a block with `# expect-error`
            // ends with that command; the block's other expectations read the same output.
            let result = try self.execute(block.commands.map(\.text))
            let endsInFailure = block.commands.contains { $0.expectsFailure }
            for command in block.commands {
                try self.check(command, result: result, blockExpectsFailure: endsInFailure)
            }
            return [
                SessionOutput(commands: block.commands.map(\.text), output: result.output, failed: !result.succeeded)
            ]
        }
        return try block.commands.map { command in
            let result = block.terminal ? try self.executeTool(command.text) : try self.execute([command.text])
            try self.check(command, result: result)
            return SessionOutput(commands: [command.text], output: result.output, failed: !result.succeeded)
        }
    }

    /// Destroys the cluster (processes, data) and removes the folder.
    public func finish() {
        if self.started { _ = try? self.execute(["cluster destroy"]) }
        try? FileManager.default.removeItem(at: self.directory)
    }

    private func check(_ command: SessionBlock.Command, result: Result, blockExpectsFailure: Bool = false) throws {
        let expectsFailure = command.expectsFailure || blockExpectsFailure
        if !result.succeeded && !expectsFailure {
            throw SlidesError.example(
                file: self.file, line: command.line, command: command.text,
                message:
                    "samsa exited with status \(result.status); the slide expects it to succeed (add `# expect-error: TEXT` if failing is the point)",
                output: result.output)
        }
        for expectation in command.expectations {
            // In a block that ends in an expected failure, only `# expect-error` looks at the status.
            let succeeded = blockExpectsFailure && !expectation.isFailure ? true : result.succeeded
            if let failure = expectation.failure(output: result.output, succeeded: succeeded) {
                throw SlidesError.example(
                    file: self.file, line: command.line, command: command.text, message: failure, output: result.output)
            }
        }
    }

    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { self.status == 0 }
    }

    /// A terminal line, `samsa TOOL ARGUMENTS`: the words after `samsa` are its arguments (no shell,
    /// so no quoting), run in the deck's folder, where the REPL's cluster lives.
    private func executeTool(_ line: String) throws -> Result {
        let arguments = line.split(separator: " ").dropFirst().map(String.init)
        var result = try self.launch(arguments: arguments, commandText: line)
        result.output = self.clean(result.output, script: nil)
        return result
    }

    private func execute(_ commands: [String]) throws -> Result {
        // `cluster start` runs detached: its samsa process ends with the command, the cluster must not.
        let lines = commands.map { command -> String in
            let words = command.split(separator: " ")
            guard words.starts(with: ["cluster", "start"]) else { return command }
            self.started = true
            return words.contains("--detach") ? command : command + " --detach"
        }
        let script = self.directory.appendingPathComponent("commands.samsa")
        try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        var result = try self.launch(
            arguments: ["--script", script.path, "--directory", self.directory.path],
            commandText: commands.joined(separator: "; "))
        var output = self.clean(result.output, script: script)
        if lines != commands {
            // The runner added --detach; the reader typed `cluster start` and would not see this line.
            let detached = self.language.pick(es: "Desacoplado:", en: "Detached:")
            output = output.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(detached) }.joined(separator: "\n")
        }
        result.output = output
        return result
    }

    /// Runs samsa with `arguments` in the deck's folder, bounded by the timeout; stdout then stderr.
    private func launch(arguments: [String], commandText: String) throws -> Result {
        let stdoutURL = self.directory.appendingPathComponent("stdout")
        let stderrURL = self.directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = self.samsa
        process.arguments = arguments
        process.currentDirectoryURL = self.directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // The deck's language, whatever the build machine's: `# expect` lines are written against it.
        environment["SAMSA_LANGUAGE"] = self.language.rawValue
        environment["TERM"] = "dumb"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch {
            throw SlidesError.io(
                "cannot run \(self.samsa.path): \(error); build it with `swift build --product samsa` or pass --samsa PATH"
            )
        }
        // Bounded wait: a command that hangs fails the build instead of stalling it.
        let deadline = Date().addingTimeInterval(self.timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(5)
            while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw SlidesError.example(
                file: self.file, line: 0, command: commandText,
                message: "still running after \(Int(self.timeout)) s; stopped", output: "")
        }
        let out = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, output: out + err)
    }

    /// What a reader should see: no colour codes, no temporary paths, no script line prefixes.
    private func clean(_ text: String, script: URL?) -> String {
        var text = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        if let script {
            text = text.replacingOccurrences(
                of: "samsa: \(script.path) line \\d+: ", with: "", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: self.directory.path + "/", with: "")
        text = text.replacingOccurrences(of: self.directory.path, with: ".")
        // Leading spaces are part of samsa's layout; only blank lines around the output go.
        while text.hasPrefix("\n") { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
