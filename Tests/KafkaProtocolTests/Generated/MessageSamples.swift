// DO NOT EDIT: generated from the allow-listed schemas/kafka/*.json by samsa-codegen

import KafkaProtocol
import NIOCore

/// Every generated top-level message type, for tests that loop over all of them.
let allSampleMessageTypes: [any SampleMessage.Type] = [
    ProduceRequest.self,
    ProduceResponse.self,
    FetchRequest.self,
    FetchResponse.self,
    ListOffsetsRequest.self,
    ListOffsetsResponse.self,
    MetadataRequest.self,
    MetadataResponse.self,
    LeaderAndIsrRequest.self,
    LeaderAndIsrResponse.self,
    StopReplicaRequest.self,
    StopReplicaResponse.self,
    UpdateMetadataRequest.self,
    UpdateMetadataResponse.self,
    ControlledShutdownRequest.self,
    ControlledShutdownResponse.self,
    OffsetCommitRequest.self,
    OffsetCommitResponse.self,
    OffsetFetchRequest.self,
    OffsetFetchResponse.self,
    FindCoordinatorRequest.self,
    FindCoordinatorResponse.self,
    JoinGroupRequest.self,
    JoinGroupResponse.self,
    HeartbeatRequest.self,
    HeartbeatResponse.self,
    LeaveGroupRequest.self,
    LeaveGroupResponse.self,
    SyncGroupRequest.self,
    SyncGroupResponse.self,
    DescribeGroupsRequest.self,
    DescribeGroupsResponse.self,
    ListGroupsRequest.self,
    ListGroupsResponse.self,
    SaslHandshakeRequest.self,
    SaslHandshakeResponse.self,
    ApiVersionsRequest.self,
    ApiVersionsResponse.self,
    CreateTopicsRequest.self,
    CreateTopicsResponse.self,
    DeleteTopicsRequest.self,
    DeleteTopicsResponse.self,
    DeleteRecordsRequest.self,
    DeleteRecordsResponse.self,
    InitProducerIdRequest.self,
    InitProducerIdResponse.self,
    OffsetForLeaderEpochRequest.self,
    OffsetForLeaderEpochResponse.self,
    DescribeConfigsRequest.self,
    DescribeConfigsResponse.self,
    AlterConfigsRequest.self,
    AlterConfigsResponse.self,
    CreatePartitionsRequest.self,
    CreatePartitionsResponse.self,
    DeleteGroupsRequest.self,
    DeleteGroupsResponse.self,
    ElectLeadersRequest.self,
    ElectLeadersResponse.self,
    IncrementalAlterConfigsRequest.self,
    IncrementalAlterConfigsResponse.self,
    OffsetDeleteRequest.self,
    OffsetDeleteResponse.self,
    DescribeClusterRequest.self,
    DescribeClusterResponse.self,
    DescribeProducersRequest.self,
    DescribeProducersResponse.self,
    RequestHeader.self,
    ResponseHeader.self,
    ConsumerProtocolSubscription.self,
    ConsumerProtocolAssignment.self,
    OffsetCommitValue.self,
    GroupMetadataValue.self,
]

extension ProduceRequest: SampleMessage {
    static func makeDefault() -> ProduceRequest { ProduceRequest() }

    static func sample(version: Int16) -> ProduceRequest {
        var value = ProduceRequest()
        if version >= 3 { value.transactionalId = "TransactionalId-0" }
        value.acks = 301
        value.timeoutMs = 70002
        value.topicData = [ProduceRequest.TopicProduceData.sample(version: version), ProduceRequest.TopicProduceData.sample(version: version)]
        return value
    }
}

extension ProduceRequest.TopicProduceData {
    static func sample(version: Int16) -> ProduceRequest.TopicProduceData {
        var value = ProduceRequest.TopicProduceData()
        value.name = "Name-0"
        value.partitionData = [ProduceRequest.PartitionProduceData.sample(version: version), ProduceRequest.PartitionProduceData.sample(version: version)]
        return value
    }
}

extension ProduceRequest.PartitionProduceData {
    static func sample(version: Int16) -> ProduceRequest.PartitionProduceData {
        var value = ProduceRequest.PartitionProduceData()
        value.index = 70000
        value.records = ByteBuffer(bytes: [0x00, 0x01, 0x02, 0x03, 0x04])
        return value
    }
}

extension ProduceResponse: SampleMessage {
    static func makeDefault() -> ProduceResponse { ProduceResponse() }

    static func sample(version: Int16) -> ProduceResponse {
        var value = ProduceResponse()
        value.responses = [ProduceResponse.TopicProduceResponse.sample(version: version), ProduceResponse.TopicProduceResponse.sample(version: version)]
        if version >= 1 { value.throttleTimeMs = 70001 }
        if version >= 10 { value.nodeEndpoints = [ProduceResponse.NodeEndpoint.sample(version: version), ProduceResponse.NodeEndpoint.sample(version: version)] }
        return value
    }
}

extension ProduceResponse.TopicProduceResponse {
    static func sample(version: Int16) -> ProduceResponse.TopicProduceResponse {
        var value = ProduceResponse.TopicProduceResponse()
        value.name = "Name-0"
        value.partitionResponses = [ProduceResponse.PartitionProduceResponse.sample(version: version), ProduceResponse.PartitionProduceResponse.sample(version: version)]
        return value
    }
}

extension ProduceResponse.PartitionProduceResponse {
    static func sample(version: Int16) -> ProduceResponse.PartitionProduceResponse {
        var value = ProduceResponse.PartitionProduceResponse()
        value.index = 70000
        value.errorCode = 301
        value.baseOffset = 5000000002
        if version >= 2 { value.logAppendTimeMs = 5000000003 }
        if version >= 5 { value.logStartOffset = 5000000004 }
        if version >= 8 { value.recordErrors = [ProduceResponse.BatchIndexAndErrorMessage.sample(version: version), ProduceResponse.BatchIndexAndErrorMessage.sample(version: version)] }
        if version >= 8 { value.errorMessage = "ErrorMessage-6" }
        if version >= 10 { value.currentLeader = ProduceResponse.LeaderIdAndEpoch.sample(version: version) }
        return value
    }
}

extension ProduceResponse.BatchIndexAndErrorMessage {
    static func sample(version: Int16) -> ProduceResponse.BatchIndexAndErrorMessage {
        var value = ProduceResponse.BatchIndexAndErrorMessage()
        if version >= 8 { value.batchIndex = 70000 }
        if version >= 8 { value.batchIndexErrorMessage = "BatchIndexErrorMessage-1" }
        return value
    }
}

extension ProduceResponse.LeaderIdAndEpoch {
    static func sample(version: Int16) -> ProduceResponse.LeaderIdAndEpoch {
        var value = ProduceResponse.LeaderIdAndEpoch()
        if version >= 10 { value.leaderId = 70000 }
        if version >= 10 { value.leaderEpoch = 70001 }
        return value
    }
}

extension ProduceResponse.NodeEndpoint {
    static func sample(version: Int16) -> ProduceResponse.NodeEndpoint {
        var value = ProduceResponse.NodeEndpoint()
        if version >= 10 { value.nodeId = 70000 }
        if version >= 10 { value.host = "Host-1" }
        if version >= 10 { value.port = 70002 }
        if version >= 10 { value.rack = "Rack-3" }
        return value
    }
}

extension FetchRequest: SampleMessage {
    static func makeDefault() -> FetchRequest { FetchRequest() }

    static func sample(version: Int16) -> FetchRequest {
        var value = FetchRequest()
        if version >= 12 { value.clusterId = "ClusterId-0" }
        if version <= 14 { value.replicaId = 70001 }
        if version >= 15 { value.replicaState = FetchRequest.ReplicaState.sample(version: version) }
        value.maxWaitMs = 70003
        value.minBytes = 70004
        if version >= 3 { value.maxBytes = 70005 }
        if version >= 4 { value.isolationLevel = 9 }
        if version >= 7 { value.sessionId = 70007 }
        if version >= 7 { value.sessionEpoch = 70008 }
        value.topics = [FetchRequest.FetchTopic.sample(version: version), FetchRequest.FetchTopic.sample(version: version)]
        if version >= 7 { value.forgottenTopicsData = [FetchRequest.ForgottenTopic.sample(version: version), FetchRequest.ForgottenTopic.sample(version: version)] }
        if version >= 11 { value.rackId = "RackId-11" }
        return value
    }
}

extension FetchRequest.ReplicaState {
    static func sample(version: Int16) -> FetchRequest.ReplicaState {
        var value = FetchRequest.ReplicaState()
        if version >= 15 { value.replicaId = 70000 }
        if version >= 15 { value.replicaEpoch = 5000000001 }
        return value
    }
}

extension FetchRequest.FetchTopic {
    static func sample(version: Int16) -> FetchRequest.FetchTopic {
        var value = FetchRequest.FetchTopic()
        if version <= 12 { value.topic = "Topic-0" }
        if version >= 13 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        value.partitions = [FetchRequest.FetchPartition.sample(version: version), FetchRequest.FetchPartition.sample(version: version)]
        return value
    }
}

extension FetchRequest.FetchPartition {
    static func sample(version: Int16) -> FetchRequest.FetchPartition {
        var value = FetchRequest.FetchPartition()
        value.partition = 70000
        if version >= 9 { value.currentLeaderEpoch = 70001 }
        value.fetchOffset = 5000000002
        if version >= 12 { value.lastFetchedEpoch = 70003 }
        if version >= 5 { value.logStartOffset = 5000000004 }
        value.partitionMaxBytes = 70005
        if version >= 17 { value.replicaDirectoryId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 7) }
        return value
    }
}

extension FetchRequest.ForgottenTopic {
    static func sample(version: Int16) -> FetchRequest.ForgottenTopic {
        var value = FetchRequest.ForgottenTopic()
        if version >= 7 && version <= 12 { value.topic = "Topic-0" }
        if version >= 13 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        if version >= 7 { value.partitions = [70002, 70003] }
        return value
    }
}

extension FetchResponse: SampleMessage {
    static func makeDefault() -> FetchResponse { FetchResponse() }

    static func sample(version: Int16) -> FetchResponse {
        var value = FetchResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        if version >= 7 { value.errorCode = 301 }
        if version >= 7 { value.sessionId = 70002 }
        value.responses = [FetchResponse.FetchableTopicResponse.sample(version: version), FetchResponse.FetchableTopicResponse.sample(version: version)]
        if version >= 16 { value.nodeEndpoints = [FetchResponse.NodeEndpoint.sample(version: version), FetchResponse.NodeEndpoint.sample(version: version)] }
        return value
    }
}

extension FetchResponse.FetchableTopicResponse {
    static func sample(version: Int16) -> FetchResponse.FetchableTopicResponse {
        var value = FetchResponse.FetchableTopicResponse()
        if version <= 12 { value.topic = "Topic-0" }
        if version >= 13 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        value.partitions = [FetchResponse.PartitionData.sample(version: version), FetchResponse.PartitionData.sample(version: version)]
        return value
    }
}

extension FetchResponse.PartitionData {
    static func sample(version: Int16) -> FetchResponse.PartitionData {
        var value = FetchResponse.PartitionData()
        value.partitionIndex = 70000
        value.errorCode = 301
        value.highWatermark = 5000000002
        if version >= 4 { value.lastStableOffset = 5000000003 }
        if version >= 5 { value.logStartOffset = 5000000004 }
        if version >= 12 { value.divergingEpoch = FetchResponse.EpochEndOffset.sample(version: version) }
        if version >= 12 { value.currentLeader = FetchResponse.LeaderIdAndEpoch.sample(version: version) }
        if version >= 12 { value.snapshotId = FetchResponse.SnapshotId.sample(version: version) }
        if version >= 4 { value.abortedTransactions = [FetchResponse.AbortedTransaction.sample(version: version), FetchResponse.AbortedTransaction.sample(version: version)] }
        if version >= 11 { value.preferredReadReplica = 70009 }
        value.records = ByteBuffer(bytes: [0x00, 0x01, 0x02, 0x03, 0x04])
        return value
    }
}

