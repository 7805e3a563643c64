import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import PageCache
import SamsaClient

/// Where the leaders' partition logs are on this machine, for the perf tests' page cache line:
/// the local clusters of the working directory (`.samsa/NAME/cluster.json`) say which port each
/// broker listens on and where its log dir is. A broker elsewhere is simply not found.
enum LocalLogDirectories {
    /// The log dir of every broker of a local cluster under `directory`, by port.
    static func byPort(in directory: String) -> [Int: String] {
        let root = URL(fileURLWithPath: directory).appendingPathComponent(".samsa", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var result: [Int: String] = [:]
        for name in names.sorted() {
            let file = root.appendingPathComponent(name).appendingPathComponent("cluster.json")
            guard let state = try? ClusterState.load(from: file) else { continue }
            for broker in state.brokers { result[broker.port] = broker.dataDir }
        }
        return result
    }

    /// Each partition's directory on its leader, when that leader is a local broker.
    static func leaderDirectories(
        _ partitions: [TopicPartition], metadata: ClusterMetadata, context: ToolContext
    ) -> [TopicPartition: String] {
        let logDirs = self.byPort(in: context.currentDirectory)
        guard !logDirs.isEmpty else { return [:] }
        var result: [TopicPartition: String] = [:]
        for partition in partitions {
            guard let leader = try? metadata.leader(of: partition), let broker = metadata.brokers[leader],
                ["127.0.0.1", "localhost", "::1"].contains(broker.address.host),
                let logDir = logDirs[broker.address.port]
            else { continue }
            result[partition] = "\(logDir)/\(partition.topic)-\(partition.partition)"
        }
        return result
    }

    /// Samsa's line after Kafka's: how much of what the run read was in the page cache before it.
    static func reportLine(_ tracker: ReadResidency<TopicPartition>, language: Language) -> String {
        guard let residency = tracker.residency else {
            return language.pick(
                es:
                    "Samsa: page cache: los log dirs de los líderes no están en esta máquina (ejecuta la herramienta en la carpeta del clúster de `samsa` para verlos).",
                en:
                    "Samsa: page cache: the leaders' log dirs are not on this machine (run the tool in the folder of `samsa`'s cluster to see them)."
            )
        }
        let resident = self.megabytes(residency.residentBytes)
        let size = self.megabytes(residency.size)
        return language.pick(
            es:
                "Samsa: page cache antes de leer: \(resident) de los \(size) MB de log leídos estaban en memoria (\(residency.percent) %), "
                + "medido con mincore en los segmentos de los líderes.",
            en:
                "Samsa: page cache before the read: \(resident) of the \(size) MB of log read were resident (\(residency.percent) %), "
                + "measured with mincore on the leaders' segments.")
    }

    static func megabytes(_ bytes: Int64) -> String { ProducerPerfStats.format(Double(bytes) / 1024 / 1024, 1) }
}
