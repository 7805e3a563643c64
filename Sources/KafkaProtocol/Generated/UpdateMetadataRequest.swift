// DO NOT EDIT: generated from UpdateMetadataRequest.json by samsa-codegen

import NIOCore

/// The UpdateMetadata request body (API key 6), versions 0-8 (flexible 6+). Generated from
/// UpdateMetadataRequest.json.
public struct UpdateMetadataRequest: KafkaRequest, Hashable {
    public typealias Response = UpdateMetadataResponse
    public static let apiKey: ApiKey = .updateMetadata  // 6
    public static let validVersions: ClosedRange<Int16> = 0...8
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The controller id. (versions 0+)
    public var controllerId: Int32 = 0

    /// If KRaft controller id is used during migration. See KIP-866. (versions 8+)
    public var isKRaftController: Bool = false

    /// Indicates if this request is a Full metadata snapshot (2), Incremental (1), or Unknown (0). Using
    /// during ZK migration, see KIP-866. (versions 8+; tagged 8+, tag 0)
    public var type: Int8 = 0

    /// The controller epoch. (versions 0+)
    public var controllerEpoch: Int32 = 0

    /// The broker epoch. (versions 5+)
    public var brokerEpoch: Int64 = -1

    /// In older versions of this RPC, each partition that we would like to update. (versions 0-4)
    public var ungroupedPartitionStates: [UpdateMetadataPartitionState] = []

    /// In newer versions of this RPC, each topic that we would like to update. (versions 5+)
    public var topicStates: [UpdateMetadataTopicState] = []

    /// (versions 0+)
    public var liveBrokers: [UpdateMetadataBroker] = []

