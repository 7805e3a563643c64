// DO NOT EDIT: generated from LeaderAndIsrResponse.json by samsa-codegen

import NIOCore

/// The LeaderAndIsr response body (API key 4), versions 0-7 (flexible 4+). Generated from
/// LeaderAndIsrResponse.json.
public struct LeaderAndIsrResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .leaderAndIsr  // 4
    public static let validVersions: ClosedRange<Int16> = 0...7
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// Each partition in v0 to v4 message. (versions 0-4)
    public var partitionErrors: [LeaderAndIsrPartitionError] = []

    /// Each topic. (versions 5+)
    public var topics: [LeaderAndIsrTopicError] = []

    public init(
        errorCode: Int16 = 0,
        partitionErrors: [LeaderAndIsrPartitionError] = [],
        topics: [LeaderAndIsrTopicError] = []
    ) {
        self.errorCode = errorCode
        self.partitionErrors = partitionErrors
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("LeaderAndIsrResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.errorCode = try buffer.readInt16(field: "LeaderAndIsrResponse.errorCode")
        if version <= 4 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaderAndIsrResponse.partitionErrors")
                var items: [LeaderAndIsrPartitionError] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrPartitionError(from: &buffer, version: version))
                }
                self.partitionErrors = items
            }
        }
        if version >= 5 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "LeaderAndIsrResponse.topics")
                var items: [LeaderAndIsrTopicError] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrTopicError(from: &buffer, version: version))
                }
                self.topics = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "LeaderAndIsrResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeInt16(self.errorCode)
        if version <= 4 {
            buffer.writeKafkaArrayCount(self.partitionErrors.count, compact: flexible)
            for element in self.partitionErrors {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 5 {
            buffer.writeKafkaArrayCount(self.topics.count, compact: true)
            for element in self.topics {
                element.write(to: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension LeaderAndIsrResponse {
    /// Each topic
    public struct LeaderAndIsrTopicError: Sendable, Hashable {
        /// The unique topic ID. (versions 5+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// Each partition. (versions 5+)
        public var partitionErrors: [LeaderAndIsrPartitionError] = []

        public init(
            topicId: KafkaUUID = KafkaUUID.zero,
            partitionErrors: [LeaderAndIsrPartitionError] = []
        ) {
            self.topicId = topicId
            self.partitionErrors = partitionErrors
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.topicId = try buffer.readKafkaUUID(field: "LeaderAndIsrTopicError.topicId")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "LeaderAndIsrTopicError.partitionErrors")
                var items: [LeaderAndIsrPartitionError] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try LeaderAndIsrPartitionError(from: &buffer, version: version))
                }
                self.partitionErrors = items
            }
            try buffer.skipTaggedFields(field: "LeaderAndIsrTopicError tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaUUID(self.topicId)
            buffer.writeKafkaArrayCount(self.partitionErrors.count, compact: true)
            for element in self.partitionErrors {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension LeaderAndIsrResponse {
    public struct LeaderAndIsrPartitionError: Sendable, Hashable {
        /// The topic name. (versions 0-4)
        public var topicName: String = ""

        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The partition error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            if version <= 4 {
                self.topicName = try buffer.readKafkaString(compact: flexible, field: "LeaderAndIsrPartitionError.topicName")
            }
            self.partitionIndex = try buffer.readInt32(field: "LeaderAndIsrPartitionError.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "LeaderAndIsrPartitionError.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "LeaderAndIsrPartitionError tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            if version <= 4 {
                buffer.writeKafkaString(self.topicName, compact: flexible)
            }
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
