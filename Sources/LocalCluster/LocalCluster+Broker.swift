import Foundation
import Logging
import Synchronization

/// One broker of the cluster: kill, stop, start, pause and resume it, and read its log.
extension LocalCluster {
    // MARK: One broker

    /// SIGKILL: the broker dies at once, without telling anyone — a crash or a pulled plug.
    /// Returns the PID that was killed.
    @discardableResult
    public func killBroker(_ id: Int) throws -> Int32 {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let process = try self.runningBroker(id)
        self.expect(process.pid)
        process.kill()
        self.markStopped(process)
        return process.pid
    }

    /// SIGTERM: the broker shuts down cleanly (controlled shutdown in cluster mode); SIGKILL after
    /// `gracePeriod`. Returns the PID and how it ended.
    @discardableResult
    public func stopBroker(_ id: Int, gracePeriod: Duration = .seconds(10)) throws -> (
        Int32, ClusterProcess.StopOutcome
    ) {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let process = try self.runningBroker(id)
        self.expect(process.pid)
        let outcome = process.terminate(gracePeriod: gracePeriod)
        self.markStopped(process)
        return (process.pid, outcome)
    }

    /// Starts a stopped broker again on its port, config and data, and waits until it listens.
    @discardableResult
    public func startBroker(_ id: Int, timeout: Duration = .seconds(30)) throws -> ProcessRecord {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let record = try self.brokerRecord(id)
        if let process = self.withState({ shared in shared.processes[.broker(id)] }), process.isRunning {
            throw LocalClusterError.brokerAlreadyRunning(id: id, pid: process.pid)
        }
        let process = try self.launch(record, executable: try self.executables.url(for: "samsa-broker"))
        do {
            try self.waitUntilListening(process, record: record, timeout: timeout)
        } catch {
            self.expect(process.pid)
            process.kill()
            self.markStopped(process)
            throw error
        }
        return self.currentState?.record(for: .broker(id)) ?? record
    }

    /// SIGSTOP: the broker freezes with its sockets open, like a very long GC pause. Clients'
    /// requests hang; its metadata session expires after `zookeeper.session.timeout.ms`.
    @discardableResult
    public func pauseBroker(_ id: Int) throws -> Int32 {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let process = try self.runningBroker(id)
        if self.snapshot()?.brokers.first(where: { $0.role == .broker(id) })?.state == .paused {
            throw LocalClusterError.brokerAlreadyPaused(id: id)
        }
        process.send(SIGSTOP)
        process.waitUntilStopped(true)
        self.setPaused(.broker(id), true)
        return process.pid
    }

    /// SIGCONT after `pauseBroker`.
    @discardableResult
    public func resumeBroker(_ id: Int) throws -> Int32 {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let process = try self.runningBroker(id)
        if self.snapshot()?.brokers.first(where: { $0.role == .broker(id) })?.state != .paused {
            throw LocalClusterError.brokerNotPaused(id: id)
        }
        process.send(SIGCONT)
        process.waitUntilStopped(false)
        self.setPaused(.broker(id), false)
        return process.pid
    }

    /// The last `lines` lines of a process's log file (its stdout and stderr).
    public func logTail(_ role: ClusterRole, lines: Int = 20) throws -> String {
        guard let state = self.currentState else { throw LocalClusterError.noCluster(name: self.layout.name) }
        guard let record = state.record(for: role) else {
            throw LocalClusterError.unknownBroker(id: role.brokerID ?? 0, known: state.brokerIDs)
        }
        return Self.tail(of: URL(fileURLWithPath: record.logFile), lines: lines)
    }
}
