import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process a test started: its output goes straight into a log file (no pipe that could
/// fill up and block the child), and it is signalled only by the PID this object launched, and
/// only while that PID is still this child's.
///
/// Thread-safe: `ExitState.condition` guards the exit status and every signal sent, so a signal
/// is never sent to a PID that Foundation has already reaped.
public final class TestProcess: @unchecked Sendable {
    /// For messages: the executable's file name unless the caller chose one.
    public let name: String
    public let executableURL: URL
    public let arguments: [String]
    /// stdout, and stderr too unless `stderrURL` was given. Appended to, never truncated.
    public let logURL: URL
    public let stderrURL: URL
    public let pid: Int32

    private let process: Process
    private let exit: ExitState

    /// Launches `executableURL` now.
    /// - Parameters:
    ///   - environment: added to (and overriding) this process's environment.
    ///   - logURL: file for stdout (and stderr); created if missing, appended to otherwise.
    ///   - stderrURL: a separate file for stderr, e.g. when stdout is JSON to be parsed.
    ///   - standardInputURL: a file to read stdin from; otherwise stdin is /dev/null.
    public init(
        executableURL: URL,
        arguments: [String] = [],
        environment: [String: String] = [:],
        currentDirectoryURL: URL? = nil,
        logURL: URL,
        stderrURL: URL? = nil,
        standardInputURL: URL? = nil,
        name: String? = nil
    ) throws {
        self.name = name ?? executableURL.lastPathComponent
        self.executableURL = executableURL
        self.arguments = arguments
        self.logURL = logURL
        self.stderrURL = stderrURL ?? logURL

        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let currentDirectoryURL { process.currentDirectoryURL = currentDirectoryURL }

        let stdout = try Self.appendingHandle(logURL)
        let stderr = self.stderrURL == logURL ? stdout : try Self.appendingHandle(self.stderrURL)
        let stdin = try standardInputURL.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        defer {
            try? stdout.close()
            if stderr !== stdout { try? stderr.close() }
            if stdin !== FileHandle.nullDevice { try? stdin.close() }
        }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        self.process = process

        // Set before run() so an instant exit is not missed.
        let exit = ExitState()
        self.exit = exit
        process.terminationHandler = { finished in exit.markExited(finished.terminationStatus) }
        do {
            try process.run()
        } catch {
            throw SamsaTestingError.launchFailed(executable: executableURL.path, reason: "\(error)")
        }
        self.pid = process.processIdentifier
    }

    /// Launches the SwiftPM product `product` (e.g. `samsa-broker`) from the products directory.
    public static func launch(
        product: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        currentDirectoryURL: URL? = nil,
        logURL: URL
    ) throws -> TestProcess {
        try TestProcess(
            executableURL: try Products.executable(product), arguments: arguments, environment: environment,
            currentDirectoryURL: currentDirectoryURL, logURL: logURL)
    }

    deinit {
        // Last line of defence: a process nobody stopped must not outlive its test.
        _ = self.send(SIGKILL)
    }

    /// The exit code, or the signal number if a signal ended it; `nil` while running.
    public var exitStatus: Int32? {
        self.exit.condition.lock()
        defer { self.exit.condition.unlock() }
        return self.exit.status
    }

    public var isRunning: Bool { self.exitStatus == nil }

    /// Waits until the process has exited; returns its `exitStatus`, or `nil` if it is still
    /// running when `timeout` has passed.
    @discardableResult
    public func waitForExit(timeout: Duration) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        self.exit.condition.lock()
        defer { self.exit.condition.unlock() }
        while self.exit.status == nil {
            if !self.exit.condition.wait(until: deadline) { break }
        }
        return self.exit.status
    }

    /// SIGTERM, wait up to `gracePeriod` for a clean exit, then SIGKILL. Returns when the
    /// process is gone (or after a further bounded wait if even SIGKILL did not end it).
    public func terminate(gracePeriod: Duration = .seconds(10)) {
        guard self.send(SIGTERM) else { return }
        _ = self.send(SIGCONT)  // a paused process handles SIGTERM only once it runs again
        if self.waitForExit(timeout: gracePeriod) == nil {
            self.kill()
        }
    }

    /// SIGKILL, the crash a test simulates, then wait (bounded) until the process is reaped so
    /// its port and files are free.
    public func kill() {
        guard self.send(SIGKILL) else { return }
        self.waitForExit(timeout: .seconds(30))
    }

    /// SIGSTOP: the process stops running but keeps its sockets, like a long GC pause.
    public func pause() { _ = self.send(SIGSTOP) }

    /// SIGCONT after `pause()`.
    public func resume() { _ = self.send(SIGCONT) }

    /// Everything written to `logURL` so far.
    public func output() -> String {
        (try? String(contentsOf: self.logURL, encoding: .utf8)) ?? ""
    }

    /// The last `maxBytes` of `logURL` (and of `stderrURL` if separate), for failure messages.
    public func logTail(maxBytes: Int = 4000) -> String {
        var tail = Self.tail(of: self.logURL, maxBytes: maxBytes)
        if self.stderrURL != self.logURL {
            tail += "\n--- stderr ---\n" + Self.tail(of: self.stderrURL, maxBytes: maxBytes)
        }
        return tail
    }

    /// `signal` to our PID if our child is still unreaped; false if it has already exited.
    private func send(_ signal: Int32) -> Bool {
        self.exit.condition.lock()
        defer { self.exit.condition.unlock() }
        guard self.exit.status == nil, self.process.isRunning else { return false }
        #if canImport(Glibc)
            return Glibc.kill(self.pid, signal) == 0
        #else
            return Darwin.kill(self.pid, signal) == 0
        #endif
    }

    private static func appendingHandle(_ url: URL) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw SamsaTestingError.launchFailed(executable: url.path, reason: "cannot create log file \(url.path)")
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        return handle
    }

    static func tail(of url: URL, maxBytes: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return "" }
        let start = size > UInt64(maxBytes) ? size - UInt64(maxBytes) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The child's exit status, set once by Foundation's termination handler.
/// `@unchecked Sendable`: `status` is read and written only while holding `condition`, an
/// `NSCondition` rather than a `Mutex` because waiting for the exit sleeps on it until a deadline.
private final class ExitState: @unchecked Sendable {
    let condition = NSCondition()
    var status: Int32?

    func markExited(_ status: Int32) {
        self.condition.lock()
        self.status = status
        self.condition.broadcast()
        self.condition.unlock()
    }
}

extension Duration {
    /// Seconds as a `TimeInterval`, for Foundation APIs that take one.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = self.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
