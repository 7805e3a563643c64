import CourseLanguage
import Foundation

/// Runs a lab's checks for one submission: the same code behind `lab check`, `samsa grade` and
/// the XCTest checkers.
public struct LabChecker: Sendable {
    /// The lab folder to read `answers.properties` and `commands.log` from.
    public var submission: URL
    /// A running cluster for the `cluster` checks; without one, the command log stands in.
    public var bootstrap: String?
    /// The Swift exercises to run; nil where they are not linked (the REPL), and then the
    /// exercise tasks say how to check them.
    public var code: ExerciseImplementations?
    public var language: Language
    /// Whom the submission is graded for (the REPL's `lab id`, `samsa grade --student-id`); nil
    /// to take the `student_id` written in answers.properties.
    public var studentID: StudentID?

    public init(
        submission: URL, bootstrap: String? = nil, code: ExerciseImplementations? = nil, language: Language = .en,
        studentID: StudentID? = nil
    ) {
        self.submission = submission
        self.bootstrap = bootstrap
        self.code = code
        self.language = language
        self.studentID = studentID
    }

    public func run(_ lab: LabManifest) async -> LabResult {
        let answers = AnswersFile.load(folder: self.submission)
        let log = CommandLog.load(folder: self.submission)
        let identity = StudentIdentity(graded: self.studentID, written: answers[StudentID.answersKey])
        var manifest = lab
        var unusable: Verdict?
        if lab.hasVariants {
            switch identity {
            case .known(let id):
                do {
                    manifest = try lab.forStudent(id)
                } catch {
                    unusable = .failed("internal: \(error)")
                }
            case .missing, .invalid, .mismatch:
                unusable = identity.verdict(self.language)
            }
        }
        // Answers written for someone else are not this student's at all: every answer task fails,
        // not only those whose values differ between students.
        let foreignAnswers: Bool
        if case .mismatch = identity { foreignAnswers = true } else { foreignAnswers = false }
        if foreignAnswers, unusable == nil { unusable = identity.verdict(self.language) }
        var results: [TaskResult] = []
        for task in manifest.tasks {
            let readsAnswers = task.check.kind == .answer || task.check.kind == .answerRelation
            if let unusable, lab.variantTaskIDs.contains(task.id) || (foreignAnswers && readsAnswers) {
                results.append(
                    TaskResult(
                        taskID: task.id, title: task.description.text(self.language), status: unusable.status, score: 0,
                        maxScore: task.points, reason: unusable.reason))
                continue
            }
            results.append(await self.run(task, answers: answers, log: log))
        }
        return LabResult(lab: manifest, tasks: results)
    }

    public func run(_ task: LabTask, answers: AnswersFile, log: CommandLog) async -> TaskResult {
        var verdict: Verdict
        switch task.check.kind {
        case .answer, .answerRelation:
            verdict = AnswerChecks.check(task.check, answers: answers, language: self.language, log: log)
        case .commandLog:
            verdict = CommandLogChecks.check(task.check, log: log, language: self.language)
        case .measuredRelation:
            verdict = CommandLogChecks.measuredRelation(task.check, log: log, language: self.language)
        case .cluster:
            if let bootstrap = self.bootstrap {
                verdict = await ClusterChecks.check(task.check, bootstrap: bootstrap, language: self.language)
            } else {
                // Replaying the log on a fresh cluster is not done yet: the log is the evidence, and
                // one matching command is enough (`minimum` is the probe's, not a command count).
                var evidence = task.check
                evidence.minimum = nil
                verdict = CommandLogChecks.check(evidence, log: log, language: self.language)
            }
        case .exercise:
            if let code = self.code {
                verdict = await ExerciseChecks.check(task.check.exercise ?? "", code: code, language: self.language)
            } else {
                verdict = .notAttempted(
                    self.language == .es
                        ? "tu código Swift se comprueba aparte: `swift run samsa-lab grade --lab N`"
                        : "your Swift code is checked separately: `swift run samsa-lab grade --lab N`")
            }
        }
        if verdict.status == .failed, let advice = task.advice {
            verdict.reason += " — " + advice.text(self.language)
        }
        return TaskResult(
            taskID: task.id, title: task.description.text(self.language), status: verdict.status,
            score: verdict.status == .passed ? task.points : 0, maxScore: task.points, reason: verdict.reason)
    }
}
