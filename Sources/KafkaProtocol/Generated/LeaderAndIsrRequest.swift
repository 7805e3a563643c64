// DO NOT EDIT: generated from LeaderAndIsrRequest.json by samsa-codegen

import NIOCore

/// The LeaderAndIsr request body (API key 4), versions 0-7 (flexible 4+). Generated from
/// LeaderAndIsrRequest.json.
public struct LeaderAndIsrRequest: KafkaRequest, Hashable {
    public typealias Response = LeaderAndIsrResponse
    public static let apiKey: ApiKey = .leaderAndIsr  // 4
    public static let validVersions: ClosedRange<Int16> = 0...7
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The current controller ID. (versions 0+)
    public var controllerId: Int32 = 0

    /// If KRaft controller id is used during migration. See KIP-866. (versions 7+)
    public var isKRaftController: Bool = false

    /// The current controller epoch. (versions 0+)
    public var controllerEpoch: Int32 = 0

    /// The current broker epoch. (versions 2+)
    public var brokerEpoch: Int64 = -1

    /// The type that indicates whether all topics are included in the request. (versions 5+)
    public var type: Int8 = 0

    /// The state of each partition, in a v0 or v1 message. (versions 0-1)
    public var ungroupedPartitionStates: [LeaderAndIsrPartitionState] = []

    /// Each topic. (versions 2+)
    public var topicStates: [LeaderAndIsrTopicState] = []

    /// The current live leaders. (versions 0+)
    public var liveLeaders: [LeaderAndIsrLiveLeader] = []

