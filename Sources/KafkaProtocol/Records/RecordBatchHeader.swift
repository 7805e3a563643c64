import NIOCore

/// The fixed 61-byte header of a RecordBatch v2 (magic 2), as laid out in Kafka's
/// `DefaultRecordBatch`. The broker validates and rewrites only this header on the produce path
/// and stores the batch bytes exactly as they came: records are never decoded there.
public struct RecordBatchHeader: Sendable, Hashable {
    public static let size = 61
    /// Bytes before `batchLength` counts: baseOffset (8) + batchLength (4).
    public static let logOverhead = 12
    /// The CRC covers everything from `attributes` to the end of the batch.
    public static let crcCoverageStart = 21

    public enum Offset {
        public static let baseOffset = 0
        public static let batchLength = 8
        public static let partitionLeaderEpoch = 12
        public static let magic = 16
        public static let crc = 17
        public static let attributes = 21
        public static let lastOffsetDelta = 23
        public static let baseTimestamp = 27
        public static let maxTimestamp = 35
        public static let producerId = 43
        public static let producerEpoch = 51
        public static let baseSequence = 53
        public static let recordsCount = 57
    }

    public var baseOffset: Int64
    public var batchLength: Int32
    public var partitionLeaderEpoch: Int32
    public var magic: Int8
    public var crc: UInt32
    public var attributes: RecordBatchAttributes
    public var lastOffsetDelta: Int32
    public var baseTimestamp: Int64
    public var maxTimestamp: Int64
    public var producerId: Int64
    public var producerEpoch: Int16
    public var baseSequence: Int32
    public var recordsCount: Int32

    public init(
        baseOffset: Int64 = 0, batchLength: Int32 = 0, partitionLeaderEpoch: Int32 = -1, magic: Int8 = 2,
        crc: UInt32 = 0, attributes: RecordBatchAttributes = .init(), lastOffsetDelta: Int32 = 0,
        baseTimestamp: Int64 = -1, maxTimestamp: Int64 = -1, producerId: Int64 = -1, producerEpoch: Int16 = -1,
        baseSequence: Int32 = -1, recordsCount: Int32 = 0
    ) {
        self.baseOffset = baseOffset
        self.batchLength = batchLength
        self.partitionLeaderEpoch = partitionLeaderEpoch
        self.magic = magic
        self.crc = crc
        self.attributes = attributes
        self.lastOffsetDelta = lastOffsetDelta
        self.baseTimestamp = baseTimestamp
        self.maxTimestamp = maxTimestamp
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.baseSequence = baseSequence
        self.recordsCount = recordsCount
    }

    /// Total bytes of the batch including the 12-byte log overhead.
    public var totalSize: Int { Int(self.batchLength) + Self.logOverhead }
    /// Wrapping arithmetic: a header read from the network may carry any base offset, and reading
    /// it must never trap (found by samsa-fuzz-kafka).
    public var lastOffset: Int64 { self.baseOffset &+ Int64(self.lastOffsetDelta) }
    public var nextOffset: Int64 { self.lastOffset &+ 1 }

