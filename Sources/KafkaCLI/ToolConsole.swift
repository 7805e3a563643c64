import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a tool reads and writes. The real one is the process's stdin, stdout and stderr; tests
/// pass a `CapturedConsole` so every byte a tool prints can be compared with Kafka's output.
public protocol ToolConsole: Sendable {
    /// Writes to standard output exactly as given (no newline added).
    func out(_ text: String)
    /// Writes to standard error exactly as given.
    func err(_ text: String)
    /// Lines of standard input as they arrive; `prompt` is printed on stdout before each read
    /// (Kafka's console producer shows `>`).
    func inputLines(prompt: String?) -> AsyncStream<String>
    /// True when this console is the process's own terminal streams (possibly wrapped): only then
    /// may a tool become a server in the foreground or take over Ctrl-C.
    var isProcessConsole: Bool { get }
    /// What the tool did that its caller may log, beyond the exit code: `report(fact: "reset",
    /// value: "dry-run")`. A lab's `commands.log` keeps facts in the command's outcome.
    func report(fact key: String, value: String)
    /// True when the caller wants to know whether a server this tool starts comes up: the tool
    /// then names a `ReadinessNotice` file for the server and calls `serverStarting`.
    var watchesServerStarts: Bool { get }
    /// Server `pid` will write its `ReadinessNotice` to `readyFile`; called just before the tool
    /// becomes the server (`execv`, foreground) or leaves it running (`-daemon`).
    func serverStarting(pid: Int32, readyFile: String)
}

extension ToolConsole {
    public var isProcessConsole: Bool { false }
    public func report(fact key: String, value: String) {}
    public var watchesServerStarts: Bool { false }
    public func serverStarting(pid: Int32, readyFile: String) {}
    func outLine(_ text: String = "") { self.out(text + "\n") }
    func errLine(_ text: String = "") { self.err(text + "\n") }
}

/// The process's own stdin, stdout and stderr, unbuffered so output interleaves as it happens.
public struct StandardConsole: ToolConsole {
    public init() {}

    public var isProcessConsole: Bool { true }

    public func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// stdin is read on its own thread: a blocking read must not hold one of the few threads
    /// Swift concurrency runs tasks on.
    public func inputLines(prompt: String?) -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while true {
                    if let prompt { self.out(prompt) }
                    guard let line = Swift.readLine(strippingNewline: true) else { break }
                    continuation.yield(line.hasSuffix("\r") ? String(line.dropLast()) : line)
                }
                continuation.finish()
            }
            thread.start()
        }
    }
}

/// A console for tests: stdout and stderr collected in memory, stdin given up front.
public final class CapturedConsole: ToolConsole, Sendable {
    private struct Captured {
        var stdout = ""
        var stderr = ""
        var facts: [String] = []
    }

    private let captured = Mutex(Captured())
    private let input: [String]

    public init(input: String = "") {
        var lines = input.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.input = lines
    }

    public var stdout: String { self.captured.withLock { $0.stdout } }
    public var stderr: String { self.captured.withLock { $0.stderr } }
    /// The facts the tool reported, as `key=value`.
    public var facts: [String] { self.captured.withLock { $0.facts } }

    public func report(fact key: String, value: String) {
        self.captured.withLock { $0.facts.append("\(key)=\(value)") }
    }

    public func out(_ text: String) { self.captured.withLock { $0.stdout += text } }
    public func err(_ text: String) { self.captured.withLock { $0.stderr += text } }

    public func inputLines(prompt: String?) -> AsyncStream<String> {
        let lines = self.input
        return AsyncStream { continuation in
            for line in lines {
                if let prompt { self.out(prompt) }
                continuation.yield(line)
            }
            if let prompt { self.out(prompt) }
            continuation.finish()
        }
    }
}
