import KafkaProtocol
import NIOCore

/// Records waiting to be sent, as Kafka's `RecordAccumulator`: each partition has a queue of batches, a
/// record joins the open batch at the end until `batch.size`, and a batch is ready when it is full, when
/// `linger.ms` has passed since it was opened, while a flush runs, or when it is a retry. Draining takes at
/// most one ready batch per partition per pass and encodes it there, stamped with the producer id and
/// sequence of that moment, so sequence numbers follow the order in which batches are sent.
///
/// It also counts the records not yet answered, which `flush()` and `maxQueuedRecords` wait on.
struct RecordAccumulator: Sendable {
    /// What an append did, for the partitioner and the decision to send now.
    struct AppendResult {
        /// A batch is ready to send: the record filled its batch, or it closed the batch before it.
        var hasFullBatch: Bool
        /// The record did not fit, so the batch before it was closed and a new one opened.
        var closedPreviousBatch: Bool
    }

    /// The batches one drain pass took, by leader, and what it could not take.
    struct DrainedBatches {
        var byLeader: [Int32: [ProducerBatch]] = [:]
        /// Batches whose encoding (compression) failed: they fail without being sent.
        var unencodable: [(batch: ProducerBatch, error: SamsaClientError)] = []
        /// Leaders with ready batches but no open connection.
        var leadersToConnect: [Int32] = []
    }

    /// `batch.size` in bytes.
    let batchSize: Int
    /// `linger.ms`.
    let linger: Duration
    private(set) var queues: [TopicPartition: [ProducerBatch]] = [:]
    /// The number of the last batch opened: a retried batch goes back into its queue in this order.
    private var lastBatchNumber = 0
    /// Records appended and not yet answered (delivered or failed).
    private(set) var undelivered = 0
    /// Flushes waiting: while one runs, batches go out without waiting for `linger.ms`.
    private var flushesInProgress = 0
    private var flushWaiters: [CheckedContinuation<Void, Never>] = []
    private var capacityWaiters: [CheckedContinuation<Void, Never>] = []

    init(batchSize: Int, linger: Duration) {
        self.batchSize = batchSize
        self.linger = linger
    }

    /// The topics with batches waiting, for a metadata refresh.
    var queuedTopics: Set<String> { Set(self.queues.keys.map(\.topic)) }

    // MARK: Appending

    mutating func append(
        _ record: ProducerRecord, to partition: TopicPartition, timestamp: Int64, callback: ProducerBatch.Callback?
    ) -> AppendResult {
        // Mutated in place through the dictionary (one lookup, no copy of the batch's buffers).
        let outcome = self.queues[partition, default: []].appendRecord(
            record, timestamp: timestamp, callback: callback, partition: partition,
            batchSize: self.batchSize, number: self.lastBatchNumber + 1)
        if outcome.openedNewBatch || outcome.usedNumber { self.lastBatchNumber += 1 }
        self.undelivered += 1
        return AppendResult(hasFullBatch: outcome.isFull, closedPreviousBatch: outcome.openedNewBatch)
    }

    // MARK: Draining

    /// Takes the head batch of every partition that is ready and may be sent now, encoded, grouped by leader.
    /// A partition with `maxInFlight` batches unanswered waits; so does a retry while batches ahead of it are
    /// unanswered, so the broker sees its sequences in order. Partitions that wait on time move `nextDeadline`
    /// earlier; an unknown leader sets `needsMetadata`.
    mutating func drain(
        now: ContinuousClock.Instant, inFlight: [TopicPartition: Int], maxInFlight: Int,
        leaders: [TopicPartition: Int32], isConnected: (Int32) -> Bool, idempotence: inout IdempotenceState,
        compression: CompressionCodec, nextDeadline: inout ContinuousClock.Instant?, needsMetadata: inout Bool
    ) -> DrainedBatches {
        var drained = DrainedBatches()
        for (partition, queue) in self.queues where !queue.isEmpty {
            let inFlight = inFlight[partition] ?? 0
            guard inFlight < maxInFlight else { continue }
            var batch = queue[0]
            if batch.attempts > 0 && inFlight > 0 { continue }
            if let retryAfter = batch.retryAfter, retryAfter > now {
                nextDeadline = min(nextDeadline ?? retryAfter, retryAfter)
                continue
            }
            let isFull = queue.count > 1 || batch.writer.estimatedSize >= self.batchSize
            let lingerEnds = batch.createdAt + self.linger
            guard isFull || lingerEnds <= now || self.flushesInProgress > 0 || batch.attempts > 0 else {
                nextDeadline = min(nextDeadline ?? lingerEnds, lingerEnds)
                continue
            }
            guard let leader = leaders[partition] else {
                needsMetadata = true
                continue
            }
            guard isConnected(leader) else {
                drained.leadersToConnect.append(leader)
                continue
            }
            self.removeFirst(of: partition)
            // A retry keeps its bytes (and so its sequence); only a first send is numbered and encoded.
            if batch.encoded == nil {
                do {
                    idempotence.stamp(&batch)
                    batch.encoded = try batch.writer.build(
                        producerId: batch.producerId, producerEpoch: batch.producerEpoch,
                        baseSequence: batch.baseSequence, codec: compression)
                } catch {
                    drained.unencodable.append((batch, error))
                    continue
                }
            }
            drained.byLeader[leader, default: []].append(batch)
        }
        return drained
    }

