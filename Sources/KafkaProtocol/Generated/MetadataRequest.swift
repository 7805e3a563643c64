// DO NOT EDIT: generated from MetadataRequest.json by samsa-codegen

import NIOCore

/// The Metadata request body (API key 3), versions 0-12 (flexible 9+). Generated from
/// MetadataRequest.json.
public struct MetadataRequest: KafkaRequest, Hashable {
    public typealias Response = MetadataResponse
    public static let apiKey: ApiKey = .metadata  // 3
    public static let validVersions: ClosedRange<Int16> = 0...12
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 9...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 9 }

    /// The topics to fetch metadata for. (versions 0+; nullable 1+)
    public var topics: [MetadataRequestTopic]? = nil

    /// If this is true, the broker may auto-create topics that we requested which do not already exist, if
    /// it is configured to do so. (versions 4+)
    public var allowAutoTopicCreation: Bool = true

    /// Whether to include cluster authorized operations. (versions 8-10)
    public var includeClusterAuthorizedOperations: Bool = false

    /// Whether to include topic authorized operations. (versions 8+)
    public var includeTopicAuthorizedOperations: Bool = false

    public init(
        topics: [MetadataRequestTopic]? = nil,
        allowAutoTopicCreation: Bool = true,
        includeClusterAuthorizedOperations: Bool = false,
        includeTopicAuthorizedOperations: Bool = false
    ) {
        self.topics = topics
        self.allowAutoTopicCreation = allowAutoTopicCreation
        self.includeClusterAuthorizedOperations = includeClusterAuthorizedOperations
        self.includeTopicAuthorizedOperations = includeTopicAuthorizedOperations
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("MetadataRequest", version, Self.validVersions)
        }
        let flexible = version >= 9
        if version >= 1 {
            if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "MetadataRequest.topics") {
                var items: [MetadataRequestTopic] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try MetadataRequestTopic(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                self.topics = nil
            }
        } else {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "MetadataRequest.topics")
                var items: [MetadataRequestTopic] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try MetadataRequestTopic(from: &buffer, version: version))
                }
                self.topics = items
            }
        }
        if version >= 4 {
            self.allowAutoTopicCreation = try buffer.readBool(field: "MetadataRequest.allowAutoTopicCreation")
        }
        if version >= 8 && version <= 10 {
            self.includeClusterAuthorizedOperations = try buffer.readBool(field: "MetadataRequest.includeClusterAuthorizedOperations")
        }
        if version >= 8 {
            self.includeTopicAuthorizedOperations = try buffer.readBool(field: "MetadataRequest.includeTopicAuthorizedOperations")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "MetadataRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 9
        if version >= 1 {
            buffer.writeKafkaNullableArrayCount(self.topics?.count, compact: flexible)
        } else {
            buffer.writeKafkaArrayCount(self.topics?.count ?? 0, compact: flexible)
        }
        for element in self.topics ?? [] {
            element.write(to: &buffer, version: version)
        }
        if version >= 4 {
            buffer.writeBool(self.allowAutoTopicCreation)
        }
        if version >= 8 && version <= 10 {
            buffer.writeBool(self.includeClusterAuthorizedOperations)
        }
        if version >= 8 {
            buffer.writeBool(self.includeTopicAuthorizedOperations)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension MetadataRequest {
    /// The topics to fetch metadata for.
    public struct MetadataRequestTopic: Sendable, Hashable {
        /// The topic id. (versions 10+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The topic name. (versions 0+; nullable 10+)
        public var name: String? = nil

        public init(
            topicId: KafkaUUID = KafkaUUID.zero,
            name: String? = nil
        ) {
            self.topicId = topicId
            self.name = name
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 9
            if version >= 10 {
                self.topicId = try buffer.readKafkaUUID(field: "MetadataRequestTopic.topicId")
            }
            if version >= 10 {
                self.name = try buffer.readKafkaNullableString(compact: flexible, field: "MetadataRequestTopic.name")
            } else {
                self.name = try buffer.readKafkaString(compact: flexible, field: "MetadataRequestTopic.name")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "MetadataRequestTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 9
            if version >= 10 {
                buffer.writeKafkaUUID(self.topicId)
            }
            if version >= 10 {
                buffer.writeKafkaNullableString(self.name, compact: flexible)
            } else {
                buffer.writeKafkaString((self.name ?? ""), compact: flexible)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
