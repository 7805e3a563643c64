/// How the brokers of a local cluster find each other.
public enum ClusterMode: String, Codable, Sendable {
    /// A metadata server (ZooKeeper protocol) plus brokers with `zookeeper.connect`: registration,
    /// a controller, replication. The course's cluster.
    case zookeeper
    /// Brokers without `zookeeper.connect`: each is its own controller and the only replica of its
    /// partitions. No metadata server is started. Lets the REPL run before cluster mode exists.
    case standalone
}