    public init(
        controllerId: Int32 = 0,
        isKRaftController: Bool = false,
        controllerEpoch: Int32 = 0,
        brokerEpoch: Int64 = -1,
        type: Int8 = 0,
        ungroupedPartitionStates: [LeaderAndIsrPartitionState] = [],
        topicStates: [LeaderAndIsrTopicState] = [],
        liveLeaders: [LeaderAndIsrLiveLeader] = []
    ) {
        self.controllerId = controllerId
        self.isKRaftController = isKRaftController
        self.controllerEpoch = controllerEpoch
        self.brokerEpoch = brokerEpoch
        self.type = type
        self.ungroupedPartitionStates = ungroupedPartitionStates
        self.topicStates = topicStates
        self.liveLeaders = liveLeaders
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("LeaderAndIsrRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.controllerId = try buffer.readInt32(field: "LeaderAndIsrRequest.controllerId")
        if version >= 7 {
            self.isKRaftController = try buffer.readBool(field: "LeaderAndIsrRequest.isKRaftController")
        }
        self.controllerEpoch = try buffer.readInt32(field: "LeaderAndIsrRequest.controllerEpoch")
        if version >= 2 {
            self.brokerEpoch = try buffer.readInt64(field: "LeaderAndIsrRequest.brokerEpoch")
        }
        if version >= 5 {
            self.type = try buffer.readInt8(field: "LeaderAndIsrRequest.type")
        }
        if version <= 1 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "LeaderAndIsrRequest.ungroupedPartitionStates")
                var items: [LeaderAndIsrPartitionState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrPartitionState(from: &buffer, version: version))
                }
                self.ungroupedPartitionStates = items
            }
        }
        if version >= 2 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrRequest.topicStates")
                var items: [LeaderAndIsrTopicState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrTopicState(from: &buffer, version: version))
                }
                self.topicStates = items
            }
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrRequest.liveLeaders")
            var items: [LeaderAndIsrLiveLeader] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try LeaderAndIsrLiveLeader(from: &buffer, version: version))
            }
            self.liveLeaders = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "LeaderAndIsrRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeInt32(self.controllerId)
        if version >= 7 {
            buffer.writeBool(self.isKRaftController)
        }
        buffer.writeInt32(self.controllerEpoch)
        if version >= 2 {
            buffer.writeInt64(self.brokerEpoch)
        }
        if version >= 5 {
            buffer.writeInt8(self.type)
        }
        if version <= 1 {
            buffer.writeKafkaArrayCount(self.ungroupedPartitionStates.count, compact: false)
            for element in self.ungroupedPartitionStates {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 2 {
            buffer.writeKafkaArrayCount(self.topicStates.count, compact: flexible)
            for element in self.topicStates {
                element.write(to: &buffer, version: version)
            }
        }
        buffer.writeKafkaArrayCount(self.liveLeaders.count, compact: flexible)
        for element in self.liveLeaders {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension LeaderAndIsrRequest {
    /// Each topic.
    public struct LeaderAndIsrTopicState: Sendable, Hashable {
        /// The topic name. (versions 2+)
        public var topicName: String = ""

        /// The unique topic ID. (versions 5+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The state of each partition. (versions 2+)
        public var partitionStates: [LeaderAndIsrPartitionState] = []

        public init(
            topicName: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            partitionStates: [LeaderAndIsrPartitionState] = []
        ) {
            self.topicName = topicName
            self.topicId = topicId
            self.partitionStates = partitionStates
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "LeaderAndIsrTopicState.topicName")
            if version >= 5 {
                self.topicId = try buffer.readKafkaUUID(field: "LeaderAndIsrTopicState.topicId")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrTopicState.partitionStates")
                var items: [LeaderAndIsrPartitionState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrPartitionState(from: &buffer, version: version))
                }
                self.partitionStates = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "LeaderAndIsrTopicState tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.topicName, compact: flexible)
            if version >= 5 {
                buffer.writeKafkaUUID(self.topicId)
            }
            buffer.writeKafkaArrayCount(self.partitionStates.count, compact: flexible)
            for element in self.partitionStates {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension LeaderAndIsrRequest {
    /// The current live leaders.
    public struct LeaderAndIsrLiveLeader: Sendable, Hashable {
        /// The leader's broker ID. (versions 0+)
        public var brokerId: Int32 = 0

        /// The leader's hostname. (versions 0+)
        public var hostName: String = ""

        /// The leader's port. (versions 0+)
        public var port: Int32 = 0

        public init(
            brokerId: Int32 = 0,
            hostName: String = "",
            port: Int32 = 0
        ) {
            self.brokerId = brokerId
            self.hostName = hostName
            self.port = port
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.brokerId = try buffer.readInt32(field: "LeaderAndIsrLiveLeader.brokerId")
            self.hostName = try buffer.readKafkaString(compact: flexible, field: "LeaderAndIsrLiveLeader.hostName")
            self.port = try buffer.readInt32(field: "LeaderAndIsrLiveLeader.port")
            if flexible {
                try buffer.skipTaggedFields(field: "LeaderAndIsrLiveLeader tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeInt32(self.brokerId)
            buffer.writeKafkaString(self.hostName, compact: flexible)
            buffer.writeInt32(self.port)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension LeaderAndIsrRequest {
    public struct LeaderAndIsrPartitionState: Sendable, Hashable {
        /// The topic name. This is only present in v0 or v1. (versions 0-1)
        public var topicName: String = ""

        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The controller epoch. (versions 0+)
        public var controllerEpoch: Int32 = 0

        /// The broker ID of the leader. (versions 0+)
        public var leader: Int32 = 0

        /// The leader epoch. (versions 0+)
        public var leaderEpoch: Int32 = 0

        /// The in-sync replica IDs. (versions 0+)
        public var isr: [Int32] = []

        /// The current epoch for the partition. The epoch is a monotonically increasing value which is
        /// incremented after every partition change. (Since the LeaderAndIsr request is only used by the legacy
        /// controller, this corresponds to the zkVersion). (versions 0+)
        public var partitionEpoch: Int32 = 0

        /// The replica IDs. (versions 0+)
        public var replicas: [Int32] = []

        /// The replica IDs that we are adding this partition to, or null if no replicas are being added.
        /// (versions 3+)
        public var addingReplicas: [Int32] = []

        /// The replica IDs that we are removing this partition from, or null if no replicas are being removed.
        /// (versions 3+)
        public var removingReplicas: [Int32] = []

        /// Whether the replica should have existed on the broker or not. (versions 1+)
        public var isNew: Bool = false

        /// 1 if the partition is recovering from an unclean leader election; 0 otherwise. (versions 6+)
        public var leaderRecoveryState: Int8 = 0

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            controllerEpoch: Int32 = 0,
            leader: Int32 = 0,
            leaderEpoch: Int32 = 0,
            isr: [Int32] = [],
            partitionEpoch: Int32 = 0,
            replicas: [Int32] = [],
            addingReplicas: [Int32] = [],
            removingReplicas: [Int32] = [],
            isNew: Bool = false,
            leaderRecoveryState: Int8 = 0
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.controllerEpoch = controllerEpoch
            self.leader = leader
            self.leaderEpoch = leaderEpoch
            self.isr = isr
            self.partitionEpoch = partitionEpoch
            self.replicas = replicas
            self.addingReplicas = addingReplicas
            self.removingReplicas = removingReplicas
            self.isNew = isNew
            self.leaderRecoveryState = leaderRecoveryState
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            if version <= 1 {
                self.topicName = try buffer.readKafkaString(compact: false, field: "LeaderAndIsrPartitionState.topicName")
            }
            self.partitionIndex = try buffer.readInt32(field: "LeaderAndIsrPartitionState.partitionIndex")
            self.controllerEpoch = try buffer.readInt32(field: "LeaderAndIsrPartitionState.controllerEpoch")
            self.leader = try buffer.readInt32(field: "LeaderAndIsrPartitionState.leader")
            self.leaderEpoch = try buffer.readInt32(field: "LeaderAndIsrPartitionState.leaderEpoch")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrPartitionState.isr")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "LeaderAndIsrPartitionState.isr"))
                }
                self.isr = items
            }
            self.partitionEpoch = try buffer.readInt32(field: "LeaderAndIsrPartitionState.partitionEpoch")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrPartitionState.replicas")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "LeaderAndIsrPartitionState.replicas"))
                }
                self.replicas = items
            }
            if version >= 3 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrPartitionState.addingReplicas")
                    var items: [Int32] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try buffer.readInt32(field: "LeaderAndIsrPartitionState.addingReplicas"))
                    }
                    self.addingReplicas = items
                }
            }
            if version >= 3 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrPartitionState.removingReplicas")
                    var items: [Int32] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try buffer.readInt32(field: "LeaderAndIsrPartitionState.removingReplicas"))
                    }
                    self.removingReplicas = items
                }
            }
            if version >= 1 {
                self.isNew = try buffer.readBool(field: "LeaderAndIsrPartitionState.isNew")
            }
            if version >= 6 {
                self.leaderRecoveryState = try buffer.readInt8(field: "LeaderAndIsrPartitionState.leaderRecoveryState")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "LeaderAndIsrPartitionState tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            if version <= 1 {
                buffer.writeKafkaString(self.topicName, compact: false)
            }
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt32(self.controllerEpoch)
            buffer.writeInt32(self.leader)
            buffer.writeInt32(self.leaderEpoch)
            buffer.writeKafkaArrayCount(self.isr.count, compact: flexible)
            for element in self.isr {
                buffer.writeInt32(element)
            }
            buffer.writeInt32(self.partitionEpoch)
            buffer.writeKafkaArrayCount(self.replicas.count, compact: flexible)
            for element in self.replicas {
                buffer.writeInt32(element)
            }
            if version >= 3 {
                buffer.writeKafkaArrayCount(self.addingReplicas.count, compact: flexible)
                for element in self.addingReplicas {
                    buffer.writeInt32(element)
                }
            }
            if version >= 3 {
                buffer.writeKafkaArrayCount(self.removingReplicas.count, compact: flexible)
                for element in self.removingReplicas {
                    buffer.writeInt32(element)
                }
            }
            if version >= 1 {
                buffer.writeBool(self.isNew)
            }
            if version >= 6 {
                buffer.writeInt8(self.leaderRecoveryState)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
