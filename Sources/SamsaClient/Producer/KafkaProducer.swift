import KafkaProtocol
import Logging
import NIOCore

/// Sends records to Kafka the way Kafka's producer does: records collect in per-partition batches until
/// `batch.size` or `linger.ms`, batches for the same leader share one Produce request, retriable errors are
/// retried with backoff after a metadata refresh, and with idempotence (the default) each batch carries the
/// producer id and a per-partition sequence number so a retried batch is never written twice.
///
/// One batch per partition is in flight at a time, which keeps sequence numbers in order without Kafka's
/// in-flight reordering logic.
public actor KafkaProducer {
    public nonisolated let configuration: ProducerConfiguration
    public nonisolated let client: KafkaClient
    private let ownsClient: Bool
    private let logger: Logger

    private var queues: [TopicPartition: [ProducerBatch]] = [:]
    /// Batches sent and not yet answered, per partition.
    private var inFlight: [TopicPartition: Int] = [:]
    /// Open connections to leaders, kept here so requests can be written in order without suspending.
    private var connections: [Int32: BrokerConnection] = [:]
    private var connecting: Set<Int32> = []
    private var batchNumber = 0
    private var partitioner = Partitioner()
    private var partitionCounts: [String: Int] = [:]
    private var availablePartitions: [String: [Int32]] = [:]
    private var leaders: [TopicPartition: Int32] = [:]
    private var producerId: Int64 = -1
    private var producerEpoch: Int16 = -1
    private var nextSequence: [TopicPartition: Int32] = [:]
    private var initTask: Task<Void, Never>?
    private var refreshTask: Task<Void, Never>?
    private var timerTask: Task<Void, Never>?
    private var timerDeadline: ContinuousClock.Instant?
    private var undelivered = 0
    private var flushing = 0
    private var flushWaiters: [CheckedContinuation<Void, Never>] = []
    private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
    private var fatalError: SamsaClientError?
    private var isClosed = false

    public init(client: KafkaClient, configuration: ProducerConfiguration = ProducerConfiguration()) {
        self.client = client
        self.configuration = configuration
        self.ownsClient = false
        self.logger = client.configuration.logger
    }

    public init(
        bootstrapServers: String, clientId: String = "samsa-producer",
        configuration: ProducerConfiguration = ProducerConfiguration()
    ) throws(SamsaClientError) {
        self.client = try KafkaClient(bootstrapServers: bootstrapServers, clientId: clientId)
        self.configuration = configuration
        self.ownsClient = true
        self.logger = self.client.configuration.logger
    }

    /// The producer id and epoch from InitProducerId (-1 before the first send or without idempotence).
    public var producerIdentity: (producerId: Int64, epoch: Int16) { (self.producerId, self.producerEpoch) }

    /// The sequence number the next batch to `partition` will carry.
    public func sequence(for partition: TopicPartition) -> Int32 { self.nextSequence[partition] ?? 0 }

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
        while self.undelivered >= self.configuration.maxQueuedRecords && !self.isClosed {
            await withCheckedContinuation { self.capacityWaiters.append($0) }
        }
        if let partition = try self.cachedPartition(for: record) {
            self.append(record, to: partition, callback: onDelivery)
        } else {
            self.append(record, to: try await self.choosePartition(for: record), callback: onDelivery)
        }
    }

    /// Sends everything queued now and waits for every answer.
    public func flush() async {
        guard self.undelivered > 0 else { return }
        self.flushing += 1
        defer { self.flushing -= 1 }
        self.drain()
        while self.undelivered > 0 {
            await withCheckedContinuation { self.flushWaiters.append($0) }
        }
    }

    /// Flushes, then stops; later sends fail.
    public func close() async {
        await self.flush()
        self.isClosed = true
        self.timerTask?.cancel()
        for waiter in self.capacityWaiters { waiter.resume() }
        self.capacityWaiters.removeAll()
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
        if let error = self.fatalError { throw error }
        guard let partitionCount = self.partitionCounts[record.topic] else { return nil }
        if let partition = record.partition {
            guard partition >= 0, Int(partition) < partitionCount else {
                throw .unknownPartition(topic: record.topic, partition: partition, partitionCount: partitionCount)
            }
            return TopicPartition(record.topic, partition)
        }
        let keyBytes = record.key.map { Array($0.readableBytesView) }
        let partition = self.partitioner.partition(
            topic: record.topic, key: keyBytes, partitionCount: partitionCount,
            available: self.availablePartitions[record.topic])
        return TopicPartition(record.topic, partition)
    }

    private func append(_ record: ProducerRecord, to partition: TopicPartition, callback: ProducerBatch.Callback?) {
        if self.isClosed {
            callback?(.failure(.closed("producer")))
            return
        }
        let timestamp = record.timestamp ?? WallClock.milliseconds()
        // Mutated in place through the dictionary (one lookup, no copy of the batch's buffers).
        let outcome = self.queues[partition, default: []].appendRecord(
            record, timestamp: timestamp, callback: callback, partition: partition,
            batchSize: self.configuration.batchSize, number: self.batchNumber + 1)
        if outcome.openedNewBatch || outcome.usedNumber { self.batchNumber += 1 }
        if outcome.openedNewBatch, record.key == nil, record.partition == nil { self.stickyBatchClosed(partition) }
        self.undelivered += 1
        if outcome.isFull || self.configuration.linger == .zero {
            if outcome.isFull, !outcome.openedNewBatch, record.key == nil, record.partition == nil {
                self.stickyBatchClosed(partition)
            }
            self.drain()
        } else {
            self.scheduleTimer(at: .now + self.configuration.linger)
        }
    }

    private func stickyBatchClosed(_ partition: TopicPartition) {
        self.partitioner.batchCompleted(
            topic: partition.topic, partition: partition.partition,
            partitionCount: self.partitionCounts[partition.topic] ?? 1,
            available: self.availablePartitions[partition.topic])
    }

    // MARK: Draining

    /// Sends every batch that is ready (full, lingered long enough, being flushed, or due for retry) to its
    /// leader, one Produce request per broker per round, a round per batch of a partition in flight.
    private func drain() {
        if self.configuration.isIdempotent && self.producerId < 0 {
            self.startInitProducerId()
            return
        }
        var nextDeadline: ContinuousClock.Instant?
        var needsMetadata = false
        var rounds = 0
        while rounds < max(1, self.configuration.maxInFlightRequestsPerConnection) {
            rounds += 1
            let sent = self.drainRound(nextDeadline: &nextDeadline, needsMetadata: &needsMetadata)
            if !sent { break }
        }
        if needsMetadata { self.startMetadataRefresh() }
        if let nextDeadline { self.scheduleTimer(at: nextDeadline) }
    }

    /// One batch per partition at most. Returns whether anything was sent.
    private func drainRound(nextDeadline: inout ContinuousClock.Instant?, needsMetadata: inout Bool) -> Bool {
        let now = ContinuousClock.now
        let maxInFlight = max(1, self.configuration.maxInFlightRequestsPerConnection)
        var byLeader: [Int32: [ProducerBatch]] = [:]
        for (partition, queue) in self.queues where !queue.isEmpty {
            let inFlight = self.inFlight[partition] ?? 0
            guard inFlight < maxInFlight else { continue }
            var batch = queue[0]
            // A retry waits for everything ahead of it so the broker sees sequences in order.
            if batch.attempts > 0 && inFlight > 0 { continue }
            if let retryAfter = batch.retryAfter, retryAfter > now {
                nextDeadline = min(nextDeadline ?? retryAfter, retryAfter)
                continue
            }
            let isFull = queue.count > 1 || batch.writer.estimatedSize >= self.configuration.batchSize
            let lingerEnds = batch.createdAt + self.configuration.linger
            guard isFull || lingerEnds <= now || self.flushing > 0 || batch.attempts > 0 else {
                nextDeadline = min(nextDeadline ?? lingerEnds, lingerEnds)
                continue
            }
            guard let leader = self.leaders[partition] else {
                needsMetadata = true
                continue
            }
            guard self.connections[leader]?.isActive == true else {
                self.startConnecting(to: leader)
                continue
            }
            if batch.encoded == nil {
                do {
                    if self.configuration.isIdempotent {
                        let sequence = self.nextSequence[partition] ?? 0
                        batch.baseSequence = sequence
                        batch.producerId = self.producerId
                        batch.producerEpoch = self.producerEpoch
                        self.nextSequence[partition] = Self.increment(sequence, by: Int32(batch.recordCount))
                    }
                    batch.encoded = try batch.writer.build(
                        producerId: batch.producerId, producerEpoch: batch.producerEpoch,
                        baseSequence: batch.baseSequence, codec: self.configuration.compression)
                } catch {
                    self.queues[partition]?.removeFirst()
                    if self.queues[partition]?.isEmpty == true { self.queues[partition] = nil }
                    self.inFlight[partition, default: 0] += 1
                    self.finish(batch, with: .failure(error))
                    continue
                }
            }
            self.queues[partition]?.removeFirst()
            if self.queues[partition]?.isEmpty == true { self.queues[partition] = nil }
            self.inFlight[partition, default: 0] += 1
            byLeader[leader, default: []].append(batch)
        }
        for (leader, batches) in byLeader {
            var request: [ProducerBatch] = []
            var size = 0
            for batch in batches {
                let batchSize = batch.encoded?.readableBytes ?? 0
                if !request.isEmpty && size + batchSize > self.configuration.maxRequestSize {
                    self.produce(request, to: leader)
                    request = []
                    size = 0
                }
                request.append(batch)
                size += batchSize
            }
            if !request.isEmpty { self.produce(request, to: leader) }
        }
        return !byLeader.isEmpty
    }

    private func startConnecting(to leader: Int32) {
        guard !self.connecting.contains(leader) else { return }
        self.connecting.insert(leader)
        Task {
            do {
                let connection = try await self.client.connection(to: leader)
                self.connections[leader] = connection
            } catch {
                self.logger.debug("cannot reach leader", metadata: ["broker.id": "\(leader)", "error": "\(error)"])
                self.startMetadataRefresh()
                try? await Task.sleep(for: self.configuration.retryBackoff)
            }
            self.connecting.remove(leader)
            self.drain()
        }
    }

    /// Kafka's sequence arithmetic: wraps from Int32.max to 0.
    static func increment(_ sequence: Int32, by count: Int32) -> Int32 {
        sequence > Int32.max - count ? count - (Int32.max - sequence) - 1 : sequence + count
    }

    private func scheduleTimer(at deadline: ContinuousClock.Instant) {
        if let current = self.timerDeadline, current <= deadline, self.timerTask != nil { return }
        self.timerTask?.cancel()
        self.timerDeadline = deadline
        self.timerTask = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            self.timerFired()
        }
    }

    private func timerFired() {
        self.timerTask = nil
        self.timerDeadline = nil
        self.drain()
    }

    // MARK: Produce requests

    /// Writes the Produce request now (keeping batch order on the connection) and handles the answer later.
    private func produce(_ batches: [ProducerBatch], to leader: Int32) {
        let grouped = Dictionary(grouping: batches, by: \.partition.topic)
        let request = ProduceRequest(
            transactionalId: nil, acks: self.configuration.acks.rawValue,
            timeoutMs: KafkaAdmin.milliseconds(self.configuration.requestTimeout),
            topicData: grouped.sorted { $0.key < $1.key }.map { topic, batches in
                ProduceRequest.TopicProduceData(
                    name: topic,
                    partitionData: batches.map {
                        ProduceRequest.PartitionProduceData(index: $0.partition.partition, records: $0.encoded)
                    })
            })
        guard let connection = self.connections[leader] else {
            for batch in batches { self.retryOrFail(batch, error: .connectionClosed(broker: "\(leader)")) }
            return
        }
        if self.configuration.acks == .none {
            Task {
                do {
                    try await connection.sendWithoutResponse(request)
                    for batch in batches { self.finish(batch, with: .success((-1, -1))) }
                } catch {
                    self.connectionFailed(leader, connection: connection, batches: batches, error: error)
                }
                self.drain()
            }
            return
        }
        let pending: PendingResponse<ProduceRequest>
        do {
            pending = try connection.start(request)
        } catch {
            self.connectionFailed(leader, connection: connection, batches: batches, error: error)
            return
        }
        Task {
            do {
                let response = try await pending.response()
                self.handle(response, for: batches)
            } catch {
                self.connectionFailed(leader, connection: connection, batches: batches, error: error)
            }
            self.drain()
        }
    }

    private func connectionFailed(_ leader: Int32, connection: BrokerConnection, batches: [ProducerBatch], error: any Error) {
        let failure = (error as? SamsaClientError) ?? .connectionClosed(broker: "\(leader)")
        if KafkaClient.isConnectionError(failure), self.connections[leader] === connection {
            self.connections[leader] = nil
        }
        for batch in batches.sorted(by: { $0.number > $1.number }) { self.retryOrFail(batch, error: failure) }
        self.startMetadataRefresh()
    }

    private func handle(_ response: ProduceResponse, for batches: [ProducerBatch]) {
        var pending = Dictionary(uniqueKeysWithValues: batches.map { ($0.partition, $0) })
        var needsMetadata = false
        for topic in response.responses {
            for partition in topic.partitionResponses {
                let key = TopicPartition(topic.name, partition.index)
                guard let batch = pending.removeValue(forKey: key) else { continue }
                let code = ErrorCode(rawValue: partition.errorCode) ?? .unknownServerError
                switch code {
                case .none:
                    self.finish(batch, with: .success((partition.baseOffset, partition.logAppendTimeMs)))
                case .duplicateSequenceNumber:
                    // The broker has this batch already (an earlier attempt got through): success.
                    self.finish(batch, with: .success((partition.baseOffset, partition.logAppendTimeMs)))
                default:
                    let context =
                        "producing to partition \(key.partition) of \(key.topic)"
                        + (partition.errorMessage.map { " (\($0))" } ?? "")
                    if [.notLeaderOrFollower, .leaderNotAvailable, .unknownTopicOrPartition, .fencedLeaderEpoch]
                        .contains(code)
                    {
                        needsMetadata = true
                        self.leaders[key] = nil
                    }
                    self.retryOrFail(batch, error: .kafka(code, context: context))
                }
            }
        }
        for batch in pending.values {
            self.retryOrFail(batch, error: .malformedResponse(.produce, reason: "no answer for \(batch.partition)"))
        }
        if needsMetadata { self.startMetadataRefresh() }
    }

    private func retryOrFail(_ batch: ProducerBatch, error: SamsaClientError) {
        var batch = batch
        let withinTimeout = ContinuousClock.now - batch.createdAt < self.configuration.deliveryTimeout
        // With batches pipelined, a batch behind a failed one is refused as out of order: it is retried too.
        let behindARetry =
            error.kafkaCode == .outOfOrderSequenceNumber
            && (self.queues[batch.partition]?.contains { $0.attempts > 0 && $0.number < batch.number } ?? false)
        if (error.isRetriable || behindARetry) && batch.attempts < self.configuration.retries && withinTimeout
            && !self.isClosed
        {
            batch.attempts += 1
            batch.retryAfter = .now + self.configuration.retryBackoff
            self.inFlight[batch.partition, default: 1] -= 1
            var queue = self.queues.removeValue(forKey: batch.partition) ?? []
            let index = queue.firstIndex { $0.number > batch.number } ?? queue.endIndex
            queue.insert(batch, at: index)
            self.queues[batch.partition] = queue
            self.logger.debug(
                "retrying batch", metadata: ["partition": "\(batch.partition)", "error": "\(error)"])
            self.scheduleTimer(at: batch.retryAfter ?? .now)
            return
        }
        if self.configuration.isIdempotent {
            // A lost sequence range would make every later batch OUT_OF_ORDER: start over with a new id.
            self.resetProducerId()
        }
        self.finish(batch, with: .failure(error))
    }

    private func finish(_ batch: ProducerBatch, with result: Result<(Int64, Int64), SamsaClientError>) {
        if let count = self.inFlight[batch.partition] {
            self.inFlight[batch.partition] = count > 1 ? count - 1 : nil
        }
        switch result {
        case .success(let (baseOffset, logAppendTime)): batch.complete(baseOffset: baseOffset, logAppendTime: logAppendTime)
        case .failure(let error): batch.fail(error)
        }
        self.undelivered -= batch.recordCount
        if self.undelivered < self.configuration.maxQueuedRecords, !self.capacityWaiters.isEmpty {
            let waiters = self.capacityWaiters
            self.capacityWaiters.removeAll()
            for waiter in waiters { waiter.resume() }
        }
        if self.undelivered == 0, !self.flushWaiters.isEmpty {
            let waiters = self.flushWaiters
            self.flushWaiters.removeAll()
            for waiter in waiters { waiter.resume() }
        }
    }

    // MARK: Producer id and metadata

    private func resetProducerId() {
        self.producerId = -1
        self.producerEpoch = -1
        self.nextSequence.removeAll()
        // Batches not yet sent are rebuilt with the new id.
        for (partition, queue) in self.queues {
            self.queues[partition] = queue.map { batch in
                var batch = batch
                if batch.attempts == 0 { batch.encoded = nil }
                return batch
            }
        }
    }

    private func startInitProducerId() {
        guard self.initTask == nil else { return }
        self.initTask = Task {
            await self.initProducerId()
        }
    }

    private func initProducerId() async {
        var attempt = 0
        while true {
            do {
                let response = try await self.client.sendToAny(
                    InitProducerIdRequest(transactionalId: nil, transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1))
                let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
                guard code == .none else { throw SamsaClientError.kafka(code, context: "getting a producer id") }
                self.producerId = response.producerId
                self.producerEpoch = response.producerEpoch
                self.nextSequence.removeAll()
                // Batches built before this point carry no id: rebuild them.
                for (partition, queue) in self.queues {
                    self.queues[partition] = queue.map { batch in
                        var batch = batch
                        batch.encoded = nil
                        batch.baseSequence = -1
                        return batch
                    }
                }
                self.logger.debug("producer id", metadata: ["producer.id": "\(response.producerId)"])
                break
            } catch let error as SamsaClientError where error.isRetriable && attempt < self.client.configuration.retries {
                attempt += 1
                try? await Task.sleep(for: self.configuration.retryBackoff)
            } catch {
                let failure = (error as? SamsaClientError) ?? .closed("producer")
                self.logger.error("InitProducerId failed", metadata: ["error": "\(failure)"])
                self.fatalError = failure
                for (_, queue) in self.queues {
                    for batch in queue { self.finish(batch, with: .failure(failure)) }
                }
                self.queues.removeAll()
                break
            }
        }
        self.initTask = nil
        if self.fatalError == nil { self.drain() }
    }

    private func startMetadataRefresh() {
        guard self.refreshTask == nil else { return }
        let topics = Array(Set(self.partitionCounts.keys).union(self.queues.keys.map(\.topic)))
        self.refreshTask = Task {
            try? await Task.sleep(for: self.configuration.retryBackoff)
            try? await self.refreshMetadata(topics: topics)
            self.refreshTask = nil
            self.drain()
        }
    }

    private func refreshMetadata(topics: [String], allowAutoTopicCreation: Bool = false) async throws {
        let metadata = try await self.client.refreshMetadata(
            topics: topics, allowAutoTopicCreation: allowAutoTopicCreation)
        for name in topics {
            guard let topic = metadata.topics[name], topic.error == .none, !topic.partitions.isEmpty else { continue }
            self.partitionCounts[name] = topic.partitions.count
            self.availablePartitions[name] = topic.partitions.filter { $0.leader >= 0 }.map(\.partition)
            for partition in topic.partitions {
                let key = TopicPartition(name, partition.partition)
                self.leaders[key] = partition.leader >= 0 ? partition.leader : nil
            }
        }
    }
}

extension Array where Element == ProducerBatch {
    /// Appends to the open batch at the end or starts a new one when it would pass `batchSize`.
    /// - Returns: whether a batch is now full (ready to send), and whether a new batch was opened.
    mutating func appendRecord(
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
