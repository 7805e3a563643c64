import KafkaProtocol
import LogStorage
import Logging
import NIOCore

/// Produce: refuse what Kafka refuses before the log (internal topic, not the leader, keyless
/// records on a compacted topic), append through `PartitionLeaders.appendAsLeader` and answer
/// with the first offset, after the in-sync replicas copied it for acks=all. acks=0 gets no answer.
struct ProduceHandler {
    let state: BrokerState

    func handle(_ request: ProduceRequest, context: RequestContext) async -> ProduceResponse? {
        let now = Clock.millis()
        let isValidAcks = request.acks == -1 || request.acks == 0 || request.acks == 1
        var response = ProduceResponse()
        for topic in request.topicData {
            var results: [ProduceResponse.PartitionProduceResponse] = []
            for partition in topic.partitionData {
                var result = ProduceResponse.PartitionProduceResponse(index: partition.index, baseOffset: -1)
                if !isValidAcks {
                    result.errorCode = ErrorCode.invalidRequiredAcks.rawValue
                } else {
                    await self.append(
                        partition, topic: topic.name, acks: request.acks, timeoutMs: request.timeoutMs, now: now,
                        into: &result)
                }
                results.append(result)
            }
            response.responses.append(.init(name: topic.name, partitionResponses: results))
        }
        return request.acks == 0 ? nil : response
    }

    private func append(
        _ partition: ProduceRequest.PartitionProduceData, topic: String, acks: Int16, timeoutMs: Int32, now: Int64,
        into result: inout ProduceResponse.PartitionProduceResponse
    ) async {
        let tp = TopicPartition(topic, partition.index)
        // As Kafka: clients cannot write the coordinator's own log, which it replays on failover.
        if topic == OffsetsTopicStore.topicName {
            result.errorCode = ErrorCode.invalidTopicException.rawValue
            result.errorMessage = "Cannot append to internal topic \(topic)"
            return
        }
        guard let leader = self.state.leaders.leader(of: tp) else {
            let known = self.state.cluster?.metadata.partition(tp)
            result.errorCode = (known == nil ? ErrorCode.unknownTopicOrPartition : .notLeaderOrFollower).rawValue
            result.errorMessage =
                known.map {
                    "Broker \(self.state.brokerId) is not the leader of \(tp); its leader is broker \($0.leader)."
                }
                ?? "This server does not host \(tp)."
            return
        }
        guard let records = partition.records else {
            result.errorCode = ErrorCode.invalidRecord.rawValue
            result.errorMessage = "The produce request for \(tp) has no records."
            return
        }
        if leader.log.config.cleanupPolicy.split(separator: ",").contains("compact") {
            let recordErrors = Self.keylessRecordErrors(in: records, tp: tp)
            if !recordErrors.isEmpty {
                result.errorCode = ErrorCode.invalidRecord.rawValue
                result.errorMessage = Self.recordErrorsMessage(recordErrors)
                result.recordErrors = recordErrors
                return
            }
        }
        let appended: PartitionLog.AppendResult
        do {
            appended = try self.state.leaders.appendAsLeader(records, to: leader, requiredAcks: acks, now: now)
        } catch {
            switch error {
            case .notEnoughReplicas(let isr, let required):
                // acks=all promises min.insync.replicas copies: refused before writing.
                result.errorCode = ErrorCode.notEnoughReplicas.rawValue
                result.errorMessage =
                    "\(tp) has \(isr.count) in-sync replica(s) \(isr) but min.insync.replicas=\(required): acks=all cannot be met."
            case .storage(let error):
                let code = Self.errorCode(for: error)
                result.errorCode = code.rawValue
                result.errorMessage = error.description
                if code == .invalidRecord {
                    result.recordErrors = [.init(batchIndex: 0, batchIndexErrorMessage: error.description)]
                }
                self.state.logger.debug("produce refused", metadata: ["partition": "\(tp)", "error": "\(error)"])
            }
            return
        }
        result.baseOffset = appended.firstOffset
        result.logAppendTimeMs = appended.logAppendTime
        result.logStartOffset = appended.logStartOffset
        if acks == -1 {
            await self.waitForReplication(of: appended.lastOffset, at: leader, timeoutMs: timeoutMs, into: &result)
        }
    }

