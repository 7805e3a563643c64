import Foundation

/// What a student has done, kept between sessions in `.samsa/labs/progress.json` in the project
/// folder (beside `labs/`): the lab in progress, its current step, and the last check of each lab.
public struct LabProgress: Codable, Sendable, Equatable {
    public struct LabState: Codable, Sendable, Equatable {
        public var step: Int = 0
        public var lastScore: Double?
        public var maxScore: Double?
        public var passedTasks: [String] = []
        public var startedAt: String?
        public var checkedAt: String?
        /// Every `lab check` of this lab, oldest first: when, and the score. An instructor reading
        /// a submitted progress file sees how many attempts a score took; nil in files written
        /// before the history was kept.
        public var checks: [CheckRecord]?

        /// Adds one check to `checks` and makes it the last score.
        public mutating func recordCheck(score: Double, maxScore: Double, passedTasks: [String], at time: String) {
            self.lastScore = score
            self.maxScore = maxScore
            self.passedTasks = passedTasks
            self.checkedAt = time
            self.checks = (self.checks ?? []) + [CheckRecord(time: time, score: score, maxScore: maxScore)]
        }
    }

    /// One `lab check`: when it ran (UTC, ISO 8601) and what it scored.
    public struct CheckRecord: Codable, Sendable, Equatable {
        public var time: String
        public var score: Double
        public var maxScore: Double

        public init(time: String, score: Double, maxScore: Double) {
            self.time = time
            self.score = score
            self.maxScore = maxScore
        }
    }

    public var currentLab: Int?
    /// The student's id (`lab id set`): it chooses their values in labs with variables.
    public var studentID: StudentID?
    public var labs: [String: LabState] = [:]

    public init() {}

    public func state(_ lab: Int) -> LabState { self.labs[String(lab)] ?? LabState() }

    public mutating func update(_ lab: Int, _ change: (inout LabState) -> Void) {
        var state = self.state(lab)
        change(&state)
        self.labs[String(lab)] = state
    }

    public static func file(in directory: URL) -> URL {
        directory.appendingPathComponent(".samsa/labs/progress.json")
    }

    public static func load(from file: URL) -> LabProgress {
        guard let data = try? Data(contentsOf: file),
            let progress = try? JSONDecoder().decode(LabProgress.self, from: data)
        else { return LabProgress() }
        return progress
    }

    public func save(to file: URL) throws(LabError) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self).write(to: file, options: .atomic)
        } catch {
            throw .io("cannot save lab progress to \(file.path): \(error.localizedDescription)")
        }
    }
}

/// The API the REPL (and `samsa kafka-…` tools) call for each command a student runs, once it has
/// ended: the command and its outcome go to the command log of the lab in progress, if any.
public struct LabRecorder: Sendable {
    public let catalog: LabCatalog
    public let progressFile: URL

    public init(catalog: LabCatalog) {
        self.catalog = catalog
        self.progressFile = catalog.progressFile
    }

    /// The recorder for the labs found from `directory` (see `LabCatalog.locateRoot`); nil outside
    /// a project with labs. What `samsa kafka-…` tools call before running.
    public static func forDirectory(_ directory: URL) -> LabRecorder? {
        guard let root = LabCatalog.locateRoot(from: directory), let catalog = try? LabCatalog(root: root) else {
            return nil
        }
        return LabRecorder(catalog: catalog)
    }

    /// The folder of the lab in progress, whose `commands.log` is written; nil outside a lab.
    /// Callers that must do work to learn an outcome's facts ask this first.
    public var currentLabFolder: URL? {
        let progress = LabProgress.load(from: self.progressFile)
        guard let number = progress.currentLab, let lab = try? self.catalog.lab(number) else { return nil }
        return self.catalog.folder(of: lab)
    }

    /// Appends `command`, which has just ended with `outcome`, to the current lab's
    /// `commands.log`; does nothing outside a lab. `source` is "repl" or "cli".
    public func record(
        _ command: String, source: String = "repl", outcome: CommandOutcome, now: Date = Date()
    ) throws(LabError) {
        guard let folder = self.currentLabFolder else { return }
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        try CommandLog.append(trimmed, source: source, outcome: outcome, folder: folder, now: now)
    }

    /// Appends what a command measured (a perf test's total line) to the current lab's
    /// `commands.log`, as a `result` line naming the command; does nothing outside a lab.
    public func recordMeasurement(of command: String, _ measurement: String) throws(LabError) {
        guard let folder = self.currentLabFolder else { return }
        try CommandLog.append(
            CommandLog.measurementLine(command: command, measurement: measurement), source: CommandLog.resultSource,
            outcome: .ok, folder: folder)
    }
}
