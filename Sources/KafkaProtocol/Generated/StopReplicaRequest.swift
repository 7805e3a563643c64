// DO NOT EDIT: generated from StopReplicaRequest.json by samsa-codegen

import NIOCore

/// The StopReplica request body (API key 5), versions 0-4 (flexible 2+). Generated from
/// StopReplicaRequest.json.
public struct StopReplicaRequest: KafkaRequest, Hashable {
    public typealias Response = StopReplicaResponse
    public static let apiKey: ApiKey = .stopReplica  // 5
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The controller id. (versions 0+)
    public var controllerId: Int32 = 0

    /// If KRaft controller id is used during migration. See KIP-866. (versions 4+)
    public var isKRaftController: Bool = false

    /// The controller epoch. (versions 0+)
    public var controllerEpoch: Int32 = 0

    /// The broker epoch. (versions 1+)
    public var brokerEpoch: Int64 = -1

    /// Whether these partitions should be deleted. (versions 0-2)
    public var deletePartitions: Bool = false

    /// The partitions to stop. (versions 0)
    public var ungroupedPartitions: [StopReplicaPartitionV0] = []

    /// The topics to stop. (versions 1-2)
    public var topics: [StopReplicaTopicV1] = []

    /// Each topic. (versions 3+)
    public var topicStates: [StopReplicaTopicState] = []

    public init(
        controllerId: Int32 = 0,
        isKRaftController: Bool = false,
        controllerEpoch: Int32 = 0,
        brokerEpoch: Int64 = -1,
        deletePartitions: Bool = false,
        ungroupedPartitions: [StopReplicaPartitionV0] = [],
        topics: [StopReplicaTopicV1] = [],
        topicStates: [StopReplicaTopicState] = []
    ) {
        self.controllerId = controllerId
        self.isKRaftController = isKRaftController
        self.controllerEpoch = controllerEpoch
        self.brokerEpoch = brokerEpoch
        self.deletePartitions = deletePartitions
        self.ungroupedPartitions = ungroupedPartitions
        self.topics = topics
        self.topicStates = topicStates
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("StopReplicaRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.controllerId = try buffer.readInt32(field: "StopReplicaRequest.controllerId")
        if version >= 4 {
            self.isKRaftController = try buffer.readBool(field: "StopReplicaRequest.isKRaftController")
        }
        self.controllerEpoch = try buffer.readInt32(field: "StopReplicaRequest.controllerEpoch")
        if version >= 1 {
            self.brokerEpoch = try buffer.readInt64(field: "StopReplicaRequest.brokerEpoch")
        }
        if version <= 2 {
            self.deletePartitions = try buffer.readBool(field: "StopReplicaRequest.deletePartitions")
        }
        if version <= 0 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "StopReplicaRequest.ungroupedPartitions")
                var items: [StopReplicaPartitionV0] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try StopReplicaPartitionV0(from: &buffer, version: version))
                }
                self.ungroupedPartitions = items
            }
        }
        if version >= 1 && version <= 2 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "StopReplicaRequest.topics")
                var items: [StopReplicaTopicV1] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try StopReplicaTopicV1(from: &buffer, version: version))
                }
                self.topics = items
            }
        }
        if version >= 3 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "StopReplicaRequest.topicStates")
                var items: [StopReplicaTopicState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try StopReplicaTopicState(from: &buffer, version: version))
                }
                self.topicStates = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "StopReplicaRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt32(self.controllerId)
        if version >= 4 {
            buffer.writeBool(self.isKRaftController)
        }
        buffer.writeInt32(self.controllerEpoch)
        if version >= 1 {
            buffer.writeInt64(self.brokerEpoch)
        }
        if version <= 2 {
            buffer.writeBool(self.deletePartitions)
        }
        if version <= 0 {
            buffer.writeKafkaArrayCount(self.ungroupedPartitions.count, compact: false)
            for element in self.ungroupedPartitions {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 1 && version <= 2 {
            buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
            for element in self.topics {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 3 {
            buffer.writeKafkaArrayCount(self.topicStates.count, compact: true)
            for element in self.topicStates {
                element.write(to: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension StopReplicaRequest {
    /// The partitions to stop.
    public struct StopReplicaPartitionV0: Sendable, Hashable {
        /// The topic name. (versions 0)
        public var topicName: String = ""

        /// The partition index. (versions 0)
        public var partitionIndex: Int32 = 0

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.topicName = try buffer.readKafkaString(compact: false, field: "StopReplicaPartitionV0.topicName")
            self.partitionIndex = try buffer.readInt32(field: "StopReplicaPartitionV0.partitionIndex")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.topicName, compact: false)
            buffer.writeInt32(self.partitionIndex)
        }
    }
}

extension StopReplicaRequest {
    /// The topics to stop.
    public struct StopReplicaTopicV1: Sendable, Hashable {
        /// The topic name. (versions 1-2)
        public var name: String = ""

        /// The partition indexes. (versions 1-2)
        public var partitionIndexes: [Int32] = []

        public init(
            name: String = "",
            partitionIndexes: [Int32] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "StopReplicaTopicV1.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "StopReplicaTopicV1.partitionIndexes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "StopReplicaTopicV1.partitionIndexes"))
                }
                self.partitionIndexes = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "StopReplicaTopicV1 tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitionIndexes.count, compact: flexible)
            for element in self.partitionIndexes {
                buffer.writeInt32(element)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension StopReplicaRequest {
    /// Each topic.
    public struct StopReplicaTopicState: Sendable, Hashable {
        /// The topic name. (versions 3+)
        public var topicName: String = ""

        /// The state of each partition. (versions 3+)
        public var partitionStates: [StopReplicaPartitionState] = []

        public init(
            topicName: String = "",
            partitionStates: [StopReplicaPartitionState] = []
        ) {
            self.topicName = topicName
            self.partitionStates = partitionStates
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.topicName = try buffer.readKafkaString(compact: true, field: "StopReplicaTopicState.topicName")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "StopReplicaTopicState.partitionStates")
                var items: [StopReplicaPartitionState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try StopReplicaPartitionState(from: &buffer, version: version))
                }
                self.partitionStates = items
            }
            try buffer.skipTaggedFields(field: "StopReplicaTopicState tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.topicName, compact: true)
            buffer.writeKafkaArrayCount(self.partitionStates.count, compact: true)
            for element in self.partitionStates {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension StopReplicaRequest {
    /// The state of each partition
    public struct StopReplicaPartitionState: Sendable, Hashable {
        /// The partition index. (versions 3+)
        public var partitionIndex: Int32 = 0

        /// The leader epoch. (versions 3+)
        public var leaderEpoch: Int32 = -1

        /// Whether this partition should be deleted. (versions 3+)
        public var deletePartition: Bool = false

        public init(
            partitionIndex: Int32 = 0,
            leaderEpoch: Int32 = -1,
            deletePartition: Bool = false
        ) {
            self.partitionIndex = partitionIndex
            self.leaderEpoch = leaderEpoch
            self.deletePartition = deletePartition
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.partitionIndex = try buffer.readInt32(field: "StopReplicaPartitionState.partitionIndex")
            self.leaderEpoch = try buffer.readInt32(field: "StopReplicaPartitionState.leaderEpoch")
            self.deletePartition = try buffer.readBool(field: "StopReplicaPartitionState.deletePartition")
            try buffer.skipTaggedFields(field: "StopReplicaPartitionState tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt32(self.leaderEpoch)
            buffer.writeBool(self.deletePartition)
            buffer.writeEmptyTaggedFields()
        }
    }
}
