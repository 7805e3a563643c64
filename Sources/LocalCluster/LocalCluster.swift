import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cluster of `samsa-meta` and `samsa-broker` processes on this machine, in one folder
/// (`ClusterLayout`). Creating a `LocalCluster` reattaches to whatever `cluster.json` says is
/// still running, so a REPL started later (or after a crash) manages the same processes.
///
/// Operations are meant to be called from one thread (the REPL's); `operationLock` makes
/// concurrent calls wait rather than interleave. Process exits arrive on Foundation threads and
/// only touch the state in `shared`.
public final class LocalCluster: Sendable {
    public let layout: ClusterLayout
    public let executables: ClusterExecutables
    let watchdog: ParentDeathWatchdog?
    let logger: Logger

    /// Recursive, not a `Mutex`: public operations call one another (`restart` stops and starts),
    /// and each holds it for as long as its processes take to start or stop.
    let operationLock = NSRecursiveLock()
    let shared: Mutex<Shared>

    /// What process exits (on Foundation threads) and operations both touch.
    struct Shared {
        var state: ClusterState?
        var processes: [ClusterRole: ClusterProcess] = [:]
        var expectedExits: Set<Int32> = []
        /// PIDs that listened once: only their exits are news (a failed start is reported by the
        /// error `start` throws, not twice).
        var readyPIDs: Set<Int32> = []
        var exitHandler: (@Sendable (ClusterRole, Int32, Int32) -> Void)?
    }

    /// Reads `cluster.json` if there is one and adopts every process it lists that is still ours.
    /// - Parameter watchdog: stops our children if this process dies; nil in tests that want
    ///   no helper process.
    public init(
        layout: ClusterLayout, executables: ClusterExecutables = .fromEnvironment(),
        watchdog: ParentDeathWatchdog? = ParentDeathWatchdog(), logger: Logger = Logger(label: "samsa.cluster")
    ) throws {
        self.layout = layout
        self.executables = executables
        self.watchdog = watchdog
        self.logger = logger
        self.shared = Mutex(try Self.reattach(layout: layout, logger: logger))
    }

    /// The processes `cluster.json` lists that are still ours, adopted; the others marked stopped.
    private static func reattach(layout: ClusterLayout, logger: Logger) throws -> Shared {
        var shared = Shared()
        guard var state = try ClusterState.load(from: layout.stateFile) else { return shared }
        for var record in state.processes {
            guard let pid = record.pid else { continue }
            if ProcessInspector.isOurs(pid: pid, marker: record.configFile) {
                shared.processes[record.role] = ClusterProcess(
                    adopting: pid, role: record.role, marker: record.configFile)
                shared.readyPIDs.insert(pid)
                logger.debug("reattached", metadata: ["role": "\(record.role)", "pid": "\(pid)"])
            } else {
                record.pid = nil
                record.isPaused = false
                record.startedAt = nil
                state.update(record)
            }
        }
        shared.state = state
        try? state.save(to: layout.stateFile)
        return shared
    }

    /// Called (on a Foundation thread) when a process ends that nobody asked to stop: a crash, a
    /// bad config, a `kill` from another terminal. Arguments: role, PID, exit status or signal.
    public func onUnexpectedExit(_ handler: @escaping @Sendable (ClusterRole, Int32, Int32) -> Void) {
        self.withState { shared in shared.exitHandler = handler }
    }

    /// The state as last written to `cluster.json`; nil before the first start.
    public var currentState: ClusterState? { self.withState { shared in shared.state } }

    /// True once a cluster has been started in this folder (it may be stopped now).
    public var exists: Bool { self.currentState != nil }

    /// True when any process of this cluster is running.
    public var isRunning: Bool { self.snapshot()?.isAnythingRunning ?? false }

    /// True when this REPL launched running processes itself (they are its children).
    public var hasChildren: Bool {
        self.withState { shared in shared.processes.values.contains { $0.isChild && $0.isRunning } }
    }

    // MARK: Status

    /// Every process's state now, or nil when no cluster was ever started here.
    public func snapshot() -> ClusterSnapshot? {
        let (state, processes) = self.withState { shared in (shared.state, shared.processes) }
        guard let state else { return nil }
        let statuses = state.processes.map { record -> ProcessStatus in
            guard let process = processes[record.role], process.isRunning else {
                return ProcessStatus(
                    role: record.role, state: .stopped, pid: nil, port: record.port, startedAt: nil,
                    residentBytes: nil, logFile: record.logFile)
            }
            let stopped = ProcessInspector.state(pid: process.pid).map { $0 == "T" } ?? record.isPaused
            return ProcessStatus(
                role: record.role, state: stopped ? .paused : .running, pid: process.pid, port: record.port,
                startedAt: record.startedAt, residentBytes: ProcessInspector.residentBytes(pid: process.pid),
                logFile: record.logFile)
        }
        return ClusterSnapshot(
            name: state.name, mode: state.mode, folder: self.layout.displayPath, isDetached: state.isDetached,
            processes: statuses)
    }

    // MARK: Whole cluster

