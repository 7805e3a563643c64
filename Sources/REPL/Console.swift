import Foundation

/// Where the REPL writes: results to stdout, errors to stderr, with the terminal's width and
/// colour choice. Tests use `Console.capturing` to read what a command printed.
///
/// `@unchecked Sendable`: `captured` is touched only while holding `lock`; events from cluster
/// processes may print from other threads.
public final class Console: @unchecked Sendable {
    public let style: Style
    private let fixedWidth: Int?
    private let terminal: Terminal?
    private let isCapturing: Bool
    private let lock = NSLock()
    private var captured: [String] = []
    /// The prompt on screen while the REPL waits for a line; nil otherwise.
    private var waitingPrompt: (@Sendable () -> String)?

    /// Writes to the process's stdout and stderr.
    public init(terminal: Terminal) {
        self.style = Style(isEnabled: terminal.usesColor)
        self.terminal = terminal
        self.fixedWidth = nil
        self.isCapturing = false
    }

    private init(width: Int, style: Style) {
        self.style = style
        self.terminal = nil
        self.fixedWidth = width
        self.isCapturing = true
    }

    /// Keeps output in memory (stdout and stderr alike, in order) for tests.
    public static func capturing(width: Int = 80, style: Style = .plain) -> Console {
        Console(width: width, style: style)
    }

    /// Columns to fit output into now.
    public var width: Int { self.fixedWidth ?? self.terminal?.refreshedWidth() ?? 80 }

    public func print(_ text: String) {
        self.write(text + "\n", to: FileHandle.standardOutput)
    }

    public func error(_ text: String) {
        self.write(text + "\n", to: FileHandle.standardError)
    }

    /// Marks that the REPL shows `prompt` and waits for input (nil when it stops waiting), so
    /// that `event` can print above it.
    public func setWaitingPrompt(_ prompt: (@Sendable () -> String)?) {
        self.lock.lock()
        self.waitingPrompt = prompt
        self.lock.unlock()
    }

    /// Something that happened on its own (a process exited): printed at once. While the prompt
    /// waits, the prompt line is cleared, the event printed, and the prompt drawn again (what
    /// was typed stays in the editor and reappears with the next key).
    public func event(_ text: String) {
        self.lock.lock()
        let prompt = self.waitingPrompt
        self.lock.unlock()
        guard let prompt, !self.isCapturing else { return self.print(text) }
        self.write("\r\u{1B}[K" + text + "\n" + prompt(), to: FileHandle.standardOutput)
    }

    /// Everything written so far (capturing consoles only).
    public var output: String {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.captured.joined()
    }

    private func write(_ text: String, to handle: FileHandle) {
        self.lock.lock()
        defer { self.lock.unlock() }
        if self.isCapturing {
            self.captured.append(text)
        } else {
            // `write(_:)` traps on EPIPE (a closed pipe, e.g. `samsa --script f | head`); the
            // throwing form lets the output simply stop.
            try? handle.write(contentsOf: Data(text.utf8))
        }
    }
}