    public init(
        controllerId: Int32 = 0,
        isKRaftController: Bool = false,
        type: Int8 = 0,
        controllerEpoch: Int32 = 0,
        brokerEpoch: Int64 = -1,
        ungroupedPartitionStates: [UpdateMetadataPartitionState] = [],
        topicStates: [UpdateMetadataTopicState] = [],
        liveBrokers: [UpdateMetadataBroker] = []
    ) {
        self.controllerId = controllerId
        self.isKRaftController = isKRaftController
        self.type = type
        self.controllerEpoch = controllerEpoch
        self.brokerEpoch = brokerEpoch
        self.ungroupedPartitionStates = ungroupedPartitionStates
        self.topicStates = topicStates
        self.liveBrokers = liveBrokers
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("UpdateMetadataRequest", version, Self.validVersions)
        }
        let flexible = version >= 6
        self.controllerId = try buffer.readInt32(field: "UpdateMetadataRequest.controllerId")
        if version >= 8 {
            self.isKRaftController = try buffer.readBool(field: "UpdateMetadataRequest.isKRaftController")
        }
        self.controllerEpoch = try buffer.readInt32(field: "UpdateMetadataRequest.controllerEpoch")
        if version >= 5 {
            self.brokerEpoch = try buffer.readInt64(field: "UpdateMetadataRequest.brokerEpoch")
        }
        if version <= 4 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "UpdateMetadataRequest.ungroupedPartitionStates")
                var items: [UpdateMetadataPartitionState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try UpdateMetadataPartitionState(from: &buffer, version: version))
                }
                self.ungroupedPartitionStates = items
            }
        }
        if version >= 5 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataRequest.topicStates")
                var items: [UpdateMetadataTopicState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try UpdateMetadataTopicState(from: &buffer, version: version))
                }
                self.topicStates = items
            }
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataRequest.liveBrokers")
            var items: [UpdateMetadataBroker] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try UpdateMetadataBroker(from: &buffer, version: version))
            }
            self.liveBrokers = items
        }
        if flexible {
            let taggedFieldCount = try buffer.readUnsignedVarint(field: "UpdateMetadataRequest tagged fields")
            for _ in 0..<taggedFieldCount {
                let tag = try buffer.readUnsignedVarint(field: "UpdateMetadataRequest tagged fields")
                var value = try buffer.readTaggedFieldValue(field: "UpdateMetadataRequest tagged fields")
                switch tag {
                case 0 where version >= 8:
                    self.type = try value.readInt8(field: "UpdateMetadataRequest.type")
                default:
                    break
                }
            }
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        buffer.writeInt32(self.controllerId)
        if version >= 8 {
            buffer.writeBool(self.isKRaftController)
        }
        buffer.writeInt32(self.controllerEpoch)
        if version >= 5 {
            buffer.writeInt64(self.brokerEpoch)
        }
        if version <= 4 {
            buffer.writeKafkaArrayCount(self.ungroupedPartitionStates.count, compact: false)
            for element in self.ungroupedPartitionStates {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 5 {
            buffer.writeKafkaArrayCount(self.topicStates.count, compact: flexible)
            for element in self.topicStates {
                element.write(to: &buffer, version: version)
            }
        }
        buffer.writeKafkaArrayCount(self.liveBrokers.count, compact: flexible)
        for element in self.liveBrokers {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            var taggedFieldCount: UInt32 = 0
            if version >= 8, self.type != 0 { taggedFieldCount += 1 }
            buffer.writeUnsignedVarint(taggedFieldCount)
            if version >= 8, self.type != 0 {
                buffer.writeTaggedField(tag: 0) { value in
                    value.writeInt8(self.type)
                }
            }
        }
    }
}

extension UpdateMetadataRequest {
    /// In newer versions of this RPC, each topic that we would like to update.
    public struct UpdateMetadataTopicState: Sendable, Hashable {
        /// The topic name. (versions 5+)
        public var topicName: String = ""

        /// The topic id. (versions 7+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The partition that we would like to update. (versions 5+)
        public var partitionStates: [UpdateMetadataPartitionState] = []

        public init(
            topicName: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            partitionStates: [UpdateMetadataPartitionState] = []
        ) {
            self.topicName = topicName
            self.topicId = topicId
            self.partitionStates = partitionStates
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "UpdateMetadataTopicState.topicName")
            if version >= 7 {
                self.topicId = try buffer.readKafkaUUID(field: "UpdateMetadataTopicState.topicId")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataTopicState.partitionStates")
                var items: [UpdateMetadataPartitionState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try UpdateMetadataPartitionState(from: &buffer, version: version))
                }
                self.partitionStates = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "UpdateMetadataTopicState tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeKafkaString(self.topicName, compact: flexible)
            if version >= 7 {
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

extension UpdateMetadataRequest {
    public struct UpdateMetadataBroker: Sendable, Hashable {
        /// The broker id. (versions 0+)
        public var id: Int32 = 0

        /// The broker hostname. (versions 0)
        public var v0Host: String = ""

        /// The broker port. (versions 0)
        public var v0Port: Int32 = 0

        /// The broker endpoints. (versions 1+)
        public var endpoints: [UpdateMetadataEndpoint] = []

        /// The rack which this broker belongs to. (versions 2+; nullable 0+)
        public var rack: String? = nil

        public init(
            id: Int32 = 0,
            v0Host: String = "",
            v0Port: Int32 = 0,
            endpoints: [UpdateMetadataEndpoint] = [],
            rack: String? = nil
        ) {
            self.id = id
            self.v0Host = v0Host
            self.v0Port = v0Port
            self.endpoints = endpoints
            self.rack = rack
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.id = try buffer.readInt32(field: "UpdateMetadataBroker.id")
            if version <= 0 {
                self.v0Host = try buffer.readKafkaString(compact: false, field: "UpdateMetadataBroker.v0Host")
            }
            if version <= 0 {
                self.v0Port = try buffer.readInt32(field: "UpdateMetadataBroker.v0Port")
            }
            if version >= 1 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataBroker.endpoints")
                    var items: [UpdateMetadataEndpoint] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try UpdateMetadataEndpoint(from: &buffer, version: version))
                    }
                    self.endpoints = items
                }
            }
            if version >= 2 {
                self.rack = try buffer.readKafkaNullableString(compact: flexible, field: "UpdateMetadataBroker.rack")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "UpdateMetadataBroker tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeInt32(self.id)
            if version <= 0 {
                buffer.writeKafkaString(self.v0Host, compact: false)
            }
            if version <= 0 {
                buffer.writeInt32(self.v0Port)
            }
            if version >= 1 {
                buffer.writeKafkaArrayCount(self.endpoints.count, compact: flexible)
                for element in self.endpoints {
                    element.write(to: &buffer, version: version)
                }
            }
            if version >= 2 {
                buffer.writeKafkaNullableString(self.rack, compact: flexible)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension UpdateMetadataRequest {
    /// The broker endpoints.
    public struct UpdateMetadataEndpoint: Sendable, Hashable {
        /// The port of this endpoint. (versions 1+)
        public var port: Int32 = 0

        /// The hostname of this endpoint. (versions 1+)
        public var host: String = ""

        /// The listener name. (versions 3+)
        public var listener: String = ""

        /// The security protocol type. (versions 1+)
        public var securityProtocol: Int16 = 0

        public init(
            port: Int32 = 0,
            host: String = "",
            listener: String = "",
            securityProtocol: Int16 = 0
        ) {
            self.port = port
            self.host = host
            self.listener = listener
            self.securityProtocol = securityProtocol
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.port = try buffer.readInt32(field: "UpdateMetadataEndpoint.port")
            self.host = try buffer.readKafkaString(compact: flexible, field: "UpdateMetadataEndpoint.host")
            if version >= 3 {
                self.listener = try buffer.readKafkaString(compact: flexible, field: "UpdateMetadataEndpoint.listener")
            }
            self.securityProtocol = try buffer.readInt16(field: "UpdateMetadataEndpoint.securityProtocol")
            if flexible {
                try buffer.skipTaggedFields(field: "UpdateMetadataEndpoint tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeInt32(self.port)
            buffer.writeKafkaString(self.host, compact: flexible)
            if version >= 3 {
                buffer.writeKafkaString(self.listener, compact: flexible)
            }
            buffer.writeInt16(self.securityProtocol)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension UpdateMetadataRequest {
    public struct UpdateMetadataPartitionState: Sendable, Hashable {
        /// In older versions of this RPC, the topic name. (versions 0-4)
        public var topicName: String = ""

        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The controller epoch. (versions 0+)
        public var controllerEpoch: Int32 = 0

        /// The ID of the broker which is the current partition leader. (versions 0+)
        public var leader: Int32 = 0

        /// The leader epoch of this partition. (versions 0+)
        public var leaderEpoch: Int32 = 0

        /// The brokers which are in the ISR for this partition. (versions 0+)
        public var isr: [Int32] = []

        /// The Zookeeper version. (versions 0+)
        public var zkVersion: Int32 = 0

        /// All the replicas of this partition. (versions 0+)
        public var replicas: [Int32] = []

        /// The replicas of this partition which are offline. (versions 4+)
        public var offlineReplicas: [Int32] = []

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            controllerEpoch: Int32 = 0,
            leader: Int32 = 0,
            leaderEpoch: Int32 = 0,
            isr: [Int32] = [],
            zkVersion: Int32 = 0,
            replicas: [Int32] = [],
            offlineReplicas: [Int32] = []
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.controllerEpoch = controllerEpoch
            self.leader = leader
            self.leaderEpoch = leaderEpoch
            self.isr = isr
            self.zkVersion = zkVersion
            self.replicas = replicas
            self.offlineReplicas = offlineReplicas
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            if version <= 4 {
                self.topicName = try buffer.readKafkaString(compact: false, field: "UpdateMetadataPartitionState.topicName")
            }
            self.partitionIndex = try buffer.readInt32(field: "UpdateMetadataPartitionState.partitionIndex")
            self.controllerEpoch = try buffer.readInt32(field: "UpdateMetadataPartitionState.controllerEpoch")
            self.leader = try buffer.readInt32(field: "UpdateMetadataPartitionState.leader")
            self.leaderEpoch = try buffer.readInt32(field: "UpdateMetadataPartitionState.leaderEpoch")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataPartitionState.isr")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "UpdateMetadataPartitionState.isr"))
                }
                self.isr = items
            }
            self.zkVersion = try buffer.readInt32(field: "UpdateMetadataPartitionState.zkVersion")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataPartitionState.replicas")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "UpdateMetadataPartitionState.replicas"))
                }
                self.replicas = items
            }
            if version >= 4 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "UpdateMetadataPartitionState.offlineReplicas")
                    var items: [Int32] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try buffer.readInt32(field: "UpdateMetadataPartitionState.offlineReplicas"))
                    }
                    self.offlineReplicas = items
                }
            }
            if flexible {
                try buffer.skipTaggedFields(field: "UpdateMetadataPartitionState tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            if version <= 4 {
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
            buffer.writeInt32(self.zkVersion)
            buffer.writeKafkaArrayCount(self.replicas.count, compact: flexible)
            for element in self.replicas {
                buffer.writeInt32(element)
            }
            if version >= 4 {
                buffer.writeKafkaArrayCount(self.offlineReplicas.count, compact: flexible)
                for element in self.offlineReplicas {
                    buffer.writeInt32(element)
                }
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
