import Foundation
import KafkaCLI

/// The process's console, remembering the last line a perf test prints with its throughput
/// (`N records sent, R records/sec (...)`), so a lab can keep the measurement beside the command
/// in `commands.log` (Lab 3 and Lab 6 compare measured throughputs, not typed-in numbers).
///
/// `@unchecked Sendable`: `pending` and `summary` are only touched while holding `lock`.
final class MeasurementConsole: ToolConsole, @unchecked Sendable {
    private let base: any ToolConsole
    private let lock = NSLock()
    private var pending = ""
    private var summary: String?

    init(base: any ToolConsole = StandardConsole()) {
        self.base = base
    }

    /// The last throughput line printed, if any.
    var lastMeasurement: String? { self.lock.withLock { self.summary } }

    func out(_ text: String) {
        self.base.out(text)
        self.lock.withLock {
            self.pending += text
            while let newline = self.pending.firstIndex(of: "\n") {
                let line = String(self.pending[..<newline])
                self.pending.removeSubrange(...newline)
                if Self.isMeasurement(line) { self.summary = line }
            }
        }
    }

    func err(_ text: String) { self.base.err(text) }

    var isProcessConsole: Bool { self.base.isProcessConsole }

    func inputLines(prompt: String?) -> AsyncStream<String> { self.base.inputLines(prompt: prompt) }

    /// `kafka-producer-perf-test`'s total line (the windows it prints meanwhile look the same, but
    /// the total comes last).
    static func isMeasurement(_ line: String) -> Bool {
        line.contains(" records sent, ") && line.contains(" records/sec ")
    }
}
