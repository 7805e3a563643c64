import FaultControl
import Foundation
import Logging
import Synchronization

/// The faults injected into this broker on purpose by the cluster's owner (`fault ...` in the
/// REPL), so a class can watch real failure modes deterministically: replication cut or slowed,
/// the metadata session cut while clients are still served. Consulted by the follower fetcher
/// (`ReplicaFetcher`), the leader's handling of follower fetches (`FetchHandler`) and the
/// metadata session (`ClusterContext`). Starts healthy: faults never survive a restart.
///
/// The set comes from the control file named by `samsa.fault.control.file`, re-read on SIGUSR2
/// (`samsa-broker`); ordinary Kafka clients have no way to change it.
public final class FaultInjection: Sendable {
    private let current = Mutex<BrokerFaults>(.healthy)

    public init() {}

    public var faults: BrokerFaults { self.current.withLock { $0 } }
    var isReplicationCut: Bool { self.current.withLock { $0.isReplicationCut } }
    var isIsolated: Bool { self.current.withLock { $0.isIsolated } }
    /// The `slow-replication` delay, nil when replication runs at full speed.
    var replicationDelay: Duration? {
        let ms = self.current.withLock { $0.replicationDelayMs }
        return ms > 0 ? .milliseconds(ms) : nil
    }

    /// Replaces the set; returns the one it replaced.
    @discardableResult
    public func apply(_ faults: BrokerFaults) -> BrokerFaults {
        self.current.withLock { current in
            defer { current = faults }
            return current
        }
    }

    /// Reads the control file and applies it, logging each change; reading and applying happen
    /// under the lock, so two signals in quick succession cannot apply an older file last.
    func reload(from url: URL, logger: Logger) throws {
        try self.current.withLock { current in
            let faults = try BrokerFaults.read(from: url)
            Self.log(faults, replacing: current, logger: logger)
            current = faults
        }
    }

    /// Waits out the `slow-replication` delay, if any, before a follower fetch is sent or served.
    func delayReplication() async {
        guard let delay = self.replicationDelay else { return }
        try? await Task.sleep(for: delay)
    }

    /// One log line per change, e.g. `fault injected: cut-replication`.
    static func log(_ faults: BrokerFaults, replacing old: BrokerFaults, logger: Logger) {
        let (injected, healed) = faults.changes(from: old)
        for name in injected {
            logger.warning("fault injected: \(name) (samsa fault injection; `fault heal` in the REPL ends it)")
        }
        for name in healed { logger.notice("fault healed: \(name)") }
    }
}
