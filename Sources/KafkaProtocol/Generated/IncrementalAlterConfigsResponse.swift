// DO NOT EDIT: generated from IncrementalAlterConfigsResponse.json by samsa-codegen

import NIOCore

/// The IncrementalAlterConfigs response body (API key 44), versions 0-1 (flexible 1+). Generated from
/// IncrementalAlterConfigsResponse.json.
public struct IncrementalAlterConfigsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .incrementalAlterConfigs  // 44
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 1...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 1 }

    /// Duration in milliseconds for which the request was throttled due to a quota violation, or zero if
    /// the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The responses for each resource. (versions 0+)
    public var responses: [AlterConfigsResourceResponse] = []

    public init(
        throttleTimeMs: Int32 = 0,
        responses: [AlterConfigsResourceResponse] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.responses = responses
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("IncrementalAlterConfigsResponse", version, Self.validVersions)
        }
        let flexible = version >= 1
        self.throttleTimeMs = try buffer.readInt32(field: "IncrementalAlterConfigsResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "IncrementalAlterConfigsResponse.responses")
            var items: [AlterConfigsResourceResponse] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try AlterConfigsResourceResponse(from: &buffer, version: version))
            }
            self.responses = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "IncrementalAlterConfigsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 1
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.responses.count, compact: flexible)
        for element in self.responses {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension IncrementalAlterConfigsResponse {
    /// The responses for each resource.
    public struct AlterConfigsResourceResponse: Sendable, Hashable {
        /// The resource error code. (versions 0+)
        public var errorCode: Int16 = 0

        /// The resource error message, or null if there was no error. (versions 0+; nullable 0+)
        public var errorMessage: String? = nil

        /// The resource type. (versions 0+)
        public var resourceType: Int8 = 0

        /// The resource name. (versions 0+)
        public var resourceName: String = ""

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            resourceType: Int8 = 0,
            resourceName: String = ""
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.resourceType = resourceType
            self.resourceName = resourceName
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 1
            self.errorCode = try buffer.readInt16(field: "AlterConfigsResourceResponse.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "AlterConfigsResourceResponse.errorMessage")
            self.resourceType = try buffer.readInt8(field: "AlterConfigsResourceResponse.resourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AlterConfigsResourceResponse.resourceName")
            if flexible {
                try buffer.skipTaggedFields(field: "AlterConfigsResourceResponse tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 1
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeInt8(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
