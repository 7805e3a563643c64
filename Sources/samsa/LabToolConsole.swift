import Foundation
import KafkaCLI
import Synchronization

/// The process's console while a `samsa kafka-…` tool runs, keeping what the lab's `commands.log`
/// needs besides the exit code: the last line a perf test prints with its throughput (`N records
/// sent, R records/sec (...)`; Lab 3 and Lab 6 compare measured throughputs, not typed-in
/// numbers), the last error line, the facts the tool reports (`reset=dry-run`), and whether a
/// server start was handed to a `ServerStartRecorder`.
final class LabToolConsole: ToolConsole, Sendable {
    private struct Seen {
        var pending = ""
        var pendingError = ""
        var summary: String?
        var errorLine: String?
        var facts: [(key: String, value: String)] = []
        var handedOff = false
    }

    private let base: any ToolConsole
    private let onServerStart: (@Sendable (_ pid: Int32, _ readyFile: String) -> Void)?
    private let seen = Mutex(Seen())

    /// `onServerStart` is called when a server start's outcome is left to the server's notice;
    /// nil when nobody logs it (no lab started).
    init(base: any ToolConsole = StandardConsole(), onServerStart: (@Sendable (Int32, String) -> Void)? = nil) {
        self.base = base
        self.onServerStart = onServerStart
    }

    /// The last throughput line printed, if any.
    var lastMeasurement: String? { self.seen.withLock { $0.summary } }
    /// The last non-empty line written to standard error, if any.
    var lastErrorLine: String? { self.seen.withLock { $0.errorLine } }
    /// The facts the tool reported, in order.
    var facts: [(key: String, value: String)] { self.seen.withLock { $0.facts } }
    /// True once a server start was handed to `onServerStart`: the start is logged when the server
    /// is up or has failed, not when the tool returns.
    var handedOffServerStart: Bool { self.seen.withLock { $0.handedOff } }

    func out(_ text: String) {
        self.base.out(text)
        self.seen.withLock { seen in
            for line in Self.completeLines(&seen.pending, adding: text) where Self.isMeasurement(line) {
                seen.summary = line
            }
        }
    }

    func err(_ text: String) {
        self.base.err(text)
        self.seen.withLock { seen in
            for line in Self.completeLines(&seen.pendingError, adding: text)
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                seen.errorLine = line
            }
        }
    }

    var isProcessConsole: Bool { self.base.isProcessConsole }

    func inputLines(prompt: String?) -> AsyncStream<String> { self.base.inputLines(prompt: prompt) }

    func report(fact key: String, value: String) {
        self.seen.withLock { $0.facts.append((key, value)) }
    }

    var watchesServerStarts: Bool { self.onServerStart != nil }

    func serverStarting(pid: Int32, readyFile: String) {
        guard let onServerStart = self.onServerStart else { return }
        self.seen.withLock { $0.handedOff = true }
        onServerStart(pid, readyFile)
    }

    /// `kafka-producer-perf-test`'s total line (the windows it prints meanwhile look the same, but
    /// the total comes last).
    static func isMeasurement(_ line: String) -> Bool {
        line.contains(" records sent, ") && line.contains(" records/sec ")
    }

    /// Appends `text` to `buffer` and takes out the lines it completed.
    private static func completeLines(_ buffer: inout String, adding text: String) -> [String] {
        buffer += text
        var lines: [String] = []
        while let newline = buffer.firstIndex(of: "\n") {
            lines.append(String(buffer[..<newline]))
            buffer.removeSubrange(...newline)
        }
        return lines
    }
}
