// DO NOT EDIT: generated from CreateTopicsRequest.json by samsa-codegen

import NIOCore

/// The CreateTopics request body (API key 19), versions 0-7 (flexible 5+). Generated from
/// CreateTopicsRequest.json.
public struct CreateTopicsRequest: KafkaRequest, Hashable {
    public typealias Response = CreateTopicsResponse
    public static let apiKey: ApiKey = .createTopics  // 19
    public static let validVersions: ClosedRange<Int16> = 0...7
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 5...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 5 }

    /// The topics to create. (versions 0+)
    public var topics: [CreatableTopic] = []

    /// How long to wait in milliseconds before timing out the request. (versions 0+)
    public var timeoutMs: Int32 = 60000

    /// If true, check that the topics can be created as specified, but don't create anything. (versions 1+)
    public var validateOnly: Bool = false

    public init(
        topics: [CreatableTopic] = [],
        timeoutMs: Int32 = 60000,
        validateOnly: Bool = false
    ) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.validateOnly = validateOnly
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("CreateTopicsRequest", version, Self.validVersions)
        }
        let flexible = version >= 5
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreateTopicsRequest.topics")
            var items: [CreatableTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try CreatableTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        self.timeoutMs = try buffer.readInt32(field: "CreateTopicsRequest.timeoutMs")
        if version >= 1 {
            self.validateOnly = try buffer.readBool(field: "CreateTopicsRequest.validateOnly")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "CreateTopicsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 5
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        buffer.writeInt32(self.timeoutMs)
        if version >= 1 {
            buffer.writeBool(self.validateOnly)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension CreateTopicsRequest {
    /// The topics to create.
    public struct CreatableTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The number of partitions to create in the topic, or -1 if we are either specifying a manual
        /// partition assignment or using the default partitions. (versions 0+)
        public var numPartitions: Int32 = 0

        /// The number of replicas to create for each partition in the topic, or -1 if we are either specifying
        /// a manual partition assignment or using the default replication factor. (versions 0+)
        public var replicationFactor: Int16 = 0

        /// The manual partition assignment, or the empty array if we are using automatic assignment. (versions
        /// 0+)
        public var assignments: [CreatableReplicaAssignment] = []

        /// The custom topic configurations to set. (versions 0+)
        public var configs: [CreatableTopicConfig] = []

        public init(
            name: String = "",
            numPartitions: Int32 = 0,
            replicationFactor: Int16 = 0,
            assignments: [CreatableReplicaAssignment] = [],
            configs: [CreatableTopicConfig] = []
        ) {
            self.name = name
            self.numPartitions = numPartitions
            self.replicationFactor = replicationFactor
            self.assignments = assignments
            self.configs = configs
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopic.name")
            self.numPartitions = try buffer.readInt32(field: "CreatableTopic.numPartitions")
            self.replicationFactor = try buffer.readInt16(field: "CreatableTopic.replicationFactor")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatableTopic.assignments")
                var items: [CreatableReplicaAssignment] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try CreatableReplicaAssignment(from: &buffer, version: version))
                }
                self.assignments = items
            }
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatableTopic.configs")
                var items: [CreatableTopicConfig] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try CreatableTopicConfig(from: &buffer, version: version))
                }
                self.configs = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "CreatableTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInt32(self.numPartitions)
            buffer.writeInt16(self.replicationFactor)
            buffer.writeKafkaArrayCount(self.assignments.count, compact: flexible)
            for element in self.assignments {
                element.write(to: &buffer, version: version)
            }
            buffer.writeKafkaArrayCount(self.configs.count, compact: flexible)
            for element in self.configs {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension CreateTopicsRequest {
    /// The manual partition assignment, or the empty array if we are using automatic assignment.
    public struct CreatableReplicaAssignment: Sendable, Hashable {
        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The brokers to place the partition on. (versions 0+)
        public var brokerIds: [Int32] = []

        public init(
            partitionIndex: Int32 = 0,
            brokerIds: [Int32] = []
        ) {
            self.partitionIndex = partitionIndex
            self.brokerIds = brokerIds
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.partitionIndex = try buffer.readInt32(field: "CreatableReplicaAssignment.partitionIndex")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatableReplicaAssignment.brokerIds")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "CreatableReplicaAssignment.brokerIds"))
                }
                self.brokerIds = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "CreatableReplicaAssignment tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeInt32(self.partitionIndex)
            buffer.writeKafkaArrayCount(self.brokerIds.count, compact: flexible)
            for element in self.brokerIds {
                buffer.writeInt32(element)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension CreateTopicsRequest {
    /// The custom topic configurations to set.
    public struct CreatableTopicConfig: Sendable, Hashable {
        /// The configuration name. (versions 0+)
        public var name: String = ""

        /// The configuration value. (versions 0+; nullable 0+)
        public var value: String? = nil

        public init(
            name: String = "",
            value: String? = nil
        ) {
            self.name = name
            self.value = value
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopicConfig.name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "CreatableTopicConfig.value")
            if flexible {
                try buffer.skipTaggedFields(field: "CreatableTopicConfig tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