    /// A compacted topic keeps the last record per key, so a record without a key is refused, and with it the
    /// whole batch (Kafka's `LogValidator.validateKey`, KIP-467 per-record errors; librdkafka's test 0011).
    /// Compressed batches cannot be opened here (the broker has no codecs) and pass unchecked.
    static func keylessRecordErrors(in records: ByteBuffer, tp: TopicPartition) -> [ProduceResponse
        .BatchIndexAndErrorMessage]
    {
        var errors: [ProduceResponse.BatchIndexAndErrorMessage] = []
        var index = records.readerIndex
        var batchIndex: Int32 = 0
        while let header = RecordBatchHeader(buffer: records, at: index),
            index + header.totalSize <= records.writerIndex,
            header.batchLength >= RecordBatches.minimumBatchLength
        {
            defer { index += header.totalSize }
            guard header.attributes.compression == CompressionCodec.none, !header.attributes.isControl,
                let decoded = try? RecordBatches.decodeRecords(
                    in: records, from: index + RecordBatchHeader.size, to: index + header.totalSize, header: header)
            else {
                batchIndex += max(0, header.recordsCount)
                continue
            }
            for record in decoded {
                if record.key == nil {
                    errors.append(
                        .init(
                            batchIndex: batchIndex,
                            batchIndexErrorMessage:
                                "Compacted topic cannot accept message without key in topic partition \(tp)"))
                }
                batchIndex += 1
            }
        }
        return errors
    }

    /// Kafka's `InvalidRecordException` message for a batch refused record by record (`LogValidator.processRecordErrors`).
    static func recordErrorsMessage(_ errors: [ProduceResponse.BatchIndexAndErrorMessage]) -> String {
        let shown = errors.prefix(3).map { error in
            "RecordError(batchIndex=\(error.batchIndex), message=\(error.batchIndexErrorMessage.map { "'\($0)'" } ?? "null"))"
        }
        return
            "One or more records have been rejected due to \(errors.count) record errors in total, and only showing the first three errors at most: [\(shown.joined(separator: ", "))]"
    }

    /// acks=all: answer once the high watermark covers the batch, i.e. every in-sync replica has
    /// it, or fail at `timeout.ms`. If the ISR shrank below `min.insync.replicas` meanwhile, the
    /// write is in the log but not as safe as promised: NOT_ENOUGH_REPLICAS_AFTER_APPEND.
    private func waitForReplication(
        of lastOffset: Int64, at leader: PartitionLeaders.Leader, timeoutMs: Int32,
        into result: inout ProduceResponse.PartitionProduceResponse
    ) async {
        let tp = leader.topicPartition
        switch await self.state.leaders.waitForReplication(of: lastOffset, at: leader, timeoutMs: timeoutMs) {
        case .replicated:
            return
        case .notEnoughReplicasAfterAppend(let isr, let required):
            result.errorCode = ErrorCode.notEnoughReplicasAfterAppend.rawValue
            result.errorMessage =
                "\(tp) shrank to \(isr.count) in-sync replica(s) \(isr) while the write waited; min.insync.replicas=\(required)."
        case .leadershipMoved:
            result.errorCode = ErrorCode.notLeaderOrFollower.rawValue
            result.errorMessage = "Leadership of \(tp) moved before the write was replicated."
        case .timedOut:
            result.errorCode = ErrorCode.requestTimedOut.rawValue
            result.errorMessage =
                "Not every in-sync replica of \(tp) copied offset \(lastOffset) within timeout.ms=\(timeoutMs)."
        }
    }

    static func errorCode(for error: LogStorageError) -> ErrorCode {
        switch error {
        case .invalidBatch(let batchError):
            switch batchError {
            case .crcMismatch, .truncated, .invalidBatchLength, .unknownCompression: .corruptMessage
            case .recordCountMismatch, .invalidLastOffsetDelta, .empty: .invalidRecord
            case .unsupportedMagic: .unsupportedForMessageFormat
            case .batchTooLarge: .messageTooLarge
            }
        case .logClosed: .notLeaderOrFollower
        case .offsetOutOfRange: .offsetOutOfRange
        case .io, .invalidConfig, .rejectedTopicConfig, .corruptIndex, .invalidDirectoryName: .kafkaStorageError
        case .outOfOrderSequence: .outOfOrderSequenceNumber
        case .invalidProducerEpoch: .invalidProducerEpoch
        }
    }
}
