import Foundation

/// The commands a student ran during a lab, appended to `commands.log` in the lab folder: one line
/// per command, written when it ended, `<UTC time> TAB <source> TAB <command line> TAB <outcome>`,
/// where source is `repl` (a REPL line) or `cli` (a `samsa kafka-…` tool) and the outcome is
/// `ok`, `ok key=value…` or `failed: <first line of the error>` (`CommandOutcome`). Checks count
/// only the commands that succeeded; an autograder can replay it.
///
/// Logs written before outcomes were logged have three fields; their lines parse with outcome
/// `.unknown` and no check counts them as done (the student runs the step again).
public struct CommandLog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// When the command ended (UTC, ISO 8601); when it started, for a line without outcome.
        public var time: String
        public var source: String
        public var command: String
        public var outcome: CommandOutcome

        public init(time: String, source: String, command: String, outcome: CommandOutcome = .unknown) {
            self.time = time
            self.source = source
            self.command = command
            self.outcome = outcome
        }
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
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { return nil }
            let outcome = fields.count == 4 ? CommandOutcome(parsing: String(fields[3])) ?? .unknown : .unknown
            return Entry(
                time: String(fields[0]), source: String(fields[1]), command: String(fields[2]), outcome: outcome)
        }
    }

    public static func load(folder: URL) -> CommandLog {
        let file = folder.appendingPathComponent(Self.fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return CommandLog(entries: []) }
        return CommandLog(parsing: text)
    }

    /// The commands matching `pattern`, a regular expression searched anywhere in the line
    /// (case-insensitive, spaces in the command collapsed to one), whatever their outcome.
    public func commands(matching pattern: String) -> [Entry] {
        self.commands(matchingAny: [pattern])
    }

    /// The commands matching at least one of `patterns`, each once, in the log's order.
    public func commands(matchingAny patterns: [String]) -> [Entry] {
        let regexes = patterns.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        return self.entries.filter { entry in
            guard entry.source != Self.resultSource else { return false }
            let line = entry.command.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return regexes.contains { Self.matches($0, line) }
        }
    }

    /// How many commands match `pattern` (as in `commands(matching:)`) and succeeded.
    public func count(matching pattern: String) -> Int {
        self.commands(matching: pattern).filter(\.outcome.isSuccess).count
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// A `result` line's text: the command, then what it measured.
    public static func measurementLine(command: String, measurement: String) -> String {
        command + Self.measurementSeparator + measurement
    }

    /// The records/sec of the last measured command matching `pattern` (a regular expression
    /// searched in the command, as in `count(matching:)`), read from its `result` line. A result
    /// line is only written when its tool succeeded, so lines without an outcome count too.
    public func lastThroughput(matching pattern: String) -> Double? {
        self.throughputs(matching: pattern).last
    }

    /// The records/sec of every measured command matching `pattern`, in the log's order.
    public func throughputs(matching pattern: String) -> [Double] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        var values: [Double] = []
        for entry in self.entries where entry.source == Self.resultSource {
            guard let separator = entry.command.range(of: Self.measurementSeparator) else { continue }
            let command = entry.command[..<separator.lowerBound].split(whereSeparator: \.isWhitespace).joined(
                separator: " ")
            guard Self.matches(regex, command) else { continue }
            let measurement = entry.command[separator.upperBound...]
            // "N records sent, R records/sec (M MB/sec), ..."
            guard let rate = measurement.range(of: " records/sec") else { continue }
            let before = measurement[..<rate.lowerBound]
            if let value = before.split(separator: " ").last.flatMap({ Double($0) }) { values.append(value) }
        }
        return values
    }

    /// What the perf tests matching `pattern` wrote, as the bytes an uncompressed log holds for it:
    /// per run, records sent × (`--record-size` + `recordOverhead`), summed (every run appended to
    /// the same partition). nil when no run matching it logged a result.
    public func uncompressedLogBytes(matching pattern: String) -> Double? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        var total: Double?
        for entry in self.entries where entry.source == Self.resultSource {
            guard let separator = entry.command.range(of: Self.measurementSeparator) else { continue }
            let words = entry.command[..<separator.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
            guard Self.matches(regex, words.joined(separator: " ")) else { continue }
            // "N records sent, ..."
            guard let sent = entry.command[separator.upperBound...].split(separator: " ").first.flatMap({ Double($0) }),
                let option = words.firstIndex(of: "--record-size"), option + 1 < words.count,
                let size = Double(words[option + 1])
            else { continue }
            total = (total ?? 0) + sent * (size + Self.recordOverhead)
        }
        return total
    }

    /// Bytes a v2 record adds around a small unkeyed value (attributes, timestamp and offset
    /// deltas, key and value lengths, header count, length), plus its share of its batch's
    /// 61-byte header: about 9 for the perf test's records.
    public static let recordOverhead: Double = 9

    /// The numeric values of outcome fact `key` (`mb.sec=3.69`, `waited=10.4`) on the commands
    /// matching `pattern` that succeeded, in the log's order.
    public func measuredFacts(_ key: String, matching pattern: String) -> [Double] {
        self.commands(matching: pattern).filter(\.outcome.isSuccess).flatMap { $0.outcome.values(of: key) }
            .compactMap { Double($0) }
    }

    /// Appends one command that ended at `now` with `outcome` to `folder/commands.log`; never
    /// rewrites earlier lines.
    public static func append(
        _ command: String, source: String, outcome: CommandOutcome, folder: URL, now: Date = Date()
    ) throws(LabError) {
        let oneLine = command.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let line = "\(Self.timestamp(now))\t\(source)\t\(oneLine)\t\(outcome)\n"
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
