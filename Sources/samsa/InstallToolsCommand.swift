import ArgumentParser
import CourseLanguage
import Foundation
import KafkaCLI

/// `samsa install-tools [DIR]`: a link per Kafka tool (`kafka-topics`, `kafka-topics.sh`, ...) to
/// the `samsa` executable, which runs the tool named by the link (`KafkaToolLauncher`).
struct InstallToolsCommand: ParsableCommand {
    // Computed, so the help follows the student's language (`samsa language`, LANG).
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "samsa install-tools",
            abstract: Language.preferred.pick(
                es:
                    "Enlaza a samsa el nombre de cada herramienta de Kafka (kafka-topics, kafka-topics.sh, ...) en DIR.",
                en: "Link each Kafka tool name (kafka-topics, kafka-topics.sh, ...) in DIR to samsa."))
    }

    /// A command line it cannot take (more than one folder); 1, as it has always been.
    static let usageStatus: Int32 = 1

    @Argument(
        help: ArgumentHelp(
            Language.preferred.pick(
                es: "La carpeta de los enlaces (por defecto .samsa/bin); añádela a tu PATH.",
                en: "The folder for the links (default: .samsa/bin); add it to your PATH."),
            valueName: "DIR"))
    var directory: String?

    func run() throws {
        let status = InstallTools.link(into: self.directory, executable: SamsaMain.ownExecutable())
        if status != 0 { throw ExitCode(status) }
    }
}
