// DO NOT EDIT: generated from DeleteTopicsResponse.json by samsa-codegen

import NIOCore

/// The DeleteTopics response body (API key 20), versions 0-6 (flexible 4+). Generated from
/// DeleteTopicsResponse.json.
public struct DeleteTopicsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .deleteTopics  // 20
    public static let validVersions: ClosedRange<Int16> = 0...6
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The results for each topic we tried to delete. (versions 0+)
    public var responses: [DeletableTopicResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        responses: [DeletableTopicResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.responses = responses
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteTopicsResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "DeleteTopicsResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteTopicsResponse.responses")
            var items: [DeletableTopicResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DeletableTopicResult(from: &buffer, version: version))
            }
            self.responses = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteTopicsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeKafkaArrayCount(self.responses.count, compact: flexible)
        for element in self.responses {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DeleteTopicsResponse {
    /// The results for each topic we tried to delete.
    public struct DeletableTopicResult: Sendable, Hashable {
        /// The topic name. (versions 0+; nullable 6+)
        public var name: String? = nil

        /// the unique topic ID. (versions 6+)
        public var topicId: KafkaUUID = KafkaUUID.zero

        /// The deletion error, or 0 if the deletion succeeded. (versions 0+)
        public var errorCode: Int16 = 0

        /// The error message, or null if there was no error. (versions 5+; nullable 5+)
        public var errorMessage: String? = nil

        public init(
            name: String? = nil,
            topicId: KafkaUUID = KafkaUUID.zero,
            errorCode: Int16 = 0,
            errorMessage: String? = nil
        ) {
            self.name = name
            self.topicId = topicId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            if version >= 6 {
                self.name = try buffer.readKafkaNullableString(compact: flexible, field: "DeletableTopicResult.name")
            } else {
                self.name = try buffer.readKafkaString(compact: flexible, field: "DeletableTopicResult.name")
            }
            if version >= 6 {
                self.topicId = try buffer.readKafkaUUID(field: "DeletableTopicResult.topicId")
            }
            self.errorCode = try buffer.readInt16(field: "DeletableTopicResult.errorCode")
            if version >= 5 {
                self.errorMessage = try buffer.readKafkaNullableString(compact: true, field: "DeletableTopicResult.errorMessage")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DeletableTopicResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            if version >= 6 {
                buffer.writeKafkaNullableString(self.name, compact: flexible)
            } else {
                buffer.writeKafkaString((self.name ?? ""), compact: flexible)
            }
            if version >= 6 {
                buffer.writeKafkaUUID(self.topicId)
            }
            buffer.writeInt16(self.errorCode)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.errorMessage, compact: true)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
