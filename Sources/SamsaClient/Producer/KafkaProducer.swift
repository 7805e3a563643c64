import KafkaProtocol
import Logging
import NIOCore

/// Sends records to Kafka the way Kafka's producer does: records collect in per-partition batches until
/// `batch.size` or `linger.ms`, batches for the same leader share one Produce request, retriable errors are
/// retried with backoff after a metadata refresh, and with idempotence (the default) each batch carries the
/// producer id and a per-partition sequence number so a retried batch is never written twice.
///
/// Up to `max.in.flight.requests.per.connection` batches per partition are in flight; a retry goes out only
/// once nothing else of its partition is, which keeps sequence numbers in order without Kafka's in-flight
/// reordering logic.
///
/// The parts, named after Kafka's Java producer: `RecordAccumulator` (the batches waiting, linger and batch
/// size), the sender in `KafkaProducer+Sender.swift` (Produce requests, answers, retries, in-flight limits),
/// `IdempotenceState` (producer id, epoch, sequences) and `ProducerMetadata` (partitions and leaders). This
/// file is the public face: choosing a partition and handing the record to the accumulator.
public actor KafkaProducer {
    public nonisolated let configuration: ProducerConfiguration
    public nonisolated let client: KafkaClient
    private let ownsClient: Bool
    let logger: Logger

    var accumulator: RecordAccumulator
    var sender = SenderState()
    var idempotence: IdempotenceState
    var metadata = ProducerMetadata()
    private var partitioner = Partitioner()
    var isClosed = false

    public init(client: KafkaClient, configuration: ProducerConfiguration = ProducerConfiguration()) {
        self.client = client
        self.configuration = configuration
        self.ownsClient = false
        self.logger = client.configuration.logger
        self.accumulator = RecordAccumulator(batchSize: configuration.batchSize, linger: configuration.linger)
        self.idempotence = IdempotenceState(isEnabled: configuration.isIdempotent)
    }

    public init(
        bootstrapServers: String, clientId: String = "samsa-producer",
        configuration: ProducerConfiguration = ProducerConfiguration()
    ) throws(SamsaClientError) {
        self.client = try KafkaClient(bootstrapServers: bootstrapServers, clientId: clientId)
        self.configuration = configuration
        self.ownsClient = true
        self.logger = self.client.configuration.logger
        self.accumulator = RecordAccumulator(batchSize: configuration.batchSize, linger: configuration.linger)
        self.idempotence = IdempotenceState(isEnabled: configuration.isIdempotent)
    }

    /// The producer id and epoch from InitProducerId (-1 before the first send or without idempotence).
    public var producerIdentity: (producerId: Int64, epoch: Int16) {
        (self.idempotence.producerId, self.idempotence.producerEpoch)
    }

    /// The sequence number the next batch to `partition` will carry.
    public func sequence(for partition: TopicPartition) -> Int32 { self.idempotence.nextSequence(for: partition) }

    // MARK: Sending

    /// Sends `record` and waits until the broker acknowledged it.
    @discardableResult
    public func send(_ record: ProducerRecord) async throws -> RecordMetadata {
        let partition = try await self.choosePartition(for: record)
        return try await withCheckedThrowingContinuation { continuation in
            self.append(record, to: partition) { result in
                continuation.resume(with: result.mapError { $0 as any Error })
            }
        }
    }

    /// Queues `record` and returns at once; `onDelivery` runs when the broker answers (as librdkafka's
    /// delivery report). Waits only while `maxQueuedRecords` records are undelivered.
    public func send(
        _ record: ProducerRecord,
        onDelivery: (@Sendable (Result<RecordMetadata, SamsaClientError>) -> Void)? = nil
    ) async throws {
        while self.accumulator.undelivered >= self.configuration.maxQueuedRecords && !self.isClosed {
            await withCheckedContinuation { self.accumulator.waitForCapacity($0) }
        }
        if let partition = try self.cachedPartition(for: record) {
            self.append(record, to: partition, callback: onDelivery)
        } else {
            self.append(record, to: try await self.choosePartition(for: record), callback: onDelivery)
        }
    }

    /// Sends everything queued now and waits for every answer.
    public func flush() async {
        guard self.accumulator.undelivered > 0 else { return }
        self.accumulator.beginFlush()
        defer { self.accumulator.endFlush() }
        self.drain()
        while self.accumulator.undelivered > 0 {
            await withCheckedContinuation { self.accumulator.waitForDelivery($0) }
        }
    }

    /// Flushes, then stops; later sends fail.
    public func close() async {
        await self.flush()
        self.isClosed = true
        self.sender.timerTask?.cancel()
        for waiter in self.accumulator.takeCapacityWaiters() { waiter.resume() }
        if self.ownsClient { await self.client.close() }
    }

    private func choosePartition(for record: ProducerRecord) async throws -> TopicPartition {
        // Fast path without suspension when the topic's partition count is known.
        if let partition = try self.cachedPartition(for: record) { return partition }
        var attempt = 0
        while true {
            // As Kafka's producer: the broker creates the topic if auto.create.topics.enable is on.
            try await self.refreshMetadata(topics: [record.topic], allowAutoTopicCreation: true)
            if let partition = try self.cachedPartition(for: record) { return partition }
            attempt += 1
            guard attempt < 10 else { throw SamsaClientError.unknownTopic(record.topic) }
            try await Task.sleep(for: self.configuration.retryBackoff)
        }
    }

    private func cachedPartition(for record: ProducerRecord) throws(SamsaClientError) -> TopicPartition? {
        guard !self.isClosed else { throw .closed("producer") }
        if let error = self.idempotence.fatalError { throw error }
        guard let partitionCount = self.metadata.partitionCount(of: record.topic) else { return nil }
        if let partition = record.partition {
            guard partition >= 0, Int(partition) < partitionCount else {
                throw .unknownPartition(topic: record.topic, partition: partition, partitionCount: partitionCount)
            }
            return TopicPartition(record.topic, partition)
        }
        let keyBytes = record.key.map { Array($0.readableBytesView) }
        let partition = self.partitioner.partition(
            topic: record.topic, key: keyBytes, partitionCount: partitionCount,
            available: self.metadata.availablePartitions(of: record.topic))
        return TopicPartition(record.topic, partition)
    }

    private func append(_ record: ProducerRecord, to partition: TopicPartition, callback: ProducerBatch.Callback?) {
        if self.isClosed {
            callback?(.failure(.closed("producer")))
            return
        }
        let timestamp = record.timestamp ?? WallClock.milliseconds()
        let appended = self.accumulator.append(record, to: partition, timestamp: timestamp, callback: callback)
        // The sticky partitioner (KIP-480) moves on once a keyless record's batch is closed.
        let isSticky = record.key == nil && record.partition == nil
        if appended.closedPreviousBatch, isSticky { self.stickyBatchClosed(partition) }
        if appended.hasFullBatch || self.configuration.linger == .zero {
            if appended.hasFullBatch, !appended.closedPreviousBatch, isSticky { self.stickyBatchClosed(partition) }
            self.drain()
        } else {
            self.scheduleTimer(at: .now + self.configuration.linger)
        }
    }

    private func stickyBatchClosed(_ partition: TopicPartition) {
        self.partitioner.batchCompleted(
            topic: partition.topic, partition: partition.partition,
            partitionCount: self.metadata.partitionCount(of: partition.topic) ?? 1,
            available: self.metadata.availablePartitions(of: partition.topic))
    }

    // MARK: Metadata

    /// Refreshes the metadata of every topic written to or queued for, after `retry.backoff.ms`, then drains.
    func startMetadataRefresh() {
        guard self.metadata.refreshTask == nil else { return }
        let topics = Array(self.metadata.knownTopics.union(self.accumulator.queuedTopics))
        self.metadata.refreshTask = Task {
            try? await Task.sleep(for: self.configuration.retryBackoff)
            try? await self.refreshMetadata(topics: topics)
            self.metadata.refreshTask = nil
            self.drain()
        }
    }

    private func refreshMetadata(topics: [String], allowAutoTopicCreation: Bool = false) async throws {
        let metadata = try await self.client.refreshMetadata(
            topics: topics, allowAutoTopicCreation: allowAutoTopicCreation)
        self.metadata.update(topics: topics, from: metadata)
    }
}