extension FetchResponse.EpochEndOffset {
    static func sample(version: Int16) -> FetchResponse.EpochEndOffset {
        var value = FetchResponse.EpochEndOffset()
        if version >= 12 { value.epoch = 70000 }
        if version >= 12 { value.endOffset = 5000000001 }
        return value
    }
}

extension FetchResponse.LeaderIdAndEpoch {
    static func sample(version: Int16) -> FetchResponse.LeaderIdAndEpoch {
        var value = FetchResponse.LeaderIdAndEpoch()
        if version >= 12 { value.leaderId = 70000 }
        if version >= 12 { value.leaderEpoch = 70001 }
        return value
    }
}

extension FetchResponse.SnapshotId {
    static func sample(version: Int16) -> FetchResponse.SnapshotId {
        var value = FetchResponse.SnapshotId()
        value.endOffset = 5000000000
        value.epoch = 70001
        return value
    }
}

extension FetchResponse.AbortedTransaction {
    static func sample(version: Int16) -> FetchResponse.AbortedTransaction {
        var value = FetchResponse.AbortedTransaction()
        if version >= 4 { value.producerId = 5000000000 }
        if version >= 4 { value.firstOffset = 5000000001 }
        return value
    }
}

extension FetchResponse.NodeEndpoint {
    static func sample(version: Int16) -> FetchResponse.NodeEndpoint {
        var value = FetchResponse.NodeEndpoint()
        if version >= 16 { value.nodeId = 70000 }
        if version >= 16 { value.host = "Host-1" }
        if version >= 16 { value.port = 70002 }
        if version >= 16 { value.rack = "Rack-3" }
        return value
    }
}

extension ListOffsetsRequest: SampleMessage {
    static func makeDefault() -> ListOffsetsRequest { ListOffsetsRequest() }

    static func sample(version: Int16) -> ListOffsetsRequest {
        var value = ListOffsetsRequest()
        value.replicaId = 70000
        if version >= 2 { value.isolationLevel = 4 }
        value.topics = [ListOffsetsRequest.ListOffsetsTopic.sample(version: version), ListOffsetsRequest.ListOffsetsTopic.sample(version: version)]
        if version >= 10 { value.timeoutMs = 70003 }
        return value
    }
}

extension ListOffsetsRequest.ListOffsetsTopic {
    static func sample(version: Int16) -> ListOffsetsRequest.ListOffsetsTopic {
        var value = ListOffsetsRequest.ListOffsetsTopic()
        value.name = "Name-0"
        value.partitions = [ListOffsetsRequest.ListOffsetsPartition.sample(version: version), ListOffsetsRequest.ListOffsetsPartition.sample(version: version)]
        return value
    }
}

extension ListOffsetsRequest.ListOffsetsPartition {
    static func sample(version: Int16) -> ListOffsetsRequest.ListOffsetsPartition {
        var value = ListOffsetsRequest.ListOffsetsPartition()
        value.partitionIndex = 70000
        if version >= 4 { value.currentLeaderEpoch = 70001 }
        value.timestamp = 5000000002
        if version <= 0 { value.maxNumOffsets = 70003 }
        return value
    }
}

extension ListOffsetsResponse: SampleMessage {
    static func makeDefault() -> ListOffsetsResponse { ListOffsetsResponse() }

    static func sample(version: Int16) -> ListOffsetsResponse {
        var value = ListOffsetsResponse()
        if version >= 2 { value.throttleTimeMs = 70000 }
        value.topics = [ListOffsetsResponse.ListOffsetsTopicResponse.sample(version: version), ListOffsetsResponse.ListOffsetsTopicResponse.sample(version: version)]
        return value
    }
}

extension ListOffsetsResponse.ListOffsetsTopicResponse {
    static func sample(version: Int16) -> ListOffsetsResponse.ListOffsetsTopicResponse {
        var value = ListOffsetsResponse.ListOffsetsTopicResponse()
        value.name = "Name-0"
        value.partitions = [ListOffsetsResponse.ListOffsetsPartitionResponse.sample(version: version), ListOffsetsResponse.ListOffsetsPartitionResponse.sample(version: version)]
        return value
    }
}

extension ListOffsetsResponse.ListOffsetsPartitionResponse {
    static func sample(version: Int16) -> ListOffsetsResponse.ListOffsetsPartitionResponse {
        var value = ListOffsetsResponse.ListOffsetsPartitionResponse()
        value.partitionIndex = 70000
        value.errorCode = 301
        if version <= 0 { value.oldStyleOffsets = [5000000002, 5000000003] }
        if version >= 1 { value.timestamp = 5000000003 }
        if version >= 1 { value.offset = 5000000004 }
        if version >= 4 { value.leaderEpoch = 70005 }
        return value
    }
}

extension MetadataRequest: SampleMessage {
    static func makeDefault() -> MetadataRequest { MetadataRequest() }

    static func sample(version: Int16) -> MetadataRequest {
        var value = MetadataRequest()
        value.topics = [MetadataRequest.MetadataRequestTopic.sample(version: version), MetadataRequest.MetadataRequestTopic.sample(version: version)]
        if version >= 4 { value.allowAutoTopicCreation = false }
        if version >= 8 && version <= 10 { value.includeClusterAuthorizedOperations = true }
        if version >= 8 { value.includeTopicAuthorizedOperations = true }
        return value
    }
}

extension MetadataRequest.MetadataRequestTopic {
    static func sample(version: Int16) -> MetadataRequest.MetadataRequestTopic {
        var value = MetadataRequest.MetadataRequestTopic()
        if version >= 10 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 1) }
        value.name = "Name-1"
        return value
    }
}

extension MetadataResponse: SampleMessage {
    static func makeDefault() -> MetadataResponse { MetadataResponse() }

    static func sample(version: Int16) -> MetadataResponse {
        var value = MetadataResponse()
        if version >= 3 { value.throttleTimeMs = 70000 }
        value.brokers = [MetadataResponse.MetadataResponseBroker.sample(version: version), MetadataResponse.MetadataResponseBroker.sample(version: version)]
        if version >= 2 { value.clusterId = "ClusterId-2" }
        if version >= 1 { value.controllerId = 70003 }
        value.topics = [MetadataResponse.MetadataResponseTopic.sample(version: version), MetadataResponse.MetadataResponseTopic.sample(version: version)]
        if version >= 8 && version <= 10 { value.clusterAuthorizedOperations = 70005 }
        return value
    }
}

extension MetadataResponse.MetadataResponseBroker {
    static func sample(version: Int16) -> MetadataResponse.MetadataResponseBroker {
        var value = MetadataResponse.MetadataResponseBroker()
        value.nodeId = 70000
        value.host = "Host-1"
        value.port = 70002
        if version >= 1 { value.rack = "Rack-3" }
        return value
    }
}

extension MetadataResponse.MetadataResponseTopic {
    static func sample(version: Int16) -> MetadataResponse.MetadataResponseTopic {
        var value = MetadataResponse.MetadataResponseTopic()
        value.errorCode = 300
        value.name = "Name-1"
        if version >= 10 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 3) }
        if version >= 1 { value.isInternal = true }
        value.partitions = [MetadataResponse.MetadataResponsePartition.sample(version: version), MetadataResponse.MetadataResponsePartition.sample(version: version)]
        if version >= 8 { value.topicAuthorizedOperations = 70005 }
        return value
    }
}

extension MetadataResponse.MetadataResponsePartition {
    static func sample(version: Int16) -> MetadataResponse.MetadataResponsePartition {
        var value = MetadataResponse.MetadataResponsePartition()
        value.errorCode = 300
        value.partitionIndex = 70001
        value.leaderId = 70002
        if version >= 7 { value.leaderEpoch = 70003 }
        value.replicaNodes = [70004, 70005]
        value.isrNodes = [70005, 70006]
        if version >= 5 { value.offlineReplicas = [70006, 70007] }
        return value
    }
}

extension LeaderAndIsrRequest: SampleMessage {
    static func makeDefault() -> LeaderAndIsrRequest { LeaderAndIsrRequest() }

    static func sample(version: Int16) -> LeaderAndIsrRequest {
        var value = LeaderAndIsrRequest()
        value.controllerId = 70000
        if version >= 7 { value.isKRaftController = true }
        value.controllerEpoch = 70002
        if version >= 2 { value.brokerEpoch = 5000000003 }
        if version >= 5 { value.type = 7 }
        if version <= 1 { value.ungroupedPartitionStates = [LeaderAndIsrRequest.LeaderAndIsrPartitionState.sample(version: version), LeaderAndIsrRequest.LeaderAndIsrPartitionState.sample(version: version)] }
        if version >= 2 { value.topicStates = [LeaderAndIsrRequest.LeaderAndIsrTopicState.sample(version: version), LeaderAndIsrRequest.LeaderAndIsrTopicState.sample(version: version)] }
        value.liveLeaders = [LeaderAndIsrRequest.LeaderAndIsrLiveLeader.sample(version: version), LeaderAndIsrRequest.LeaderAndIsrLiveLeader.sample(version: version)]
        return value
    }
}

extension LeaderAndIsrRequest.LeaderAndIsrTopicState {
    static func sample(version: Int16) -> LeaderAndIsrRequest.LeaderAndIsrTopicState {
        var value = LeaderAndIsrRequest.LeaderAndIsrTopicState()
        if version >= 2 { value.topicName = "TopicName-0" }
        if version >= 5 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        if version >= 2 { value.partitionStates = [LeaderAndIsrRequest.LeaderAndIsrPartitionState.sample(version: version), LeaderAndIsrRequest.LeaderAndIsrPartitionState.sample(version: version)] }
        return value
    }
}

extension LeaderAndIsrRequest.LeaderAndIsrLiveLeader {
    static func sample(version: Int16) -> LeaderAndIsrRequest.LeaderAndIsrLiveLeader {
        var value = LeaderAndIsrRequest.LeaderAndIsrLiveLeader()
        value.brokerId = 70000
        value.hostName = "HostName-1"
        value.port = 70002
        return value
    }
}

extension LeaderAndIsrRequest.LeaderAndIsrPartitionState {
    static func sample(version: Int16) -> LeaderAndIsrRequest.LeaderAndIsrPartitionState {
        var value = LeaderAndIsrRequest.LeaderAndIsrPartitionState()
        if version <= 1 { value.topicName = "TopicName-0" }
        value.partitionIndex = 70001
        value.controllerEpoch = 70002
        value.leader = 70003
        value.leaderEpoch = 70004
        value.isr = [70005, 70006]
        value.partitionEpoch = 70006
        value.replicas = [70007, 70008]
        if version >= 3 { value.addingReplicas = [70008, 70009] }
        if version >= 3 { value.removingReplicas = [70009, 70010] }
        if version >= 1 { value.isNew = true }
        if version >= 6 { value.leaderRecoveryState = 14 }
        return value
    }
}

extension LeaderAndIsrResponse: SampleMessage {
    static func makeDefault() -> LeaderAndIsrResponse { LeaderAndIsrResponse() }

