import Foundation

/// Why a cluster operation could not be done. Each description is one line a student can act on:
/// what is wrong, then the command that would put it right.
public enum LocalClusterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `samsa-broker` or `samsa-meta` is not in any directory searched.
    case executableNotFound(name: String, searched: [String])
    /// No cluster has been started (or reattached) in this folder.
    case noCluster(name: String)
    /// `cluster start` while its processes still run.
    case alreadyRunning(name: String)
    /// A broker id the cluster does not have.
    case unknownBroker(id: Int, known: [Int])
    /// The broker exists but has no process.
    case brokerNotRunning(id: Int)
    /// `broker start N` while it runs.
    case brokerAlreadyRunning(id: Int, pid: Int32)
    /// `broker resume N` on a broker that is not paused, or `pause` on a paused one.
    case brokerNotPaused(id: Int)
    case brokerAlreadyPaused(id: Int)
    /// A process ended before it listened on its port; `lastLine` is the end of its log.
    case exitedBeforeListening(process: String, status: Int32, lastLine: String, logFile: String)
    /// A process did not open its port within the wait.
    case notListening(process: String, port: Int, waitedSeconds: Int, logFile: String)
    /// Foundation `Process.run()` failed.
    case launchFailed(process: String, reason: String)
    /// Reading or writing the state file or config files failed.
    case fileSystem(path: String, reason: String)
    /// The state file exists but is not one we can read.
    case corruptState(path: String, reason: String)
    /// `--brokers N` differs from the existing cluster's broker count.
    case brokerCountMismatch(name: String, existing: Int, requested: Int)
    /// `fault ...` on a standalone cluster: there is no replication or metadata session to break.
    case faultsNeedClusterMode(name: String)

    public var description: String {
        switch self {
        case .executableNotFound(let name, let searched):
            return "cannot find \(name) (looked in \(searched.joined(separator: ", "))); "
                + "build it with `swift build --product \(name)` or set SAMSA_PRODUCTS_DIR"
        case .noCluster(let name):
            return "no cluster \"\(name)\" is running; start one with `cluster start`"
        case .alreadyRunning(let name):
            return "cluster \"\(name)\" is already running; `cluster status` shows it, `cluster stop` stops it"
        case .unknownBroker(let id, let known):
            let list = known.map(String.init).joined(separator: ", ")
            return "there is no broker \(id); this cluster has brokers \(list)"
        case .brokerNotRunning(let id):
            return "broker \(id) is not running; start it with `broker start \(id)`"
        case .brokerAlreadyRunning(let id, let pid):
            return "broker \(id) is already running (pid \(pid)); `broker stop \(id)` stops it"
        case .brokerNotPaused(let id):
            return "broker \(id) is not paused; `broker pause \(id)` pauses it"
        case .brokerAlreadyPaused(let id):
            return "broker \(id) is already paused; `broker resume \(id)` resumes it"
        case .exitedBeforeListening(let process, let status, let lastLine, let logFile):
            let why = lastLine.isEmpty ? "" : ": \(lastLine)"
            return "\(process) exited (status \(status)) before it listened\(why) (log: \(logFile))"
        case .notListening(let process, let port, let waited, let logFile):
            return "\(process) did not listen on 127.0.0.1:\(port) within \(waited) s; see its log \(logFile)"
        case .launchFailed(let process, let reason):
            return "could not launch \(process): \(reason)"
        case .fileSystem(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .corruptState(let path, let reason):
            return "cannot read the cluster state \(path) (\(reason)); `cluster destroy` removes it"
        case .brokerCountMismatch(let name, let existing, let requested):
            return "cluster \"\(name)\" has \(existing) brokers, not \(requested); "
                + "`cluster destroy` first to start it with a different count"
        case .faultsNeedClusterMode(let name):
            return "cluster \"\(name)\" runs standalone brokers, with no replication or metadata session to break; "
                + "faults need a cluster started without --standalone"
        }
    }
}
