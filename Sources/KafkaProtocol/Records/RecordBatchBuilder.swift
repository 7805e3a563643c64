import NIOCore

/// An uncompressed RecordBatch v2 from record values, for the broker's own writes and for tests;
/// the bytes come from `RecordBatchWriter`.
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
        var writer = RecordBatchWriter(allocator: allocator, capacity: 64 * max(1, self.records.count))
        for record in self.records {
            writer.append(key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp)
        }
        return writer.close(
            attributes: RecordBatchAttributes(isTransactional: self.isTransactional), baseOffset: self.baseOffset,
            partitionLeaderEpoch: self.partitionLeaderEpoch, producerId: self.producerId,
            producerEpoch: self.producerEpoch, baseSequence: self.baseSequence, allocator: allocator)
    }
}