    static func sample(version: Int16) -> LeaderAndIsrResponse {
        var value = LeaderAndIsrResponse()
        value.errorCode = 300
        if version <= 4 { value.partitionErrors = [LeaderAndIsrResponse.LeaderAndIsrPartitionError.sample(version: version), LeaderAndIsrResponse.LeaderAndIsrPartitionError.sample(version: version)] }
        if version >= 5 { value.topics = [LeaderAndIsrResponse.LeaderAndIsrTopicError.sample(version: version), LeaderAndIsrResponse.LeaderAndIsrTopicError.sample(version: version)] }
        return value
    }
}

extension LeaderAndIsrResponse.LeaderAndIsrTopicError {
    static func sample(version: Int16) -> LeaderAndIsrResponse.LeaderAndIsrTopicError {
        var value = LeaderAndIsrResponse.LeaderAndIsrTopicError()
        if version >= 5 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 1) }
        if version >= 5 { value.partitionErrors = [LeaderAndIsrResponse.LeaderAndIsrPartitionError.sample(version: version), LeaderAndIsrResponse.LeaderAndIsrPartitionError.sample(version: version)] }
        return value
    }
}

extension LeaderAndIsrResponse.LeaderAndIsrPartitionError {
    static func sample(version: Int16) -> LeaderAndIsrResponse.LeaderAndIsrPartitionError {
        var value = LeaderAndIsrResponse.LeaderAndIsrPartitionError()
        if version <= 4 { value.topicName = "TopicName-0" }
        value.partitionIndex = 70001
        value.errorCode = 302
        return value
    }
}

extension StopReplicaRequest: SampleMessage {
    static func makeDefault() -> StopReplicaRequest { StopReplicaRequest() }

    static func sample(version: Int16) -> StopReplicaRequest {
        var value = StopReplicaRequest()
        value.controllerId = 70000
        if version >= 4 { value.isKRaftController = true }
        value.controllerEpoch = 70002
        if version >= 1 { value.brokerEpoch = 5000000003 }
        if version <= 2 { value.deletePartitions = true }
        if version <= 0 { value.ungroupedPartitions = [StopReplicaRequest.StopReplicaPartitionV0.sample(version: version), StopReplicaRequest.StopReplicaPartitionV0.sample(version: version)] }
        if version >= 1 && version <= 2 { value.topics = [StopReplicaRequest.StopReplicaTopicV1.sample(version: version), StopReplicaRequest.StopReplicaTopicV1.sample(version: version)] }
        if version >= 3 { value.topicStates = [StopReplicaRequest.StopReplicaTopicState.sample(version: version), StopReplicaRequest.StopReplicaTopicState.sample(version: version)] }
        return value
    }
}

extension StopReplicaRequest.StopReplicaPartitionV0 {
    static func sample(version: Int16) -> StopReplicaRequest.StopReplicaPartitionV0 {
        var value = StopReplicaRequest.StopReplicaPartitionV0()
        if version <= 0 { value.topicName = "TopicName-0" }
        if version <= 0 { value.partitionIndex = 70001 }
        return value
    }
}

extension StopReplicaRequest.StopReplicaTopicV1 {
    static func sample(version: Int16) -> StopReplicaRequest.StopReplicaTopicV1 {
        var value = StopReplicaRequest.StopReplicaTopicV1()
        if version >= 1 && version <= 2 { value.name = "Name-0" }
        if version >= 1 && version <= 2 { value.partitionIndexes = [70001, 70002] }
        return value
    }
}

extension StopReplicaRequest.StopReplicaTopicState {
    static func sample(version: Int16) -> StopReplicaRequest.StopReplicaTopicState {
        var value = StopReplicaRequest.StopReplicaTopicState()
        if version >= 3 { value.topicName = "TopicName-0" }
        if version >= 3 { value.partitionStates = [StopReplicaRequest.StopReplicaPartitionState.sample(version: version), StopReplicaRequest.StopReplicaPartitionState.sample(version: version)] }
        return value
    }
}

extension StopReplicaRequest.StopReplicaPartitionState {
    static func sample(version: Int16) -> StopReplicaRequest.StopReplicaPartitionState {
        var value = StopReplicaRequest.StopReplicaPartitionState()
        if version >= 3 { value.partitionIndex = 70000 }
        if version >= 3 { value.leaderEpoch = 70001 }
        if version >= 3 { value.deletePartition = true }
        return value
    }
}

extension StopReplicaResponse: SampleMessage {
    static func makeDefault() -> StopReplicaResponse { StopReplicaResponse() }

    static func sample(version: Int16) -> StopReplicaResponse {
        var value = StopReplicaResponse()
        value.errorCode = 300
        value.partitionErrors = [StopReplicaResponse.StopReplicaPartitionError.sample(version: version), StopReplicaResponse.StopReplicaPartitionError.sample(version: version)]
        return value
    }
}

extension StopReplicaResponse.StopReplicaPartitionError {
    static func sample(version: Int16) -> StopReplicaResponse.StopReplicaPartitionError {
        var value = StopReplicaResponse.StopReplicaPartitionError()
        value.topicName = "TopicName-0"
        value.partitionIndex = 70001
        value.errorCode = 302
        return value
    }
}

extension UpdateMetadataRequest: SampleMessage {
    static func makeDefault() -> UpdateMetadataRequest { UpdateMetadataRequest() }

    static func sample(version: Int16) -> UpdateMetadataRequest {
        var value = UpdateMetadataRequest()
        value.controllerId = 70000
        if version >= 8 { value.isKRaftController = true }
        if version >= 8 { value.type = 5 }
        value.controllerEpoch = 70003
        if version >= 5 { value.brokerEpoch = 5000000004 }
        if version <= 4 { value.ungroupedPartitionStates = [UpdateMetadataRequest.UpdateMetadataPartitionState.sample(version: version), UpdateMetadataRequest.UpdateMetadataPartitionState.sample(version: version)] }
        if version >= 5 { value.topicStates = [UpdateMetadataRequest.UpdateMetadataTopicState.sample(version: version), UpdateMetadataRequest.UpdateMetadataTopicState.sample(version: version)] }
        value.liveBrokers = [UpdateMetadataRequest.UpdateMetadataBroker.sample(version: version), UpdateMetadataRequest.UpdateMetadataBroker.sample(version: version)]
        return value
    }
}

extension UpdateMetadataRequest.UpdateMetadataTopicState {
    static func sample(version: Int16) -> UpdateMetadataRequest.UpdateMetadataTopicState {
        var value = UpdateMetadataRequest.UpdateMetadataTopicState()
        if version >= 5 { value.topicName = "TopicName-0" }
        if version >= 7 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        if version >= 5 { value.partitionStates = [UpdateMetadataRequest.UpdateMetadataPartitionState.sample(version: version), UpdateMetadataRequest.UpdateMetadataPartitionState.sample(version: version)] }
        return value
    }
}

extension UpdateMetadataRequest.UpdateMetadataBroker {
    static func sample(version: Int16) -> UpdateMetadataRequest.UpdateMetadataBroker {
        var value = UpdateMetadataRequest.UpdateMetadataBroker()
        value.id = 70000
        if version <= 0 { value.v0Host = "V0Host-1" }
        if version <= 0 { value.v0Port = 70002 }
        if version >= 1 { value.endpoints = [UpdateMetadataRequest.UpdateMetadataEndpoint.sample(version: version), UpdateMetadataRequest.UpdateMetadataEndpoint.sample(version: version)] }
        if version >= 2 { value.rack = "Rack-4" }
        return value
    }
}

extension UpdateMetadataRequest.UpdateMetadataEndpoint {
    static func sample(version: Int16) -> UpdateMetadataRequest.UpdateMetadataEndpoint {
        var value = UpdateMetadataRequest.UpdateMetadataEndpoint()
        if version >= 1 { value.port = 70000 }
        if version >= 1 { value.host = "Host-1" }
        if version >= 3 { value.listener = "Listener-2" }
        if version >= 1 { value.securityProtocol = 303 }
        return value
    }
}

extension UpdateMetadataRequest.UpdateMetadataPartitionState {
    static func sample(version: Int16) -> UpdateMetadataRequest.UpdateMetadataPartitionState {
        var value = UpdateMetadataRequest.UpdateMetadataPartitionState()
        if version <= 4 { value.topicName = "TopicName-0" }
        value.partitionIndex = 70001
        value.controllerEpoch = 70002
        value.leader = 70003
        value.leaderEpoch = 70004
        value.isr = [70005, 70006]
        value.zkVersion = 70006
        value.replicas = [70007, 70008]
        if version >= 4 { value.offlineReplicas = [70008, 70009] }
        return value
    }
}

extension UpdateMetadataResponse: SampleMessage {
    static func makeDefault() -> UpdateMetadataResponse { UpdateMetadataResponse() }

    static func sample(version: Int16) -> UpdateMetadataResponse {
        var value = UpdateMetadataResponse()
        value.errorCode = 300
        return value
    }
}

extension ControlledShutdownRequest: SampleMessage {
    static func makeDefault() -> ControlledShutdownRequest { ControlledShutdownRequest() }

    static func sample(version: Int16) -> ControlledShutdownRequest {
        var value = ControlledShutdownRequest()
        value.brokerId = 70000
        if version >= 2 { value.brokerEpoch = 5000000001 }
        return value
    }
}

extension ControlledShutdownResponse: SampleMessage {
    static func makeDefault() -> ControlledShutdownResponse { ControlledShutdownResponse() }

    static func sample(version: Int16) -> ControlledShutdownResponse {
        var value = ControlledShutdownResponse()
        value.errorCode = 300
        value.remainingPartitions = [ControlledShutdownResponse.RemainingPartition.sample(version: version), ControlledShutdownResponse.RemainingPartition.sample(version: version)]
        return value
    }
}

extension ControlledShutdownResponse.RemainingPartition {
    static func sample(version: Int16) -> ControlledShutdownResponse.RemainingPartition {
        var value = ControlledShutdownResponse.RemainingPartition()
        value.topicName = "TopicName-0"
        value.partitionIndex = 70001
        return value
    }
}

extension OffsetCommitRequest: SampleMessage {
    static func makeDefault() -> OffsetCommitRequest { OffsetCommitRequest() }

    static func sample(version: Int16) -> OffsetCommitRequest {
        var value = OffsetCommitRequest()
        value.groupId = "GroupId-0"
        if version >= 1 { value.generationIdOrMemberEpoch = 70001 }
        if version >= 1 { value.memberId = "MemberId-2" }
        if version >= 7 { value.groupInstanceId = "GroupInstanceId-3" }
        if version >= 2 && version <= 4 { value.retentionTimeMs = 5000000004 }
        value.topics = [OffsetCommitRequest.OffsetCommitRequestTopic.sample(version: version), OffsetCommitRequest.OffsetCommitRequestTopic.sample(version: version)]
        return value
    }
}

extension OffsetCommitRequest.OffsetCommitRequestTopic {
    static func sample(version: Int16) -> OffsetCommitRequest.OffsetCommitRequestTopic {
        var value = OffsetCommitRequest.OffsetCommitRequestTopic()
        value.name = "Name-0"
        value.partitions = [OffsetCommitRequest.OffsetCommitRequestPartition.sample(version: version), OffsetCommitRequest.OffsetCommitRequestPartition.sample(version: version)]
        return value
    }
}

extension OffsetCommitRequest.OffsetCommitRequestPartition {
    static func sample(version: Int16) -> OffsetCommitRequest.OffsetCommitRequestPartition {
        var value = OffsetCommitRequest.OffsetCommitRequestPartition()
        value.partitionIndex = 70000
        value.committedOffset = 5000000001
        if version >= 6 { value.committedLeaderEpoch = 70002 }
        if version >= 1 && version <= 1 { value.commitTimestamp = 5000000003 }
        value.committedMetadata = "CommittedMetadata-4"
        return value
    }
}

