import Histogram

/// How long the consumer perf test's polls took to hand back records (Samsa's extra line): in offset
/// order most polls are served from records an earlier fetch brought, at random offsets each one
/// waits for its own fetch. In microseconds, in an HDR histogram as the producer perf test keeps its
/// latencies.
struct PollLatencies {
    private var histogram = Histogram<UInt64>(
        highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private(set) var count = 0

    mutating func record(_ duration: Duration) {
        let micros = UInt64(
            max(0, duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000))
        _ = self.histogram.record(micros)
        self.count += 1
    }

    /// The percentile in milliseconds, as printed (two decimals).
    func milliseconds(atPercentile percentile: Double) -> String {
        ProducerPerfStats.format(self.count == 0 ? 0 : Double(self.histogram.valueAtPercentile(percentile)) / 1000, 2)
    }

    var maximum: String { ProducerPerfStats.format(self.count == 0 ? 0 : Double(self.histogram.max) / 1000, 2) }
}
