/// Why a batch of records was refused. Each maps to a Kafka error code at the wire
/// (`CORRUPT_MESSAGE`, `INVALID_RECORD`, `UNSUPPORTED_FOR_MESSAGE_FORMAT`, `RECORD_LIST_TOO_LARGE`).
public enum RecordBatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes end inside a batch: its header says `needed` bytes, only `available` are there.
    case truncated(needed: Int, available: Int)
    case unsupportedMagic(Int8)
    case invalidBatchLength(Int32)
    case crcMismatch(stored: UInt32, computed: UInt32)
    case recordCountMismatch(header: Int32, counted: Int)
    case invalidLastOffsetDelta(lastOffsetDelta: Int32, recordsCount: Int32)
    case unknownCompression(Int16)
    case batchTooLarge(size: Int, max: Int)
    case empty

    public var description: String {
        switch self {
        case .truncated(let needed, let available):
            "record batch is cut short: it says \(needed) bytes but only \(available) are there"
        case .unsupportedMagic(let magic):
            "record batch has magic \(magic); only RecordBatch v2 (magic 2, Kafka 0.11+) is accepted"
        case .invalidBatchLength(let length):
            "record batch length \(length) is impossible; it must be at least 49 (a header with no records)"
        case .crcMismatch(let stored, let computed):
            "record batch is corrupt: stored CRC-32C \(stored) but the bytes give \(computed)"
        case .recordCountMismatch(let header, let counted):
            "record batch says it holds \(header) records but \(counted) were found"
        case .invalidLastOffsetDelta(let delta, let count):
            "record batch has lastOffsetDelta \(delta) for \(count) records; it must be count - 1"
        case .unknownCompression(let attributes):
            "record batch attributes \(attributes) name an unknown compression codec (valid: 0-4)"
        case .batchTooLarge(let size, let max):
            "record batch of \(size) bytes is larger than max.message.bytes (\(max))"
        case .empty:
            "no record batch was sent"
        }
    }
}
