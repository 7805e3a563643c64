import Foundation
import Logging
import Synchronization

/// The processes behind the cluster: config files, launching and waiting until a server listens,
/// stopping them all, and what the cluster state records when one exits.
extension LocalCluster {
    // MARK: Internals

    func withState<T>(_ body: (inout Shared) throws -> T) rethrows -> T {
        try self.shared.withLock { try body(&$0) }
    }

    func record(for role: ClusterRole, port: Int) -> ProcessRecord {
        ProcessRecord(
            role: role, port: port, configFile: self.layout.configFile(for: role).path,
            dataDir: self.layout.dataDirectory(for: role).path, logFile: self.layout.logFile(for: role).path)
    }

    func writeConfigFiles(_ state: ClusterState) throws {
        let connect = state.metadataServer?.address
        if let meta = state.metadataServer {
            let text = ClusterConfigFiles.render(
                ClusterConfigFiles.zookeeperProperties(port: meta.port, dataDir: URL(fileURLWithPath: meta.dataDir)),
                header: "The metadata server of cluster \"\(state.name)\", written by `cluster start`.\n"
                    + "By hand: samsa-meta \(meta.configFile)")
            try ClusterConfigFiles.write(text, to: URL(fileURLWithPath: meta.configFile))
        }
        for broker in state.brokers {
            guard let id = broker.role.brokerID else { continue }
            let entries = ClusterConfigFiles.serverProperties(
                brokerID: id, port: broker.port, logDir: URL(fileURLWithPath: broker.dataDir),
                brokerCount: state.brokers.count, zookeeperConnect: state.mode == .zookeeper ? connect : nil,
                faultControlFile: state.mode == .zookeeper ? self.layout.faultFile(forBroker: id) : nil)
            let text = ClusterConfigFiles.render(
                entries,
                header: "Broker \(id) of cluster \"\(state.name)\", written by `cluster start`.\n"
                    + "By hand: samsa-broker \(broker.configFile)")
            try ClusterConfigFiles.write(text, to: URL(fileURLWithPath: broker.configFile))
        }
        for record in state.processes {
            try? FileManager.default.createDirectory(
                at: URL(fileURLWithPath: record.dataDir), withIntermediateDirectories: true)
        }
    }

    func launch(_ record: ProcessRecord, executable: URL) throws -> ClusterProcess {
        // A broker starts healthy: faults injected into an earlier process do not carry over.
        if let id = record.role.brokerID { self.clearFaultFile(ofBroker: id) }
        let logFile = URL(fileURLWithPath: record.logFile)
        Self.appendMarker(
            "--- \(Date().formatted(.iso8601)) samsa: starting \(record.role) on \(record.address) ---\n", to: logFile)
        let process = try ClusterProcess.launch(
            role: record.role, executable: executable, arguments: [record.configFile],
            workingDirectory: self.layout.root, logFile: logFile, marker: record.configFile
        ) { [weak self] process, status in
            self?.processEnded(process, status: status)
        }
        if let state = self.currentState, !state.isDetached {
            self.watchdog?.watch(process.pid)
        }
        var updated = record
        updated.pid = process.pid
        updated.startedAt = Date()
        updated.isPaused = false
        self.withState { shared in
            shared.processes[record.role] = process
            shared.state?.update(updated)
        }
        self.saveState()
        self.logger.info(
            "started", metadata: ["role": "\(record.role)", "pid": "\(process.pid)", "port": "\(record.port)"])
        return process
    }

