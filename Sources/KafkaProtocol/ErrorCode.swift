/// Kafka's error codes, as sent in every response's `ErrorCode` fields.
///
/// Numbers, names, messages and retriability follow apache/kafka `Errors.java` (Kafka 4.0). Samsa's own error
/// types are mapped to these only at the wire.
public enum ErrorCode: Int16, Sendable, CaseIterable, CustomStringConvertible {
    case unknownServerError = -1
    case none = 0
    case offsetOutOfRange = 1
    case corruptMessage = 2
    case unknownTopicOrPartition = 3
    case invalidFetchSize = 4
    case leaderNotAvailable = 5
    case notLeaderOrFollower = 6
    case requestTimedOut = 7
    case brokerNotAvailable = 8
    case replicaNotAvailable = 9
    case messageTooLarge = 10
    case staleControllerEpoch = 11
    case offsetMetadataTooLarge = 12
    case networkException = 13
    case coordinatorLoadInProgress = 14
    case coordinatorNotAvailable = 15
    case notCoordinator = 16
    case invalidTopicException = 17
    case recordListTooLarge = 18
    case notEnoughReplicas = 19
    case notEnoughReplicasAfterAppend = 20
    case invalidRequiredAcks = 21
    case illegalGeneration = 22
    case inconsistentGroupProtocol = 23
    case invalidGroupId = 24
    case unknownMemberId = 25
    case invalidSessionTimeout = 26
    case rebalanceInProgress = 27
    case invalidCommitOffsetSize = 28
    case topicAuthorizationFailed = 29
    case groupAuthorizationFailed = 30
    case clusterAuthorizationFailed = 31
    case invalidTimestamp = 32
    case unsupportedSaslMechanism = 33
    case illegalSaslState = 34
    case unsupportedVersion = 35
    case topicAlreadyExists = 36
    case invalidPartitions = 37
    case invalidReplicationFactor = 38
    case invalidReplicaAssignment = 39
    case invalidConfig = 40
    case notController = 41
    case invalidRequest = 42
    case unsupportedForMessageFormat = 43
    case policyViolation = 44
    case outOfOrderSequenceNumber = 45
    case duplicateSequenceNumber = 46
    case invalidProducerEpoch = 47
    case invalidTxnState = 48
    case invalidProducerIdMapping = 49
    case invalidTransactionTimeout = 50
    case concurrentTransactions = 51
    case transactionCoordinatorFenced = 52
    case transactionalIdAuthorizationFailed = 53
    case securityDisabled = 54
    case operationNotAttempted = 55
    case kafkaStorageError = 56
    case logDirNotFound = 57
    case saslAuthenticationFailed = 58
    case unknownProducerId = 59
    case reassignmentInProgress = 60
    case delegationTokenAuthDisabled = 61
    case delegationTokenNotFound = 62
    case delegationTokenOwnerMismatch = 63
    case delegationTokenRequestNotAllowed = 64
    case delegationTokenAuthorizationFailed = 65
    case delegationTokenExpired = 66
    case invalidPrincipalType = 67
    case nonEmptyGroup = 68
    case groupIdNotFound = 69
    case fetchSessionIdNotFound = 70
    case invalidFetchSessionEpoch = 71
    case listenerNotFound = 72
    case topicDeletionDisabled = 73
    case fencedLeaderEpoch = 74
    case unknownLeaderEpoch = 75
    case unsupportedCompressionType = 76
    case staleBrokerEpoch = 77
    case offsetNotAvailable = 78
    case memberIdRequired = 79
    case preferredLeaderNotAvailable = 80
    case groupMaxSizeReached = 81
    case fencedInstanceId = 82
    case eligibleLeadersNotAvailable = 83
    case electionNotNeeded = 84
    case noReassignmentInProgress = 85
    case groupSubscribedToTopic = 86
    case invalidRecord = 87
    case unstableOffsetCommit = 88
    case throttlingQuotaExceeded = 89
    case producerFenced = 90
    case resourceNotFound = 91
    case duplicateResource = 92
    case unacceptableCredential = 93
    case inconsistentVoterSet = 94
    case invalidUpdateVersion = 95
    case featureUpdateFailed = 96
    case principalDeserializationFailure = 97
    case snapshotNotFound = 98
    case unknownTopicId = 100
    case duplicateBrokerRegistration = 101
    case brokerIdNotRegistered = 102
    case inconsistentTopicId = 103
    case inconsistentClusterId = 104
    case transactionalIdNotFound = 105
    case fetchSessionTopicIdError = 106
    case ineligibleReplica = 107
    case newLeaderElected = 108
    case offsetMovedToTieredStorage = 109
    case fencedMemberEpoch = 110
    case unreleasedInstanceId = 111
    case unsupportedAssignor = 112
    case staleMemberEpoch = 113
    case mismatchedEndpointType = 114
    case unsupportedEndpointType = 115
    case unknownControllerId = 116
    case unknownSubscriptionId = 117
    case telemetryTooLarge = 118
    case invalidRegistration = 119
    case transactionAbortable = 120
    case invalidRecordState = 121
    case shareSessionNotFound = 122
    case invalidShareSessionEpoch = 123
    case fencedStateEpoch = 124
    case invalidVoterKey = 125
    case duplicateVoter = 126
    case voterNotFound = 127
    case invalidRegularExpression = 128
    case rebootstrapRequired = 129

