/// How a tool ends early. Each case prints the way Kafka's tools print that kind of failure, and
/// exits with 1 as they do.
enum ToolError: Error {
    /// A wrong or missing option: the message, then the tool's option list (Kafka's
    /// `CommandLineUtils.printUsageAndExit`), on stderr.
    case usage(String)
    /// An option the tool does not have (joptsimple's UnrecognizedOptionException).
    case unrecognizedOption(String, suggestion: String?)
    /// An option that needs a value was last on the line.
    case missingValue(String)
    /// A value that does not parse, e.g. `--partitions three`.
    case badValue(option: String, value: String, expected: String)
    /// The operation failed: the text is printed as is (stdout or stderr as Kafka does).
    case failed(String, toStdout: Bool = false)
}