extension OffsetCommitResponse: SampleMessage {
    static func makeDefault() -> OffsetCommitResponse { OffsetCommitResponse() }

    static func sample(version: Int16) -> OffsetCommitResponse {
        var value = OffsetCommitResponse()
        if version >= 3 { value.throttleTimeMs = 70000 }
        value.topics = [OffsetCommitResponse.OffsetCommitResponseTopic.sample(version: version), OffsetCommitResponse.OffsetCommitResponseTopic.sample(version: version)]
        return value
    }
}

extension OffsetCommitResponse.OffsetCommitResponseTopic {
    static func sample(version: Int16) -> OffsetCommitResponse.OffsetCommitResponseTopic {
        var value = OffsetCommitResponse.OffsetCommitResponseTopic()
        value.name = "Name-0"
        value.partitions = [OffsetCommitResponse.OffsetCommitResponsePartition.sample(version: version), OffsetCommitResponse.OffsetCommitResponsePartition.sample(version: version)]
        return value
    }
}

extension OffsetCommitResponse.OffsetCommitResponsePartition {
    static func sample(version: Int16) -> OffsetCommitResponse.OffsetCommitResponsePartition {
        var value = OffsetCommitResponse.OffsetCommitResponsePartition()
        value.partitionIndex = 70000
        value.errorCode = 301
        return value
    }
}

extension OffsetFetchRequest: SampleMessage {
    static func makeDefault() -> OffsetFetchRequest { OffsetFetchRequest() }

    static func sample(version: Int16) -> OffsetFetchRequest {
        var value = OffsetFetchRequest()
        if version <= 7 { value.groupId = "GroupId-0" }
        if version <= 7 { value.topics = [OffsetFetchRequest.OffsetFetchRequestTopic.sample(version: version), OffsetFetchRequest.OffsetFetchRequestTopic.sample(version: version)] }
        if version >= 8 { value.groups = [OffsetFetchRequest.OffsetFetchRequestGroup.sample(version: version), OffsetFetchRequest.OffsetFetchRequestGroup.sample(version: version)] }
        if version >= 7 { value.requireStable = true }
        return value
    }
}

extension OffsetFetchRequest.OffsetFetchRequestTopic {
    static func sample(version: Int16) -> OffsetFetchRequest.OffsetFetchRequestTopic {
        var value = OffsetFetchRequest.OffsetFetchRequestTopic()
        if version <= 7 { value.name = "Name-0" }
        if version <= 7 { value.partitionIndexes = [70001, 70002] }
        return value
    }
}

extension OffsetFetchRequest.OffsetFetchRequestGroup {
    static func sample(version: Int16) -> OffsetFetchRequest.OffsetFetchRequestGroup {
        var value = OffsetFetchRequest.OffsetFetchRequestGroup()
        if version >= 8 { value.groupId = "GroupId-0" }
        if version >= 9 { value.memberId = "MemberId-1" }
        if version >= 9 { value.memberEpoch = 70002 }
        if version >= 8 { value.topics = [OffsetFetchRequest.OffsetFetchRequestTopics.sample(version: version), OffsetFetchRequest.OffsetFetchRequestTopics.sample(version: version)] }
        return value
    }
}

extension OffsetFetchRequest.OffsetFetchRequestTopics {
    static func sample(version: Int16) -> OffsetFetchRequest.OffsetFetchRequestTopics {
        var value = OffsetFetchRequest.OffsetFetchRequestTopics()
        if version >= 8 { value.name = "Name-0" }
        if version >= 8 { value.partitionIndexes = [70001, 70002] }
        return value
    }
}

extension OffsetFetchResponse: SampleMessage {
    static func makeDefault() -> OffsetFetchResponse { OffsetFetchResponse() }

    static func sample(version: Int16) -> OffsetFetchResponse {
        var value = OffsetFetchResponse()
        if version >= 3 { value.throttleTimeMs = 70000 }
        if version <= 7 { value.topics = [OffsetFetchResponse.OffsetFetchResponseTopic.sample(version: version), OffsetFetchResponse.OffsetFetchResponseTopic.sample(version: version)] }
        if version >= 2 && version <= 7 { value.errorCode = 302 }
        if version >= 8 { value.groups = [OffsetFetchResponse.OffsetFetchResponseGroup.sample(version: version), OffsetFetchResponse.OffsetFetchResponseGroup.sample(version: version)] }
        return value
    }
}

extension OffsetFetchResponse.OffsetFetchResponseTopic {
    static func sample(version: Int16) -> OffsetFetchResponse.OffsetFetchResponseTopic {
        var value = OffsetFetchResponse.OffsetFetchResponseTopic()
        if version <= 7 { value.name = "Name-0" }
        if version <= 7 { value.partitions = [OffsetFetchResponse.OffsetFetchResponsePartition.sample(version: version), OffsetFetchResponse.OffsetFetchResponsePartition.sample(version: version)] }
        return value
    }
}

extension OffsetFetchResponse.OffsetFetchResponsePartition {
    static func sample(version: Int16) -> OffsetFetchResponse.OffsetFetchResponsePartition {
        var value = OffsetFetchResponse.OffsetFetchResponsePartition()
        if version <= 7 { value.partitionIndex = 70000 }
        if version <= 7 { value.committedOffset = 5000000001 }
        if version >= 5 && version <= 7 { value.committedLeaderEpoch = 70002 }
        if version <= 7 { value.metadata = "Metadata-3" }
        if version <= 7 { value.errorCode = 304 }
        return value
    }
}

extension OffsetFetchResponse.OffsetFetchResponseGroup {
    static func sample(version: Int16) -> OffsetFetchResponse.OffsetFetchResponseGroup {
        var value = OffsetFetchResponse.OffsetFetchResponseGroup()
        if version >= 8 { value.groupId = "GroupId-0" }
        if version >= 8 { value.topics = [OffsetFetchResponse.OffsetFetchResponseTopics.sample(version: version), OffsetFetchResponse.OffsetFetchResponseTopics.sample(version: version)] }
        if version >= 8 { value.errorCode = 302 }
        return value
    }
}

extension OffsetFetchResponse.OffsetFetchResponseTopics {
    static func sample(version: Int16) -> OffsetFetchResponse.OffsetFetchResponseTopics {
        var value = OffsetFetchResponse.OffsetFetchResponseTopics()
        if version >= 8 { value.name = "Name-0" }
        if version >= 8 { value.partitions = [OffsetFetchResponse.OffsetFetchResponsePartitions.sample(version: version), OffsetFetchResponse.OffsetFetchResponsePartitions.sample(version: version)] }
        return value
    }
}

extension OffsetFetchResponse.OffsetFetchResponsePartitions {
    static func sample(version: Int16) -> OffsetFetchResponse.OffsetFetchResponsePartitions {
        var value = OffsetFetchResponse.OffsetFetchResponsePartitions()
        if version >= 8 { value.partitionIndex = 70000 }
        if version >= 8 { value.committedOffset = 5000000001 }
        if version >= 8 { value.committedLeaderEpoch = 70002 }
        if version >= 8 { value.metadata = "Metadata-3" }
        if version >= 8 { value.errorCode = 304 }
        return value
    }
}

extension FindCoordinatorRequest: SampleMessage {
    static func makeDefault() -> FindCoordinatorRequest { FindCoordinatorRequest() }

    static func sample(version: Int16) -> FindCoordinatorRequest {
        var value = FindCoordinatorRequest()
        if version <= 3 { value.key = "Key-0" }
        if version >= 1 { value.keyType = 4 }
        if version >= 4 { value.coordinatorKeys = ["CoordinatorKeys-2", "CoordinatorKeys-3"] }
        return value
    }
}

extension FindCoordinatorResponse: SampleMessage {
    static func makeDefault() -> FindCoordinatorResponse { FindCoordinatorResponse() }

    static func sample(version: Int16) -> FindCoordinatorResponse {
        var value = FindCoordinatorResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        if version <= 3 { value.errorCode = 301 }
        if version >= 1 && version <= 3 { value.errorMessage = "ErrorMessage-2" }
        if version <= 3 { value.nodeId = 70003 }
        if version <= 3 { value.host = "Host-4" }
        if version <= 3 { value.port = 70005 }
        if version >= 4 { value.coordinators = [FindCoordinatorResponse.Coordinator.sample(version: version), FindCoordinatorResponse.Coordinator.sample(version: version)] }
        return value
    }
}

extension FindCoordinatorResponse.Coordinator {
    static func sample(version: Int16) -> FindCoordinatorResponse.Coordinator {
        var value = FindCoordinatorResponse.Coordinator()
        if version >= 4 { value.key = "Key-0" }
        if version >= 4 { value.nodeId = 70001 }
        if version >= 4 { value.host = "Host-2" }
        if version >= 4 { value.port = 70003 }
        if version >= 4 { value.errorCode = 304 }
        if version >= 4 { value.errorMessage = "ErrorMessage-5" }
        return value
    }
}

extension JoinGroupRequest: SampleMessage {
    static func makeDefault() -> JoinGroupRequest { JoinGroupRequest() }

    static func sample(version: Int16) -> JoinGroupRequest {
        var value = JoinGroupRequest()
        value.groupId = "GroupId-0"
        value.sessionTimeoutMs = 70001
        if version >= 1 { value.rebalanceTimeoutMs = 70002 }
        value.memberId = "MemberId-3"
        if version >= 5 { value.groupInstanceId = "GroupInstanceId-4" }
        value.protocolType = "ProtocolType-5"
        value.protocols = [JoinGroupRequest.JoinGroupRequestProtocol.sample(version: version), JoinGroupRequest.JoinGroupRequestProtocol.sample(version: version)]
        if version >= 8 { value.reason = "Reason-7" }
        return value
    }
}

extension JoinGroupRequest.JoinGroupRequestProtocol {
    static func sample(version: Int16) -> JoinGroupRequest.JoinGroupRequestProtocol {
        var value = JoinGroupRequest.JoinGroupRequestProtocol()
        value.name = "Name-0"
        value.metadata = ByteBuffer(bytes: [0xCA, 0xFE, 1])
        return value
    }
}

extension JoinGroupResponse: SampleMessage {
    static func makeDefault() -> JoinGroupResponse { JoinGroupResponse() }

    static func sample(version: Int16) -> JoinGroupResponse {
        var value = JoinGroupResponse()
        if version >= 2 { value.throttleTimeMs = 70000 }
        value.errorCode = 301
        value.generationId = 70002
        if version >= 7 { value.protocolType = "ProtocolType-3" }
        value.protocolName = "ProtocolName-4"
        value.leader = "Leader-5"
        if version >= 9 { value.skipAssignment = true }
        value.memberId = "MemberId-7"
        value.members = [JoinGroupResponse.JoinGroupResponseMember.sample(version: version), JoinGroupResponse.JoinGroupResponseMember.sample(version: version)]
        return value
    }
}

extension JoinGroupResponse.JoinGroupResponseMember {
    static func sample(version: Int16) -> JoinGroupResponse.JoinGroupResponseMember {
        var value = JoinGroupResponse.JoinGroupResponseMember()
        value.memberId = "MemberId-0"
        if version >= 5 { value.groupInstanceId = "GroupInstanceId-1" }
        value.metadata = ByteBuffer(bytes: [0xCA, 0xFE, 2])
        return value
    }
}

extension HeartbeatRequest: SampleMessage {
    static func makeDefault() -> HeartbeatRequest { HeartbeatRequest() }

