import KafkaProtocol

/// The idempotent producer's identity and numbering (KIP-98), the part of Kafka's `TransactionManager` a
/// producer without `transactional.id` uses: the producer id and epoch from InitProducerId, and the sequence
/// number of the next batch to each partition. The broker remembers the last batches' sequences per producer
/// id and partition, so a resent batch that already got through is answered DUPLICATE_SEQUENCE_NUMBER instead
/// of being written twice.
///
/// How the broker's sequence errors are handled, as Kafka's producer does without transactions:
/// - DUPLICATE_SEQUENCE_NUMBER: an earlier attempt of the batch was written; the batch succeeded.
/// - OUT_OF_ORDER_SEQUENCE_NUMBER: retried when a batch ahead of it in the partition is waiting to be
///   resent (the broker refused it only because the gap is still open); otherwise the batch fails.
/// - UNKNOWN_PRODUCER_ID and every other error that ends a sent batch: the batch fails, and the producer gets a
///   new id (`reset()`, then InitProducerId on the next send), because the lost sequence range would make
///   every later batch to that partition OUT_OF_ORDER.
struct IdempotenceState: Sendable {
    /// `enable.idempotence` with acks=all (`ProducerConfiguration.isIdempotent`).
    let isEnabled: Bool
    /// -1 until InitProducerId answers, and again after `reset()`.
    private(set) var producerId: Int64 = -1
    private(set) var producerEpoch: Int16 = -1
    private var nextSequences: [TopicPartition: Int32] = [:]
    /// The InitProducerId exchange under way, so only one runs at a time.
    var initTask: Task<Void, Never>?
    /// Set when InitProducerId fails for good: every later send fails with it, as Kafka's producer stays in
    /// its fatal error state rather than write without an id.
    var fatalError: SamsaClientError?

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Whether batches must wait for InitProducerId before they can be numbered and sent.
    var needsProducerId: Bool { self.isEnabled && self.producerId < 0 }

    /// The sequence number the next batch to `partition` will carry.
    func nextSequence(for partition: TopicPartition) -> Int32 { self.nextSequences[partition] ?? 0 }

    /// Stamps a batch that is about to be encoded for its first send with the producer id, epoch and the
    /// partition's next sequence. Numbering at send time (not at append) keeps sequences in the order the
    /// broker receives the batches.
    mutating func stamp(_ batch: inout ProducerBatch) {
        guard self.isEnabled else { return }
        let sequence = self.nextSequence(for: batch.partition)
        batch.baseSequence = sequence
        batch.producerId = self.producerId
        batch.producerEpoch = self.producerEpoch
        self.nextSequences[batch.partition] = Self.increment(sequence, by: Int32(batch.recordCount))
    }

    /// InitProducerId answered: a new id starts every partition at sequence 0.
    mutating func assign(producerId: Int64, epoch: Int16) {
        self.producerId = producerId
        self.producerEpoch = epoch
        self.nextSequences.removeAll()
    }

    /// Drops the id after a batch failed for good; the next send asks for a new one.
    mutating func reset() {
        self.producerId = -1
        self.producerEpoch = -1
        self.nextSequences.removeAll()
    }

    /// DUPLICATE_SEQUENCE_NUMBER means an earlier attempt of this batch is already in the log.
    static func isAlreadyWritten(_ code: ErrorCode) -> Bool { code == .duplicateSequenceNumber }

    /// With batches pipelined, a batch behind a failed one is refused as out of order; it is retried after
    /// the one ahead of it (`hasEarlierRetry`) rather than failed.
    static func isOutOfOrderBehindARetry(_ error: SamsaClientError, hasEarlierRetry: @autoclosure () -> Bool) -> Bool {
        error.kafkaCode == .outOfOrderSequenceNumber && hasEarlierRetry()
    }

    /// Kafka's sequence arithmetic: wraps from Int32.max to 0.
    static func increment(_ sequence: Int32, by count: Int32) -> Int32 {
        sequence > Int32.max - count ? count - (Int32.max - sequence) - 1 : sequence + count
    }
}
