import Foundation
import Histogram
import Synchronization

/// The producer perf test's latency bookkeeping (Kafka's `ProducerPerformance.Stats`): a line
/// every `reportingInterval` for the window just ended, and totals with percentiles from an HDR
/// histogram at the end.
///
/// Delivery callbacks arrive on the client's threads, so the counters live behind one `Mutex`.
final class ProducerPerfStats: Sendable {
    private struct Counters {
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        var count = 0
        var bytes = 0
        var totalLatencyMicros: UInt64 = 0
        var maxLatencyMicros: UInt64 = 0
        var windowStart = ContinuousClock.now
        var windowCount = 0
        var windowBytes = 0
        var windowLatencyMicros: UInt64 = 0
        var windowMaxMicros: UInt64 = 0
        var failures = 0
    }

    private let console: any ToolConsole
    private let reportingInterval: Duration
    private let start = ContinuousClock.now
    private let counters = Mutex(Counters())

    init(console: any ToolConsole, reportingInterval: Duration = .seconds(5)) {
        self.console = console
        self.reportingInterval = reportingInterval
    }

    func record(latency: Duration, bytes: Int) {
        let micros = UInt64(
            max(0, latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000))
        self.counters.withLock { counters in
            _ = counters.histogram.record(micros)
            counters.count += 1
            counters.bytes += bytes
            counters.totalLatencyMicros += micros
            counters.maxLatencyMicros = max(counters.maxLatencyMicros, micros)
            counters.windowCount += 1
            counters.windowBytes += bytes
            counters.windowLatencyMicros += micros
            counters.windowMaxMicros = max(counters.windowMaxMicros, micros)
            if ContinuousClock.now - counters.windowStart >= self.reportingInterval { self.printWindow(&counters) }
        }
    }

    func recordFailure() { self.counters.withLock { $0.failures += 1 } }

    /// `N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency.`
    private func printWindow(_ counters: inout Counters) {
        let seconds = Self.seconds(ContinuousClock.now - counters.windowStart)
        let rate = Double(counters.windowCount) / seconds
        let megabytes = Double(counters.windowBytes) / 1024 / 1024 / seconds
        let average =
            counters.windowCount == 0 ? 0 : Double(counters.windowLatencyMicros) / Double(counters.windowCount) / 1000
        self.console.outLine(
            "\(counters.windowCount) records sent, \(Self.format(rate, 1)) records/sec (\(Self.format(megabytes, 2)) MB/sec), "
                + "\(Self.format(average, 1)) ms avg latency, \(Self.format(Double(counters.windowMaxMicros) / 1000, 1)) ms max latency."
        )
        counters.windowStart = .now
        counters.windowCount = 0
        counters.windowBytes = 0
        counters.windowLatencyMicros = 0
        counters.windowMaxMicros = 0
    }

    /// The final line, with the 50th, 95th, 99th and 99.9th latency percentiles in whole ms.
    func printTotal() {
        self.counters.withLock { counters in
            let seconds = Self.seconds(ContinuousClock.now - self.start)
            let rate = Double(counters.count) / seconds
            let megabytes = Double(counters.bytes) / 1024 / 1024 / seconds
            let average = counters.count == 0 ? 0 : Double(counters.totalLatencyMicros) / Double(counters.count) / 1000
            let percentiles = [50.0, 95.0, 99.0, 99.9].map {
                counters.count == 0 ? 0 : counters.histogram.valueAtPercentile($0) / 1000
            }
            self.console.outLine(
                "\(counters.count) records sent, \(Self.format(rate, 6)) records/sec (\(Self.format(megabytes, 2)) MB/sec), "
                    + "\(Self.format(average, 2)) ms avg latency, \(Self.format(Double(counters.maxLatencyMicros) / 1000, 2)) ms max latency, "
                    + "\(percentiles[0]) ms 50th, \(percentiles[1]) ms 95th, \(percentiles[2]) ms 99th, \(percentiles[3]) ms 99.9th."
            )
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
