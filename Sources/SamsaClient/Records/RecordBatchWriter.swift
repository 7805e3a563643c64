import KafkaProtocol
import NIOCore

/// Encodes records into a RecordBatch v2 as they arrive, so a producer keeps bytes rather than record values
/// while it lingers, then closes the batch with the producer id, sequence and (compressed) records.
struct RecordBatchWriter: Sendable {
    private(set) var records: ByteBuffer
    private(set) var count: Int32 = 0
    private(set) var baseTimestamp: Int64 = -1
    private(set) var maxTimestamp: Int64 = -1
    private var scratch: ByteBuffer

    init(allocator: ByteBufferAllocator = ByteBufferAllocator(), capacity: Int = 1024) {
        self.records = allocator.buffer(capacity: capacity)
        self.scratch = allocator.buffer(capacity: 256)
    }

    /// Bytes of the finished batch if it were closed now, uncompressed.
    var estimatedSize: Int { RecordBatchHeader.size + self.records.readableBytes }

    /// The bytes a record would add, to decide whether it fits in `batch.size`.
    static func estimatedRecordSize(key: ByteBuffer?, value: ByteBuffer?, headers: [Record.Header]) -> Int {
        var size = 21 + (key?.readableBytes ?? 0) + (value?.readableBytes ?? 0)
        for header in headers { size += 10 + header.key.utf8.count + (header.value?.readableBytes ?? 0) }
        return size
    }

    mutating func append(key: ByteBuffer?, value: ByteBuffer?, headers: [Record.Header], timestamp: Int64) {
        if self.count == 0 { self.baseTimestamp = timestamp }
        self.maxTimestamp = max(self.maxTimestamp, timestamp)
        self.scratch.clear()
        self.scratch.writeInteger(Int8(0))
        self.scratch.writeVarlong(timestamp - self.baseTimestamp)
        self.scratch.writeVarint(self.count)
        Self.writeBytes(key, to: &self.scratch)
        Self.writeBytes(value, to: &self.scratch)
        self.scratch.writeVarint(Int32(headers.count))
        for header in headers {
            Self.writeBytes(ByteBuffer(string: header.key), to: &self.scratch)
            Self.writeBytes(header.value, to: &self.scratch)
        }
        self.records.writeVarint(Int32(self.scratch.readableBytes))
        self.records.writeImmutableBuffer(self.scratch)
        self.count += 1
    }

    private static func writeBytes(_ bytes: ByteBuffer?, to buffer: inout ByteBuffer) {
        guard let bytes else {
            buffer.writeVarint(-1)
            return
        }
        buffer.writeVarint(Int32(bytes.readableBytes))
        buffer.writeImmutableBuffer(bytes)
    }

    /// The finished batch: header, CRC-32C and records, compressed with `codec`.
    func build(
        producerId: Int64, producerEpoch: Int16, baseSequence: Int32, codec: CompressionCodec,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws(SamsaClientError) -> ByteBuffer {
        var body = self.records
        if codec != .none {
            let compressed = try RecordCompression.compress(Array(self.records.readableBytesView), codec: codec)
            body = allocator.buffer(capacity: compressed.count)
            body.writeBytes(compressed)
        }
        let header = RecordBatchHeader(
            baseOffset: 0,
            batchLength: Int32(RecordBatchHeader.size - RecordBatchHeader.logOverhead + body.readableBytes),
            partitionLeaderEpoch: -1,
            attributes: RecordBatchAttributes(compression: codec),
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
