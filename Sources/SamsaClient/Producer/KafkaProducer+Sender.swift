import KafkaProtocol
import Logging
import NIOCore

/// The sending side, as Kafka's `Sender`: drains ready batches from the accumulator into one Produce request
/// per leader, keeps at most `max.in.flight.requests.per.connection` batches of a partition unanswered,
/// handles each partition's answer (success, duplicate, retry after a metadata refresh, or failure), and gets
/// the producer id before the first idempotent batch.
///
/// Kafka's Sender is a thread of its own that shares the accumulator under locks. Here it is part of the
/// producer actor, so appending and writing a request to the connection happen without a suspension in
/// between: batches reach the connection in the order they were drained.
extension KafkaProducer {
    /// What the sender keeps between passes.
    struct SenderState {
        /// Batches sent and not yet answered, per partition.
        var inFlight: [TopicPartition: Int] = [:]
        /// Open connections to leaders, kept here so requests can be written in order without suspending.
        var connections: [Int32: BrokerConnection] = [:]
        /// Leaders a connection is being opened to, so only one attempt per leader runs.
        var connecting: Set<Int32> = []
        /// The one pending wake-up, for the earliest linger end or retry backoff.
        var timerTask: Task<Void, Never>?
        var timerDeadline: ContinuousClock.Instant?

        /// A batch went out (or is about to fail without going out, see `finish`).
        mutating func markSent(_ partition: TopicPartition) {
            self.inFlight[partition, default: 0] += 1
        }

        /// A sent batch goes back to its queue for a retry.
        mutating func markRequeued(_ partition: TopicPartition) {
            self.inFlight[partition, default: 1] -= 1
        }

        /// A batch was answered for good.
        mutating func markFinished(_ partition: TopicPartition) {
            if let count = self.inFlight[partition] {
                self.inFlight[partition] = count > 1 ? count - 1 : nil
            }
        }
    }

    // MARK: Draining

