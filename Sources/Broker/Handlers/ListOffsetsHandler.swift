import KafkaProtocol
import LogStorage

/// ListOffsets: where a consumer starts. -2 is the earliest offset (log start), -1 the latest
/// (the high watermark: the next offset a consumer may read), -3 the record with the largest
/// timestamp (KIP-734); any other value finds the first offset at or after that time.
/// As in Kafka, a request with replica_id -2 (a debugging tool, not a consumer) gets the log end
/// offset for "latest", from any replica, instead of the high watermark from the leader.
struct ListOffsetsHandler {
    static let latest: Int64 = -1
    static let earliest: Int64 = -2
    static let maxTimestamp: Int64 = -3
    static let debuggingReplicaId: Int32 = -2

    let state: BrokerState

    func handle(_ request: ListOffsetsRequest, context: RequestContext) async -> ListOffsetsResponse {
        var response = ListOffsetsResponse()
        for topic in request.topics {
            var partitions: [ListOffsetsResponse.ListOffsetsPartitionResponse] = []
            for partition in topic.partitions {
                var result = ListOffsetsResponse.ListOffsetsPartitionResponse(partitionIndex: partition.partitionIndex)
                let tp = TopicPartition(topic.name, partition.partitionIndex)
                let log: PartitionLog?
                if let cluster = self.state.cluster {
                    let replica = cluster.replicaManager.partition(tp)
                    let isDebugging = request.replicaId == Self.debuggingReplicaId
                    log = replica?.isLeader == true || isDebugging ? replica?.log : nil
                } else {
                    log = self.state.logManager.log(for: tp)
                }
                if let log {
                    do {
                        let (offset, timestamp) =
                            partition.timestamp == Self.latest && request.replicaId == Self.debuggingReplicaId
                            ? (log.logEndOffset, -1) : try self.lookup(partition.timestamp, in: log)
                        result.offset = offset
                        result.timestamp = timestamp
                        result.leaderEpoch = offset >= 0 ? self.state.leaderEpoch : -1
                        result.oldStyleOffsets = offset >= 0 ? [offset] : []
                    } catch {
                        result.errorCode = ProduceHandler.errorCode(for: error).rawValue
                    }
                } else {
                    let isKnown = self.state.cluster?.metadata.partition(tp) != nil
                    result.errorCode = (isKnown ? ErrorCode.notLeaderOrFollower : .unknownTopicOrPartition).rawValue
                }
                partitions.append(result)
            }
            response.topics.append(.init(name: topic.name, partitions: partitions))
        }
        return response
    }

    private func lookup(_ timestamp: Int64, in log: PartitionLog) throws(LogStorageError) -> (Int64, Int64) {
        switch timestamp {
        case Self.latest: return (log.highWatermark, -1)
        case Self.earliest, -4: return (log.logStartOffset, -1)
        case Self.maxTimestamp:
            guard let found = log.maxTimestampAndOffset else { return (-1, -1) }
            return (found.offset, found.timestamp)
        default:
            // No record that new: Kafka answers offset -1 and timestamp -1.
            guard let found = try log.offset(forTimestamp: timestamp) else { return (-1, -1) }
            return (found.offset, found.timestamp)
        }
    }
}
