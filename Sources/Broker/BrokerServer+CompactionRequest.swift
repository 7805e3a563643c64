import Foundation
import KafkaProtocol
import LogStorage
import Logging

/// Samsa's way for the cluster's owner to run the log cleaner now (`topic compact` in the REPL):
/// it writes `samsa-compact-request` (lines `topic partition`) into the broker's first log dir and
/// sends SIGUSR1 (`samsa-broker`). The named partitions are cleaned at once whatever their dirty
/// ratio, as the broker's own pass would clean them; Kafka has no such request.
extension BrokerServer {
    public static let compactionRequestFileName = "samsa-compact-request"

    public func runRequestedCompaction() {
        guard let logDir = self.config.logDirs.first else { return }
        let path = "\(logDir)/\(Self.compactionRequestFileName)"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            self.logger.warning("SIGUSR1 ignored: no \(Self.compactionRequestFileName) in \(logDir)")
            return
        }
        try? FileManager.default.removeItem(atPath: path)
        let partitions = Set(
            text.split(separator: "\n").compactMap { line -> TopicPartition? in
                let fields = line.split(separator: " ")
                guard fields.count == 2, let partition = Int32(fields[1]) else { return nil }
                return TopicPartition(String(fields[0]), partition)
            })
        let cleaned = self.state.logManager.runCleaner(now: Clock.millis(), only: partitions, force: true)
        self.logger.notice(
            "compaction requested by the cluster's owner",
            metadata: ["partitions": "\(partitions.sorted())", "cleaned": "\(cleaned.keys.sorted())"])
    }
}
