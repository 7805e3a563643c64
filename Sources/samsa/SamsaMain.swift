import ArgumentParser
import Foundation

/// `samsa`: one of Kafka's tools when the command line names one (`KafkaToolLauncher`, which
/// keeps Kafka's own parsing), else `SamsaCommand` and its subcommands (the REPL, `grade`,
/// `slides`, `install-tools`, ...), parsed by ArgumentParser.
@main
enum SamsaMain {
    static func main() {
        if let (name, arguments) = KafkaToolLauncher.resolve(CommandLine.arguments) {
            exit(KafkaToolLauncher.run(name, arguments))
        }
        SamsaCommand.main()
    }

    /// The running executable, links resolved, so links point at the real `samsa`.
    static func ownExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }
}
