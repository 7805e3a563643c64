import ZooKeeperProtocol

/// The server's view of one TCP connection.
struct ConnectionState {
    let id: Int
    let outbox: Outbox
    let remoteHost: String
    let remotePort: Int
    /// Set once the ConnectRequest has been answered.
    var sessionId: Int64?
    /// ip identity first, then anything added with `auth`, as ZooKeeper lists them.
    var identities: [Id]
    let established: Int64
    var packetsReceived = 0
    var packetsSent = 0
    var lastOperation = "NA"
    var lastCxid: Int32 = -1
    var lastZxid: Int64 = -1
    var lastResponseTime: Int64 = 0
    var latency = LatencyStats()
    var isClosing = false
}
