import KafkaProtocol
import NIOCore

extension RecordBatchWriter {
    /// The producer's finished batch: its records compressed with `codec`, stamped with the
    /// producer id, epoch and first sequence of an idempotent producer (-1 otherwise).
    func build(
        producerId: Int64, producerEpoch: Int16, baseSequence: Int32, codec: CompressionCodec,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws(SamsaClientError) -> ByteBuffer {
        var body: ByteBuffer?
        if codec != .none {
            let compressed = try RecordCompression.compress(Array(self.records.readableBytesView), codec: codec)
            var buffer = allocator.buffer(capacity: compressed.count)
            buffer.writeBytes(compressed)
            body = buffer
        }
        return self.close(
            body: body, attributes: RecordBatchAttributes(compression: codec), producerId: producerId,
            producerEpoch: producerEpoch, baseSequence: baseSequence, allocator: allocator)
    }
}
