import Foundation
import Synchronization

/// Where the REPL writes: results to stdout, errors to stderr, with the terminal's width and
/// colour choice. Tests use `Console.capturing` to read what a command printed.
///
/// Events from cluster processes may print from other threads, so writes go one at a time
/// through `shared`.
public final class Console: Sendable {
    public let style: Style
    private let fixedWidth: Int?
    private let terminal: Terminal?
    private let isCapturing: Bool
    private struct Shared {
        var captured: [String] = []
        /// The prompt on screen while the REPL waits for a line; nil otherwise.
        var waitingPrompt: (@Sendable () -> String)?
    }

    private let shared = Mutex(Shared())

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
        self.shared.withLock { $0.waitingPrompt = prompt }
    }

    /// Something that happened on its own (a process exited): printed at once. While the prompt
    /// waits, the prompt line is cleared, the event printed, and the prompt drawn again (what
    /// was typed stays in the editor and reappears with the next key).
    public func event(_ text: String) {
        let prompt = self.shared.withLock { $0.waitingPrompt }
        guard let prompt, !self.isCapturing else { return self.print(text) }
        self.write("\r\u{1B}[K" + text + "\n" + prompt(), to: FileHandle.standardOutput)
    }

    /// Everything written so far (capturing consoles only).
    public var output: String {
        self.shared.withLock { $0.captured.joined() }
    }

    private func write(_ text: String, to handle: FileHandle) {
        self.shared.withLock { shared in
            if self.isCapturing {
                shared.captured.append(text)
            } else {
                // `write(_:)` traps on EPIPE (a closed pipe, e.g. `samsa --script f | head`); the
                // throwing form lets the output simply stop.
                try? handle.write(contentsOf: Data(text.utf8))
            }
        }
    }
}
