// DO NOT EDIT: generated from CreatePartitionsResponse.json by samsa-codegen

import NIOCore

/// The CreatePartitions response body (API key 37), versions 0-3 (flexible 2+). Generated from
/// CreatePartitionsResponse.json.
public struct CreatePartitionsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .createPartitions  // 37
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The partition creation results for each topic. (versions 0+)
    public var results: [CreatePartitionsTopicResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        results: [CreatePartitionsTopicResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("CreatePartitionsResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readInt32(field: "CreatePartitionsResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "CreatePartitionsResponse.results")
            var items: [CreatePartitionsTopicResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try CreatePartitionsTopicResult(from: &buffer, version: version))
            }
            self.results = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "CreatePartitionsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.results.count, compact: flexible)
        for element in self.results {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension CreatePartitionsResponse {
    /// The partition creation results for each topic.
    public struct CreatePartitionsTopicResult: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The result error, or zero if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The result message, or null if there was no error. (versions 0+; nullable 0+)
        public var errorMessage: String? = nil

        public init(
            name: String = "",
            errorCode: Int16 = 0,
            errorMessage: String? = nil
        ) {
            self.name = name
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "CreatePartitionsTopicResult.name")
            self.errorCode = try buffer.readInt16(field: "CreatePartitionsTopicResult.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "CreatePartitionsTopicResult.errorMessage")
            if flexible {
                try buffer.skipTaggedFields(field: "CreatePartitionsTopicResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