    /// Starts the metadata server (cluster mode) and every broker, and waits until each listens.
    /// An existing stopped cluster starts again with its data, ports and broker count. If any
    /// process fails, the ones already started are stopped again: never a half-started cluster.
    public func start(_ options: ClusterOptions = ClusterOptions()) throws -> ClusterStartReport {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let began = ContinuousClock.now
        if self.isRunning { throw LocalClusterError.alreadyRunning(name: self.layout.name) }
        let existing = self.currentState
        if let existing, let requested = options.brokerCount, requested != existing.brokers.count {
            throw LocalClusterError.brokerCountMismatch(
                name: self.layout.name, existing: existing.brokers.count, requested: requested)
        }
        let brokerCount = existing?.brokers.count ?? options.brokerCount ?? ClusterOptions.defaultBrokerCount
        let mode = options.mode ?? existing?.mode ?? .zookeeper
        // A broker writes meta.properties into its log dir on first start: data from a run before.
        let hadData = (existing?.brokers ?? []).contains {
            FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: $0.dataDir).appendingPathComponent("meta.properties").path)
        }
        let brokerExecutable = try self.executables.url(for: "samsa-broker")
        let metaExecutable = mode == .zookeeper ? try self.executables.url(for: "samsa-meta") : nil

        var notes: [String] = []
        var taken: Set<Int> = []
        func port(for role: ClusterRole, preferred: Int) throws -> Int {
            guard let chosen = PortProbe.choose(preferred: preferred, avoiding: taken) else {
                throw LocalClusterError.launchFailed(process: role.description, reason: "no free port on 127.0.0.1")
            }
            if chosen != preferred {
                notes.append("port \(preferred) is in use, so \(role) listens on \(chosen)")
            }
            taken.insert(chosen)
            return chosen
        }

        var state = ClusterState(
            name: self.layout.name, mode: mode, isDetached: options.isDetached, ownerPID: getpid(),
            createdAt: existing?.createdAt ?? Date(), metadataServer: nil, brokers: [])
        var metaRecord: ProcessRecord?
        if mode == .zookeeper {
            let preferred = existing?.metadataServer?.port ?? options.metadataPort
            metaRecord = self.record(for: .metadataServer, port: try port(for: .metadataServer, preferred: preferred))
            state.metadataServer = metaRecord
        }
        for id in 1...max(1, brokerCount) {
            let role = ClusterRole.broker(id)
            let preferred = existing?.record(for: role)?.port ?? (options.firstBrokerPort + id - 1)
            state.brokers.append(self.record(for: role, port: try port(for: role, preferred: preferred)))
        }
        try self.writeConfigFiles(state)
        self.withState { shared in shared.state = state }
        try state.save(to: self.layout.stateFile)

        var started: [ProcessRecord] = []
        do {
            if let metaRecord, let metaExecutable {
                let process = try self.launch(metaRecord, executable: metaExecutable)
                try self.waitUntilListening(process, record: metaRecord, timeout: options.startTimeout)
                started.append(self.currentState?.record(for: .metadataServer) ?? metaRecord)
            }
            // Brokers start together: each waits for its own port, so start-up takes the slowest
            // broker's time, not the sum.
            var launched: [(ClusterProcess, ProcessRecord)] = []
            for record in state.brokers {
                launched.append((try self.launch(record, executable: brokerExecutable), record))
            }
            for (process, record) in launched {
                try self.waitUntilListening(process, record: record, timeout: options.startTimeout)
                started.append(self.currentState?.record(for: record.role) ?? record)
            }
        } catch {
            self.logger.info("start failed; stopping what started", metadata: ["error": "\(error)"])
            _ = self.stopAll(gracePeriod: .seconds(5))
            throw error
        }
        return ClusterStartReport(
            started: started, notes: notes, elapsed: ContinuousClock.now - began, isRestart: hadData,
            folder: self.layout.displayPath)
    }

    /// Stops every broker (SIGTERM, so each shuts down cleanly; SIGKILL after the grace period),
    /// then the metadata server. Returns how each ended, brokers first.
    @discardableResult
    public func stop(gracePeriod: Duration = .seconds(10)) throws -> [(ClusterRole, ClusterProcess.StopOutcome)] {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        guard self.exists else { throw LocalClusterError.noCluster(name: self.layout.name) }
        return self.stopAll(gracePeriod: gracePeriod)
    }

    /// Stops the cluster and deletes its folder: data, logs, configs and state.
    public func destroy(gracePeriod: Duration = .seconds(10)) throws {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        _ = self.stopAll(gracePeriod: gracePeriod)
        // Only a folder that is a cluster's: it has our state file or lives in a `.samsa` folder.
        let root = self.layout.root
        let isClusterFolder =
            FileManager.default.fileExists(atPath: self.layout.stateFile.path)
            || root.deletingLastPathComponent().lastPathComponent == ".samsa"
        guard isClusterFolder else { throw LocalClusterError.noCluster(name: self.layout.name) }
        try self.withState { shared in
            shared.state = nil
            guard FileManager.default.fileExists(atPath: root.path) else { return }
            do {
                try FileManager.default.removeItem(at: root)
            } catch {
                throw LocalClusterError.fileSystem(path: root.path, reason: error.localizedDescription)
            }
        }
    }

    /// When the REPL quits: stops the cluster if this REPL started it and it is not detached.
    /// Returns true if it stopped something.
    @discardableResult
    public func stopIfOwned(gracePeriod: Duration = .seconds(10)) -> Bool {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        guard let state = self.currentState, !state.isDetached, self.hasChildren else { return false }
        _ = self.stopAll(gracePeriod: gracePeriod)
        return true
    }

    /// Saves inside `withState`, so a process exit reported late (on a Foundation thread) cannot
    /// write an older state over a newer one, nor re-create the folder `destroy` just deleted.
    func saveState() {
        self.withState { shared in
            guard let state = shared.state else { return }
            do {
                try state.save(to: self.layout.stateFile)
            } catch {
                self.logger.warning("could not save cluster state", metadata: ["error": "\(error)"])
            }
        }
    }

    static func appendMarker(_ text: String, to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: url) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }

    /// The last `lines` lines of `url`, reading at most the last 64 KiB.
    static func tail(of url: URL, lines: Int) -> String {
        guard lines > 0, let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return "" }
        let start = size > 65536 ? size - 65536 : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return "" }
        var all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if all.last == "" { all.removeLast() }
        return all.suffix(lines).joined(separator: "\n")
    }
}
