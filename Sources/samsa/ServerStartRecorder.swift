import ArgumentParser
import Foundation
import LabKit
import ServerReadiness

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Logs a lab's `kafka-server-start`/`zookeeper-server-start` when its outcome is known: the
/// server's `ReadinessNotice` (`ok broker.id=2 port=9093`, or `failed: …` for a taken port or
/// broker.id), or its process gone without one. In the foreground the tool becomes the server
/// (`execv`), so no `samsa` code is left to wait: a small `samsa` process started just before the
/// exec (`samsa __record-server-start FILE PID COMMAND`) waits instead, in its own process group so
/// Ctrl-C on the server does not stop it. That process only starts the waiting one and exits, and
/// the tool reaps it before the exec: the waiter is then nobody's child but init's, so the server
/// (its would-be parent) is never left holding a zombie.
enum ServerStartRecorder {
    static let subcommand = "__record-server-start"
    static let waitingFlag = "--waiting"
    /// A server that is neither up nor gone by then is logged as failed.
    static let patience: TimeInterval = 120

    /// Starts the waiting process; never fails the start itself.
    static func spawn(pid: Int32, readyFile: String, command: String, executable: URL) {
        let process = Process()
        process.executableURL = executable
        process.arguments = [Self.subcommand, readyFile, String(pid), command]
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()  // at once: it only starts the waiter
    }

    /// A command line other than the one `spawn` writes.
    static let usageStatus: Int32 = 2

    /// `samsa __record-server-start [--waiting] FILE PID COMMAND`: without `--waiting`, starts the
    /// waiting process (the same line with `--waiting`) and returns; that one waits and logs.
    struct Command: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "samsa \(ServerStartRecorder.subcommand)",
            abstract: "Internal: log a lab's kafka-server-start once the server is up or has failed.")

        @Flag(help: "Wait for the outcome and log it (else start a process that does).")
        var waiting = false

        @Argument(help: ArgumentHelp("The server's readiness file.", valueName: "FILE"))
        var readyFile: String

        @Argument(help: ArgumentHelp("The server's process id.", valueName: "PID"))
        var pid: Int32

        @Argument(help: ArgumentHelp("The tool's command line, as the lab's log shows it.", valueName: "COMMAND"))
        var command: String

        func run() throws {
            guard self.waiting else {
                let waiter = Process()
                waiter.executableURL = SamsaMain.ownExecutable()
                waiter.arguments = [
                    ServerStartRecorder.subcommand, ServerStartRecorder.waitingFlag, self.readyFile, String(self.pid),
                    self.command,
                ]
                waiter.standardInput = FileHandle.nullDevice
                waiter.standardOutput = FileHandle.nullDevice
                waiter.standardError = FileHandle.nullDevice
                if (try? waiter.run()) == nil { throw ExitCode(1) }
                return
            }
            defer { try? FileManager.default.removeItem(atPath: self.readyFile) }
            let outcome = ServerStartRecorder.awaitOutcome(pid: self.pid, readyFile: self.readyFile)
            let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            try? LabRecorder.forDirectory(directory)?.record(self.command, source: "cli", outcome: outcome)
        }
    }

    static func awaitOutcome(pid: Int32, readyFile: String) -> CommandOutcome {
        let deadline = Date().addingTimeInterval(Self.patience)
        while Date() < deadline {
            if let notice = ReadinessNotice.read(readyFile) { return Self.outcome(notice) }
            if kill(pid, 0) != 0 && errno == ESRCH {
                // It may have written its notice just before exiting.
                if let notice = ReadinessNotice.read(readyFile) { return Self.outcome(notice) }
                return .failed(reason: "the server exited before it was up")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return .failed(reason: "the server was not up after \(Int(Self.patience)) s")
    }

    static func outcome(_ notice: String) -> CommandOutcome {
        CommandOutcome(parsing: notice) ?? .failure(notice)
    }
}
