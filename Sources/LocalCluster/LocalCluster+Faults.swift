import FaultControl
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fault injection (`fault ...` in the REPL): this process writes a broker's fault set to
/// `.samsa/<name>/faults/broker-<id>.json` (mode 0600, atomically) and sends the broker SIGUSR2;
/// the broker re-reads the file (`samsa.fault.control.file`). Only the user who owns the cluster
/// (or root) can do either, and Kafka clients see nothing of it. Faults end when the broker
/// process ends: a broker started again starts healthy.
extension LocalCluster {
    /// The faults broker `id` has now (healthy when none were injected or it is not running).
    public func faults(ofBroker id: Int) -> BrokerFaults {
        guard self.runningProcess(ofBroker: id) != nil else { return .healthy }
        return (try? BrokerFaults.read(from: self.layout.faultFile(forBroker: id))) ?? .healthy
    }

    /// Every broker's faults, for brokers that have any.
    public func allFaults() -> [Int: BrokerFaults] {
        var result: [Int: BrokerFaults] = [:]
        for id in self.currentState?.brokerIDs ?? [] {
            let faults = self.faults(ofBroker: id)
            if !faults.isHealthy { result[id] = faults }
        }
        return result
    }

    /// Replaces broker `id`'s faults and tells it (SIGUSR2). Cluster mode only: the faults act on
    /// replication and the metadata session, which standalone brokers do not have. Returns the
    /// faults it had before.
    @discardableResult
    public func setFaults(_ faults: BrokerFaults, ofBroker id: Int) throws -> BrokerFaults {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        guard let state = self.currentState else { throw LocalClusterError.noCluster(name: self.layout.name) }
        guard state.mode == .zookeeper else { throw LocalClusterError.faultsNeedClusterMode(name: self.layout.name) }
        let process = try self.runningBroker(id)
        let old = self.faults(ofBroker: id)
        let file = self.layout.faultFile(forBroker: id)
        do {
            try faults.write(to: file)
        } catch {
            throw LocalClusterError.fileSystem(path: file.path, reason: "\(error.localizedDescription)")
        }
        _ = process.send(SIGUSR2)
        return old
    }

    /// Heals every broker (`fault heal`, `cluster stop`, `quit`). Returns the ids that had faults.
    @discardableResult
    public func healAllFaults() -> [Int] {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        return self.healAllFaultsLocked()
    }

    /// `healAllFaults` for callers already holding `operationLock`; `signalling` false only
    /// deletes the files (the brokers are about to stop).
    @discardableResult
    func healAllFaultsLocked(signalling: Bool = true) -> [Int] {
        var healed: [Int] = []
        for id in self.currentState?.brokerIDs ?? [] {
            let file = self.layout.faultFile(forBroker: id)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let hadFaults = !self.faults(ofBroker: id).isHealthy
            self.clearFaultFile(ofBroker: id)
            if signalling, let process = self.runningProcess(ofBroker: id) {
                _ = process.send(SIGUSR2)
            }
            if hadFaults { healed.append(id) }
        }
        return healed
    }

    /// Deletes broker `id`'s control file: a missing file means no faults.
    func clearFaultFile(ofBroker id: Int) {
        try? FileManager.default.removeItem(at: self.layout.faultFile(forBroker: id))
    }
}