    /// Maps any code to an error, like Kafka's `Errors.forCode`: codes this enum does not know become
    /// `.unknownServerError`.
    public init(code: Int16) {
        self = ErrorCode(rawValue: code) ?? .unknownServerError
    }

    /// The numeric code, as sent on the wire.
    public var code: Int16 { self.rawValue }

    /// Kafka's name, e.g. `NOT_LEADER_OR_FOLLOWER`.
    public var name: String {
        switch self {
        case .unknownServerError: return "UNKNOWN_SERVER_ERROR"
        case .none: return "NONE"
        case .offsetOutOfRange: return "OFFSET_OUT_OF_RANGE"
        case .corruptMessage: return "CORRUPT_MESSAGE"
        case .unknownTopicOrPartition: return "UNKNOWN_TOPIC_OR_PARTITION"
        case .invalidFetchSize: return "INVALID_FETCH_SIZE"
        case .leaderNotAvailable: return "LEADER_NOT_AVAILABLE"
        case .notLeaderOrFollower: return "NOT_LEADER_OR_FOLLOWER"
        case .requestTimedOut: return "REQUEST_TIMED_OUT"
        case .brokerNotAvailable: return "BROKER_NOT_AVAILABLE"
        case .replicaNotAvailable: return "REPLICA_NOT_AVAILABLE"
        case .messageTooLarge: return "MESSAGE_TOO_LARGE"
        case .staleControllerEpoch: return "STALE_CONTROLLER_EPOCH"
        case .offsetMetadataTooLarge: return "OFFSET_METADATA_TOO_LARGE"
        case .networkException: return "NETWORK_EXCEPTION"
        case .coordinatorLoadInProgress: return "COORDINATOR_LOAD_IN_PROGRESS"
        case .coordinatorNotAvailable: return "COORDINATOR_NOT_AVAILABLE"
        case .notCoordinator: return "NOT_COORDINATOR"
        case .invalidTopicException: return "INVALID_TOPIC_EXCEPTION"
        case .recordListTooLarge: return "RECORD_LIST_TOO_LARGE"
        case .notEnoughReplicas: return "NOT_ENOUGH_REPLICAS"
        case .notEnoughReplicasAfterAppend: return "NOT_ENOUGH_REPLICAS_AFTER_APPEND"
        case .invalidRequiredAcks: return "INVALID_REQUIRED_ACKS"
        case .illegalGeneration: return "ILLEGAL_GENERATION"
        case .inconsistentGroupProtocol: return "INCONSISTENT_GROUP_PROTOCOL"
        case .invalidGroupId: return "INVALID_GROUP_ID"
        case .unknownMemberId: return "UNKNOWN_MEMBER_ID"
        case .invalidSessionTimeout: return "INVALID_SESSION_TIMEOUT"
        case .rebalanceInProgress: return "REBALANCE_IN_PROGRESS"
        case .invalidCommitOffsetSize: return "INVALID_COMMIT_OFFSET_SIZE"
        case .topicAuthorizationFailed: return "TOPIC_AUTHORIZATION_FAILED"
        case .groupAuthorizationFailed: return "GROUP_AUTHORIZATION_FAILED"
        case .clusterAuthorizationFailed: return "CLUSTER_AUTHORIZATION_FAILED"
        case .invalidTimestamp: return "INVALID_TIMESTAMP"
        case .unsupportedSaslMechanism: return "UNSUPPORTED_SASL_MECHANISM"
        case .illegalSaslState: return "ILLEGAL_SASL_STATE"
        case .unsupportedVersion: return "UNSUPPORTED_VERSION"
        case .topicAlreadyExists: return "TOPIC_ALREADY_EXISTS"
        case .invalidPartitions: return "INVALID_PARTITIONS"
        case .invalidReplicationFactor: return "INVALID_REPLICATION_FACTOR"
        case .invalidReplicaAssignment: return "INVALID_REPLICA_ASSIGNMENT"
        case .invalidConfig: return "INVALID_CONFIG"
        case .notController: return "NOT_CONTROLLER"
        case .invalidRequest: return "INVALID_REQUEST"
        case .unsupportedForMessageFormat: return "UNSUPPORTED_FOR_MESSAGE_FORMAT"
        case .policyViolation: return "POLICY_VIOLATION"
        case .outOfOrderSequenceNumber: return "OUT_OF_ORDER_SEQUENCE_NUMBER"
        case .duplicateSequenceNumber: return "DUPLICATE_SEQUENCE_NUMBER"
        case .invalidProducerEpoch: return "INVALID_PRODUCER_EPOCH"
        case .invalidTxnState: return "INVALID_TXN_STATE"
        case .invalidProducerIdMapping: return "INVALID_PRODUCER_ID_MAPPING"
        case .invalidTransactionTimeout: return "INVALID_TRANSACTION_TIMEOUT"
        case .concurrentTransactions: return "CONCURRENT_TRANSACTIONS"
        case .transactionCoordinatorFenced: return "TRANSACTION_COORDINATOR_FENCED"
        case .transactionalIdAuthorizationFailed: return "TRANSACTIONAL_ID_AUTHORIZATION_FAILED"
        case .securityDisabled: return "SECURITY_DISABLED"
        case .operationNotAttempted: return "OPERATION_NOT_ATTEMPTED"
        case .kafkaStorageError: return "KAFKA_STORAGE_ERROR"
        case .logDirNotFound: return "LOG_DIR_NOT_FOUND"
        case .saslAuthenticationFailed: return "SASL_AUTHENTICATION_FAILED"
        case .unknownProducerId: return "UNKNOWN_PRODUCER_ID"
        case .reassignmentInProgress: return "REASSIGNMENT_IN_PROGRESS"
        case .delegationTokenAuthDisabled: return "DELEGATION_TOKEN_AUTH_DISABLED"
        case .delegationTokenNotFound: return "DELEGATION_TOKEN_NOT_FOUND"
        case .delegationTokenOwnerMismatch: return "DELEGATION_TOKEN_OWNER_MISMATCH"
        case .delegationTokenRequestNotAllowed: return "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED"
        case .delegationTokenAuthorizationFailed: return "DELEGATION_TOKEN_AUTHORIZATION_FAILED"
        case .delegationTokenExpired: return "DELEGATION_TOKEN_EXPIRED"
        case .invalidPrincipalType: return "INVALID_PRINCIPAL_TYPE"
        case .nonEmptyGroup: return "NON_EMPTY_GROUP"
        case .groupIdNotFound: return "GROUP_ID_NOT_FOUND"
        case .fetchSessionIdNotFound: return "FETCH_SESSION_ID_NOT_FOUND"
        case .invalidFetchSessionEpoch: return "INVALID_FETCH_SESSION_EPOCH"
        case .listenerNotFound: return "LISTENER_NOT_FOUND"
        case .topicDeletionDisabled: return "TOPIC_DELETION_DISABLED"
        case .fencedLeaderEpoch: return "FENCED_LEADER_EPOCH"
        case .unknownLeaderEpoch: return "UNKNOWN_LEADER_EPOCH"
        case .unsupportedCompressionType: return "UNSUPPORTED_COMPRESSION_TYPE"
        case .staleBrokerEpoch: return "STALE_BROKER_EPOCH"
        case .offsetNotAvailable: return "OFFSET_NOT_AVAILABLE"
        case .memberIdRequired: return "MEMBER_ID_REQUIRED"
        case .preferredLeaderNotAvailable: return "PREFERRED_LEADER_NOT_AVAILABLE"
        case .groupMaxSizeReached: return "GROUP_MAX_SIZE_REACHED"
        case .fencedInstanceId: return "FENCED_INSTANCE_ID"
        case .eligibleLeadersNotAvailable: return "ELIGIBLE_LEADERS_NOT_AVAILABLE"
        case .electionNotNeeded: return "ELECTION_NOT_NEEDED"
        case .noReassignmentInProgress: return "NO_REASSIGNMENT_IN_PROGRESS"
        case .groupSubscribedToTopic: return "GROUP_SUBSCRIBED_TO_TOPIC"
        case .invalidRecord: return "INVALID_RECORD"
        case .unstableOffsetCommit: return "UNSTABLE_OFFSET_COMMIT"
        case .throttlingQuotaExceeded: return "THROTTLING_QUOTA_EXCEEDED"
        case .producerFenced: return "PRODUCER_FENCED"
        case .resourceNotFound: return "RESOURCE_NOT_FOUND"
        case .duplicateResource: return "DUPLICATE_RESOURCE"
        case .unacceptableCredential: return "UNACCEPTABLE_CREDENTIAL"
        case .inconsistentVoterSet: return "INCONSISTENT_VOTER_SET"
        case .invalidUpdateVersion: return "INVALID_UPDATE_VERSION"
        case .featureUpdateFailed: return "FEATURE_UPDATE_FAILED"
        case .principalDeserializationFailure: return "PRINCIPAL_DESERIALIZATION_FAILURE"
        case .snapshotNotFound: return "SNAPSHOT_NOT_FOUND"
        case .unknownTopicId: return "UNKNOWN_TOPIC_ID"
        case .duplicateBrokerRegistration: return "DUPLICATE_BROKER_REGISTRATION"
        case .brokerIdNotRegistered: return "BROKER_ID_NOT_REGISTERED"
        case .inconsistentTopicId: return "INCONSISTENT_TOPIC_ID"
        case .inconsistentClusterId: return "INCONSISTENT_CLUSTER_ID"
        case .transactionalIdNotFound: return "TRANSACTIONAL_ID_NOT_FOUND"
        case .fetchSessionTopicIdError: return "FETCH_SESSION_TOPIC_ID_ERROR"
        case .ineligibleReplica: return "INELIGIBLE_REPLICA"
        case .newLeaderElected: return "NEW_LEADER_ELECTED"
        case .offsetMovedToTieredStorage: return "OFFSET_MOVED_TO_TIERED_STORAGE"
        case .fencedMemberEpoch: return "FENCED_MEMBER_EPOCH"
        case .unreleasedInstanceId: return "UNRELEASED_INSTANCE_ID"
        case .unsupportedAssignor: return "UNSUPPORTED_ASSIGNOR"
        case .staleMemberEpoch: return "STALE_MEMBER_EPOCH"
        case .mismatchedEndpointType: return "MISMATCHED_ENDPOINT_TYPE"
        case .unsupportedEndpointType: return "UNSUPPORTED_ENDPOINT_TYPE"
        case .unknownControllerId: return "UNKNOWN_CONTROLLER_ID"
        case .unknownSubscriptionId: return "UNKNOWN_SUBSCRIPTION_ID"
        case .telemetryTooLarge: return "TELEMETRY_TOO_LARGE"
        case .invalidRegistration: return "INVALID_REGISTRATION"
        case .transactionAbortable: return "TRANSACTION_ABORTABLE"
        case .invalidRecordState: return "INVALID_RECORD_STATE"
        case .shareSessionNotFound: return "SHARE_SESSION_NOT_FOUND"
        case .invalidShareSessionEpoch: return "INVALID_SHARE_SESSION_EPOCH"
        case .fencedStateEpoch: return "FENCED_STATE_EPOCH"
        case .invalidVoterKey: return "INVALID_VOTER_KEY"
        case .duplicateVoter: return "DUPLICATE_VOTER"
        case .voterNotFound: return "VOTER_NOT_FOUND"
        case .invalidRegularExpression: return "INVALID_REGULAR_EXPRESSION"
        case .rebootstrapRequired: return "REBOOTSTRAP_REQUIRED"
        }
    }

