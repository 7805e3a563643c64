// DO NOT EDIT: generated from ListGroupsResponse.json by samsa-codegen

import NIOCore

/// The ListGroups response body (API key 16), versions 0-5 (flexible 3+). Generated from
/// ListGroupsResponse.json.
public struct ListGroupsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .listGroups  // 16
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// Each group in the response. (versions 0+)
    public var groups: [ListedGroup] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        groups: [ListedGroup] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.groups = groups
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ListGroupsResponse", version, Self.validVersions)
        }
        let flexible = version >= 3
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "ListGroupsResponse.throttleTimeMs")
        }
        self.errorCode = try buffer.readInt16(field: "ListGroupsResponse.errorCode")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ListGroupsResponse.groups")
            var items: [ListedGroup] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try ListedGroup(from: &buffer, version: version))
            }
            self.groups = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ListGroupsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaArrayCount(self.groups.count, compact: flexible)
        for element in self.groups {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ListGroupsResponse {
    /// Each group in the response.
    public struct ListedGroup: Sendable, Hashable {
        /// The group ID. (versions 0+)
        public var groupId: String = ""

        /// The group protocol type. (versions 0+)
        public var protocolType: String = ""

        /// The group state name. (versions 4+)
        public var groupState: String = ""

        /// The group type name. (versions 5+)
        public var groupType: String = ""

        public init(
            groupId: String = "",
            protocolType: String = "",
            groupState: String = "",
            groupType: String = ""
        ) {
            self.groupId = groupId
            self.protocolType = protocolType
            self.groupState = groupState
            self.groupType = groupType
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 3
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.groupId")
            self.protocolType = try buffer.readKafkaString(compact: flexible, field: "ListedGroup.protocolType")
            if version >= 4 {
                self.groupState = try buffer.readKafkaString(compact: true, field: "ListedGroup.groupState")
            }
            if version >= 5 {
                self.groupType = try buffer.readKafkaString(compact: true, field: "ListedGroup.groupType")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ListedGroup tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 3
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaString(self.protocolType, compact: flexible)
            if version >= 4 {
                buffer.writeKafkaString(self.groupState, compact: true)
            }
            if version >= 5 {
                buffer.writeKafkaString(self.groupType, compact: true)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