    /// Polls the port every 20 ms until it accepts, the process ends, or `timeout` passes.
    func waitUntilListening(_ process: ClusterProcess, record: ProcessRecord, timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if PortProbe.isAccepting(record.port) {
                self.withState { shared in _ = shared.readyPIDs.insert(process.pid) }
                return
            }
            if let status = process.status {
                let lastLine = Self.tail(of: URL(fileURLWithPath: record.logFile), lines: 1)
                throw LocalClusterError.exitedBeforeListening(
                    process: record.role.description, status: status,
                    lastLine: lastLine.trimmingCharacters(in: .whitespacesAndNewlines), logFile: record.logFile)
            }
            if ContinuousClock.now >= deadline {
                let seconds = Int(timeout.components.seconds)
                throw LocalClusterError.notListening(
                    process: record.role.description, port: record.port, waitedSeconds: seconds,
                    logFile: record.logFile)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Brokers in parallel (each may take its grace period), then the metadata server, which the
    /// brokers need for a controlled shutdown.
    func stopAll(gracePeriod: Duration) -> [(ClusterRole, ClusterProcess.StopOutcome)] {
        // Faults end with the processes. The files go without a signal: an isolated broker told to
        // reconnect while it shuts down could register a new session and leave it behind.
        self.healAllFaultsLocked(signalling: false)
        let all = self.withState { shared in Array(shared.processes.values) }
        let running = all.filter { $0.isRunning }
        let brokers = running.filter { $0.role != .metadataServer }.sorted { $0.role < $1.role }
        let outcomes = OutcomeList()
        for process in running { self.expect(process.pid) }
        DispatchQueue.concurrentPerform(iterations: brokers.count) { index in
            outcomes.append(brokers[index].role, brokers[index].terminate(gracePeriod: gracePeriod))
        }
        for meta in running where meta.role == .metadataServer {
            outcomes.append(meta.role, meta.terminate(gracePeriod: gracePeriod))
        }
        // Also those that had already ended but whose exit report has not run yet.
        for process in all { self.markStopped(process) }
        return outcomes.sorted
    }

    /// The broker's process if it runs (or is paused), else nil.
    func runningProcess(ofBroker id: Int) -> ClusterProcess? {
        self.withState { shared in shared.processes[.broker(id)] }.flatMap { $0.isRunning ? $0 : nil }
    }

    func runningBroker(_ id: Int) throws -> ClusterProcess {
        _ = try self.brokerRecord(id)
        guard let process = self.withState({ shared in shared.processes[.broker(id)] }), process.isRunning else {
            throw LocalClusterError.brokerNotRunning(id: id)
        }
        return process
    }

    func brokerRecord(_ id: Int) throws -> ProcessRecord {
        guard let state = self.currentState else { throw LocalClusterError.noCluster(name: self.layout.name) }
        guard let record = state.record(for: .broker(id)) else {
            throw LocalClusterError.unknownBroker(id: id, known: state.brokerIDs)
        }
        return record
    }

    func expect(_ pid: Int32) {
        self.withState { shared in _ = shared.expectedExits.insert(pid) }
    }

    /// After a stop or kill we waited for: forget the process and record it as stopped.
    func markStopped(_ process: ClusterProcess) {
        guard !process.isRunning else { return }
        self.watchdog?.unwatch(process.pid)
        self.withState { shared in
            if shared.processes[process.role] === process { shared.processes[process.role] = nil }
            if var record = shared.state?.record(for: process.role), record.pid == process.pid {
                record.pid = nil
                record.startedAt = nil
                record.isPaused = false
                shared.state?.update(record)
            }
        }
        self.saveState()
    }

    private func processEnded(_ process: ClusterProcess, status: Int32) {
        let (wasExpected, handler) = self.withState {
            shared -> (Bool, (@Sendable (ClusterRole, Int32, Int32) -> Void)?) in
            let wasReady = shared.readyPIDs.remove(process.pid) != nil
            return (shared.expectedExits.remove(process.pid) != nil || !wasReady, shared.exitHandler)
        }
        self.markStopped(process)
        if !wasExpected {
            self.logger.info(
                "exited", metadata: ["role": "\(process.role)", "pid": "\(process.pid)", "status": "\(status)"])
            handler?(process.role, process.pid, status)
        }
    }

    func setPaused(_ role: ClusterRole, _ isPaused: Bool) {
        self.withState { shared in
            if var record = shared.state?.record(for: role) {
                record.isPaused = isPaused
                shared.state?.update(record)
            }
        }
        self.saveState()
    }
}

/// Stop outcomes gathered from `concurrentPerform`.
private final class OutcomeList: Sendable {
    private let items = Mutex<[(ClusterRole, ClusterProcess.StopOutcome)]>([])

    func append(_ role: ClusterRole, _ outcome: ClusterProcess.StopOutcome) {
        self.items.withLock { $0.append((role, outcome)) }
    }

    var sorted: [(ClusterRole, ClusterProcess.StopOutcome)] {
        self.items.withLock { $0.sorted { $0.0 < $1.0 } }
    }
}
