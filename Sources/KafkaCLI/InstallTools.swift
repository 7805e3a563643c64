import CourseLanguage
import Foundation

/// `samsa install-tools [DIR]`: a link per tool (`kafka-topics`, `kafka-topics.sh`, ...) to the
/// `samsa` executable, which runs the tool named by the link. DIR defaults to `.samsa/bin`. Its
/// command line is `samsa`'s to parse (`InstallToolsCommand`).
public enum InstallTools {
    /// Returns the exit status: 0, or 1 when a link cannot be written.
    public static func link(
        into folder: String?, executable: URL, console: any ToolConsole = StandardConsole(),
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Int32 {
        let language = Language.resolve(workingDirectory: URL(fileURLWithPath: currentDirectory, isDirectory: true))
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let directory = URL(fileURLWithPath: folder ?? ".samsa/bin", isDirectory: true, relativeTo: base)
            .standardizedFileURL
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for name in KafkaTools.names.flatMap({ [$0, $0 + ".sh"] }) {
                let link = directory.appendingPathComponent(name)
                if (try? manager.destinationOfSymbolicLink(atPath: link.path)) != nil
                    || manager.fileExists(atPath: link.path)
                {
                    try manager.removeItem(at: link)
                }
                try manager.createSymbolicLink(atPath: link.path, withDestinationPath: executable.path)
            }
        } catch {
            console.errLine(
                language.pick(
                    es:
                        "samsa install-tools: no se pueden crear enlaces en \(directory.path): \(error.localizedDescription)",
                    en: "samsa install-tools: cannot write links in \(directory.path): \(error.localizedDescription)"))
            return 1
        }
        console.outLine(
            language.pick(
                es:
                    "Enlazadas \(KafkaTools.names.count * 2) herramientas de Kafka en \(directory.path) a \(executable.path).",
                en: "Linked \(KafkaTools.names.count * 2) Kafka tools in \(directory.path) to \(executable.path)."))
        console.outLine(language.pick(es: "Añádelas a tu PATH:", en: "Add them to your PATH:"))
        console.outLine("  export PATH=\"\(directory.path):$PATH\"")
        return 0
    }
}
