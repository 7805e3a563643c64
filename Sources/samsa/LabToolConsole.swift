import Foundation
import KafkaCLI

/// The process's console while a `samsa kafka-…` tool runs, keeping what the lab's `commands.log`
/// needs besides the exit code: the last line a perf test prints with its throughput (`N records
/// sent, R records/sec (...)`; Lab 3 and Lab 6 compare measured throughputs, not typed-in
/// numbers), the last error line, the facts the tool reports (`reset=dry-run`), and whether a
/// server start was handed to a `ServerStartRecorder`.
///
/// `@unchecked Sendable`: every `var` is only touched while holding `lock`.
final class LabToolConsole: ToolConsole, @unchecked Sendable {
    private let base: any ToolConsole
    private let onServerStart: (@Sendable (_ pid: Int32, _ readyFile: String) -> Void)?
    private let lock = NSLock()
    private var pending = ""
    private var pendingError = ""
    private var summary: String?
    private var errorLine: String?
    private var reported: [(key: String, value: String)] = []
    private var handedOff = false

    /// `onServerStart` is called when a server start's outcome is left to the server's notice;
    /// nil when nobody logs it (no lab started).
    init(base: any ToolConsole = StandardConsole(), onServerStart: (@Sendable (Int32, String) -> Void)? = nil) {
        self.base = base
        self.onServerStart = onServerStart
    }

    /// The last throughput line printed, if any.
    var lastMeasurement: String? { self.lock.withLock { self.summary } }
    /// The last non-empty line written to standard error, if any.
    var lastErrorLine: String? { self.lock.withLock { self.errorLine } }
    /// The facts the tool reported, in order.
    var facts: [(key: String, value: String)] { self.lock.withLock { self.reported } }
    /// True once a server start was handed to `onServerStart`: the start is logged when the server
    /// is up or has failed, not when the tool returns.
    var handedOffServerStart: Bool { self.lock.withLock { self.handedOff } }

    func out(_ text: String) {
        self.base.out(text)
        self.lock.withLock {
            for line in Self.completeLines(&self.pending, adding: text) where Self.isMeasurement(line) {
                self.summary = line
            }
        }
    }

    func err(_ text: String) {
        self.base.err(text)
        self.lock.withLock {
            for line in Self.completeLines(&self.pendingError, adding: text)
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                self.errorLine = line
            }
        }
    }

    var isProcessConsole: Bool { self.base.isProcessConsole }

    func inputLines(prompt: String?) -> AsyncStream<String> { self.base.inputLines(prompt: prompt) }

    func report(fact key: String, value: String) {
        self.lock.withLock { self.reported.append((key, value)) }
    }

    var watchesServerStarts: Bool { self.onServerStart != nil }

    func serverStarting(pid: Int32, readyFile: String) {
        guard let onServerStart = self.onServerStart else { return }
        self.lock.withLock { self.handedOff = true }
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
