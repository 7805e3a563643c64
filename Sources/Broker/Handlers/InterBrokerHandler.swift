import KafkaProtocol
import LogStorage

/// The requests brokers of a cluster send each other: from the controller (LeaderAndIsr,
/// UpdateMetadata, StopReplica), to the controller (ControlledShutdown), and from followers
/// (OffsetForLeaderEpoch). A standalone broker answers them with an error.
struct InterBrokerHandler {
    let state: BrokerState

    func leaderAndIsr(_ request: LeaderAndIsrRequest, context: RequestContext) async -> LeaderAndIsrResponse {
        guard let cluster = self.state.cluster else {
            return LeaderAndIsrResponse(errorCode: ErrorCode.invalidRequest.rawValue)
        }
        guard request.brokerEpoch < 0 || request.brokerEpoch == cluster.brokerEpoch else {
            return LeaderAndIsrResponse(errorCode: ErrorCode.staleBrokerEpoch.rawValue)
        }
        return await cluster.replicaManager.becomeLeaderOrFollower(request)
    }

    func updateMetadata(_ request: UpdateMetadataRequest, context: RequestContext) async -> UpdateMetadataResponse {
        guard let cluster = self.state.cluster else {
            return UpdateMetadataResponse(errorCode: ErrorCode.invalidRequest.rawValue)
        }
        guard cluster.replicaManager.acceptControllerEpoch(request.controllerEpoch) else {
            return UpdateMetadataResponse(errorCode: ErrorCode.staleControllerEpoch.rawValue)
        }
        cluster.metadata.apply(request)
        return UpdateMetadataResponse(errorCode: 0)
    }

    func stopReplica(_ request: StopReplicaRequest, context: RequestContext) async -> StopReplicaResponse {
        guard let cluster = self.state.cluster else {
            return StopReplicaResponse(errorCode: ErrorCode.invalidRequest.rawValue)
        }
        return await cluster.replicaManager.stopReplicas(request)
    }

    func controlledShutdown(_ request: ControlledShutdownRequest, context: RequestContext) async -> ControlledShutdownResponse {
        guard let cluster = self.state.cluster, await cluster.controller.isActive else {
            return ControlledShutdownResponse(errorCode: ErrorCode.notController.rawValue)
        }
        let remaining = await cluster.controller.controlledShutdown(brokerId: request.brokerId)
        return ControlledShutdownResponse(
            errorCode: 0,
            remainingPartitions: remaining.map { .init(topicName: $0.topic, partitionIndex: $0.partition) })
    }

    /// Where `leader_epoch` ended in this leader's log (KIP-101), so a follower can cut off a
    /// divergent tail.
    func offsetForLeaderEpoch(_ request: OffsetForLeaderEpochRequest, context: RequestContext) async
        -> OffsetForLeaderEpochResponse
    {
        var response = OffsetForLeaderEpochResponse()
        for topic in request.topics {
            var results: [OffsetForLeaderEpochResponse.EpochEndOffset] = []
            for partition in topic.partitions {
                let tp = TopicPartition(topic.topic, partition.partition)
                var result = OffsetForLeaderEpochResponse.EpochEndOffset(partition: partition.partition)
                let log: PartitionLog?
                if let cluster = self.state.cluster {
                    let replica = cluster.replicaManager.partition(tp)
                    log = replica?.isLeader == true ? replica?.log : nil
                    if let replica, partition.currentLeaderEpoch >= 0, partition.currentLeaderEpoch < replica.snapshot.leaderEpoch {
                        result.errorCode = ErrorCode.fencedLeaderEpoch.rawValue
                        results.append(result)
                        continue
                    }
                } else {
                    log = self.state.logManager.log(for: tp)
                }
                if let log {
                    let (epoch, endOffset) = log.endOffset(forLeaderEpoch: partition.leaderEpoch)
                    result.leaderEpoch = epoch
                    result.endOffset = endOffset
                } else {
                    result.errorCode = ErrorCode.notLeaderOrFollower.rawValue
                }
                results.append(result)
            }
            response.topics.append(.init(topic: topic.topic, partitions: results))
        }
        return response
    }
}
