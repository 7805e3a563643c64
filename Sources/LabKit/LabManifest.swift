import CourseLanguage
import Foundation

/// One lab, as `labs/NN-slug/lab.json` describes it. The REPL's `lab` commands, the checkers and
/// `samsa grade` all read this file, so a lab is changed in one place.
public struct LabManifest: Codable, Sendable, Hashable {
    public var number: Int
    public var slug: String
    public var title: LocalizedText
    /// How long a student needs, in minutes.
    public var minutes: Int
    /// The cluster `lab start` prepares.
    public var cluster: ClusterNeed
    public var steps: [LabStep]
    public var tasks: [LabTask]
    /// What differs between students (see `LabVariant`); nil when every student does the same lab.
    public var variables: [VariableGroup]?

    /// lab.json as written, placeholders and all, for `forStudent`; nil for a manifest built in code.
    public internal(set) var template: Data?
    /// Tasks whose check depends on the student's values: without an id they cannot be graded.
    public internal(set) var variantTaskIDs: Set<String> = []
    /// Whose values fill this manifest; nil for the worked example (every group's first choice).
    public internal(set) var studentID: StudentID?

    enum CodingKeys: String, CodingKey {
        case number, slug, title, minutes, cluster, steps, tasks, variables
    }

    public var maxScore: Double { self.tasks.reduce(0) { $0 + $1.points } }
    /// `NN-slug`, the lab's folder name.
    public var folderName: String { (self.number < 10 ? "0" : "") + "\(self.number)-\(self.slug)" }

    public struct ClusterNeed: Codable, Sendable, Hashable {
        /// 0: the student starts everything by hand (Lab 1, part A).
        public var brokers: Int
        public var standalone: Bool

        public init(brokers: Int, standalone: Bool) {
            self.brokers = brokers
            self.standalone = standalone
        }
    }
}

public struct LabStep: Codable, Sendable, Hashable {
    public var text: LocalizedText
    public var hint: LocalizedText?
    /// Commands the step asks for, shown as they should be typed.
    public var commands: [String]?
}

public struct LabTask: Codable, Sendable, Hashable {
    public var id: String
    public var points: Double
    public var description: LocalizedText
    public var check: CheckSpec
    /// Shown when the task fails: what to look at again.
    public var advice: LocalizedText?
}

/// What a task checks. `kind` selects the check; the other fields are its parameters.
public struct CheckSpec: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// An answers-file value compared with `expected` (see `match`).
        case answer
        /// Two answers compared with each other (`keys`, `relation`), e.g. measured throughputs.
        case answerRelation
        /// The command log holds a command matching one of `patterns` (regular expressions) that
        /// succeeded, at least `minimum` times; with `outcome`, only commands whose outcome matches
        /// it count; with `distinct`, `minimum` counts different values of that outcome fact.
        case commandLog
        /// Two throughputs the student measured, read from `commands.log` (the perf test's total
        /// line is logged beside its command): the last run matching `patterns[0]` compared by
        /// `relation` with the last run matching `patterns[1]`. Nothing typed in, nothing invented.
        case measuredRelation
        /// Cluster state through SamsaClient (`probe`); without a cluster, the command log's
        /// `patterns` stand in as evidence.
        case cluster
        /// The student's Swift exercise run against test data (`exercise`).
        case exercise
    }

    /// How an answer is compared.
    public enum Match: String, Codable, Sendable {
        /// Same text in either language, ignoring case, accents, quotes and a final period
        /// (`AnswerText`: `partición` is `partition`, `sí` is `yes`).
        case text
        /// Same integer.
        case integer
        /// One of `expected`'s comma-separated values, compared as `text` is.
        case oneOf
        /// An integer or decimal within `minimum`...`maximum`.
        case range
        /// A comma-separated list of integers, same set in any order (e.g. an ISR "2,3").
        case integerSet
        /// A segment file name whose base offset equals the integer answer named in `keys[0]`.
        case segmentOfOffset
    }

    public enum Relation: String, Codable, Sendable {
        case greaterThan, lessThan
    }

    public enum Probe: String, Codable, Sendable {
        /// Topic `topic` exists, with `partitions` and `replicationFactor` when given.
        case topic
        /// The partitions of `topic` hold at least `minimum` records in total, and at most `maximum`
        /// when given (Lab 3: exactly what survived an election).
        case records
        /// Group `group` has committed offsets for every partition of `topic` (lag 0 if `lagZero`).
        case groupCommitted
        /// Topic `topic` has every config in `configs` set to that value (DescribeConfigs), and
        /// `replicationFactor` when given.
        case topicConfig
    }

    public var kind: Kind
    public var key: String?
    public var keys: [String]?
    public var expected: String?
    public var match: Match?
    public var minimum: Double?
    public var maximum: Double?
    public var relation: Relation?
    public var patterns: [String]?
    public var probe: Probe?
    public var topic: String?
    public var partitions: Int?
    public var replicationFactor: Int?
    public var group: String?
    public var lagZero: Bool?
    /// For `topicConfig`: config name → the value the step sets.
    public var configs: [String: String]?
    public var exercise: String?
    /// For `commandLog`: a regular expression the command's outcome must match (searched in
    /// `ok key=value…`, case-insensitive), so the check tests what the command meant, e.g.
    /// `\bled=(\S*,)?payments-0(,|\s|$)`: the killed broker led payments-0 at that moment.
    public var outcome: String?
    /// For `commandLog`: an outcome fact (e.g. `broker.id`) whose different values are counted
    /// against `minimum` instead of the commands: two starts of one server file are one broker.
    public var distinct: String?
    /// The sheet's step the check is about, named in failure messages instead of expected values.
    public var step: Int?
    /// For `answer` and `answerRelation` with `patterns` (one per key): what backs a typed-in
    /// measurement in `commands.log`. nil: the records/sec of the perf tests matching the pattern
    /// (their `result` lines); `uncompressed.log.bytes`: the bytes those perf tests' records take
    /// in an uncompressed log (records sent × (record size + overhead)); otherwise the outcome
    /// fact of that name (`mb.sec`, `waited`) on the successful commands matching it. An empty
    /// pattern leaves its key as typed. The answer must agree with one of those measurements
    /// (`MeasuredAnswers`), and a relation compares the measurements, not the typed numbers.
    public var measurement: String?
    /// How far a typed-in measurement may be from the logged one, as a fraction of it (0.05: 5 %);
    /// a whole number equal to the measurement rounded also agrees. Default `MeasuredAnswers.defaultTolerance`.
    public var tolerance: Double?
    /// The commands that print each key's measurement, as failure messages name them (one per key,
    /// e.g. `samsa kafka-producer-perf-test … linger.ms=0`): what to run again.
    public var commands: [String]?

    public init(kind: Kind) { self.kind = kind }
}
