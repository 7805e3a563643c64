// DO NOT EDIT: generated from CreatePartitionsRequest.json by samsa-codegen

import NIOCore

/// The CreatePartitions request body (API key 37), versions 0-3 (flexible 2+). Generated from
/// CreatePartitionsRequest.json.
public struct CreatePartitionsRequest: KafkaRequest, Hashable {
    public typealias Response = CreatePartitionsResponse
    public static let apiKey: ApiKey = .createPartitions  // 37
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// Each topic that we want to create new partitions inside. (versions 0+)
    public var topics: [CreatePartitionsTopic] = []

    /// The time in ms to wait for the partitions to be created. (versions 0+)
    public var timeoutMs: Int32 = 0

    /// If true, then validate the request, but don't actually increase the number of partitions. (versions
    /// 0+)
    public var validateOnly: Bool = false

    public init(
        topics: [CreatePartitionsTopic] = [],
        timeoutMs: Int32 = 0,
        validateOnly: Bool = false
    ) {
        self.topics = topics
        self.timeoutMs = timeoutMs
        self.validateOnly = validateOnly
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("CreatePartitionsRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatePartitionsRequest.topics")
            var items: [CreatePartitionsTopic] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try CreatePartitionsTopic(from: &buffer, version: version))
            }
            self.topics = items
        }
        self.timeoutMs = try buffer.readInt32(field: "CreatePartitionsRequest.timeoutMs")
        self.validateOnly = try buffer.readBool(field: "CreatePartitionsRequest.validateOnly")
        if flexible {
            try buffer.skipTaggedFields(field: "CreatePartitionsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        buffer.writeInt32(self.timeoutMs)
        buffer.writeBool(self.validateOnly)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension CreatePartitionsRequest {
    /// Each topic that we want to create new partitions inside.
    public struct CreatePartitionsTopic: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The new partition count. (versions 0+)
        public var count: Int32 = 0

        /// The new partition assignments. (versions 0+; nullable 0+)
        public var assignments: [CreatePartitionsAssignment]? = nil

        public init(
            name: String = "",
            count: Int32 = 0,
            assignments: [CreatePartitionsAssignment]? = nil
        ) {
            self.name = name
            self.count = count
            self.assignments = assignments
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatePartitionsTopic.name")
            self.count = try buffer.readInt32(field: "CreatePartitionsTopic.count")
            if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "CreatePartitionsTopic.assignments") {
                var items: [CreatePartitionsAssignment] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try CreatePartitionsAssignment(from: &buffer, version: version))
                }
                self.assignments = items
            } else {
                self.assignments = nil
            }
            if flexible {
                try buffer.skipTaggedFields(field: "CreatePartitionsTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInt32(self.count)
            buffer.writeKafkaNullableArrayCount(self.assignments?.count, compact: flexible)
            for element in self.assignments ?? [] {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension CreatePartitionsRequest {
    /// The new partition assignments.
    public struct CreatePartitionsAssignment: Sendable, Hashable {
        /// The assigned broker IDs. (versions 0+)
        public var brokerIds: [Int32] = []

        public init(
            brokerIds: [Int32] = []
        ) {
            self.brokerIds = brokerIds
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatePartitionsAssignment.brokerIds")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "CreatePartitionsAssignment.brokerIds"))
                }
                self.brokerIds = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "CreatePartitionsAssignment tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
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
