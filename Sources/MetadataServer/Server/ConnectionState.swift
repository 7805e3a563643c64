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

/// min/avg/max request latency in milliseconds, as `srvr` and `cons` print it.
struct LatencyStats {
    var count = 0
    var total: Int64 = 0
    var minimum: Int64 = 0
    var maximum: Int64 = 0

    mutating func record(_ value: Int64) {
        self.minimum = self.count == 0 ? value : min(self.minimum, value)
        self.maximum = max(self.maximum, value)
        self.total += value
        self.count += 1
    }

    var average: Double { self.count == 0 ? 0 : Double(self.total) / Double(self.count) }
}

/// The server's view of one session.
struct SessionState {
    var timeout: Int32
    var connection: Int?
    /// Monotonic time of the last packet, for expiry.
    var lastSeen: ContinuousClock.Instant
}
