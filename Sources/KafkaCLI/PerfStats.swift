import Foundation
import Histogram

/// The producer perf test's latency bookkeeping (Kafka's `ProducerPerformance.Stats`): a line
/// every `reportingInterval` for the window just ended, and totals with percentiles from an HDR
/// histogram at the end.
///
/// `@unchecked Sendable`: every field is only touched while holding `lock` (delivery callbacks
/// arrive on the client's threads).
final class ProducerPerfStats: @unchecked Sendable {
    private let lock = NSLock()
    private let console: any ToolConsole
    private let reportingInterval: Duration
    private let start = ContinuousClock.now
    private var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private var count = 0
    private var bytes = 0
    private var totalLatencyMicros: UInt64 = 0
    private var maxLatencyMicros: UInt64 = 0
    private var windowStart = ContinuousClock.now
    private var windowCount = 0
    private var windowBytes = 0
    private var windowLatencyMicros: UInt64 = 0
    private var windowMaxMicros: UInt64 = 0
    private var failures = 0

    init(console: any ToolConsole, reportingInterval: Duration = .seconds(5)) {
        self.console = console
        self.reportingInterval = reportingInterval
    }

    func record(latency: Duration, bytes: Int) {
        let micros = UInt64(max(0, latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000))
        self.lock.withLock {
            _ = self.histogram.record(micros)
            self.count += 1
            self.bytes += bytes
            self.totalLatencyMicros += micros
            self.maxLatencyMicros = max(self.maxLatencyMicros, micros)
            self.windowCount += 1
            self.windowBytes += bytes
            self.windowLatencyMicros += micros
            self.windowMaxMicros = max(self.windowMaxMicros, micros)
            if ContinuousClock.now - self.windowStart >= self.reportingInterval { self.printWindow() }
        }
    }

    func recordFailure() { self.lock.withLock { self.failures += 1 } }

    /// `N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency.`
    private func printWindow() {
        let seconds = Self.seconds(ContinuousClock.now - self.windowStart)
        let rate = Double(self.windowCount) / seconds
        let megabytes = Double(self.windowBytes) / 1024 / 1024 / seconds
        let average = self.windowCount == 0 ? 0 : Double(self.windowLatencyMicros) / Double(self.windowCount) / 1000
        self.console.outLine(
            "\(self.windowCount) records sent, \(Self.format(rate, 1)) records/sec (\(Self.format(megabytes, 2)) MB/sec), "
                + "\(Self.format(average, 1)) ms avg latency, \(Self.format(Double(self.windowMaxMicros) / 1000, 1)) ms max latency.")
        self.windowStart = .now
        self.windowCount = 0
        self.windowBytes = 0
        self.windowLatencyMicros = 0
        self.windowMaxMicros = 0
    }

    /// The final line, with the 50th, 95th, 99th and 99.9th latency percentiles in whole ms.
    func printTotal() {
        self.lock.withLock {
            let seconds = Self.seconds(ContinuousClock.now - self.start)
            let rate = Double(self.count) / seconds
            let megabytes = Double(self.bytes) / 1024 / 1024 / seconds
            let average = self.count == 0 ? 0 : Double(self.totalLatencyMicros) / Double(self.count) / 1000
            let percentiles = [50.0, 95.0, 99.0, 99.9].map { self.count == 0 ? 0 : self.histogram.valueAtPercentile($0) / 1000 }
            self.console.outLine(
                "\(self.count) records sent, \(Self.format(rate, 6)) records/sec (\(Self.format(megabytes, 2)) MB/sec), "
                    + "\(Self.format(average, 2)) ms avg latency, \(Self.format(Double(self.maxLatencyMicros) / 1000, 2)) ms max latency, "
                    + "\(percentiles[0]) ms 50th, \(percentiles[1]) ms 95th, \(percentiles[2]) ms 99th, \(percentiles[3]) ms 99.9th.")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        max(0.000_001, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// Java's `%.Nf`.
    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value.isFinite ? value : 0)
    }
}
