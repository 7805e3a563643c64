import ArgumentParser
import Foundation

/// `samsa`: a subcommand from `SubcommandTable` (Kafka's tools, `install-tools`, ...) when the
/// command line names one, else the REPL (`SamsaCommand`).
@main
enum SamsaMain {
    static func main() {
        if let (name, entry, arguments) = SubcommandTable.resolve(CommandLine.arguments) {
            exit(entry.run(name, arguments))
        }
        SamsaCommand.main()
    }
}
