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

    func controlledShutdown(_ request: ControlledShutdownRequest, context: RequestContext) async
        -> ControlledShutdownResponse
    {
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
                    if let replica, partition.currentLeaderEpoch >= 0,
                        partition.currentLeaderEpoch < replica.snapshot.leaderEpoch
                    {
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

    /// ElectLeaders (KIP-460), answered by the controller: type 0 moves leadership to preferred
    /// replicas, type 1 elects an out-of-sync replica where no in-sync one is alive.
    func electLeaders(_ request: ElectLeadersRequest, context: RequestContext) async -> ElectLeadersResponse {
        guard let cluster = self.state.cluster, await cluster.controller.isActive else {
            return ElectLeadersResponse(errorCode: ErrorCode.notController.rawValue)
        }
        let asked = request.topicPartitions.map { topics in
            topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, $0) } }
        }
        let results =
            request.electionType == 1
            ? await cluster.controller.electUncleanLeaders(asked)
            : await cluster.controller.electPreferredLeaders(asked)
        let byTopic = Dictionary(grouping: results.keys, by: \.topic)
        return ElectLeadersResponse(
            errorCode: 0,
            replicaElectionResults: byTopic.keys.sorted().map { topic in
                .init(
                    topic: topic,
                    partitionResult: (byTopic[topic] ?? []).sorted().map { tp in
                        let (code, message) = Self.describe(
                            results[tp] ?? .unknownPartition, tp, unclean: request.electionType == 1)
                        return .init(partitionId: tp.partition, errorCode: code.rawValue, errorMessage: message)
                    })
            })
    }

    private static func describe(_ result: KafkaController.ElectionResult, _ tp: TopicPartition, unclean: Bool)
        -> (ErrorCode, String?)
    {
        switch result {
        case .elected: return (.none, nil)
        case .notNeeded: return (.electionNotNeeded, "Leader election not needed for topic partition \(tp).")
        case .notPossible where unclean:
            return (.eligibleLeadersNotAvailable, "No live replica of \(tp) can become its leader.")
        case .notPossible:
            return (.preferredLeaderNotAvailable, "The preferred leader of \(tp) is not alive or not in sync.")
        case .unknownPartition: return (.unknownTopicOrPartition, "\(tp) does not exist.")
        }
    }
}