    /// Sends every batch that is ready (full, lingered long enough, being flushed, or due for retry) to its
    /// leader, one Produce request per broker per round, a round per batch of a partition in flight.
    func drain() {
        if self.idempotence.needsProducerId {
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
        let connections = self.sender.connections
        let drained = self.accumulator.drain(
            now: .now, inFlight: self.sender.inFlight,
            maxInFlight: max(1, self.configuration.maxInFlightRequestsPerConnection),
            leaders: self.metadata.leadersByPartition, isConnected: { connections[$0]?.isActive == true },
            idempotence: &self.idempotence, compression: self.configuration.compression,
            nextDeadline: &nextDeadline, needsMetadata: &needsMetadata)
        for leader in drained.leadersToConnect { self.startConnecting(to: leader) }
        for (batch, error) in drained.unencodable {
            self.sender.markSent(batch.partition)
            self.finish(batch, with: .failure(error))
        }
        for batch in drained.byLeader.values.joined() { self.sender.markSent(batch.partition) }
        for (leader, batches) in drained.byLeader {
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
        return !drained.byLeader.isEmpty
    }

    private func startConnecting(to leader: Int32) {
        guard !self.sender.connecting.contains(leader) else { return }
        self.sender.connecting.insert(leader)
        Task {
            do {
                let connection = try await self.client.connection(to: leader)
                self.sender.connections[leader] = connection
            } catch {
                self.logger.debug("cannot reach leader", metadata: ["broker.id": "\(leader)", "error": "\(error)"])
                self.startMetadataRefresh()
                try? await Task.sleep(for: self.configuration.retryBackoff)
            }
            self.sender.connecting.remove(leader)
            self.drain()
        }
    }

    /// Wakes the sender at `deadline` unless an earlier wake-up is already set.
    func scheduleTimer(at deadline: ContinuousClock.Instant) {
        if let current = self.sender.timerDeadline, current <= deadline, self.sender.timerTask != nil { return }
        self.sender.timerTask?.cancel()
        self.sender.timerDeadline = deadline
        self.sender.timerTask = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            self.timerFired()
        }
    }

    private func timerFired() {
        self.sender.timerTask = nil
        self.sender.timerDeadline = nil
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
        guard let connection = self.sender.connections[leader] else {
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

    private func connectionFailed(
        _ leader: Int32, connection: BrokerConnection, batches: [ProducerBatch], error: any Error
    ) {
        let failure = (error as? SamsaClientError) ?? .connectionClosed(broker: "\(leader)")
        if KafkaClient.isConnectionError(failure), self.sender.connections[leader] === connection {
            self.sender.connections[leader] = nil
        }
        // Latest first: each retry is put back ahead of the batches opened after it.
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
                if code == .none || IdempotenceState.isAlreadyWritten(code) {
                    self.finish(batch, with: .success((partition.baseOffset, partition.logAppendTimeMs)))
                    continue
                }
                let context =
                    "producing to partition \(key.partition) of \(key.topic)"
                    + (partition.errorMessage.map { " (\($0))" } ?? "")
                // The leader moved or is unknown: ask for metadata again before the retry.
                if [.notLeaderOrFollower, .leaderNotAvailable, .unknownTopicOrPartition, .fencedLeaderEpoch]
                    .contains(code)
                {
                    needsMetadata = true
                    self.metadata.forgetLeader(of: key)
                }
                self.retryOrFail(batch, error: .kafka(code, context: context))
            }
        }
        for batch in pending.values {
            self.retryOrFail(batch, error: .malformedResponse(.produce, reason: "no answer for \(batch.partition)"))
        }
        if needsMetadata { self.startMetadataRefresh() }
    }

    /// Requeues a sent batch after `retry.backoff.ms` while `retries` and `delivery.timeout.ms` allow, else
    /// fails it (and, with idempotence, drops the producer id).
    private func retryOrFail(_ batch: ProducerBatch, error: SamsaClientError) {
        var batch = batch
        let withinTimeout = ContinuousClock.now - batch.createdAt < self.configuration.deliveryTimeout
        let behindARetry = IdempotenceState.isOutOfOrderBehindARetry(
            error, hasEarlierRetry: self.accumulator.hasRetry(before: batch))
        if (error.isRetriable || behindARetry) && batch.attempts < self.configuration.retries && withinTimeout
            && !self.isClosed
        {
            batch.attempts += 1
            batch.retryAfter = .now + self.configuration.retryBackoff
            self.sender.markRequeued(batch.partition)
            self.accumulator.reenqueue(batch)
            self.logger.debug(
                "retrying batch", metadata: ["partition": "\(batch.partition)", "error": "\(error)"])
            self.scheduleTimer(at: batch.retryAfter ?? .now)
            return
        }
        if self.idempotence.isEnabled {
            // A lost sequence range would make every later batch OUT_OF_ORDER: start over with a new id.
            self.idempotence.reset()
            self.accumulator.forgetEncodingOfUnsentBatches()
        }
        self.finish(batch, with: .failure(error))
    }

    /// Answers the batch's records and wakes whoever waits for room or for a flush.
    private func finish(_ batch: ProducerBatch, with result: Result<(Int64, Int64), SamsaClientError>) {
        self.sender.markFinished(batch.partition)
        switch result {
        case .success(let (baseOffset, logAppendTime)):
            batch.complete(baseOffset: baseOffset, logAppendTime: logAppendTime)
        case .failure(let error): batch.fail(error)
        }
        let waiters = self.accumulator.recordsAnswered(
            batch.recordCount, maxQueuedRecords: self.configuration.maxQueuedRecords)
        for waiter in waiters { waiter.resume() }
    }

    // MARK: Producer id

    private func startInitProducerId() {
        guard self.idempotence.initTask == nil else { return }
        self.idempotence.initTask = Task {
            await self.initProducerId()
        }
    }

    /// InitProducerId without a transactional id, retried while the error is retriable; a final failure is
    /// fatal for the producer.
    private func initProducerId() async {
        var attempt = 0
        while true {
            do {
                let response = try await self.client.sendToAny(
                    InitProducerIdRequest(
                        transactionalId: nil, transactionTimeoutMs: 60_000, producerId: -1, producerEpoch: -1))
                let code = ErrorCode(rawValue: response.errorCode) ?? .unknownServerError
                guard code == .none else { throw SamsaClientError.kafka(code, context: "getting a producer id") }
                self.idempotence.assign(producerId: response.producerId, epoch: response.producerEpoch)
                // Batches built before this point carry no id, or the old one: rebuild them.
                self.accumulator.forgetEncodingAndSequenceOfAllBatches()
                self.logger.debug("producer id", metadata: ["producer.id": "\(response.producerId)"])
                break
            } catch let error as SamsaClientError where error.isRetriable && attempt < self.client.configuration.retries
            {
                attempt += 1
                try? await Task.sleep(for: self.configuration.retryBackoff)
            } catch {
                let failure = (error as? SamsaClientError) ?? .closed("producer")
                self.logger.error("InitProducerId failed", metadata: ["error": "\(failure)"])
                self.idempotence.fatalError = failure
                for batch in self.accumulator.removeAll() { self.finish(batch, with: .failure(failure)) }
                break
            }
        }
        self.idempotence.initTask = nil
        if self.idempotence.fatalError == nil { self.drain() }
    }
}
