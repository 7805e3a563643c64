import Foundation

/// Where a cluster keeps everything, all under one folder so a student can open it and see Kafka's
/// own files (`server-1.properties`, `meta.properties`, segment files), and delete it in one go:
///
/// ```
/// .samsa/<name>/cluster.json              state: PIDs, ports, start times (for reattaching)
/// .samsa/<name>/config/zookeeper.properties
/// .samsa/<name>/config/server-<id>.properties
/// .samsa/<name>/data/meta/                 samsa-meta's dataDir
/// .samsa/<name>/data/broker-<id>/          the broker's log.dirs
/// .samsa/<name>/logs/meta.log, broker-<id>.log   stdout and stderr of each process
/// .samsa/<name>/faults/broker-<id>.json   faults injected with `fault ...` (mode 0600, read on SIGUSR2)
/// ```
public struct ClusterLayout: Sendable, Equatable {
    public let name: String
    public let root: URL

    /// `root` is the cluster folder itself (e.g. `.samsa/lab`).
    public init(name: String, root: URL) {
        self.name = name
        self.root = root.standardizedFileURL
    }

    /// `.samsa/<name>/` under `baseDirectory` (the current directory by default).
    public init(name: String, baseDirectory: URL? = nil) {
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        self.init(
            name: name,
            root: base.appendingPathComponent(".samsa", isDirectory: true)
                .appendingPathComponent(name, isDirectory: true))
    }

    /// Cluster names become folder names, so they are kept to what is safe in a path.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name != "." && name != ".."
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    public var stateFile: URL { self.root.appendingPathComponent("cluster.json") }
    public var configDirectory: URL { self.root.appendingPathComponent("config", isDirectory: true) }
    public var dataDirectory: URL { self.root.appendingPathComponent("data", isDirectory: true) }
    public var logDirectory: URL { self.root.appendingPathComponent("logs", isDirectory: true) }
    public var faultsDirectory: URL { self.root.appendingPathComponent("faults", isDirectory: true) }

    /// Broker `id`'s fault control file (`samsa.fault.control.file` in its server.properties).
    public func faultFile(forBroker id: Int) -> URL {
        self.faultsDirectory.appendingPathComponent("broker-\(id).json")
    }

    public func configFile(for role: ClusterRole) -> URL {
        switch role {
        case .metadataServer: return self.configDirectory.appendingPathComponent("zookeeper.properties")
        case .broker(let id): return self.configDirectory.appendingPathComponent("server-\(id).properties")
        }
    }

    public func dataDirectory(for role: ClusterRole) -> URL {
        switch role {
        case .metadataServer: return self.dataDirectory.appendingPathComponent("meta", isDirectory: true)
        case .broker(let id): return self.dataDirectory.appendingPathComponent("broker-\(id)", isDirectory: true)
        }
    }

    public func logFile(for role: ClusterRole) -> URL {
        switch role {
        case .metadataServer: return self.logDirectory.appendingPathComponent("meta.log")
        case .broker(let id): return self.logDirectory.appendingPathComponent("broker-\(id).log")
        }
    }

    /// The folder as a student would type it: relative to the current directory when inside it.
    public var displayPath: String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = self.root.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) + "/" }
        return path + "/"
    }
}
