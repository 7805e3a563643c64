import KafkaProtocol
import POSIXFile

/// Kafka's checkpoint file format (`recovery-point-offset-checkpoint`,
/// `log-start-offset-checkpoint`, `replication-offset-checkpoint`): a version line `0`, a count
/// line, then `<topic> <partition> <offset>` per line. Written atomically (temp file + rename).
public struct OffsetCheckpointFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func write(_ offsets: [TopicPartition: Int64]) throws(LogStorageError) {
        var text = "0\n\(offsets.count)\n"
        for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) {
            text += "\(partition.topic) \(partition.partition) \(offset)\n"
        }
        try FileManagerless.writeAtomically(text, to: self.path)
    }

    /// Missing file → empty; malformed lines are skipped (the log recovers without them).
    public func read() -> [TopicPartition: Int64] {
        guard FileSystem.exists(self.path), let text = try? FileManagerless.read(self.path) else { return [:] }
        var result: [TopicPartition: Int64] = [:]
        for line in text.split(separator: "\n").dropFirst(2) {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let partition = Int32(fields[1]), let offset = Int64(fields[2]) else { continue }
            result[TopicPartition(String(fields[0]), partition)] = offset
        }
        return result
    }
}