    /// Whether a client may retry the same request and expect it to succeed (Kafka's `RetriableException`),
    /// usually after refreshing metadata.
    public var isRetriable: Bool {
        switch self {
        case .corruptMessage,
            .unknownTopicOrPartition,
            .leaderNotAvailable,
            .notLeaderOrFollower,
            .requestTimedOut,
            .replicaNotAvailable,
            .networkException,
            .coordinatorLoadInProgress,
            .coordinatorNotAvailable,
            .notCoordinator,
            .notEnoughReplicas,
            .notEnoughReplicasAfterAppend,
            .notController,
            .concurrentTransactions,
            .kafkaStorageError,
            .fetchSessionIdNotFound,
            .invalidFetchSessionEpoch,
            .listenerNotFound,
            .fencedLeaderEpoch,
            .unknownLeaderEpoch,
            .offsetNotAvailable,
            .preferredLeaderNotAvailable,
            .eligibleLeadersNotAvailable,
            .electionNotNeeded,
            .unstableOffsetCommit,
            .throttlingQuotaExceeded,
            .unknownTopicId,
            .inconsistentTopicId,
            .fetchSessionTopicIdError,
            .shareSessionNotFound,
            .invalidShareSessionEpoch:
            return true
        default:
            return false
        }
    }

    /// Kafka's default message for this error.
    public var message: String {
        switch self {
        case .unknownServerError: return "The server experienced an unexpected error when processing the request."
        case .none: return "No error."
        case .offsetOutOfRange:
            return "The requested offset is not within the range of offsets maintained by the server."
        case .corruptMessage:
            return
                "This message has failed its CRC checksum, exceeds the valid size, has a null key for a compacted topic, or is otherwise corrupt."
        case .unknownTopicOrPartition: return "This server does not host this topic-partition."
        case .invalidFetchSize: return "The requested fetch size is invalid."
        case .leaderNotAvailable:
            return "There is no leader for this topic-partition as we are in the middle of a leadership election."
        case .notLeaderOrFollower:
            return
                "For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition."
        case .requestTimedOut: return "The request timed out."
        case .brokerNotAvailable: return "The broker is not available."
        case .replicaNotAvailable:
            return
                "The replica is not available for the requested topic-partition. Produce/Fetch requests and other requests intended only for the leader or follower return NOT_LEADER_OR_FOLLOWER if the broker is not a replica of the topic-partition."
        case .messageTooLarge:
            return "The request included a message larger than the max message size the server will accept."
        case .staleControllerEpoch: return "The controller moved to another broker."
        case .offsetMetadataTooLarge: return "The metadata field of the offset request was too large."
        case .networkException: return "The server disconnected before a response was received."
        case .coordinatorLoadInProgress: return "The coordinator is loading and hence can't process requests."
        case .coordinatorNotAvailable: return "The coordinator is not available."
        case .notCoordinator: return "This is not the correct coordinator."
        case .invalidTopicException: return "The request attempted to perform an operation on an invalid topic."
        case .recordListTooLarge:
            return "The request included message batch larger than the configured segment size on the server."
        case .notEnoughReplicas: return "Messages are rejected since there are fewer in-sync replicas than required."
        case .notEnoughReplicasAfterAppend:
            return "Messages are written to the log, but to fewer in-sync replicas than required."
        case .invalidRequiredAcks: return "Produce request specified an invalid value for required acks."
        case .illegalGeneration: return "Specified group generation id is not valid."
        case .inconsistentGroupProtocol:
            return
                "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list."
        case .invalidGroupId: return "The configured groupId is invalid."
        case .unknownMemberId: return "The coordinator is not aware of this member."
        case .invalidSessionTimeout:
            return
                "The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms)."
        case .rebalanceInProgress: return "The group is rebalancing, so a rejoin is needed."
        case .invalidCommitOffsetSize: return "The committing offset data size is not valid."
        case .topicAuthorizationFailed: return "Topic authorization failed."
        case .groupAuthorizationFailed: return "Group authorization failed."
        case .clusterAuthorizationFailed: return "Cluster authorization failed."
        case .invalidTimestamp: return "The timestamp of the message is out of acceptable range."
        case .unsupportedSaslMechanism: return "The broker does not support the requested SASL mechanism."
        case .illegalSaslState: return "Request is not valid given the current SASL state."
        case .unsupportedVersion: return "The version of API is not supported."
        case .topicAlreadyExists: return "Topic with this name already exists."
        case .invalidPartitions: return "Number of partitions is below 1."
        case .invalidReplicationFactor:
            return "Replication factor is below 1 or larger than the number of available brokers."
        case .invalidReplicaAssignment: return "Replica assignment is invalid."
        case .invalidConfig: return "Configuration is invalid."
        case .notController: return "This is not the correct controller for this cluster."
        case .invalidRequest:
            return
                "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details."
        case .unsupportedForMessageFormat:
            return "The message format version on the broker does not support the request."
        case .policyViolation: return "Request parameters do not satisfy the configured policy."
        case .outOfOrderSequenceNumber: return "The broker received an out of order sequence number."
        case .duplicateSequenceNumber: return "The broker received a duplicate sequence number."
        case .invalidProducerEpoch: return "Producer attempted to produce with an old epoch."
        case .invalidTxnState: return "The producer attempted a transactional operation in an invalid state."
        case .invalidProducerIdMapping:
            return
                "The producer attempted to use a producer id which is not currently assigned to its transactional id."
        case .invalidTransactionTimeout:
            return
                "The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms)."
        case .concurrentTransactions:
            return
                "The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing."
        case .transactionCoordinatorFenced:
            return
                "Indicates that the transaction coordinator sending a WriteTxnMarker is no longer the current coordinator for a given producer."
        case .transactionalIdAuthorizationFailed: return "Transactional Id authorization failed."
        case .securityDisabled: return "Security features are disabled."
        case .operationNotAttempted:
            return
                "The broker did not attempt to execute this operation. This may happen for batched RPCs where some operations in the batch failed, causing the broker to respond without trying the rest."
        case .kafkaStorageError: return "Disk error when trying to access log file on the disk."
        case .logDirNotFound: return "The user-specified log directory is not found in the broker config."
        case .saslAuthenticationFailed: return "SASL Authentication failed."
        case .unknownProducerId:
            return
                "This exception is raised by the broker if it could not locate the producer metadata associated with the producerId in question. This could happen if, for instance, the producer's records were deleted because their retention time had elapsed. Once the last records of the producerId are removed, the producer's metadata is removed from the broker, and future appends by the producer will return this exception."
        case .reassignmentInProgress: return "A partition reassignment is in progress."
        case .delegationTokenAuthDisabled: return "Delegation Token feature is not enabled."
        case .delegationTokenNotFound: return "Delegation Token is not found on server."
        case .delegationTokenOwnerMismatch: return "Specified Principal is not valid Owner/Renewer."
        case .delegationTokenRequestNotAllowed:
            return
                "Delegation Token requests are not allowed on PLAINTEXT/1-way SSL channels and on delegation token authenticated channels."
        case .delegationTokenAuthorizationFailed: return "Delegation Token authorization failed."
        case .delegationTokenExpired: return "Delegation Token is expired."
        case .invalidPrincipalType: return "Supplied principalType is not supported."
        case .nonEmptyGroup: return "The group is not empty."
        case .groupIdNotFound: return "The group id does not exist."
        case .fetchSessionIdNotFound: return "The fetch session ID was not found."
        case .invalidFetchSessionEpoch: return "The fetch session epoch is invalid."
        case .listenerNotFound:
            return
                "There is no listener on the leader broker that matches the listener on which metadata request was processed."
        case .topicDeletionDisabled: return "Topic deletion is disabled."
        case .fencedLeaderEpoch: return "The leader epoch in the request is older than the epoch on the broker."
        case .unknownLeaderEpoch: return "The leader epoch in the request is newer than the epoch on the broker."
        case .unsupportedCompressionType:
            return "The requesting client does not support the compression type of given partition."
        case .staleBrokerEpoch: return "Broker epoch has changed."
        case .offsetNotAvailable:
            return
                "The leader high watermark has not caught up from a recent leader election so the offsets cannot be guaranteed to be monotonically increasing."
        case .memberIdRequired:
            return "The group member needs to have a valid member id before actually entering a consumer group."
        case .preferredLeaderNotAvailable: return "The preferred leader was not available."
        case .groupMaxSizeReached: return "The consumer group has reached its max size."
        case .fencedInstanceId:
            return
                "The broker rejected this static consumer since another consumer with the same group.instance.id has registered with a different member.id."
        case .eligibleLeadersNotAvailable: return "Eligible topic partition leaders are not available."
        case .electionNotNeeded: return "Leader election not needed for topic partition."
        case .noReassignmentInProgress: return "No partition reassignment is in progress."
        case .groupSubscribedToTopic:
            return "Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it."
        case .invalidRecord: return "This record has failed the validation on broker and hence will be rejected."
        case .unstableOffsetCommit: return "There are unstable offsets that need to be cleared."
        case .throttlingQuotaExceeded: return "The throttling quota has been exceeded."
        case .producerFenced:
            return "There is a newer producer with the same transactionalId which fences the current one."
        case .resourceNotFound: return "A request illegally referred to a resource that does not exist."
        case .duplicateResource: return "A request illegally referred to the same resource twice."
        case .unacceptableCredential: return "Requested credential would not meet criteria for acceptability."
        case .inconsistentVoterSet:
            return
                "Indicates that the either the sender or recipient of a voter-only request is not one of the expected voters."
        case .invalidUpdateVersion: return "The given update version was invalid."
        case .featureUpdateFailed: return "Unable to update finalized features due to an unexpected server error."
        case .principalDeserializationFailure:
            return
                "Request principal deserialization failed during forwarding. This indicates an internal error on the broker cluster security setup."
        case .snapshotNotFound: return "Requested snapshot was not found."
        case .unknownTopicId: return "This server does not host this topic ID."
        case .duplicateBrokerRegistration: return "This broker ID is already in use."
        case .brokerIdNotRegistered: return "The given broker ID was not registered."
        case .inconsistentTopicId: return "The log's topic ID did not match the topic ID in the request."
        case .inconsistentClusterId: return "The clusterId in the request does not match that found on the server."
        case .transactionalIdNotFound: return "The transactionalId could not be found."
        case .fetchSessionTopicIdError: return "The fetch session encountered inconsistent topic ID usage."
        case .ineligibleReplica: return "The new ISR contains at least one ineligible replica."
        case .newLeaderElected:
            return "The AlterPartition request successfully updated the partition state but the leader has changed."
        case .offsetMovedToTieredStorage: return "The requested offset is moved to tiered storage."
        case .fencedMemberEpoch:
            return
                "The member epoch is fenced by the group coordinator. The member must abandon all its partitions and rejoin."
        case .unreleasedInstanceId:
            return
                "The instance ID is still used by another member in the consumer group. That member must leave first."
        case .unsupportedAssignor: return "The assignor or its version range is not supported by the consumer group."
        case .staleMemberEpoch:
            return
                "The member epoch is stale. The member must retry after receiving its updated member epoch via the ConsumerGroupHeartbeat API."
        case .mismatchedEndpointType: return "The request was sent to an endpoint of the wrong type."
        case .unsupportedEndpointType: return "This endpoint type is not supported yet."
        case .unknownControllerId: return "This controller ID is not known."
        case .unknownSubscriptionId:
            return "Client sent a push telemetry request with an invalid or outdated subscription ID."
        case .telemetryTooLarge:
            return "Client sent a push telemetry request larger than the maximum size the broker will accept."
        case .invalidRegistration: return "The controller has considered the broker registration to be invalid."
        case .transactionAbortable:
            return
                "The server encountered an error with the transaction. The client can abort the transaction to continue using this transactional ID."
        case .invalidRecordState:
            return "The record state is invalid. The acknowledgement of delivery could not be completed."
        case .shareSessionNotFound: return "The share session was not found."
        case .invalidShareSessionEpoch: return "The share session epoch is invalid."
        case .fencedStateEpoch:
            return "The share coordinator rejected the request because the share-group state epoch did not match."
        case .invalidVoterKey: return "The voter key doesn't match the receiving replica's key."
        case .duplicateVoter: return "The voter is already part of the set of voters."
        case .voterNotFound: return "The voter is not part of the set of voters."
        case .invalidRegularExpression: return "The regular expression is not valid."
        case .rebootstrapRequired:
            return "Client metadata is stale. The client should rebootstrap to obtain new metadata."
        }
    }

    /// `NAME (code)`, e.g. `NOT_LEADER_OR_FOLLOWER (6)`.
    public var description: String { "\(self.name) (\(self.rawValue))" }
}
