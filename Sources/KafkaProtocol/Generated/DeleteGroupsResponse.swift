// DO NOT EDIT: generated from DeleteGroupsResponse.json by samsa-codegen

import NIOCore

/// The DeleteGroups response body (API key 42), versions 0-2 (flexible 2+). Generated from
/// DeleteGroupsResponse.json.
public struct DeleteGroupsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .deleteGroups  // 42
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The deletion results. (versions 0+)
    public var results: [DeletableGroupResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        results: [DeletableGroupResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteGroupsResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readInt32(field: "DeleteGroupsResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteGroupsResponse.results")
            var items: [DeletableGroupResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DeletableGroupResult(from: &buffer, version: version))
            }
            self.results = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteGroupsResponse tagged fields")
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

extension DeleteGroupsResponse {
    /// The deletion results
    public struct DeletableGroupResult: Sendable, Hashable {
        /// The group id. (versions 0+)
        public var groupId: String = ""

        /// The deletion error, or 0 if the deletion succeeded. (versions 0+)
        public var errorCode: Int16 = 0

        public init(
            groupId: String = "",
            errorCode: Int16 = 0
        ) {
            self.groupId = groupId
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "DeletableGroupResult.groupId")
            self.errorCode = try buffer.readInt16(field: "DeletableGroupResult.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "DeletableGroupResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
