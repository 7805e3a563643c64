import Foundation

/// Where the REPL's lines come from: libedit on a terminal, plain `readLine` otherwise.
public protocol LineReader: AnyObject {
    /// The next line without its newline, or nil at end of input (Ctrl-D, end of a pipe).
    func readLine(prompt: String) -> String?
    /// Remembers a line the user entered (for ↑ and `~/.samsa_history`).
    func addHistory(_ line: String)
    /// Writes history to disk; called when the REPL ends.
    func saveHistory()
}

/// Plain line input for pipes, scripts and systems without libedit. Prints the prompt only when
/// asked to (interactive use without libedit), never into a script's output.
public final class PlainLineReader: LineReader {
    private let showsPrompt: Bool

    public init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
    }

    public func readLine(prompt: String) -> String? {
        if self.showsPrompt {
            try? FileHandle.standardOutput.write(contentsOf: Data(prompt.utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }

    public func addHistory(_ line: String) {}
    public func saveHistory() {}
}
