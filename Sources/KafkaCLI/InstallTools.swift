import Foundation

/// `samsa install-tools [DIR]`: a link per tool (`kafka-topics`, `kafka-topics.sh`, ...) to the
/// `samsa` executable, which runs the tool named by the link. DIR defaults to `.samsa/bin`.
public enum InstallTools {
    public static func run(
        arguments: [String], executable: URL, console: any ToolConsole = StandardConsole(),
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            console.outLine("usage: samsa install-tools [DIR]\nLinks each Kafka tool name (kafka-topics, kafka-topics.sh, ...) in DIR (default .samsa/bin) to samsa.")
            return 0
        }
        guard arguments.count <= 1 else {
            console.errLine("samsa install-tools takes one folder at most, e.g. samsa install-tools ~/bin")
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
            console.errLine("samsa install-tools: cannot write links in \(directory.path): \(error.localizedDescription)")
            return 1
        }
        console.outLine("Linked \(KafkaTools.names.count * 2) Kafka tools in \(directory.path) to \(executable.path).")
        console.outLine("Add them to your PATH:")
        console.outLine("  export PATH=\"\(directory.path):$PATH\"")
        return 0
    }
}
