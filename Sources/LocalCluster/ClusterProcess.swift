import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running process of the cluster: either our child, launched with Foundation `Process`
/// (its exit is reported by Foundation, which also reaps it), or a process found through
/// `cluster.json` and adopted by a later REPL (not our child: we can only poll it).
///
/// Signals go only to a PID that is still this process: for a child, while Foundation has not
/// reported its exit (checked under the lock that reporting takes); for an adopted PID, while
/// `/proc` shows it still runs with our config file on its command line.
///
/// `@unchecked Sendable`: `exitStatus` is read and written only while holding `condition`, an
/// `NSCondition` rather than a `Mutex` because `waitForExit` sleeps on it until the exit or a deadline.
public final class ClusterProcess: @unchecked Sendable {
    public let role: ClusterRole
    public let pid: Int32
    /// True when this REPL launched it (and Foundation will reap it).
    public let isChild: Bool
    /// The config file path: on the command line of exactly this process.
    let marker: String

    private let process: Process?
    private let condition = NSCondition()
    private var exitStatus: Int32?

    /// Launches `executable arguments...` with stdin from /dev/null and stdout and stderr
    /// appended to `logFile`. `onExit` runs on a Foundation thread once the process has ended.
    static func launch(
        role: ClusterRole, executable: URL, arguments: [String], workingDirectory: URL, logFile: URL,
        marker: String, onExit: @escaping @Sendable (ClusterProcess, Int32) -> Void
    ) throws -> ClusterProcess {
        let log: FileHandle
        do {
            try FileManager.default.createDirectory(
                at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: logFile.path) {
                _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            }
            log = try FileHandle(forWritingTo: logFile)
            try log.seekToEnd()
        } catch {
            throw LocalClusterError.fileSystem(path: logFile.path, reason: "\(error.localizedDescription)")
        }
        defer { try? log.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        let box = LaunchBox()
        process.terminationHandler = { finished in
            box.deliver(finished.terminationStatus)
        }
        do {
            try process.run()
        } catch {
            throw LocalClusterError.launchFailed(process: role.description, reason: "\(error)")
        }
        let launched = ClusterProcess(role: role, pid: process.processIdentifier, process: process, marker: marker)
        box.attach(launched, onExit: onExit)
        return launched
    }

    /// A process of a cluster another REPL started, found alive through `cluster.json`.
    init(adopting pid: Int32, role: ClusterRole, marker: String) {
        self.role = role
        self.pid = pid
        self.isChild = false
        self.marker = marker
        self.process = nil
    }

    private init(role: ClusterRole, pid: Int32, process: Process, marker: String) {
        self.role = role
        self.pid = pid
        self.isChild = true
        self.marker = marker
        self.process = process
    }

    /// Exit status (or the signal that ended it) once it has ended; for an adopted process that
    /// ended, -1 (it was not our child, so its status is not ours to read).
    public var status: Int32? {
        self.condition.lock()
        defer { self.condition.unlock() }
        if self.exitStatus == nil, !self.isChild, !ProcessInspector.isOurs(pid: self.pid, marker: self.marker) {
            self.exitStatus = -1
        }
        // A child that has exited but that Foundation has not reaped yet is a zombie: it has
        // ended, even though its exit report has not arrived.
        if self.exitStatus == nil, self.isChild, ProcessInspector.state(pid: self.pid) == "Z" { return -1 }
        return self.exitStatus
    }

    public var isRunning: Bool { self.status == nil }

    /// Sends `signal` if the process is still this one; false if it has already ended.
    @discardableResult
    public func send(_ signal: Int32) -> Bool {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard self.exitStatus == nil else { return false }
        if let process = self.process {
            guard process.isRunning else { return false }
        } else if !ProcessInspector.isOurs(pid: self.pid, marker: self.marker) {
            self.exitStatus = -1
            return false
        }
        return Self.systemKill(self.pid, signal) == 0
    }

    /// Waits until the process has ended, at most `timeout`; true if it has.
    @discardableResult
    public func waitForExit(timeout: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(Self.seconds(timeout))
        if self.isChild {
            self.condition.lock()
            defer { self.condition.unlock() }
            while self.exitStatus == nil {
                if !self.condition.wait(until: deadline) { break }
            }
            return self.exitStatus != nil
        }
        // Not our child: no exit notification exists, so poll (bounded by the deadline).
        while Date() < deadline {
            if !self.isRunning { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return !self.isRunning
    }

    /// How a stop ended.
    public enum StopOutcome: Sendable, Equatable {
        /// It exited on SIGTERM within the grace period.
        case exited
        /// It ignored SIGTERM for the whole grace period and was killed.
        case killed
        /// It was not running.
        case notRunning
    }

    /// SIGTERM (and SIGCONT, since a paused process handles SIGTERM only once it runs), wait up
    /// to `gracePeriod`, then SIGKILL and a further bounded wait.
    ///
    /// SIGTERM is repeated every second: a server that has just opened its port may not have
    /// installed its handler yet (samsa-broker ignores SIGTERM for that moment), and a second
    /// SIGTERM to a server already shutting down changes nothing.
    @discardableResult
    public func terminate(gracePeriod: Duration) -> StopOutcome {
        guard self.send(SIGTERM) else { return .notRunning }
        self.send(SIGCONT)
        let deadline = ContinuousClock.now + gracePeriod
        while ContinuousClock.now < deadline {
            let remaining = deadline - ContinuousClock.now
            if self.waitForExit(timeout: min(remaining, .seconds(1))) { return .exited }
            self.send(SIGTERM)
        }
        if self.waitForExit(timeout: .zero) { return .exited }
        self.kill()
        return .killed
    }

    /// SIGKILL, then wait (bounded) until it is gone so its port and files are free.
    public func kill() {
        guard self.send(SIGKILL) else { return }
        self.send(SIGCONT)
        self.waitForExit(timeout: .seconds(10))
    }

    /// Waits (at most 1 s) until `/proc` shows the process stopped (`T`) or not, so that
    /// "Paused broker 2" is true when it is printed. Where there is no `/proc`, returns at once.
    func waitUntilStopped(_ isStopped: Bool) {
        for _ in 0..<50 {
            guard let state = ProcessInspector.state(pid: self.pid) else { return }
            if (state == "T") == isStopped { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    fileprivate func markExited(_ status: Int32) {
        self.condition.lock()
        self.exitStatus = status
        self.condition.broadcast()
        self.condition.unlock()
    }

    private static func systemKill(_ pid: Int32, _ signal: Int32) -> Int32 {
        #if canImport(Glibc)
            return Glibc.kill(pid, signal)
        #else
            return Darwin.kill(pid, signal)
        #endif
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// Carries the exit status from Foundation's termination handler, which may run before `launch`
/// has built the `ClusterProcess` (a process can exit at once), to that object.
private final class LaunchBox: Sendable {
    private struct Slots {
        var target: ClusterProcess?
        var onExit: (@Sendable (ClusterProcess, Int32) -> Void)?
        var pendingStatus: Int32?
    }

    private let slots = Mutex(Slots())

    func deliver(_ status: Int32) {
        let attached = self.slots.withLock { slots -> (ClusterProcess, @Sendable (ClusterProcess, Int32) -> Void)? in
            guard let target = slots.target, let onExit = slots.onExit else {
                slots.pendingStatus = status
                return nil
            }
            slots.target = nil
            slots.onExit = nil
            return (target, onExit)
        }
        guard let (target, onExit) = attached else { return }
        target.markExited(status)
        onExit(target, status)
    }

    func attach(_ target: ClusterProcess, onExit: @escaping @Sendable (ClusterProcess, Int32) -> Void) {
        let status = self.slots.withLock { slots -> Int32? in
            if let status = slots.pendingStatus { return status }
            slots.target = target
            slots.onExit = onExit
            return nil
        }
        guard let status else { return }
        target.markExited(status)
        onExit(target, status)
    }
}
