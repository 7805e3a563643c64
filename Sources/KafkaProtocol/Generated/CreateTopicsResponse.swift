// DO NOT EDIT: generated from CreateTopicsResponse.json by samsa-codegen

import NIOCore

/// The CreateTopics response body (API key 19), versions 0-7 (flexible 5+). Generated from
/// CreateTopicsResponse.json.
public struct CreateTopicsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .createTopics  // 19
    public static let validVersions: ClosedRange<Int16> = 0...7
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 5...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 5 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 2+)
    public var throttleTimeMs: Int32 = 0

    /// Results for each topic we tried to create. (versions 0+)
    public var topics: [CreatableTopicResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        topics: [CreatableTopicResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("CreateTopicsResponse", version, Self.validVersions)
        }
        let flexible = version >= 5
        if version >= 2 {
            self.throttleTimeMs = try buffer.readInt32(field: "CreateTopicsResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreateTopicsResponse.topics")
            var items: [CreatableTopicResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try CreatableTopicResult(from: &buffer, version: version))
            }
            self.topics = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "CreateTopicsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 5
        if version >= 2 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeKafkaArrayCount(self.topics.count, compact: flexible)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension CreateTopicsResponse {
    /// Results for each topic we tried to create.
    public struct CreatableTopicResult: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The unique topic ID. (versions 7+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The error code, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The error message, or null if there was no error. (versions 1+; nullable 0+)
        public var errorMessage: String? = nil

        /// Optional topic config error returned if configs are not returned in the response. (versions 5+;
        /// tagged 5+, tag 0)
        public var topicConfigErrorCode: Int16 = 0

        /// Number of partitions of the topic. (versions 5+)
        public var numPartitions: Int32 = -1

        /// Replication factor of the topic. (versions 5+)
        public var replicationFactor: Int16 = -1

        /// Configuration of the topic. (versions 5+; nullable 5+)
        public var configs: [CreatableTopicConfigs]? = nil

        public init(
            name: String = "",
            topicId: KafkaUUID = KafkaUUID.zero,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            topicConfigErrorCode: Int16 = 0,
            numPartitions: Int32 = -1,
            replicationFactor: Int16 = -1,
            configs: [CreatableTopicConfigs]? = nil
        ) {
            self.name = name
            self.topicId = topicId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.topicConfigErrorCode = topicConfigErrorCode
            self.numPartitions = numPartitions
            self.replicationFactor = replicationFactor
            self.configs = configs
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatableTopicResult.name")
            if version >= 7 {
                self.topicId = try buffer.readKafkaUUID(field: "CreatableTopicResult.topicId")
            }
            self.errorCode = try buffer.readInt16(field: "CreatableTopicResult.errorCode")
            if version >= 1 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "CreatableTopicResult.errorMessage")
            }
            if version >= 5 {
                self.numPartitions = try buffer.readInt32(field: "CreatableTopicResult.numPartitions")
            }
            if version >= 5 {
                self.replicationFactor = try buffer.readInt16(field: "CreatableTopicResult.replicationFactor")
            }
            if version >= 5 {
                if let count = try buffer.readKafkaNullableArrayCount(compact: true, field: "CreatableTopicResult.configs") {
                    var items: [CreatableTopicConfigs] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try CreatableTopicConfigs(from: &buffer, version: version))
                    }
                    self.configs = items
                } else {
                    self.configs = nil
                }
            }
            if flexible {
                let taggedFieldCount = try buffer.readUnsignedVarint(field: "CreatableTopicResult tagged fields")
                for _ in 0..<taggedFieldCount {
                    let tag = try buffer.readUnsignedVarint(field: "CreatableTopicResult tagged fields")
                    var value = try buffer.readTaggedFieldValue(field: "CreatableTopicResult tagged fields")
                    switch tag {
                    case 0:
                        self.topicConfigErrorCode = try value.readInt16(field: "CreatableTopicResult.topicConfigErrorCode")
                    default:
                        break
                    }
                }
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeKafkaString(self.name, compact: flexible)
            if version >= 7 {
                buffer.writeKafkaUUID(self.topicId)
            }
            buffer.writeInt16(self.errorCode)
            if version >= 1 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            }
            if version >= 5 {
                buffer.writeInt32(self.numPartitions)
            }
            if version >= 5 {
                buffer.writeInt16(self.replicationFactor)
            }
            if version >= 5 {
                buffer.writeKafkaNullableArrayCount(self.configs?.count, compact: true)
                for element in self.configs ?? [] {
                    element.write(to: &buffer, version: version)
                }
            }
            if flexible {
                var taggedFieldCount: UInt32 = 0
                if self.topicConfigErrorCode != 0 { taggedFieldCount += 1 }
                buffer.writeUnsignedVarint(taggedFieldCount)
                if self.topicConfigErrorCode != 0 {
                    buffer.writeTaggedField(tag: 0) { value in
                        value.writeInt16(self.topicConfigErrorCode)
                    }
                }
            }
        }
    }
}

extension CreateTopicsResponse {
    /// Configuration of the topic.
    public struct CreatableTopicConfigs: Sendable, Hashable {
        /// The configuration name. (versions 5+)
        public var name: String = ""

        /// The configuration value. (versions 5+; nullable 5+)
        public var value: String? = nil

        /// True if the configuration is read-only. (versions 5+)
        public var readOnly: Bool = false

        /// The configuration source. (versions 5+)
        public var configSource: Int8 = -1

        /// True if this configuration is sensitive. (versions 5+)
        public var isSensitive: Bool = false

        public init(
            name: String = "",
            value: String? = nil,
            readOnly: Bool = false,
            configSource: Int8 = -1,
            isSensitive: Bool = false
        ) {
            self.name = name
            self.value = value
            self.readOnly = readOnly
            self.configSource = configSource
            self.isSensitive = isSensitive
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "CreatableTopicConfigs.name")
            self.value = try buffer.readKafkaNullableString(compact: true, field: "CreatableTopicConfigs.value")
            self.readOnly = try buffer.readBool(field: "CreatableTopicConfigs.readOnly")
            self.configSource = try buffer.readInt8(field: "CreatableTopicConfigs.configSource")
            self.isSensitive = try buffer.readBool(field: "CreatableTopicConfigs.isSensitive")
            try buffer.skipTaggedFields(field: "CreatableTopicConfigs tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeKafkaNullableString(self.value, compact: true)
            buffer.writeBool(self.readOnly)
            buffer.writeInt8(self.configSource)
            buffer.writeBool(self.isSensitive)
            buffer.writeEmptyTaggedFields()
        }
    }
}