    static func sample(version: Int16) -> HeartbeatRequest {
        var value = HeartbeatRequest()
        value.groupId = "GroupId-0"
        value.generationId = 70001
        value.memberId = "MemberId-2"
        if version >= 3 { value.groupInstanceId = "GroupInstanceId-3" }
        return value
    }
}

extension HeartbeatResponse: SampleMessage {
    static func makeDefault() -> HeartbeatResponse { HeartbeatResponse() }

    static func sample(version: Int16) -> HeartbeatResponse {
        var value = HeartbeatResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.errorCode = 301
        return value
    }
}

extension LeaveGroupRequest: SampleMessage {
    static func makeDefault() -> LeaveGroupRequest { LeaveGroupRequest() }

    static func sample(version: Int16) -> LeaveGroupRequest {
        var value = LeaveGroupRequest()
        value.groupId = "GroupId-0"
        if version <= 2 { value.memberId = "MemberId-1" }
        if version >= 3 { value.members = [LeaveGroupRequest.MemberIdentity.sample(version: version), LeaveGroupRequest.MemberIdentity.sample(version: version)] }
        return value
    }
}

extension LeaveGroupRequest.MemberIdentity {
    static func sample(version: Int16) -> LeaveGroupRequest.MemberIdentity {
        var value = LeaveGroupRequest.MemberIdentity()
        if version >= 3 { value.memberId = "MemberId-0" }
        if version >= 3 { value.groupInstanceId = "GroupInstanceId-1" }
        if version >= 5 { value.reason = "Reason-2" }
        return value
    }
}

extension LeaveGroupResponse: SampleMessage {
    static func makeDefault() -> LeaveGroupResponse { LeaveGroupResponse() }

    static func sample(version: Int16) -> LeaveGroupResponse {
        var value = LeaveGroupResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.errorCode = 301
        if version >= 3 { value.members = [LeaveGroupResponse.MemberResponse.sample(version: version), LeaveGroupResponse.MemberResponse.sample(version: version)] }
        return value
    }
}

extension LeaveGroupResponse.MemberResponse {
    static func sample(version: Int16) -> LeaveGroupResponse.MemberResponse {
        var value = LeaveGroupResponse.MemberResponse()
        if version >= 3 { value.memberId = "MemberId-0" }
        if version >= 3 { value.groupInstanceId = "GroupInstanceId-1" }
        if version >= 3 { value.errorCode = 302 }
        return value
    }
}

extension SyncGroupRequest: SampleMessage {
    static func makeDefault() -> SyncGroupRequest { SyncGroupRequest() }

    static func sample(version: Int16) -> SyncGroupRequest {
        var value = SyncGroupRequest()
        value.groupId = "GroupId-0"
        value.generationId = 70001
        value.memberId = "MemberId-2"
        if version >= 3 { value.groupInstanceId = "GroupInstanceId-3" }
        if version >= 5 { value.protocolType = "ProtocolType-4" }
        if version >= 5 { value.protocolName = "ProtocolName-5" }
        value.assignments = [SyncGroupRequest.SyncGroupRequestAssignment.sample(version: version), SyncGroupRequest.SyncGroupRequestAssignment.sample(version: version)]
        return value
    }
}

extension SyncGroupRequest.SyncGroupRequestAssignment {
    static func sample(version: Int16) -> SyncGroupRequest.SyncGroupRequestAssignment {
        var value = SyncGroupRequest.SyncGroupRequestAssignment()
        value.memberId = "MemberId-0"
        value.assignment = ByteBuffer(bytes: [0xCA, 0xFE, 1])
        return value
    }
}

extension SyncGroupResponse: SampleMessage {
    static func makeDefault() -> SyncGroupResponse { SyncGroupResponse() }

    static func sample(version: Int16) -> SyncGroupResponse {
        var value = SyncGroupResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.errorCode = 301
        if version >= 5 { value.protocolType = "ProtocolType-2" }
        if version >= 5 { value.protocolName = "ProtocolName-3" }
        value.assignment = ByteBuffer(bytes: [0xCA, 0xFE, 4])
        return value
    }
}

extension DescribeGroupsRequest: SampleMessage {
    static func makeDefault() -> DescribeGroupsRequest { DescribeGroupsRequest() }

    static func sample(version: Int16) -> DescribeGroupsRequest {
        var value = DescribeGroupsRequest()
        value.groups = ["Groups-0", "Groups-1"]
        if version >= 3 { value.includeAuthorizedOperations = true }
        return value
    }
}

extension DescribeGroupsResponse: SampleMessage {
    static func makeDefault() -> DescribeGroupsResponse { DescribeGroupsResponse() }

    static func sample(version: Int16) -> DescribeGroupsResponse {
        var value = DescribeGroupsResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.groups = [DescribeGroupsResponse.DescribedGroup.sample(version: version), DescribeGroupsResponse.DescribedGroup.sample(version: version)]
        return value
    }
}

extension DescribeGroupsResponse.DescribedGroup {
    static func sample(version: Int16) -> DescribeGroupsResponse.DescribedGroup {
        var value = DescribeGroupsResponse.DescribedGroup()
        value.errorCode = 300
        value.groupId = "GroupId-1"
        value.groupState = "GroupState-2"
        value.protocolType = "ProtocolType-3"
        value.protocolData = "ProtocolData-4"
        value.members = [DescribeGroupsResponse.DescribedGroupMember.sample(version: version), DescribeGroupsResponse.DescribedGroupMember.sample(version: version)]
        if version >= 3 { value.authorizedOperations = 70006 }
        return value
    }
}

extension DescribeGroupsResponse.DescribedGroupMember {
    static func sample(version: Int16) -> DescribeGroupsResponse.DescribedGroupMember {
        var value = DescribeGroupsResponse.DescribedGroupMember()
        value.memberId = "MemberId-0"
        if version >= 4 { value.groupInstanceId = "GroupInstanceId-1" }
        value.clientId = "ClientId-2"
        value.clientHost = "ClientHost-3"
        value.memberMetadata = ByteBuffer(bytes: [0xCA, 0xFE, 4])
        value.memberAssignment = ByteBuffer(bytes: [0xCA, 0xFE, 5])
        return value
    }
}

extension ListGroupsRequest: SampleMessage {
    static func makeDefault() -> ListGroupsRequest { ListGroupsRequest() }

    static func sample(version: Int16) -> ListGroupsRequest {
        var value = ListGroupsRequest()
        if version >= 4 { value.statesFilter = ["StatesFilter-0", "StatesFilter-1"] }
        if version >= 5 { value.typesFilter = ["TypesFilter-1", "TypesFilter-2"] }
        return value
    }
}

extension ListGroupsResponse: SampleMessage {
    static func makeDefault() -> ListGroupsResponse { ListGroupsResponse() }

    static func sample(version: Int16) -> ListGroupsResponse {
        var value = ListGroupsResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.errorCode = 301
        value.groups = [ListGroupsResponse.ListedGroup.sample(version: version), ListGroupsResponse.ListedGroup.sample(version: version)]
        return value
    }
}

extension ListGroupsResponse.ListedGroup {
    static func sample(version: Int16) -> ListGroupsResponse.ListedGroup {
        var value = ListGroupsResponse.ListedGroup()
        value.groupId = "GroupId-0"
        value.protocolType = "ProtocolType-1"
        if version >= 4 { value.groupState = "GroupState-2" }
        if version >= 5 { value.groupType = "GroupType-3" }
        return value
    }
}

extension SaslHandshakeRequest: SampleMessage {
    static func makeDefault() -> SaslHandshakeRequest { SaslHandshakeRequest() }

    static func sample(version: Int16) -> SaslHandshakeRequest {
        var value = SaslHandshakeRequest()
        value.mechanism = "Mechanism-0"
        return value
    }
}

extension SaslHandshakeResponse: SampleMessage {
    static func makeDefault() -> SaslHandshakeResponse { SaslHandshakeResponse() }

    static func sample(version: Int16) -> SaslHandshakeResponse {
        var value = SaslHandshakeResponse()
        value.errorCode = 300
        value.mechanisms = ["Mechanisms-1", "Mechanisms-2"]
        return value
    }
}

extension ApiVersionsRequest: SampleMessage {
    static func makeDefault() -> ApiVersionsRequest { ApiVersionsRequest() }

    static func sample(version: Int16) -> ApiVersionsRequest {
        var value = ApiVersionsRequest()
        if version >= 3 { value.clientSoftwareName = "ClientSoftwareName-0" }
        if version >= 3 { value.clientSoftwareVersion = "ClientSoftwareVersion-1" }
        return value
    }
}

extension ApiVersionsResponse: SampleMessage {
    static func makeDefault() -> ApiVersionsResponse { ApiVersionsResponse() }

    static func sample(version: Int16) -> ApiVersionsResponse {
        var value = ApiVersionsResponse()
        value.errorCode = 300
        value.apiKeys = [ApiVersionsResponse.ApiVersion.sample(version: version), ApiVersionsResponse.ApiVersion.sample(version: version)]
        if version >= 1 { value.throttleTimeMs = 70002 }
        if version >= 3 { value.supportedFeatures = [ApiVersionsResponse.SupportedFeatureKey.sample(version: version), ApiVersionsResponse.SupportedFeatureKey.sample(version: version)] }
        if version >= 3 { value.finalizedFeaturesEpoch = 5000000004 }
        if version >= 3 { value.finalizedFeatures = [ApiVersionsResponse.FinalizedFeatureKey.sample(version: version), ApiVersionsResponse.FinalizedFeatureKey.sample(version: version)] }
        if version >= 3 { value.zkMigrationReady = true }
        return value
    }
}

extension ApiVersionsResponse.ApiVersion {
    static func sample(version: Int16) -> ApiVersionsResponse.ApiVersion {
        var value = ApiVersionsResponse.ApiVersion()
        value.apiKey = 300
        value.minVersion = 301
        value.maxVersion = 302
        return value
    }
}

extension ApiVersionsResponse.SupportedFeatureKey {
    static func sample(version: Int16) -> ApiVersionsResponse.SupportedFeatureKey {
        var value = ApiVersionsResponse.SupportedFeatureKey()
        if version >= 3 { value.name = "Name-0" }
        if version >= 3 { value.minVersion = 301 }
        if version >= 3 { value.maxVersion = 302 }
        return value
    }
}

extension ApiVersionsResponse.FinalizedFeatureKey {
    static func sample(version: Int16) -> ApiVersionsResponse.FinalizedFeatureKey {
        var value = ApiVersionsResponse.FinalizedFeatureKey()
        if version >= 3 { value.name = "Name-0" }
        if version >= 3 { value.maxVersionLevel = 301 }
        if version >= 3 { value.minVersionLevel = 302 }
        return value
    }
}

extension CreateTopicsRequest: SampleMessage {
    static func makeDefault() -> CreateTopicsRequest { CreateTopicsRequest() }

    static func sample(version: Int16) -> CreateTopicsRequest {
        var value = CreateTopicsRequest()
        value.topics = [CreateTopicsRequest.CreatableTopic.sample(version: version), CreateTopicsRequest.CreatableTopic.sample(version: version)]
        value.timeoutMs = 70001
        if version >= 1 { value.validateOnly = true }
        return value
    }
}

extension CreateTopicsRequest.CreatableTopic {
    static func sample(version: Int16) -> CreateTopicsRequest.CreatableTopic {
        var value = CreateTopicsRequest.CreatableTopic()
        value.name = "Name-0"
        value.numPartitions = 70001
        value.replicationFactor = 302
        value.assignments = [CreateTopicsRequest.CreatableReplicaAssignment.sample(version: version), CreateTopicsRequest.CreatableReplicaAssignment.sample(version: version)]
        value.configs = [CreateTopicsRequest.CreatableTopicConfig.sample(version: version), CreateTopicsRequest.CreatableTopicConfig.sample(version: version)]
        return value
    }
}

