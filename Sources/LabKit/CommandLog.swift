import Foundation

/// The commands a student ran during a lab, appended to `commands.log` in the lab folder: one line
/// per command, `<UTC time> TAB <source> TAB <command line>`, where source is `repl` (a REPL
/// line) or `cli` (a `samsa kafka-…` tool). Checks search it; an autograder can replay it.
public struct CommandLog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var time: String
        public var source: String
        public var command: String
    }

    public static let fileName = "commands.log"
    /// The source of a line holding what a command measured: `<command> => <its total line>`.
    public static let resultSource = "result"
    static let measurementSeparator = " => "

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public init(parsing text: String) {
        self.entries = text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return Entry(time: String(fields[0]), source: String(fields[1]), command: String(fields[2]))
        }
    }

    public static func load(folder: URL) -> CommandLog {
        let file = folder.appendingPathComponent(Self.fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return CommandLog(entries: []) }
        return CommandLog(parsing: text)
    }

    /// How many commands match `pattern`, a regular expression searched anywhere in the line
    /// (case-insensitive, spaces in the command collapsed to one).
    public func count(matching pattern: String) -> Int {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return 0 }
        return self.entries.filter { entry in
            guard entry.source != Self.resultSource else { return false }
            let line = entry.command.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }.count
    }

    /// A `result` line's text: the command, then what it measured.
    public static func measurementLine(command: String, measurement: String) -> String {
        command + Self.measurementSeparator + measurement
    }

    /// The records/sec of the last measured command matching `pattern` (a regular expression
    /// searched in the command, as in `count(matching:)`), read from its `result` line.
    public func lastThroughput(matching pattern: String) -> Double? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        for entry in self.entries.reversed() where entry.source == Self.resultSource {
            guard let separator = entry.command.range(of: Self.measurementSeparator) else { continue }
            let command = entry.command[..<separator.lowerBound].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard regex.firstMatch(in: command, range: NSRange(command.startIndex..., in: command)) != nil else { continue }
            let measurement = entry.command[separator.upperBound...]
            // "N records sent, R records/sec (M MB/sec), ..."
            guard let rate = measurement.range(of: " records/sec") else { continue }
            let before = measurement[..<rate.lowerBound]
            let number = before.split(separator: " ").last.map(String.init) ?? ""
            if let value = Double(number) { return value }
        }
        return nil
    }

    /// Appends one command to `folder/commands.log`; never rewrites earlier lines.
    public static func append(_ command: String, source: String, folder: URL, now: Date = Date()) throws(LabError) {
        let oneLine = command.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let line = "\(Self.timestamp(now))\t\(source)\t\(oneLine)\n"
        let file = folder.appendingPathComponent(Self.fileName)
        do {
            if !FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
        } catch {
            throw .io("cannot append to \(file.path): \(error.localizedDescription)")
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
