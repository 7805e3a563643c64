import KafkaProtocol

/// What a partition remembers of each idempotent producer (KIP-98): its epoch and the sequence
/// ranges and offsets of its last five batches, the most a producer has in flight
/// (`max.in.flight.requests.per.connection` ≤ 5). A retried batch that already made it is
/// recognised and answered with its original offsets instead of being written twice.
public struct ProducerStateManager: Sendable {
    public static let maxCachedBatches = 5

    /// Where one batch of a producer landed.
    public struct BatchMetadata: Sendable, Equatable {
        public var firstSequence: Int32
        public var lastSequence: Int32
        public var firstOffset: Int64
        public var lastOffset: Int64
    }

    public struct Entry: Sendable, Equatable {
        public var producerEpoch: Int16
        /// Oldest first, at most `maxCachedBatches`.
        public var batches: [BatchMetadata]

        public var lastSequence: Int32 { self.batches.last?.lastSequence ?? -1 }
    }

    public enum Validation: Sendable, Equatable {
        case accept
        /// The batch was appended before; answer with these offsets (Kafka's DUPLICATE_SEQUENCE_NUMBER
        /// handling: success with the earlier offset).
        case duplicate(BatchMetadata)
    }

    private(set) public var entries: [Int64: Entry] = [:]

    public init() {}

    public func entry(for producerId: Int64) -> Entry? { self.entries[producerId] }

    /// Whether the batch carries producer state: an idempotent (or transactional) data batch.
    @inlinable
    public static func isIdempotent(_ header: RecordBatchHeader) -> Bool {
        header.producerId >= 0 && header.baseSequence >= 0 && !header.attributes.isControl
    }

    /// Kafka's sequence arithmetic: sequences wrap from Int32.max to 0.
    static func increment(_ sequence: Int32, by delta: Int32) -> Int32 {
        sequence > Int32.max - delta ? delta - (Int32.max - sequence) - 1 : sequence + delta
    }

    static func lastSequence(of header: RecordBatchHeader) -> Int32 {
        Self.increment(header.baseSequence, by: header.lastOffsetDelta)
    }

    /// Checks a leader append against what this partition knows of the producer. An unknown
    /// producer is accepted at any sequence (its state may have gone with retention), as Kafka does.
    public static func validate(_ header: RecordBatchHeader, against entry: Entry?) throws(LogStorageError)
        -> Validation
    {
        guard let entry else { return .accept }
        let first = header.baseSequence
        if header.producerEpoch < entry.producerEpoch {
            throw .invalidProducerEpoch(
                producerId: header.producerId, epoch: header.producerEpoch, current: entry.producerEpoch)
        }
        if header.producerEpoch > entry.producerEpoch {
            guard first == 0 else {
                throw .outOfOrderSequence(producerId: header.producerId, expected: 0, received: first)
            }
            return .accept
        }
        let last = Self.lastSequence(of: header)
        if let duplicate = entry.batches.first(where: { $0.firstSequence == first && $0.lastSequence == last }) {
            return .duplicate(duplicate)
        }
        let expected = Self.increment(entry.lastSequence, by: 1)
        guard first == expected else {
            throw .outOfOrderSequence(producerId: header.producerId, expected: expected, received: first)
        }
        return .accept
    }

    /// The entry after `header` (with its offsets assigned) was appended.
    public static func updated(_ entry: Entry?, with header: RecordBatchHeader) -> Entry {
        var entry = entry ?? Entry(producerEpoch: header.producerEpoch, batches: [])
        if entry.producerEpoch != header.producerEpoch {
            entry = Entry(producerEpoch: header.producerEpoch, batches: [])
        }
        entry.batches.append(
            BatchMetadata(
                firstSequence: header.baseSequence, lastSequence: Self.lastSequence(of: header),
                firstOffset: header.baseOffset, lastOffset: header.lastOffset))
        if entry.batches.count > Self.maxCachedBatches {
            entry.batches.removeFirst(entry.batches.count - Self.maxCachedBatches)
        }
        return entry
    }

    public mutating func set(_ entry: Entry, for producerId: Int64) {
        self.entries[producerId] = entry
    }

    /// Replays a batch read from the log (start-up, follower append).
    public mutating func replay(_ header: RecordBatchHeader) {
        guard Self.isIdempotent(header) else { return }
        self.entries[header.producerId] = Self.updated(self.entries[header.producerId], with: header)
    }

    public mutating func removeAll() {
        self.entries = [:]
    }
}