extension CreateTopicsRequest.CreatableReplicaAssignment {
    static func sample(version: Int16) -> CreateTopicsRequest.CreatableReplicaAssignment {
        var value = CreateTopicsRequest.CreatableReplicaAssignment()
        value.partitionIndex = 70000
        value.brokerIds = [70001, 70002]
        return value
    }
}

extension CreateTopicsRequest.CreatableTopicConfig {
    static func sample(version: Int16) -> CreateTopicsRequest.CreatableTopicConfig {
        var value = CreateTopicsRequest.CreatableTopicConfig()
        value.name = "Name-0"
        value.value = "Value-1"
        return value
    }
}

extension CreateTopicsResponse: SampleMessage {
    static func makeDefault() -> CreateTopicsResponse { CreateTopicsResponse() }

    static func sample(version: Int16) -> CreateTopicsResponse {
        var value = CreateTopicsResponse()
        if version >= 2 { value.throttleTimeMs = 70000 }
        value.topics = [CreateTopicsResponse.CreatableTopicResult.sample(version: version), CreateTopicsResponse.CreatableTopicResult.sample(version: version)]
        return value
    }
}

extension CreateTopicsResponse.CreatableTopicResult {
    static func sample(version: Int16) -> CreateTopicsResponse.CreatableTopicResult {
        var value = CreateTopicsResponse.CreatableTopicResult()
        value.name = "Name-0"
        if version >= 7 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        value.errorCode = 302
        if version >= 1 { value.errorMessage = "ErrorMessage-3" }
        if version >= 5 { value.topicConfigErrorCode = 304 }
        if version >= 5 { value.numPartitions = 70005 }
        if version >= 5 { value.replicationFactor = 306 }
        if version >= 5 { value.configs = [CreateTopicsResponse.CreatableTopicConfigs.sample(version: version), CreateTopicsResponse.CreatableTopicConfigs.sample(version: version)] }
        return value
    }
}

extension CreateTopicsResponse.CreatableTopicConfigs {
    static func sample(version: Int16) -> CreateTopicsResponse.CreatableTopicConfigs {
        var value = CreateTopicsResponse.CreatableTopicConfigs()
        if version >= 5 { value.name = "Name-0" }
        if version >= 5 { value.value = "Value-1" }
        if version >= 5 { value.readOnly = true }
        if version >= 5 { value.configSource = 6 }
        if version >= 5 { value.isSensitive = true }
        return value
    }
}

extension DeleteTopicsRequest: SampleMessage {
    static func makeDefault() -> DeleteTopicsRequest { DeleteTopicsRequest() }

    static func sample(version: Int16) -> DeleteTopicsRequest {
        var value = DeleteTopicsRequest()
        if version >= 6 { value.topics = [DeleteTopicsRequest.DeleteTopicState.sample(version: version), DeleteTopicsRequest.DeleteTopicState.sample(version: version)] }
        if version <= 5 { value.topicNames = ["TopicNames-1", "TopicNames-2"] }
        value.timeoutMs = 70002
        return value
    }
}

extension DeleteTopicsRequest.DeleteTopicState {
    static func sample(version: Int16) -> DeleteTopicsRequest.DeleteTopicState {
        var value = DeleteTopicsRequest.DeleteTopicState()
        if version >= 6 { value.name = "Name-0" }
        if version >= 6 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        return value
    }
}

extension DeleteTopicsResponse: SampleMessage {
    static func makeDefault() -> DeleteTopicsResponse { DeleteTopicsResponse() }

    static func sample(version: Int16) -> DeleteTopicsResponse {
        var value = DeleteTopicsResponse()
        if version >= 1 { value.throttleTimeMs = 70000 }
        value.responses = [DeleteTopicsResponse.DeletableTopicResult.sample(version: version), DeleteTopicsResponse.DeletableTopicResult.sample(version: version)]
        return value
    }
}

extension DeleteTopicsResponse.DeletableTopicResult {
    static func sample(version: Int16) -> DeleteTopicsResponse.DeletableTopicResult {
        var value = DeleteTopicsResponse.DeletableTopicResult()
        value.name = "Name-0"
        if version >= 6 { value.topicId = KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: 2) }
        value.errorCode = 302
        if version >= 5 { value.errorMessage = "ErrorMessage-3" }
        return value
    }
}

extension DeleteRecordsRequest: SampleMessage {
    static func makeDefault() -> DeleteRecordsRequest { DeleteRecordsRequest() }

    static func sample(version: Int16) -> DeleteRecordsRequest {
        var value = DeleteRecordsRequest()
        value.topics = [DeleteRecordsRequest.DeleteRecordsTopic.sample(version: version), DeleteRecordsRequest.DeleteRecordsTopic.sample(version: version)]
        value.timeoutMs = 70001
        return value
    }
}

extension DeleteRecordsRequest.DeleteRecordsTopic {
    static func sample(version: Int16) -> DeleteRecordsRequest.DeleteRecordsTopic {
        var value = DeleteRecordsRequest.DeleteRecordsTopic()
        value.name = "Name-0"
        value.partitions = [DeleteRecordsRequest.DeleteRecordsPartition.sample(version: version), DeleteRecordsRequest.DeleteRecordsPartition.sample(version: version)]
        return value
    }
}

extension DeleteRecordsRequest.DeleteRecordsPartition {
    static func sample(version: Int16) -> DeleteRecordsRequest.DeleteRecordsPartition {
        var value = DeleteRecordsRequest.DeleteRecordsPartition()
        value.partitionIndex = 70000
        value.offset = 5000000001
        return value
    }
}

extension DeleteRecordsResponse: SampleMessage {
    static func makeDefault() -> DeleteRecordsResponse { DeleteRecordsResponse() }

    static func sample(version: Int16) -> DeleteRecordsResponse {
        var value = DeleteRecordsResponse()
        value.throttleTimeMs = 70000
        value.topics = [DeleteRecordsResponse.DeleteRecordsTopicResult.sample(version: version), DeleteRecordsResponse.DeleteRecordsTopicResult.sample(version: version)]
        return value
    }
}

extension DeleteRecordsResponse.DeleteRecordsTopicResult {
    static func sample(version: Int16) -> DeleteRecordsResponse.DeleteRecordsTopicResult {
        var value = DeleteRecordsResponse.DeleteRecordsTopicResult()
        value.name = "Name-0"
        value.partitions = [DeleteRecordsResponse.DeleteRecordsPartitionResult.sample(version: version), DeleteRecordsResponse.DeleteRecordsPartitionResult.sample(version: version)]
        return value
    }
}

extension DeleteRecordsResponse.DeleteRecordsPartitionResult {
    static func sample(version: Int16) -> DeleteRecordsResponse.DeleteRecordsPartitionResult {
        var value = DeleteRecordsResponse.DeleteRecordsPartitionResult()
        value.partitionIndex = 70000
        value.lowWatermark = 5000000001
        value.errorCode = 302
        return value
    }
}

extension InitProducerIdRequest: SampleMessage {
    static func makeDefault() -> InitProducerIdRequest { InitProducerIdRequest() }

    static func sample(version: Int16) -> InitProducerIdRequest {
        var value = InitProducerIdRequest()
        value.transactionalId = "TransactionalId-0"
        value.transactionTimeoutMs = 70001
        if version >= 3 { value.producerId = 5000000002 }
        if version >= 3 { value.producerEpoch = 303 }
        return value
    }
}

extension InitProducerIdResponse: SampleMessage {
    static func makeDefault() -> InitProducerIdResponse { InitProducerIdResponse() }

    static func sample(version: Int16) -> InitProducerIdResponse {
        var value = InitProducerIdResponse()
        value.throttleTimeMs = 70000
        value.errorCode = 301
        value.producerId = 5000000002
        value.producerEpoch = 303
        return value
    }
}

extension OffsetForLeaderEpochRequest: SampleMessage {
    static func makeDefault() -> OffsetForLeaderEpochRequest { OffsetForLeaderEpochRequest() }

    static func sample(version: Int16) -> OffsetForLeaderEpochRequest {
        var value = OffsetForLeaderEpochRequest()
        if version >= 3 { value.replicaId = 70000 }
        value.topics = [OffsetForLeaderEpochRequest.OffsetForLeaderTopic.sample(version: version), OffsetForLeaderEpochRequest.OffsetForLeaderTopic.sample(version: version)]
        return value
    }
}

extension OffsetForLeaderEpochRequest.OffsetForLeaderTopic {
    static func sample(version: Int16) -> OffsetForLeaderEpochRequest.OffsetForLeaderTopic {
        var value = OffsetForLeaderEpochRequest.OffsetForLeaderTopic()
        value.topic = "Topic-0"
        value.partitions = [OffsetForLeaderEpochRequest.OffsetForLeaderPartition.sample(version: version), OffsetForLeaderEpochRequest.OffsetForLeaderPartition.sample(version: version)]
        return value
    }
}

extension OffsetForLeaderEpochRequest.OffsetForLeaderPartition {
    static func sample(version: Int16) -> OffsetForLeaderEpochRequest.OffsetForLeaderPartition {
        var value = OffsetForLeaderEpochRequest.OffsetForLeaderPartition()
        value.partition = 70000
        if version >= 2 { value.currentLeaderEpoch = 70001 }
        value.leaderEpoch = 70002
        return value
    }
}

extension OffsetForLeaderEpochResponse: SampleMessage {
    static func makeDefault() -> OffsetForLeaderEpochResponse { OffsetForLeaderEpochResponse() }

    static func sample(version: Int16) -> OffsetForLeaderEpochResponse {
        var value = OffsetForLeaderEpochResponse()
        if version >= 2 { value.throttleTimeMs = 70000 }
        value.topics = [OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult.sample(version: version), OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult.sample(version: version)]
        return value
    }
}

extension OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult {
    static func sample(version: Int16) -> OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult {
        var value = OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult()
        value.topic = "Topic-0"
        value.partitions = [OffsetForLeaderEpochResponse.EpochEndOffset.sample(version: version), OffsetForLeaderEpochResponse.EpochEndOffset.sample(version: version)]
        return value
    }
}

extension OffsetForLeaderEpochResponse.EpochEndOffset {
    static func sample(version: Int16) -> OffsetForLeaderEpochResponse.EpochEndOffset {
        var value = OffsetForLeaderEpochResponse.EpochEndOffset()
        value.errorCode = 300
        value.partition = 70001
        if version >= 1 { value.leaderEpoch = 70002 }
        value.endOffset = 5000000003
        return value
    }
}

extension DescribeConfigsRequest: SampleMessage {
    static func makeDefault() -> DescribeConfigsRequest { DescribeConfigsRequest() }

    static func sample(version: Int16) -> DescribeConfigsRequest {
        var value = DescribeConfigsRequest()
        value.resources = [DescribeConfigsRequest.DescribeConfigsResource.sample(version: version), DescribeConfigsRequest.DescribeConfigsResource.sample(version: version)]
        if version >= 1 { value.includeSynonyms = true }
        if version >= 3 { value.includeDocumentation = true }
        return value
    }
}

extension DescribeConfigsRequest.DescribeConfigsResource {
    static func sample(version: Int16) -> DescribeConfigsRequest.DescribeConfigsResource {
        var value = DescribeConfigsRequest.DescribeConfigsResource()
        value.resourceType = 3
        value.resourceName = "ResourceName-1"
        value.configurationKeys = ["ConfigurationKeys-2", "ConfigurationKeys-3"]
        return value
    }
}

