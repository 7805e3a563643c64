// DO NOT EDIT: generated from MetadataResponse.json by samsa-codegen

import NIOCore

/// The Metadata response body (API key 3), versions 0-12 (flexible 9+). Generated from
/// MetadataResponse.json.
public struct MetadataResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .metadata  // 3
    public static let validVersions: ClosedRange<Int16> = 0...12
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 9...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 9 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 3+)
    public var throttleTimeMs: Int32 = 0

    /// A list of brokers present in the cluster. (versions 0+)
    public var brokers: [MetadataResponseBroker] = []

    /// The cluster ID that responding broker belongs to. (versions 2+; nullable 2+)
    public var clusterId: String? = nil

    /// The ID of the controller broker. (versions 1+)
    public var controllerId: Int32 = -1

    /// Each topic in the response. (versions 0+)
    public var topics: [MetadataResponseTopic] = []

    /// 32-bit bitfield to represent authorized operations for this cluster. (versions 8-10)
    public var clusterAuthorizedOperations: Int32 = -2147483648

    public init(
        throttleTimeMs: Int32 = 0,
        brokers: [MetadataResponseBroker] = [],
        clusterId: String? = nil,
        controllerId: Int32 = -1,
        topics: [MetadataResponseTopic] = [],
        clusterAuthorizedOperations: Int32 = -2147483648
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.brokers = brokers
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.topics = topics
        self.clusterAuthorizedOperations = clusterAuthorizedOperations
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("MetadataResponse", version, Self.validVersions)
        }
        let flexible = version >= 9
        if version >= 3 {
            self.throttleTimeMs = try buffer.readInt32(field: "MetadataResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponse.brokers")
            var items: [MetadataResponseBroker] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try MetadataResponseBroker(from: &buffer, version: version))
            }
            self.brokers = items
        }
        if version >= 2 {
            self.clusterId = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponse.clusterId")
        }
        if version >= 1 {
            self.controllerId = try buffer.readInt32(field: "MetadataResponse.controllerId")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponse.topics")
            var items: [MetadataResponseTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try MetadataResponseTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        if version >= 8 && version <= 10 {
            self.clusterAuthorizedOperations = try buffer.readInt32(field: "MetadataResponse.clusterAuthorizedOperations")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "MetadataResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 9
        if version >= 3 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeKafkaArrayCount(self.brokers.count, compact: flexible)
        for element in self.brokers {
            element.write(to: &buffer, version: version)
        }
        if version >= 2 {
            buffer.writeKafkaNullableString(self.clusterId, compact: flexible)
        }
        if version >= 1 {
            buffer.writeInt32(self.controllerId)
        }
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if version >= 8 && version <= 10 {
            buffer.writeInt32(self.clusterAuthorizedOperations)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension MetadataResponse {
    /// A list of brokers present in the cluster.
    public struct MetadataResponseBroker: Sendable, Hashable {
        /// The broker ID. (versions 0+)
        public var nodeId: Int32 = 0

        /// The broker hostname. (versions 0+)
        public var host: String = ""

        /// The broker port. (versions 0+)
        public var port: Int32 = 0

        /// The rack of the broker, or null if it has not been assigned to a rack. (versions 1+; nullable 1+)
        public var rack: String? = nil

        public init(
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil
        ) {
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.rack = rack
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.nodeId = try buffer.readInt32(field: "MetadataResponseBroker.nodeId")
            self.host = try buffer.readKafkaString(compact: flexible, field: "MetadataResponseBroker.host")
            self.port = try buffer.readInt32(field: "MetadataResponseBroker.port")
            if version >= 1 {
                self.rack = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponseBroker.rack")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "MetadataResponseBroker tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt32(self.nodeId)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInt32(self.port)
            if version >= 1 {
                buffer.writeKafkaNullableString(self.rack, compact: flexible)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension MetadataResponse {
    /// Each topic in the response.
    public struct MetadataResponseTopic: Sendable, Hashable {
        /// The topic error, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is
        /// zero. One of Name and TopicId is always populated. (versions 0+; nullable 12+)
        public var name: String? = nil

        /// The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is
        /// zero. One of Name and TopicId is always populated. (versions 10+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// True if the topic is internal. (versions 1+)
        public var isInternal: Bool = false

        /// Each partition in the topic. (versions 0+)
        public var partitions: [MetadataResponsePartition] = []

        /// 32-bit bitfield to represent authorized operations for this topic. (versions 8+)
        public var topicAuthorizedOperations: Int32 = -2147483648

        public init(
            errorCode: Int16 = 0,
            name: String? = nil,
            topicId: KafkaUUID = KafkaUUID.zero,
            isInternal: Bool = false,
            partitions: [MetadataResponsePartition] = [],
            topicAuthorizedOperations: Int32 = -2147483648
        ) {
            self.errorCode = errorCode
            self.name = name
            self.topicId = topicId
            self.isInternal = isInternal
            self.partitions = partitions
            self.topicAuthorizedOperations = topicAuthorizedOperations
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.errorCode = try buffer.readInt16(field: "MetadataResponseTopic.errorCode")
            if version >= 12 {
                self.name = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataResponseTopic.name")
            } else {
                self.name = try buffer.readKafkaString(compact: flexible, field: "MetadataResponseTopic.name")
            }
            if version >= 10 {
                self.topicId = try buffer.readKafkaUUID(field: "MetadataResponseTopic.topicId")
            }
            if version >= 1 {
                self.isInternal = try buffer.readBool(field: "MetadataResponseTopic.isInternal")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponseTopic.partitions")
                var items: [MetadataResponsePartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try MetadataResponsePartition(from: &buffer, version: version))
                }
                self.partitions = items
            }
            if version >= 8 {
                self.topicAuthorizedOperations = try buffer.readInt32(field: "MetadataResponseTopic.topicAuthorizedOperations")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "MetadataResponseTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt16(self.errorCode)
            if version >= 12 {
                buffer.writeKafkaNullableString(self.name, compact: flexible)
            } else {
                buffer.writeKafkaString((self.name ?? ""), compact: flexible)
            }
            if version >= 10 {
                buffer.writeKafkaUUID(self.topicId)
            }
            if version >= 1 {
                buffer.writeBool(self.isInternal)
            }
            buffer.writeKafkaArrayCount(self.partitions.count, compact: flexible)
            for element in self.partitions {
                element.write(to: &buffer, version: version)
            }
            if version >= 8 {
                buffer.writeInt32(self.topicAuthorizedOperations)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension MetadataResponse {
    /// Each partition in the topic.
    public struct MetadataResponsePartition: Sendable, Hashable {
        /// The partition error, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The ID of the leader broker. (versions 0+)
        public var leaderId: Int32 = 0

        /// The leader epoch of this partition. (versions 7+)
        public var leaderEpoch: Int32 = -1

        /// The set of all nodes that host this partition. (versions 0+)
        public var replicaNodes: [Int32] = []

        /// The set of nodes that are in sync with the leader for this partition. (versions 0+)
        public var isrNodes: [Int32] = []

        /// The set of offline replicas of this partition. (versions 5+)
        public var offlineReplicas: [Int32] = []

        public init(
            errorCode: Int16 = 0,
            partitionIndex: Int32 = 0,
            leaderId: Int32 = 0,
            leaderEpoch: Int32 = -1,
            replicaNodes: [Int32] = [],
            isrNodes: [Int32] = [],
            offlineReplicas: [Int32] = []
        ) {
            self.errorCode = errorCode
            self.partitionIndex = partitionIndex
            self.leaderId = leaderId
            self.leaderEpoch = leaderEpoch
            self.replicaNodes = replicaNodes
            self.isrNodes = isrNodes
            self.offlineReplicas = offlineReplicas
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            self.errorCode = try buffer.readInt16(field: "MetadataResponsePartition.errorCode")
            self.partitionIndex = try buffer.readInt32(field: "MetadataResponsePartition.partitionIndex")
            self.leaderId = try buffer.readInt32(field: "MetadataResponsePartition.leaderId")
            if version >= 7 {
                self.leaderEpoch = try buffer.readInt32(field: "MetadataResponsePartition.leaderEpoch")
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponsePartition.replicaNodes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "MetadataResponsePartition.replicaNodes"))
                }
                self.replicaNodes = items
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponsePartition.isrNodes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "MetadataResponsePartition.isrNodes"))
                }
                self.isrNodes = items
            }
            if version >= 5 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataResponsePartition.offlineReplicas")
                    var items: [Int32] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try buffer.readInt32(field: "MetadataResponsePartition.offlineReplicas"))
                    }
                    self.offlineReplicas = items
                }
            }
            if flexible {
                try buffer.skipTaggedFields(field: "MetadataResponsePartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            buffer.writeInt16(self.errorCode)
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt32(self.leaderId)
            if version >= 7 {
                buffer.writeInt32(self.leaderEpoch)
            }
            buffer.writeKafkaArrayCount(self.replicaNodes.count, compact: flexible)
            for element in self.replicaNodes {
                buffer.writeInt32(element)
            }
            buffer.writeKafkaArrayCount(self.isrNodes.count, compact: flexible)
            for element in self.isrNodes {
                buffer.writeInt32(element)
            }
            if version >= 5 {
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
