import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the REPL knows about where its output goes: whether stdin/stdout are terminals, how wide
/// the screen is, and whether colour is wanted.
public struct Terminal: Sendable, Equatable {
    public var isInputTTY: Bool
    public var isOutputTTY: Bool
    /// Columns; 80 when unknown (a pipe), so output stays stable for scripts.
    public var width: Int
    public var usesColor: Bool

    public init(isInputTTY: Bool, isOutputTTY: Bool, width: Int, usesColor: Bool) {
        self.isInputTTY = isInputTTY
        self.isOutputTTY = isOutputTTY
        self.width = width
        self.usesColor = usesColor
    }

    /// The real terminal. Colour only on a TTY, and never when `NO_COLOR` is set to anything
    /// non-empty (no-color.org) or `TERM=dumb`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let isInputTTY = isatty(STDIN_FILENO) == 1
        let isOutputTTY = isatty(STDOUT_FILENO) == 1
        return Terminal(
            isInputTTY: isInputTTY, isOutputTTY: isOutputTTY,
            width: self.columns(environment: environment, isTTY: isOutputTTY),
            usesColor: self.wantsColor(environment: environment, isTTY: isOutputTTY))
    }

    public static func wantsColor(environment: [String: String], isTTY: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }

    /// `TIOCGWINSZ` on a terminal, else `COLUMNS`, else 80.
    static func columns(environment: [String: String], isTTY: Bool) -> Int {
        if isTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }

    /// The width now (the window may have been resized since start-up).
    public func refreshedWidth() -> Int {
        guard self.isOutputTTY else { return self.width }
        return Self.columns(environment: ProcessInfo.processInfo.environment, isTTY: true)
    }
}
