import NIOCore

/// Builds an uncompressed RecordBatch v2 from records, as a producer does: each record stores its
/// timestamp and offset as deltas from the batch's first ones, in zigzag varints.
public struct RecordBatchBuilder: Sendable {
    public var baseOffset: Int64
    public var producerId: Int64
    public var producerEpoch: Int16
    public var baseSequence: Int32
    public var partitionLeaderEpoch: Int32
    public var isTransactional: Bool
    private var records: [Record] = []

    public init(
        baseOffset: Int64 = 0, producerId: Int64 = -1, producerEpoch: Int16 = -1, baseSequence: Int32 = -1,
        partitionLeaderEpoch: Int32 = -1, isTransactional: Bool = false
    ) {
        self.baseOffset = baseOffset
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.baseSequence = baseSequence
        self.partitionLeaderEpoch = partitionLeaderEpoch
        self.isTransactional = isTransactional
    }

    public var isEmpty: Bool { self.records.isEmpty }
    public var count: Int { self.records.count }

    public mutating func append(_ record: Record) {
        self.records.append(record)
    }

    public mutating func append(
        key: ByteBuffer?, value: ByteBuffer?, headers: [Record.Header] = [], timestamp: Int64
    ) {
        self.records.append(Record(timestamp: timestamp, key: key, value: value, headers: headers))
    }

    /// The batch's bytes, CRC included.
    public func build(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        let baseTimestamp = self.records.first?.timestamp ?? -1
        let maxTimestamp = self.records.map(\.timestamp).max() ?? -1
        var body = allocator.buffer(capacity: 64 * self.records.count)
        var scratch = allocator.buffer(capacity: 256)
        for (index, record) in self.records.enumerated() {
            scratch.clear()
            scratch.writeInteger(Int8(0))  // record attributes: unused
            scratch.writeVarlong(record.timestamp &- baseTimestamp)
            scratch.writeVarint(Int32(index))
            scratch.writeLengthPrefixedVarint(record.key)
            scratch.writeLengthPrefixedVarint(record.value)
            scratch.writeVarint(Int32(record.headers.count))
            for header in record.headers {
                scratch.writeLengthPrefixedVarint(ByteBuffer(string: header.key))
                scratch.writeLengthPrefixedVarint(header.value)
            }
            body.writeVarint(Int32(scratch.readableBytes))
            body.writeImmutableBuffer(scratch)
        }
        let header = RecordBatchHeader(
            baseOffset: self.baseOffset,
            batchLength: Int32(RecordBatchHeader.size - RecordBatchHeader.logOverhead + body.readableBytes),
            partitionLeaderEpoch: self.partitionLeaderEpoch,
            attributes: RecordBatchAttributes(isTransactional: self.isTransactional),
            lastOffsetDelta: Int32(max(0, self.records.count - 1)),
            baseTimestamp: baseTimestamp, maxTimestamp: maxTimestamp, producerId: self.producerId,
            producerEpoch: self.producerEpoch, baseSequence: self.baseSequence, recordsCount: Int32(self.records.count))
        var batch = allocator.buffer(capacity: RecordBatchHeader.size + body.readableBytes)
        header.write(to: &batch)
        batch.writeImmutableBuffer(body)
        let crc = RecordBatches.computeCRC(in: batch, at: batch.readerIndex, totalSize: batch.readableBytes)
        batch.setInteger(crc, at: batch.readerIndex + RecordBatchHeader.Offset.crc)
        return batch
    }
}

extension ByteBuffer {
    /// Varint length (-1 for null) then the bytes: how records store keys, values and headers.
    mutating func writeLengthPrefixedVarint(_ bytes: ByteBuffer?) {
        guard let bytes else {
            self.writeVarint(-1)
            return
        }
        self.writeVarint(Int32(bytes.readableBytes))
        self.writeImmutableBuffer(bytes)
    }
}
