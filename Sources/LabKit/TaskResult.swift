/// The outcome of one task.
public struct TaskResult: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        case passed
        case failed
        /// Nothing to grade yet: the answer is empty, the exercise still throws `ExerciseNotDone`,
        /// the commands were never run.
        case notAttempted = "not attempted"
    }

    public var taskID: String
    public var title: String
    public var status: Status
    public var score: Double
    public var maxScore: Double
    /// Why, in words a student can act on.
    public var reason: String

    public init(taskID: String, title: String, status: Status, score: Double, maxScore: Double, reason: String) {
        self.taskID = taskID
        self.title = title
        self.status = status
        self.score = score
        self.maxScore = maxScore
        self.reason = reason
    }
}

/// A check's verdict before points are attached.
public struct Verdict: Sendable, Equatable {
    public var status: TaskResult.Status
    public var reason: String

    public static func passed(_ reason: String) -> Verdict { Verdict(status: .passed, reason: reason) }
    public static func failed(_ reason: String) -> Verdict { Verdict(status: .failed, reason: reason) }
    public static func notAttempted(_ reason: String) -> Verdict { Verdict(status: .notAttempted, reason: reason) }
}

/// All tasks of one lab.
public struct LabResult: Sendable, Equatable {
    public var lab: LabManifest
    public var tasks: [TaskResult]

    public var score: Double { self.tasks.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { self.tasks.reduce(0) { $0 + $1.maxScore } }

    public func task(_ id: String) -> TaskResult? { self.tasks.first { $0.taskID == id } }
}
