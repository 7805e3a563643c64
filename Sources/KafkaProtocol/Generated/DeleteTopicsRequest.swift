// DO NOT EDIT: generated from DeleteTopicsRequest.json by samsa-codegen

import NIOCore

/// The DeleteTopics request body (API key 20), versions 0-6 (flexible 4+). Generated from
/// DeleteTopicsRequest.json.
public struct DeleteTopicsRequest: KafkaRequest, Hashable {
    public typealias Response = DeleteTopicsResponse
    public static let apiKey: ApiKey = .deleteTopics  // 20
    public static let validVersions: ClosedRange<Int16> = 0...6
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The name or topic ID of the topic. (versions 6+)
    public var topics: [DeleteTopicState] = []

    /// The names of the topics to delete. (versions 0-5)
    public var topicNames: [String] = []

    /// The length of time in milliseconds to wait for the deletions to complete. (versions 0+)
    public var timeoutMs: Int32 = 0

    public init(
        topics: [DeleteTopicState] = [],
        topicNames: [String] = [],
        timeoutMs: Int32 = 0
    ) {
        self.topics = topics
        self.topicNames = topicNames
        self.timeoutMs = timeoutMs
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteTopicsRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 6 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "DeleteTopicsRequest.topics")
                var items: [DeleteTopicState] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try DeleteTopicState(from: &buffer, version: version))
                }
                self.topics = items
            }
        }
        if version <= 5 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteTopicsRequest.topicNames")
                var items: [String] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "DeleteTopicsRequest.topicNames"))
                }
                self.topicNames = items
            }
        }
        self.timeoutMs = try buffer.readInt32(field: "DeleteTopicsRequest.timeoutMs")
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteTopicsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 6 {
            buffer.writeKafkaArrayCount(self.topics.count, compact: true)
            for element in self.topics {
                element.write(to: &buffer, version: version)
            }
        }
        if version <= 5 {
            buffer.writeKafkaArrayCount(self.topicNames.count, compact: flexible)
            for element in self.topicNames {
                buffer.writeKafkaString(element, compact: flexible)
            }
        }
        buffer.writeInt32(self.timeoutMs)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DeleteTopicsRequest {
    /// The name or topic ID of the topic
    public struct DeleteTopicState: Sendable, Hashable {
        /// The topic name. (versions 6+; nullable 6+)
        public var name: String? = nil

        /// The unique topic ID. (versions 6+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        public init(
            name: String? = nil,
            topicId: KafkaUUID = KafkaUUID.zero
        ) {
            self.name = name
            self.topicId = topicId
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaNullableString(compact: true, field: "DeleteTopicState.name")
            self.topicId = try buffer.readKafkaUUID(field: "DeleteTopicState.topicId")
            try buffer.skipTaggedFields(field: "DeleteTopicState tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaNullableString(self.name, compact: true)
            buffer.writeKafkaUUID(self.topicId)
            buffer.writeEmptyTaggedFields()
        }
    }
}
