import NIOCore

/// The one RecordBatch v2 encoder: records are encoded as they arrive (a producer keeps bytes rather
/// than record values while it lingers; each record stores its timestamp and offset as zigzag-varint
/// deltas from the batch's first ones), then `close` puts the header and CRC-32C around them, or
/// around their compressed form.
public struct RecordBatchWriter: Sendable {
    /// The encoded records so far, uncompressed.
    public private(set) var records: ByteBuffer
    public private(set) var count: Int32 = 0
    public private(set) var baseTimestamp: Int64 = -1
    public private(set) var maxTimestamp: Int64 = -1

    public init(allocator: ByteBufferAllocator = ByteBufferAllocator(), capacity: Int = 1024) {
        self.records = allocator.buffer(capacity: capacity)
    }

    /// Bytes of the finished batch if it were closed now, uncompressed.
    public var estimatedSize: Int { RecordBatchHeader.size + self.records.readableBytes }

    /// The bytes a record would add, to decide whether it fits in `batch.size`.
    public static func estimatedRecordSize(key: ByteBuffer?, value: ByteBuffer?, headers: [Record.Header]) -> Int {
        var size = 21 + (key?.readableBytes ?? 0) + (value?.readableBytes ?? 0)
        for header in headers { size += 10 + header.key.utf8.count + (header.value?.readableBytes ?? 0) }
        return size
    }

    /// Writes the record straight into the batch: its length prefix is computed first, so there is no
    /// scratch copy (this is the producer's per-record hot path).
    public mutating func append(key: ByteBuffer?, value: ByteBuffer?, headers: [Record.Header], timestamp: Int64) {
        if self.count == 0 { self.baseTimestamp = timestamp }
        self.maxTimestamp = max(self.maxTimestamp, timestamp)
        let timestampDelta = timestamp &- self.baseTimestamp  // wraps, as Kafka's long arithmetic does
        var length = 1 + Self.varlongSize(timestampDelta) + Self.varintSize(self.count)
        length += Self.fieldSize(key?.readableBytes) + Self.fieldSize(value?.readableBytes)
        length += Self.varintSize(Int32(headers.count))
        for header in headers {
            length += Self.fieldSize(header.key.utf8.count) + Self.fieldSize(header.value?.readableBytes)
        }
        self.records.writeWithUnsafeMutableBytes(minimumWritableBytes: 1 + 10 + 5 + 5) { bytes in
            var index = Self.putZigZag(Int64(length), into: bytes, at: 0)
            bytes[index] = 0  // record attributes: unused
            index += 1
            index = Self.putZigZag(timestampDelta, into: bytes, at: index)
            return Self.putZigZag(Int64(self.count), into: bytes, at: index)
        }
        Self.writeBytes(key, to: &self.records)
        Self.writeBytes(value, to: &self.records)
        Self.writeZigZag(Int64(headers.count), to: &self.records)
        for header in headers {
            Self.writeZigZag(Int64(header.key.utf8.count), to: &self.records)
            self.records.writeString(header.key)
            Self.writeBytes(header.value, to: &self.records)
        }
        self.count += 1
    }

    /// Bytes of a zigzag varint.
    static func varintSize(_ value: Int32) -> Int {
        ByteBuffer.unsignedVarintSize(UInt32(bitPattern: (value << 1) ^ (value >> 31)))
    }

    /// Bytes of a zigzag varlong.
    static func varlongSize(_ value: Int64) -> Int {
        var unsigned = UInt64(bitPattern: (value << 1) ^ (value >> 63)) >> 7
        var size = 1
        while unsigned != 0 {
            size += 1
            unsigned >>= 7
        }
        return size
    }

    /// A length-prefixed field: the varint length (-1 for null) plus the bytes.
    static func fieldSize(_ length: Int?) -> Int {
        guard let length else { return 1 }
        return Self.varintSize(Int32(length)) + length
    }

    private static func writeBytes(_ bytes: ByteBuffer?, to buffer: inout ByteBuffer) {
        guard let bytes else {
            Self.writeZigZag(-1, to: &buffer)
            return
        }
        Self.writeZigZag(Int64(bytes.readableBytes), to: &buffer)
        buffer.writeImmutableBuffer(bytes)
    }

    /// A zigzag varint written in one step rather than a byte at a time (the per-record hot path).
    private static func writeZigZag(_ value: Int64, to buffer: inout ByteBuffer) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 10) { bytes in
            Self.putZigZag(value, into: bytes, at: 0)
        }
    }

    /// Stores the zigzag varint of `value` at `index` (at most 10 bytes) and returns the index after it.
    private static func putZigZag(_ value: Int64, into bytes: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        var unsigned = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var index = index
        while unsigned >= 0x80 {
            bytes[index] = UInt8(truncatingIfNeeded: unsigned) | 0x80
            unsigned >>= 7
            index += 1
        }
        bytes[index] = UInt8(truncatingIfNeeded: unsigned)
        return index + 1
    }

    /// The finished batch: the header, the CRC-32C, and `body` — the records as encoded (nil) or
    /// their compressed form, with `attributes` saying which codec.
    public func close(
        body: ByteBuffer? = nil, attributes: RecordBatchAttributes = RecordBatchAttributes(rawValue: 0),
        baseOffset: Int64 = 0,
        partitionLeaderEpoch: Int32 = -1, producerId: Int64 = -1, producerEpoch: Int16 = -1, baseSequence: Int32 = -1,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        let body = body ?? self.records
        let header = RecordBatchHeader(
            baseOffset: baseOffset,
            batchLength: Int32(RecordBatchHeader.size - RecordBatchHeader.logOverhead + body.readableBytes),
            partitionLeaderEpoch: partitionLeaderEpoch,
            attributes: attributes,
            lastOffsetDelta: max(0, self.count - 1),
            baseTimestamp: self.baseTimestamp, maxTimestamp: self.maxTimestamp, producerId: producerId,
            producerEpoch: producerEpoch, baseSequence: baseSequence, recordsCount: self.count)
        var batch = allocator.buffer(capacity: RecordBatchHeader.size + body.readableBytes)
        header.write(to: &batch)
        batch.writeImmutableBuffer(body)
        let crc = RecordBatches.computeCRC(in: batch, at: batch.readerIndex, totalSize: batch.readableBytes)
        batch.setInteger(crc, at: batch.readerIndex + RecordBatchHeader.Offset.crc)
        return batch
    }
}
