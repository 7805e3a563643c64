import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line editing, history and TAB completion through libedit's readline interface, loaded with
/// `dlopen` at run time: every Swift toolchain on Linux ships `libedit.so.2` (the REPL and LLDB
/// use it) but not its headers, so linking against it would make students install `libedit-dev`.
/// `load` returns nil when the library or a symbol is missing; the REPL then reads plain lines.
///
/// Only one instance exists per process (libedit's readline state is global); it is used from
/// the REPL's thread only.
public final class LibEditLineReader: LineReader {
    private typealias ReadlineFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias HistoryFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32
    private typealias StifleFunction = @convention(c) (Int32) -> Void
    typealias CompletionFunction =
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    private let readlineFunction: ReadlineFunction
    private let addHistoryFunction: HistoryFunction
    private let readHistoryFunction: HistoryFunction?
    private let writeHistoryFunction: HistoryFunction?
    private let historyPath: String
    private var lastHistoryLine: String?

    /// Library names to try, Linux first.
    static let libraryNames = ["libedit.so.2", "libedit.so", "libedit.3.dylib", "libedit.dylib"]

    /// Loads libedit and installs `complete` as the TAB completion. Nil when libedit is absent.
    public static func load(
        historyPath: String, complete: @escaping @Sendable (String) -> Completer.Result
    ) -> LibEditLineReader? {
        guard let handle = self.libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_GLOBAL) }).first,
            let readline = dlsym(handle, "readline"),
            let addHistory = dlsym(handle, "add_history")
        else { return nil }
        let reader = LibEditLineReader(
            readline: unsafeBitCast(readline, to: ReadlineFunction.self),
            addHistory: unsafeBitCast(addHistory, to: HistoryFunction.self),
            readHistory: dlsym(handle, "read_history").map { unsafeBitCast($0, to: HistoryFunction.self) },
            writeHistory: dlsym(handle, "write_history").map { unsafeBitCast($0, to: HistoryFunction.self) },
            historyPath: historyPath)
        if let stifle = dlsym(handle, "stifle_history") {
            unsafeBitCast(stifle, to: StifleFunction.self)(1000)
        }
        if let name = dlsym(handle, "rl_readline_name") {
            // libedit reads ~/.editrc sections named after this ("samsa:bind ...").
            name.assumingMemoryBound(to: UnsafePointer<CChar>?.self).pointee = UnsafePointer(strdup("samsa"))
        }
        LibEditCompletion.install(handle: handle, complete: complete)
        _ = reader.readHistoryFunction?(historyPath)
        return reader
    }

    private init(
        readline: ReadlineFunction, addHistory: HistoryFunction, readHistory: HistoryFunction?,
        writeHistory: HistoryFunction?, historyPath: String
    ) {
        self.readlineFunction = readline
        self.addHistoryFunction = addHistory
        self.readHistoryFunction = readHistory
        self.writeHistoryFunction = writeHistory
        self.historyPath = historyPath
    }

    public func readLine(prompt: String) -> String? {
        guard let line = prompt.withCString({ self.readlineFunction($0) }) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    /// Adds non-blank lines, skipping an immediate repeat (as shells do).
    public func addHistory(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != self.lastHistoryLine else { return }
        self.lastHistoryLine = line
        _ = line.withCString { self.addHistoryFunction($0) }
    }

    public func saveHistory() {
        _ = self.writeHistoryFunction?(self.historyPath)
    }

    /// `~/.samsa_history`.
    public static var defaultHistoryPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".samsa_history")
    }
}

/// The C completion callback and the Swift closure it calls. The callback cannot capture
/// anything, so the closure lives here.
///
/// `@unchecked Sendable`: the fields are written once in `install` (before the first `readline`)
/// and read only by the callback, which libedit calls on the REPL's thread inside `readline`.
final class LibEditCompletion: @unchecked Sendable {
    static let shared = LibEditCompletion()

    private var complete: (@Sendable (String) -> Completer.Result)?
    private var lineBuffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    private var attemptedCompletionOver: UnsafeMutablePointer<Int32>?

    static func install(handle: UnsafeMutableRawPointer, complete: @escaping @Sendable (String) -> Completer.Result) {
        guard let function = dlsym(handle, "rl_attempted_completion_function"),
            let buffer = dlsym(handle, "rl_line_buffer")
        else { return }
        let shared = Self.shared
        shared.complete = complete
        shared.lineBuffer = buffer.assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
        shared.attemptedCompletionOver = dlsym(handle, "rl_attempted_completion_over")?.assumingMemoryBound(
            to: Int32.self)
        let callback: LibEditLineReader.CompletionFunction = { text, start, end in
            LibEditCompletion.shared.matches(text: text, end: end)
        }
        function.assumingMemoryBound(to: LibEditLineReader.CompletionFunction?.self).pointee = callback
    }

    /// The NULL-terminated, malloc'd array readline wants: the text to insert first (the common
    /// prefix), then every candidate. libedit frees it.
    private func matches(text: UnsafePointer<CChar>?, end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    {
        guard let complete = self.complete, let bufferPointer = self.lineBuffer?.pointee else { return nil }
        let length = max(0, min(Int(end), strlen(bufferPointer)))
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(bufferPointer).assumingMemoryBound(to: UInt8.self), count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        switch complete(line) {
        case .fileName:
            // Let libedit complete a path.
            self.attemptedCompletionOver?.pointee = 0
            return nil
        case .words(let words):
            self.attemptedCompletionOver?.pointee = 1
            guard !words.isEmpty else { return nil }
            // Always [substitution, match...]: libedit reads matches[2] to detect a single match
            // (then it appends a space), so a lone match is listed twice, as its own
            // rl_completion_matches does, and the array gets one spare NULL.
            let entries = [Completer.commonPrefix(words)] + words
            let slots = entries.count + 2
            guard
                let array = calloc(slots, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
                    .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
            else { return nil }
            for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
            return array
        }
    }
}
