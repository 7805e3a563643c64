import KafkaProtocol
import NIOCore

/// Records bound for one partition that travel in one RecordBatch, with the callbacks to call when the broker
/// answers. A retried batch keeps its sequence number and bytes, so the broker can spot a duplicate.
struct ProducerBatch: Sendable {
    typealias Callback = @Sendable (Result<RecordMetadata, SamsaClientError>) -> Void

    let partition: TopicPartition
    var writer: RecordBatchWriter
    var timestamps: [Int64] = []
    var callbacks: [Callback?] = []
    let createdAt: ContinuousClock.Instant
    /// Order of creation within the partition: a retried batch goes back in this order.
    var number = 0
    var attempts = 0
    var retryAfter: ContinuousClock.Instant?
    var baseSequence: Int32 = -1
    var producerId: Int64 = -1
    var producerEpoch: Int16 = -1
    var encoded: ByteBuffer?

    init(partition: TopicPartition, capacity: Int) {
        self.partition = partition
        self.writer = RecordBatchWriter(capacity: capacity)
        self.createdAt = .now
    }

    var recordCount: Int { self.timestamps.count }

    mutating func append(_ record: ProducerRecord, timestamp: Int64, callback: Callback?) {
        self.writer.append(key: record.key, value: record.value, headers: record.headers, timestamp: timestamp)
        self.timestamps.append(timestamp)
        self.callbacks.append(callback)
    }

    /// Calls every callback: success with offsets counted from `baseOffset`, or the error.
    func complete(baseOffset: Int64, logAppendTime: Int64) {
        for index in 0..<self.callbacks.count {
            guard let callback = self.callbacks[index] else { continue }
            callback(
                .success(
                    RecordMetadata(
                        topic: self.partition.topic, partition: self.partition.partition,
                        offset: baseOffset >= 0 ? baseOffset + Int64(index) : -1,
                        timestamp: logAppendTime >= 0 ? logAppendTime : self.timestamps[index])))
        }
    }

    func fail(_ error: SamsaClientError) {
        for callback in self.callbacks { callback?(.failure(error)) }
    }
}
