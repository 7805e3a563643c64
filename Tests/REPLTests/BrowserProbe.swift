import Foundation
import SamsaTesting

/// Headless Chromium with a page open, driven through `browser/live_view_probe.py` (its DevTools
/// pipe, Python's standard library only): wait for a condition in the page, read a value, take a
/// screenshot. Every command returns once the probe answers; the probe bounds its own waits.
final class BrowserProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = ExternalTool.packageRoot.appendingPathComponent("Tests/REPLTests/browser/live_view_probe.py")

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending = Data()

    init(python: URL, chromium: URL, url: URL) throws {
        self.process.executableURL = python
        self.process.arguments = [Self.script.path, chromium.path, url.absoluteString]
        self.process.standardInput = self.input
        self.process.standardOutput = self.output
        self.process.standardError = FileHandle.nullDevice
        try self.process.run()
        let opened = try self.readAnswer()
        guard opened["ok"] as? Bool == true else {
            throw Failure(description: "the probe could not open \(url): \(opened)")
        }
    }

    /// Evaluates `expression` in the page every 100 ms until it is truthy or `seconds` pass; the last value.
    func wait(seconds: Double, for expression: String) throws -> (ok: Bool, value: Any?, elapsed: Double) {
        let answer = try self.command("wait \(seconds) \(Self.oneLine(expression))")
        return (answer["ok"] as? Bool ?? false, answer["value"], answer["elapsed"] as? Double ?? 0)
    }

    func evaluate(_ expression: String) throws -> Any? {
        try self.command("eval \(Self.oneLine(expression))")["value"]
    }

    func screenshot(to file: URL) throws {
        let answer = try self.command("shot \(file.path)")
        guard answer["ok"] as? Bool == true else { throw Failure(description: "no screenshot: \(answer)") }
    }

    /// Closes Chromium (the probe does it when its input ends) and waits at most 15 s for the probe.
    func close() {
        try? self.input.fileHandleForWriting.write(contentsOf: Data("quit\n".utf8))
        try? self.input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(15)
        while self.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if self.process.isRunning { self.process.terminate() }
    }

    private func command(_ line: String) throws -> [String: Any] {
        try self.input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        return try self.readAnswer()
    }

    /// One JSON line from the probe; it ends when the probe writes it or exits.
    private func readAnswer() throws -> [String: Any] {
        while !self.pending.contains(UInt8(ascii: "\n")) {
            let chunk = self.output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "the probe ended without answering") }
            self.pending.append(chunk)
        }
        let newline = self.pending.firstIndex(of: UInt8(ascii: "\n"))!
        let line = self.pending[..<newline]
        self.pending = Data(self.pending[(newline + 1)...])
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw Failure(description: "the probe said \(String(decoding: line, as: UTF8.self))")
        }
        return object
    }

    private static func oneLine(_ expression: String) -> String {
        expression.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
    }
}