    /// Reads a header at `index` without moving the reader index. `nil` when fewer than 61 bytes
    /// are there (a partial batch at the end of a fetch or of a torn log file).
    public init?(buffer: ByteBuffer, at index: Int) {
        guard index >= buffer.readerIndex, index + Self.size <= buffer.writerIndex,
            let baseOffset = buffer.getInteger(at: index + Offset.baseOffset, as: Int64.self),
            let batchLength = buffer.getInteger(at: index + Offset.batchLength, as: Int32.self),
            let partitionLeaderEpoch = buffer.getInteger(at: index + Offset.partitionLeaderEpoch, as: Int32.self),
            let magic = buffer.getInteger(at: index + Offset.magic, as: Int8.self),
            let crc = buffer.getInteger(at: index + Offset.crc, as: UInt32.self),
            let attributes = buffer.getInteger(at: index + Offset.attributes, as: Int16.self),
            let lastOffsetDelta = buffer.getInteger(at: index + Offset.lastOffsetDelta, as: Int32.self),
            let baseTimestamp = buffer.getInteger(at: index + Offset.baseTimestamp, as: Int64.self),
            let maxTimestamp = buffer.getInteger(at: index + Offset.maxTimestamp, as: Int64.self),
            let producerId = buffer.getInteger(at: index + Offset.producerId, as: Int64.self),
            let producerEpoch = buffer.getInteger(at: index + Offset.producerEpoch, as: Int16.self),
            let baseSequence = buffer.getInteger(at: index + Offset.baseSequence, as: Int32.self),
            let recordsCount = buffer.getInteger(at: index + Offset.recordsCount, as: Int32.self)
        else { return nil }
        self.init(
            baseOffset: baseOffset, batchLength: batchLength, partitionLeaderEpoch: partitionLeaderEpoch,
            magic: magic, crc: crc, attributes: RecordBatchAttributes(rawValue: attributes),
            lastOffsetDelta: lastOffsetDelta, baseTimestamp: baseTimestamp, maxTimestamp: maxTimestamp,
            producerId: producerId, producerEpoch: producerEpoch, baseSequence: baseSequence,
            recordsCount: recordsCount)
    }

    /// Writes the header fields (with `crc` as stored; see `RecordBatch.updateCRC`).
    public func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(self.baseOffset)
        buffer.writeInteger(self.batchLength)
        buffer.writeInteger(self.partitionLeaderEpoch)
        buffer.writeInteger(self.magic)
        buffer.writeInteger(self.crc)
        buffer.writeInteger(self.attributes.rawValue)
        buffer.writeInteger(self.lastOffsetDelta)
        buffer.writeInteger(self.baseTimestamp)
        buffer.writeInteger(self.maxTimestamp)
        buffer.writeInteger(self.producerId)
        buffer.writeInteger(self.producerEpoch)
        buffer.writeInteger(self.baseSequence)
        buffer.writeInteger(self.recordsCount)
    }
}

/// The attributes bit field of a RecordBatch v2.
public struct RecordBatchAttributes: Sendable, Hashable {
    public var rawValue: Int16

    public init(rawValue: Int16 = 0) { self.rawValue = rawValue }

    public init(
        compression: CompressionCodec = .none, timestampType: TimestampType = .createTime,
        isTransactional: Bool = false, isControl: Bool = false
    ) {
        var raw = Int16(compression.rawValue)
        if timestampType == .logAppendTime { raw |= 0x08 }
        if isTransactional { raw |= 0x10 }
        if isControl { raw |= 0x20 }
        self.rawValue = raw
    }

    /// `nil` for codec ids 5–7, which no Kafka version defines.
    public var compression: CompressionCodec? { CompressionCodec(rawValue: Int8(self.rawValue & 0x07)) }
    public var timestampType: TimestampType {
        get { (self.rawValue & 0x08) != 0 ? .logAppendTime : .createTime }
        set { self.rawValue = newValue == .logAppendTime ? self.rawValue | 0x08 : self.rawValue & ~0x08 }
    }
    public var isTransactional: Bool { (self.rawValue & 0x10) != 0 }
    public var isControl: Bool { (self.rawValue & 0x20) != 0 }
    public var hasDeleteHorizon: Bool { (self.rawValue & 0x40) != 0 }
}

public enum CompressionCodec: Int8, Sendable, CaseIterable, CustomStringConvertible {
    case none = 0
    case gzip = 1
    case snappy = 2
    case lz4 = 3
    case zstd = 4

    public var description: String {
        switch self {
        case .none: "none"
        case .gzip: "gzip"
        case .snappy: "snappy"
        case .lz4: "lz4"
        case .zstd: "zstd"
        }
    }
}

public enum TimestampType: Int8, Sendable, CustomStringConvertible {
    case createTime = 0
    case logAppendTime = 1

    public var description: String { self == .createTime ? "CreateTime" : "LogAppendTime" }
}
