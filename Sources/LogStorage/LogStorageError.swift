import KafkaProtocol
import POSIXFile

/// What went wrong with a partition's log. Mapped to Kafka error codes only at the wire.
public enum LogStorageError: Error, Sendable, CustomStringConvertible {
    /// A system call failed; `errno` as the OS gave it.
    case io(operation: String, path: String, errno: Int32)
    case offsetOutOfRange(requested: Int64, logStartOffset: Int64, logEndOffset: Int64)
    case invalidBatch(RecordBatchError)
    case invalidConfig(key: String, value: String, expected: String)
    /// A topic config Kafka would refuse, with Kafka's sentence.
    case rejectedTopicConfig(TopicConfigRejection)
    case logClosed(TopicPartition)
    case corruptIndex(path: String, reason: String)
    case invalidDirectoryName(String)
    /// An idempotent producer skipped sequence numbers (a lost batch), KIP-98.
    case outOfOrderSequence(producerId: Int64, expected: Int32, received: Int32)
    /// A producer with an older epoch than the partition has seen: a zombie instance.
    case invalidProducerEpoch(producerId: Int64, epoch: Int16, current: Int16)

    public var description: String {
        switch self {
        case .io(let operation, let path, let errno):
            "\(operation) failed on \(path): \(String(cString: strerror(errno))) (errno \(errno))"
        case .offsetOutOfRange(let requested, let start, let end):
            "offset \(requested) is out of range: the log holds offsets \(start) to \(end - 1)"
                + (start == end ? " (it is empty; the next record gets offset \(end))" : "")
        case .invalidBatch(let error):
            error.description
        case .invalidConfig(let key, let value, let expected):
            "\(key)=\(value) is not valid; expected \(expected)"
        case .rejectedTopicConfig(let rejection):
            rejection.description
        case .logClosed(let partition):
            "the log of \(partition) is closed (the topic was deleted or the broker is stopping)"
        case .corruptIndex(let path, let reason):
            "index \(path) is corrupt (\(reason)); it will be rebuilt from the log"
        case .invalidDirectoryName(let name):
            "\(name) is not a partition directory (expected <topic>-<partition>)"
        case .outOfOrderSequence(let producerId, let expected, let received):
            "producer \(producerId) sent sequence \(received) but this partition expected \(expected); "
                + "a batch in between was lost, so the producer must not continue with this epoch"
        case .invalidProducerEpoch(let producerId, let epoch, let current):
            "producer \(producerId) has epoch \(epoch) but this partition has seen epoch \(current); "
                + "an older instance of the producer was fenced by a newer one"
        }
    }
}

extension LogStorageError {
    /// A failed call of `POSIXFile`, as `io`.
    init(_ error: POSIXFileError) {
        self = .io(operation: error.operation, path: error.path, errno: error.errno)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
