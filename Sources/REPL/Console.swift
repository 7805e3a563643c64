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
            handle.write(Data(text.utf8))
        }
    }
}