extension DescribeConfigsResponse: SampleMessage {
    static func makeDefault() -> DescribeConfigsResponse { DescribeConfigsResponse() }

    static func sample(version: Int16) -> DescribeConfigsResponse {
        var value = DescribeConfigsResponse()
        value.throttleTimeMs = 70000
        value.results = [DescribeConfigsResponse.DescribeConfigsResult.sample(version: version), DescribeConfigsResponse.DescribeConfigsResult.sample(version: version)]
        return value
    }
}

extension DescribeConfigsResponse.DescribeConfigsResult {
    static func sample(version: Int16) -> DescribeConfigsResponse.DescribeConfigsResult {
        var value = DescribeConfigsResponse.DescribeConfigsResult()
        value.errorCode = 300
        value.errorMessage = "ErrorMessage-1"
        value.resourceType = 5
        value.resourceName = "ResourceName-3"
        value.configs = [DescribeConfigsResponse.DescribeConfigsResourceResult.sample(version: version), DescribeConfigsResponse.DescribeConfigsResourceResult.sample(version: version)]
        return value
    }
}

extension DescribeConfigsResponse.DescribeConfigsResourceResult {
    static func sample(version: Int16) -> DescribeConfigsResponse.DescribeConfigsResourceResult {
        var value = DescribeConfigsResponse.DescribeConfigsResourceResult()
        value.name = "Name-0"
        value.value = "Value-1"
        value.readOnly = true
        if version <= 0 { value.isDefault = true }
        if version >= 1 { value.configSource = 7 }
        value.isSensitive = true
        if version >= 1 { value.synonyms = [DescribeConfigsResponse.DescribeConfigsSynonym.sample(version: version), DescribeConfigsResponse.DescribeConfigsSynonym.sample(version: version)] }
        if version >= 3 { value.configType = 10 }
        if version >= 3 { value.documentation = "Documentation-8" }
        return value
    }
}

extension DescribeConfigsResponse.DescribeConfigsSynonym {
    static func sample(version: Int16) -> DescribeConfigsResponse.DescribeConfigsSynonym {
        var value = DescribeConfigsResponse.DescribeConfigsSynonym()
        if version >= 1 { value.name = "Name-0" }
        if version >= 1 { value.value = "Value-1" }
        if version >= 1 { value.source = 5 }
        return value
    }
}

extension AlterConfigsRequest: SampleMessage {
    static func makeDefault() -> AlterConfigsRequest { AlterConfigsRequest() }

    static func sample(version: Int16) -> AlterConfigsRequest {
        var value = AlterConfigsRequest()
        value.resources = [AlterConfigsRequest.AlterConfigsResource.sample(version: version), AlterConfigsRequest.AlterConfigsResource.sample(version: version)]
        value.validateOnly = true
        return value
    }
}

extension AlterConfigsRequest.AlterConfigsResource {
    static func sample(version: Int16) -> AlterConfigsRequest.AlterConfigsResource {
        var value = AlterConfigsRequest.AlterConfigsResource()
        value.resourceType = 3
        value.resourceName = "ResourceName-1"
        value.configs = [AlterConfigsRequest.AlterableConfig.sample(version: version), AlterConfigsRequest.AlterableConfig.sample(version: version)]
        return value
    }
}

extension AlterConfigsRequest.AlterableConfig {
    static func sample(version: Int16) -> AlterConfigsRequest.AlterableConfig {
        var value = AlterConfigsRequest.AlterableConfig()
        value.name = "Name-0"
        value.value = "Value-1"
        return value
    }
}

extension AlterConfigsResponse: SampleMessage {
    static func makeDefault() -> AlterConfigsResponse { AlterConfigsResponse() }

    static func sample(version: Int16) -> AlterConfigsResponse {
        var value = AlterConfigsResponse()
        value.throttleTimeMs = 70000
        value.responses = [AlterConfigsResponse.AlterConfigsResourceResponse.sample(version: version), AlterConfigsResponse.AlterConfigsResourceResponse.sample(version: version)]
        return value
    }
}

extension AlterConfigsResponse.AlterConfigsResourceResponse {
    static func sample(version: Int16) -> AlterConfigsResponse.AlterConfigsResourceResponse {
        var value = AlterConfigsResponse.AlterConfigsResourceResponse()
        value.errorCode = 300
        value.errorMessage = "ErrorMessage-1"
        value.resourceType = 5
        value.resourceName = "ResourceName-3"
        return value
    }
}

extension CreatePartitionsRequest: SampleMessage {
    static func makeDefault() -> CreatePartitionsRequest { CreatePartitionsRequest() }

    static func sample(version: Int16) -> CreatePartitionsRequest {
        var value = CreatePartitionsRequest()
        value.topics = [CreatePartitionsRequest.CreatePartitionsTopic.sample(version: version), CreatePartitionsRequest.CreatePartitionsTopic.sample(version: version)]
        value.timeoutMs = 70001
        value.validateOnly = true
        return value
    }
}

extension CreatePartitionsRequest.CreatePartitionsTopic {
    static func sample(version: Int16) -> CreatePartitionsRequest.CreatePartitionsTopic {
        var value = CreatePartitionsRequest.CreatePartitionsTopic()
        value.name = "Name-0"
        value.count = 70001
        value.assignments = [CreatePartitionsRequest.CreatePartitionsAssignment.sample(version: version), CreatePartitionsRequest.CreatePartitionsAssignment.sample(version: version)]
        return value
    }
}

extension CreatePartitionsRequest.CreatePartitionsAssignment {
    static func sample(version: Int16) -> CreatePartitionsRequest.CreatePartitionsAssignment {
        var value = CreatePartitionsRequest.CreatePartitionsAssignment()
        value.brokerIds = [70000, 70001]
        return value
    }
}

extension CreatePartitionsResponse: SampleMessage {
    static func makeDefault() -> CreatePartitionsResponse { CreatePartitionsResponse() }

    static func sample(version: Int16) -> CreatePartitionsResponse {
        var value = CreatePartitionsResponse()
        value.throttleTimeMs = 70000
        value.results = [CreatePartitionsResponse.CreatePartitionsTopicResult.sample(version: version), CreatePartitionsResponse.CreatePartitionsTopicResult.sample(version: version)]
        return value
    }
}

extension CreatePartitionsResponse.CreatePartitionsTopicResult {
    static func sample(version: Int16) -> CreatePartitionsResponse.CreatePartitionsTopicResult {
        var value = CreatePartitionsResponse.CreatePartitionsTopicResult()
        value.name = "Name-0"
        value.errorCode = 301
        value.errorMessage = "ErrorMessage-2"
        return value
    }
}

extension DeleteGroupsRequest: SampleMessage {
    static func makeDefault() -> DeleteGroupsRequest { DeleteGroupsRequest() }

    static func sample(version: Int16) -> DeleteGroupsRequest {
        var value = DeleteGroupsRequest()
        value.groupsNames = ["GroupsNames-0", "GroupsNames-1"]
        return value
    }
}

extension DeleteGroupsResponse: SampleMessage {
    static func makeDefault() -> DeleteGroupsResponse { DeleteGroupsResponse() }

    static func sample(version: Int16) -> DeleteGroupsResponse {
        var value = DeleteGroupsResponse()
        value.throttleTimeMs = 70000
        value.results = [DeleteGroupsResponse.DeletableGroupResult.sample(version: version), DeleteGroupsResponse.DeletableGroupResult.sample(version: version)]
        return value
    }
}

extension DeleteGroupsResponse.DeletableGroupResult {
    static func sample(version: Int16) -> DeleteGroupsResponse.DeletableGroupResult {
        var value = DeleteGroupsResponse.DeletableGroupResult()
        value.groupId = "GroupId-0"
        value.errorCode = 301
        return value
    }
}

extension ElectLeadersRequest: SampleMessage {
    static func makeDefault() -> ElectLeadersRequest { ElectLeadersRequest() }

    static func sample(version: Int16) -> ElectLeadersRequest {
        var value = ElectLeadersRequest()
        if version >= 1 { value.electionType = 3 }
        value.topicPartitions = [ElectLeadersRequest.TopicPartitions.sample(version: version), ElectLeadersRequest.TopicPartitions.sample(version: version)]
        value.timeoutMs = 70002
        return value
    }
}

extension ElectLeadersRequest.TopicPartitions {
    static func sample(version: Int16) -> ElectLeadersRequest.TopicPartitions {
        var value = ElectLeadersRequest.TopicPartitions()
        value.topic = "Topic-0"
        value.partitions = [70001, 70002]
        return value
    }
}

extension ElectLeadersResponse: SampleMessage {
    static func makeDefault() -> ElectLeadersResponse { ElectLeadersResponse() }

    static func sample(version: Int16) -> ElectLeadersResponse {
        var value = ElectLeadersResponse()
        value.throttleTimeMs = 70000
        if version >= 1 { value.errorCode = 301 }
        value.replicaElectionResults = [ElectLeadersResponse.ReplicaElectionResult.sample(version: version), ElectLeadersResponse.ReplicaElectionResult.sample(version: version)]
        return value
    }
}

extension ElectLeadersResponse.ReplicaElectionResult {
    static func sample(version: Int16) -> ElectLeadersResponse.ReplicaElectionResult {
        var value = ElectLeadersResponse.ReplicaElectionResult()
        value.topic = "Topic-0"
        value.partitionResult = [ElectLeadersResponse.PartitionResult.sample(version: version), ElectLeadersResponse.PartitionResult.sample(version: version)]
        return value
    }
}

extension ElectLeadersResponse.PartitionResult {
    static func sample(version: Int16) -> ElectLeadersResponse.PartitionResult {
        var value = ElectLeadersResponse.PartitionResult()
        value.partitionId = 70000
        value.errorCode = 301
        value.errorMessage = "ErrorMessage-2"
        return value
    }
}

extension IncrementalAlterConfigsRequest: SampleMessage {
    static func makeDefault() -> IncrementalAlterConfigsRequest { IncrementalAlterConfigsRequest() }

    static func sample(version: Int16) -> IncrementalAlterConfigsRequest {
        var value = IncrementalAlterConfigsRequest()
        value.resources = [IncrementalAlterConfigsRequest.AlterConfigsResource.sample(version: version), IncrementalAlterConfigsRequest.AlterConfigsResource.sample(version: version)]
        value.validateOnly = true
        return value
    }
}

extension IncrementalAlterConfigsRequest.AlterConfigsResource {
    static func sample(version: Int16) -> IncrementalAlterConfigsRequest.AlterConfigsResource {
        var value = IncrementalAlterConfigsRequest.AlterConfigsResource()
        value.resourceType = 3
        value.resourceName = "ResourceName-1"
        value.configs = [IncrementalAlterConfigsRequest.AlterableConfig.sample(version: version), IncrementalAlterConfigsRequest.AlterableConfig.sample(version: version)]
        return value
    }
}

extension IncrementalAlterConfigsRequest.AlterableConfig {
    static func sample(version: Int16) -> IncrementalAlterConfigsRequest.AlterableConfig {
        var value = IncrementalAlterConfigsRequest.AlterableConfig()
        value.name = "Name-0"
        value.configOperation = 4
        value.value = "Value-2"
        return value
    }
}

extension IncrementalAlterConfigsResponse: SampleMessage {
    static func makeDefault() -> IncrementalAlterConfigsResponse { IncrementalAlterConfigsResponse() }

    static func sample(version: Int16) -> IncrementalAlterConfigsResponse {
        var value = IncrementalAlterConfigsResponse()
        value.throttleTimeMs = 70000
        value.responses = [IncrementalAlterConfigsResponse.AlterConfigsResourceResponse.sample(version: version), IncrementalAlterConfigsResponse.AlterConfigsResourceResponse.sample(version: version)]
        return value
    }
}