    private mutating func removeFirst(of partition: TopicPartition) {
        self.queues[partition]?.removeFirst()
        if self.queues[partition]?.isEmpty == true { self.queues[partition] = nil }
    }

    /// Puts a batch to retry back in its queue by creation order, ahead of the batches opened after it.
    mutating func reenqueue(_ batch: ProducerBatch) {
        var queue = self.queues.removeValue(forKey: batch.partition) ?? []
        let index = queue.firstIndex { $0.number > batch.number } ?? queue.endIndex
        queue.insert(batch, at: index)
        self.queues[batch.partition] = queue
    }

    /// Whether a batch opened before `batch` in its partition is queued for a retry.
    func hasRetry(before batch: ProducerBatch) -> Bool {
        self.queues[batch.partition]?.contains { $0.attempts > 0 && $0.number < batch.number } ?? false
    }

    /// The producer id was dropped: batches never sent are encoded again with the next id. Retries keep
    /// their bytes so the broker can still recognise them as duplicates.
    mutating func forgetEncodingOfUnsentBatches() {
        for (partition, queue) in self.queues {
            self.queues[partition] = queue.map { batch in
                var batch = batch
                if batch.attempts == 0 { batch.encoded = nil }
                return batch
            }
        }
    }

    /// A new producer id arrived: every queued batch, retries included, is numbered and encoded again.
    mutating func forgetEncodingAndSequenceOfAllBatches() {
        for (partition, queue) in self.queues {
            self.queues[partition] = queue.map { batch in
                var batch = batch
                batch.encoded = nil
                batch.baseSequence = -1
                return batch
            }
        }
    }

    /// Empties every queue (the producer cannot send any more), returning the batches to fail.
    mutating func removeAll() -> [ProducerBatch] {
        var batches: [ProducerBatch] = []
        for (_, queue) in self.queues { batches.append(contentsOf: queue) }
        self.queues.removeAll()
        return batches
    }

    // MARK: Undelivered records and their waiters

    mutating func beginFlush() { self.flushesInProgress += 1 }
    mutating func endFlush() { self.flushesInProgress -= 1 }
    var isFlushing: Bool { self.flushesInProgress > 0 }

    mutating func waitForDelivery(_ waiter: CheckedContinuation<Void, Never>) { self.flushWaiters.append(waiter) }
    mutating func waitForCapacity(_ waiter: CheckedContinuation<Void, Never>) { self.capacityWaiters.append(waiter) }

    /// The capacity waiters, removed: on close they go on to fail.
    mutating func takeCapacityWaiters() -> [CheckedContinuation<Void, Never>] {
        defer { self.capacityWaiters.removeAll() }
        return self.capacityWaiters
    }

    /// `count` records were answered; returns the waiters to resume: `send`s waiting for room under
    /// `maxQueuedRecords`, then `flush`es once nothing is undelivered.
    mutating func recordsAnswered(_ count: Int, maxQueuedRecords: Int) -> [CheckedContinuation<Void, Never>] {
        self.undelivered -= count
        var waiters: [CheckedContinuation<Void, Never>] = []
        if self.undelivered < maxQueuedRecords, !self.capacityWaiters.isEmpty {
            waiters += self.capacityWaiters
            self.capacityWaiters.removeAll()
        }
        if self.undelivered == 0, !self.flushWaiters.isEmpty {
            waiters += self.flushWaiters
            self.flushWaiters.removeAll()
        }
        return waiters
    }
}

extension Array where Element == ProducerBatch {
    /// Appends to the open batch at the end or starts a new one when it would pass `batchSize`.
    /// - Returns: whether a batch is now full (ready to send), whether a new batch was opened behind
    ///   another, and whether `number` was given to a new batch.
    fileprivate mutating func appendRecord(
        _ record: ProducerRecord, timestamp: Int64, callback: ProducerBatch.Callback?, partition: TopicPartition,
        batchSize: Int, number: Int
    ) -> (isFull: Bool, openedNewBatch: Bool, usedNumber: Bool) {
        let size = RecordBatchWriter.estimatedRecordSize(key: record.key, value: record.value, headers: record.headers)
        if let last = self.indices.last, self[last].encoded == nil, self[last].attempts == 0,
            self[last].writer.estimatedSize + size <= batchSize
        {
            self[last].append(record, timestamp: timestamp, callback: callback)
            return (self[last].writer.estimatedSize >= batchSize, false, false)
        }
        let hadBatches = !self.isEmpty
        var batch = ProducerBatch(partition: partition, capacity: Swift.min(batchSize, 1 << 20))
        batch.number = number
        batch.append(record, timestamp: timestamp, callback: callback)
        self.append(batch)
        return (hadBatches || batch.writer.estimatedSize >= batchSize, hadBatches, true)
    }
}
