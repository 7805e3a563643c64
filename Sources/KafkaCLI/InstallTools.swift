import CourseLanguage
import Foundation

/// `samsa install-tools [DIR]`: a link per tool (`kafka-topics`, `kafka-topics.sh`, ...) to the
/// `samsa` executable, which runs the tool named by the link. DIR defaults to `.samsa/bin`.
public enum InstallTools {
    public static func run(
        arguments: [String], executable: URL, console: any ToolConsole = StandardConsole(),
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Int32 {
        let language = Language.resolve(workingDirectory: URL(fileURLWithPath: currentDirectory, isDirectory: true))
        if arguments.contains("--help") || arguments.contains("-h") {
            console.outLine(
                language.pick(
                    es: "uso: samsa install-tools [CARPETA]\nEnlaza a samsa el nombre de cada herramienta de Kafka (kafka-topics, kafka-topics.sh, ...) en CARPETA (por defecto .samsa/bin).",
                    en: "usage: samsa install-tools [DIR]\nLinks each Kafka tool name (kafka-topics, kafka-topics.sh, ...) in DIR (default .samsa/bin) to samsa."))
            return 0
        }
        guard arguments.count <= 1 else {
            console.errLine(
                language.pick(
                    es: "samsa install-tools admite como mucho una carpeta, p. ej. samsa install-tools ~/bin",
                    en: "samsa install-tools takes one folder at most, e.g. samsa install-tools ~/bin"))
            return 1
        }
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let directory = URL(fileURLWithPath: arguments.first ?? ".samsa/bin", isDirectory: true, relativeTo: base).standardizedFileURL
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for name in KafkaTools.names.flatMap({ [$0, $0 + ".sh"] }) {
                let link = directory.appendingPathComponent(name)
                if (try? manager.destinationOfSymbolicLink(atPath: link.path)) != nil || manager.fileExists(atPath: link.path) {
                    try manager.removeItem(at: link)
                }
                try manager.createSymbolicLink(atPath: link.path, withDestinationPath: executable.path)
            }
        } catch {
            console.errLine(
                language.pick(
                    es: "samsa install-tools: no se pueden crear enlaces en \(directory.path): \(error.localizedDescription)",
                    en: "samsa install-tools: cannot write links in \(directory.path): \(error.localizedDescription)"))
            return 1
        }
        console.outLine(
            language.pick(
                es: "Enlazadas \(KafkaTools.names.count * 2) herramientas de Kafka en \(directory.path) a \(executable.path).",
                en: "Linked \(KafkaTools.names.count * 2) Kafka tools in \(directory.path) to \(executable.path)."))
        console.outLine(language.pick(es: "Añádelas a tu PATH:", en: "Add them to your PATH:"))
        console.outLine("  export PATH=\"\(directory.path):$PATH\"")
        return 0
    }
}