extension IncrementalAlterConfigsResponse.AlterConfigsResourceResponse {
    static func sample(version: Int16) -> IncrementalAlterConfigsResponse.AlterConfigsResourceResponse {
        var value = IncrementalAlterConfigsResponse.AlterConfigsResourceResponse()
        value.errorCode = 300
        value.errorMessage = "ErrorMessage-1"
        value.resourceType = 5
        value.resourceName = "ResourceName-3"
        return value
    }
}

extension OffsetDeleteRequest: SampleMessage {
    static func makeDefault() -> OffsetDeleteRequest { OffsetDeleteRequest() }

    static func sample(version: Int16) -> OffsetDeleteRequest {
        var value = OffsetDeleteRequest()
        value.groupId = "GroupId-0"
        value.topics = [OffsetDeleteRequest.OffsetDeleteRequestTopic.sample(version: version), OffsetDeleteRequest.OffsetDeleteRequestTopic.sample(version: version)]
        return value
    }
}

extension OffsetDeleteRequest.OffsetDeleteRequestTopic {
    static func sample(version: Int16) -> OffsetDeleteRequest.OffsetDeleteRequestTopic {
        var value = OffsetDeleteRequest.OffsetDeleteRequestTopic()
        value.name = "Name-0"
        value.partitions = [OffsetDeleteRequest.OffsetDeleteRequestPartition.sample(version: version), OffsetDeleteRequest.OffsetDeleteRequestPartition.sample(version: version)]
        return value
    }
}

extension OffsetDeleteRequest.OffsetDeleteRequestPartition {
    static func sample(version: Int16) -> OffsetDeleteRequest.OffsetDeleteRequestPartition {
        var value = OffsetDeleteRequest.OffsetDeleteRequestPartition()
        value.partitionIndex = 70000
        return value
    }
}

extension OffsetDeleteResponse: SampleMessage {
    static func makeDefault() -> OffsetDeleteResponse { OffsetDeleteResponse() }

    static func sample(version: Int16) -> OffsetDeleteResponse {
        var value = OffsetDeleteResponse()
        value.errorCode = 300
        value.throttleTimeMs = 70001
        value.topics = [OffsetDeleteResponse.OffsetDeleteResponseTopic.sample(version: version), OffsetDeleteResponse.OffsetDeleteResponseTopic.sample(version: version)]
        return value
    }
}

extension OffsetDeleteResponse.OffsetDeleteResponseTopic {
    static func sample(version: Int16) -> OffsetDeleteResponse.OffsetDeleteResponseTopic {
        var value = OffsetDeleteResponse.OffsetDeleteResponseTopic()
        value.name = "Name-0"
        value.partitions = [OffsetDeleteResponse.OffsetDeleteResponsePartition.sample(version: version), OffsetDeleteResponse.OffsetDeleteResponsePartition.sample(version: version)]
        return value
    }
}

extension OffsetDeleteResponse.OffsetDeleteResponsePartition {
    static func sample(version: Int16) -> OffsetDeleteResponse.OffsetDeleteResponsePartition {
        var value = OffsetDeleteResponse.OffsetDeleteResponsePartition()
        value.partitionIndex = 70000
        value.errorCode = 301
        return value
    }
}

extension DescribeClusterRequest: SampleMessage {
    static func makeDefault() -> DescribeClusterRequest { DescribeClusterRequest() }

    static func sample(version: Int16) -> DescribeClusterRequest {
        var value = DescribeClusterRequest()
        value.includeClusterAuthorizedOperations = true
        if version >= 1 { value.endpointType = 4 }
        return value
    }
}

extension DescribeClusterResponse: SampleMessage {
    static func makeDefault() -> DescribeClusterResponse { DescribeClusterResponse() }

    static func sample(version: Int16) -> DescribeClusterResponse {
        var value = DescribeClusterResponse()
        value.throttleTimeMs = 70000
        value.errorCode = 301
        value.errorMessage = "ErrorMessage-2"
        if version >= 1 { value.endpointType = 6 }
        value.clusterId = "ClusterId-4"
        value.controllerId = 70005
        value.brokers = [DescribeClusterResponse.DescribeClusterBroker.sample(version: version), DescribeClusterResponse.DescribeClusterBroker.sample(version: version)]
        value.clusterAuthorizedOperations = 70007
        return value
    }
}

extension DescribeClusterResponse.DescribeClusterBroker {
    static func sample(version: Int16) -> DescribeClusterResponse.DescribeClusterBroker {
        var value = DescribeClusterResponse.DescribeClusterBroker()
        value.brokerId = 70000
        value.host = "Host-1"
        value.port = 70002
        value.rack = "Rack-3"
        return value
    }
}

extension DescribeProducersRequest: SampleMessage {
    static func makeDefault() -> DescribeProducersRequest { DescribeProducersRequest() }

    static func sample(version: Int16) -> DescribeProducersRequest {
        var value = DescribeProducersRequest()
        value.topics = [DescribeProducersRequest.TopicRequest.sample(version: version), DescribeProducersRequest.TopicRequest.sample(version: version)]
        return value
    }
}

extension DescribeProducersRequest.TopicRequest {
    static func sample(version: Int16) -> DescribeProducersRequest.TopicRequest {
        var value = DescribeProducersRequest.TopicRequest()
        value.name = "Name-0"
        value.partitionIndexes = [70001, 70002]
        return value
    }
}

extension DescribeProducersResponse: SampleMessage {
    static func makeDefault() -> DescribeProducersResponse { DescribeProducersResponse() }

    static func sample(version: Int16) -> DescribeProducersResponse {
        var value = DescribeProducersResponse()
        value.throttleTimeMs = 70000
        value.topics = [DescribeProducersResponse.TopicResponse.sample(version: version), DescribeProducersResponse.TopicResponse.sample(version: version)]
        return value
    }
}

extension DescribeProducersResponse.TopicResponse {
    static func sample(version: Int16) -> DescribeProducersResponse.TopicResponse {
        var value = DescribeProducersResponse.TopicResponse()
        value.name = "Name-0"
        value.partitions = [DescribeProducersResponse.PartitionResponse.sample(version: version), DescribeProducersResponse.PartitionResponse.sample(version: version)]
        return value
    }
}

extension DescribeProducersResponse.PartitionResponse {
    static func sample(version: Int16) -> DescribeProducersResponse.PartitionResponse {
        var value = DescribeProducersResponse.PartitionResponse()
        value.partitionIndex = 70000
        value.errorCode = 301
        value.errorMessage = "ErrorMessage-2"
        value.activeProducers = [DescribeProducersResponse.ProducerState.sample(version: version), DescribeProducersResponse.ProducerState.sample(version: version)]
        return value
    }
}

extension DescribeProducersResponse.ProducerState {
    static func sample(version: Int16) -> DescribeProducersResponse.ProducerState {
        var value = DescribeProducersResponse.ProducerState()
        value.producerId = 5000000000
        value.producerEpoch = 70001
        value.lastSequence = 70002
        value.lastTimestamp = 5000000003
        value.coordinatorEpoch = 70004
        value.currentTxnStartOffset = 5000000005
        return value
    }
}

extension RequestHeader: SampleMessage {
    static func makeDefault() -> RequestHeader { RequestHeader() }

    static func sample(version: Int16) -> RequestHeader {
        var value = RequestHeader()
        value.requestApiKey = 300
        value.requestApiVersion = 301
        value.correlationId = 70002
        if version >= 1 { value.clientId = "ClientId-3" }
        return value
    }
}

extension ResponseHeader: SampleMessage {
    static func makeDefault() -> ResponseHeader { ResponseHeader() }

    static func sample(version: Int16) -> ResponseHeader {
        var value = ResponseHeader()
        value.correlationId = 70000
        return value
    }
}

extension ConsumerProtocolSubscription: SampleMessage {
    static func makeDefault() -> ConsumerProtocolSubscription { ConsumerProtocolSubscription() }

    static func sample(version: Int16) -> ConsumerProtocolSubscription {
        var value = ConsumerProtocolSubscription()
        value.topics = ["Topics-0", "Topics-1"]
        value.userData = ByteBuffer(bytes: [0xCA, 0xFE, 1])
        if version >= 1 { value.ownedPartitions = [ConsumerProtocolSubscription.TopicPartition.sample(version: version), ConsumerProtocolSubscription.TopicPartition.sample(version: version)] }
        if version >= 2 { value.generationId = 70003 }
        if version >= 3 { value.rackId = "RackId-4" }
        return value
    }
}

extension ConsumerProtocolSubscription.TopicPartition {
    static func sample(version: Int16) -> ConsumerProtocolSubscription.TopicPartition {
        var value = ConsumerProtocolSubscription.TopicPartition()
        if version >= 1 { value.topic = "Topic-0" }
        if version >= 1 { value.partitions = [70001, 70002] }
        return value
    }
}

extension ConsumerProtocolAssignment: SampleMessage {
    static func makeDefault() -> ConsumerProtocolAssignment { ConsumerProtocolAssignment() }

    static func sample(version: Int16) -> ConsumerProtocolAssignment {
        var value = ConsumerProtocolAssignment()
        value.assignedPartitions = [ConsumerProtocolAssignment.TopicPartition.sample(version: version), ConsumerProtocolAssignment.TopicPartition.sample(version: version)]
        value.userData = ByteBuffer(bytes: [0xCA, 0xFE, 1])
        return value
    }
}

extension ConsumerProtocolAssignment.TopicPartition {
    static func sample(version: Int16) -> ConsumerProtocolAssignment.TopicPartition {
        var value = ConsumerProtocolAssignment.TopicPartition()
        value.topic = "Topic-0"
        value.partitions = [70001, 70002]
        return value
    }
}

extension OffsetCommitValue: SampleMessage {
    static func makeDefault() -> OffsetCommitValue { OffsetCommitValue() }

    static func sample(version: Int16) -> OffsetCommitValue {
        var value = OffsetCommitValue()
        value.offset = 5000000000
        if version >= 3 { value.leaderEpoch = 70001 }
        value.metadata = "metadata-2"
        value.commitTimestamp = 5000000003
        if version >= 1 && version <= 1 { value.expireTimestamp = 5000000004 }
        return value
    }
}

extension GroupMetadataValue: SampleMessage {
    static func makeDefault() -> GroupMetadataValue { GroupMetadataValue() }

    static func sample(version: Int16) -> GroupMetadataValue {
        var value = GroupMetadataValue()
        value.protocolType = "protocolType-0"
        value.generation = 70001
        value.`protocol` = "protocol-2"
        value.leader = "leader-3"
        if version >= 2 { value.currentStateTimestamp = 5000000004 }
        value.members = [GroupMetadataValue.MemberMetadata.sample(version: version), GroupMetadataValue.MemberMetadata.sample(version: version)]
        return value
    }
}

extension GroupMetadataValue.MemberMetadata {
    static func sample(version: Int16) -> GroupMetadataValue.MemberMetadata {
        var value = GroupMetadataValue.MemberMetadata()
        value.memberId = "memberId-0"
        if version >= 3 { value.groupInstanceId = "groupInstanceId-1" }
        value.clientId = "clientId-2"
        value.clientHost = "clientHost-3"
        if version >= 1 { value.rebalanceTimeout = 70004 }
        value.sessionTimeout = 70005
        value.subscription = ByteBuffer(bytes: [0xCA, 0xFE, 6])
        value.assignment = ByteBuffer(bytes: [0xCA, 0xFE, 7])
        return value
    }
}
