/// Counters behind `srvr`, `stat` and `mntr`.
struct ServerStats {
    var packetsReceived = 0
    var packetsSent = 0
    var latency = LatencyStats()
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
