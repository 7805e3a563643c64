import Logging
import KafkaProtocol
import LogStorage

/// Produce: validate each partition's batch by its header and CRC, stamp offsets, append the
/// bytes as they came, and answer with the first offset. acks=0 gets no answer at all.
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
                    self.append(partition, topic: topic.name, now: now, into: &result)
                }
                results.append(result)
            }
            response.responses.append(.init(name: topic.name, partitionResponses: results))
        }
        return request.acks == 0 ? nil : response
    }

    private func append(
        _ partition: ProduceRequest.PartitionProduceData, topic: String, now: Int64,
        into result: inout ProduceResponse.PartitionProduceResponse
    ) {
        let tp = TopicPartition(topic, partition.index)
        guard let log = self.state.logManager.log(for: tp) else {
            result.errorCode = ErrorCode.unknownTopicOrPartition.rawValue
            result.errorMessage = "This server does not host \(tp)."
            return
        }
        guard let records = partition.records else {
            result.errorCode = ErrorCode.invalidRecord.rawValue
            result.errorMessage = "The produce request for \(tp) has no records."
            return
        }
        do {
            let appended = try log.appendAsLeader(
                records, leaderEpoch: self.state.leaderEpoch, now: now, advanceHighWatermark: true)
            result.baseOffset = appended.firstOffset
            result.logAppendTimeMs = appended.logAppendTime
            result.logStartOffset = appended.logStartOffset
            if !appended.isDuplicate { self.state.appendWaiters.notifyAppend(to: tp) }
        } catch {
            let code = Self.errorCode(for: error)
            result.errorCode = code.rawValue
            result.errorMessage = error.description
            if code == .invalidRecord { result.recordErrors = [.init(batchIndex: 0, batchIndexErrorMessage: error.description)] }
            self.state.logger.debug("produce refused", metadata: ["partition": "\(tp)", "error": "\(error)"])
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
        case .io, .invalidConfig, .corruptIndex, .invalidDirectoryName: .kafkaStorageError
        case .outOfOrderSequence: .outOfOrderSequenceNumber
        case .invalidProducerEpoch: .invalidProducerEpoch
        }
    }
}
