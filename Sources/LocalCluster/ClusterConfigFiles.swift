import FaultControl
import Foundation
import PropertiesFile

/// The properties files a local cluster runs on. They are real `zookeeper.properties` and
/// `server.properties` files with Kafka's key names, written into the cluster folder so a student
/// can read them, and later start the same processes by hand (Lab 1) or with Apache Kafka.
public enum ClusterConfigFiles {
    /// Lab timeouts: short enough that a killed broker's session expires, and a leader moves,
    /// within seconds instead of Kafka's 18 s default, long enough that a busy laptop does not
    /// expire healthy sessions.
    public static let labSessionTimeoutMs = 4000
    /// Kafka's default is 30 s; 10 s lets a student see a stopped follower leave the ISR in a lab.
    public static let labReplicaLagTimeMaxMs = 10000
    /// Kafka's default is 5000 ms between controlled shutdown attempts (three by default).
    public static let labControlledShutdownRetryBackoffMs = 500

    /// `zookeeper.properties` for `samsa-meta`: the keys Apache ZooKeeper's sample file has.
    public static func zookeeperProperties(port: Int, dataDir: URL) -> [(String, String)] {
        [
            ("clientPort", "\(port)"),
            ("clientPortAddress", "127.0.0.1"),
            ("dataDir", dataDir.path),
            ("tickTime", "2000"),
            // Sessions of 4 s must be allowed: ZooKeeper's minimum is 2 × tickTime.
            ("minSessionTimeout", "4000"),
            ("maxSessionTimeout", "40000"),
            ("4lw.commands.whitelist", "ruok,stat,srvr,mntr,cons,dump,wchs"),
        ]
    }

    /// `server.properties` for broker `brokerID`. With `zookeeperConnect` nil the broker runs
    /// standalone (see docs/ARCHITECTURE.md) and only the keys that make sense alone are written.
    /// `faultControlFile`, in cluster mode, adds Samsa's own `samsa.fault.control.file` (the
    /// `fault ...` commands); Kafka's brokers would log it as an unknown config and go on.
    public static func serverProperties(
        brokerID: Int, port: Int, logDir: URL, brokerCount: Int, zookeeperConnect: String?, faultControlFile: URL? = nil
    ) -> [(String, String)] {
        var lines: [(String, String)] = [
            ("broker.id", "\(brokerID)"),
            ("listeners", "PLAINTEXT://127.0.0.1:\(port)"),
            ("log.dirs", logDir.path),
            ("num.partitions", "1"),
            // Kafka checks retention every 5 minutes; a lab wants to see segments go within seconds.
            ("log.retention.check.interval.ms", "10000"),
        ]
        guard let zookeeperConnect else {
            lines += [
                ("default.replication.factor", "1"),
                ("offsets.topic.replication.factor", "1"),
                ("group.initial.rebalance.delay.ms", "0"),
            ]
            return lines
        }
        // Internal topics need as many brokers as their replication factor; Kafka's default of 3
        // would fail on a 1- or 2-broker lab cluster.
        let internalReplication = min(3, max(1, brokerCount))
        lines += [
            ("default.replication.factor", "1"),
            ("min.insync.replicas", "1"),
            ("offsets.topic.replication.factor", "\(internalReplication)"),
            ("transaction.state.log.replication.factor", "\(internalReplication)"),
            ("transaction.state.log.min.isr", "1"),
            ("zookeeper.connect", zookeeperConnect),
            ("zookeeper.session.timeout.ms", "\(Self.labSessionTimeoutMs)"),
            ("zookeeper.connection.timeout.ms", "10000"),
            ("replica.lag.time.max.ms", "\(Self.labReplicaLagTimeMaxMs)"),
            ("unclean.leader.election.enable", "false"),
            ("controlled.shutdown.enable", "true"),
            // `cluster stop` stops every broker at once, so the last ones find no broker left to
            // lead their partitions and retry; Kafka's 5000 ms would outlast the REPL's 10 s grace.
            ("controlled.shutdown.retry.backoff.ms", "\(Self.labControlledShutdownRetryBackoffMs)"),
            // Kafka's own config/server.properties sets 0 for development: a group's first
            // rebalance does not wait 3 s for more members.
            ("group.initial.rebalance.delay.ms", "0"),
        ]
        if let faultControlFile { lines.append((BrokerFaults.configKey, faultControlFile.path)) }
        return lines
    }

    /// The file's text: a comment saying who wrote it and how to run it, then `key=value` lines
    /// in the order given.
    public static func render(_ entries: [(String, String)], header: String) -> String {
        var properties = PropertiesFile()
        for (key, value) in entries { properties[key] = value }
        let comments = header.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }
        return comments.joined(separator: "\n") + "\n" + properties.rendered(keys: entries.map(\.0))
    }

    /// Writes `text` to `url`, creating its folder.
    static func write(_ text: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw LocalClusterError.fileSystem(path: url.path, reason: "\(error.localizedDescription)")
        }
    }
}
