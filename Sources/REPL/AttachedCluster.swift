import Foundation

/// A Kafka-protocol cluster Samsa did not start (`cluster attach BOOTSTRAP [--zookeeper HOST:PORT]`):
/// where its brokers answer and, when given, its ZooKeeper. The REPL knows it only through the
/// protocols, so views and clients work on it and process or file commands are refused
/// (`CommandSpec.LocalNeed`).
struct AttachedCluster: Sendable, Equatable {
    /// `host:port[,host:port...]`, as Kafka's `bootstrap.servers`.
    var bootstrap: String
    /// ZooKeeper's connect string (`host:port[,host:port...][/chroot]`), or nil: no metadata tree.
    var zookeeper: String?

    /// The problem with an address, worded for the student.
    enum AddressError: Error, Equatable {
        case notHostPort(String)
    }

    /// Checks every `host:port` of `bootstrap` and `zookeeper` (a chroot after the last host is kept).
    init(bootstrap: String, zookeeper: String?) throws(AddressError) {
        for address in bootstrap.split(separator: ",", omittingEmptySubsequences: false) {
            guard Self.isHostPort(address) else { throw .notHostPort(String(address)) }
        }
        if let zookeeper {
            let hosts = zookeeper.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for address in hosts.split(separator: ",", omittingEmptySubsequences: false) {
                guard Self.isHostPort(address) else { throw .notHostPort(String(address)) }
            }
        }
        self.bootstrap = bootstrap
        self.zookeeper = zookeeper
    }

    /// The first ZooKeeper host and port, for its four-letter words (`srvr`).
    var zookeeperAddress: (host: String, port: Int)? {
        guard let zookeeper,
            let first = zookeeper.split(separator: "/", maxSplits: 1).first?.split(separator: ",").first,
            let colon = first.lastIndex(of: ":"), let port = Int(first[first.index(after: colon)...])
        else { return nil }
        return (String(first[..<colon]), port)
    }

    private static func isHostPort(_ address: Substring) -> Bool {
        guard let colon = address.lastIndex(of: ":"), colon != address.startIndex,
            let port = Int(address[address.index(after: colon)...])
        else { return false }
        return (1...65535).contains(port)
    }
}
