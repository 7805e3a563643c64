// DO NOT EDIT: generated from LeaveGroupResponse.json by samsa-codegen

import NIOCore

/// The LeaveGroup response body (API key 13), versions 0-5 (flexible 4+). Generated from
/// LeaveGroupResponse.json.
public struct LeaveGroupResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .leaveGroup  // 13
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// List of leaving member responses. (versions 3+)
    public var members: [MemberResponse] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        members: [MemberResponse] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.members = members
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("LeaveGroupResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "LeaveGroupResponse.throttleTimeMs")
        }
        self.errorCode = try buffer.readInt16(field: "LeaveGroupResponse.errorCode")
        if version >= 3 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaveGroupResponse.members")
                var items: [MemberResponse] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try MemberResponse(from: &buffer, version: version))
                }
                self.members = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "LeaveGroupResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeInt16(self.errorCode)
        if version >= 3 {
            buffer.writeKafkaArrayCount(self.members.count, compact: flexible)
            for element in self.members {
                element.write(to: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension LeaveGroupResponse {
    /// List of leaving member responses.
    public struct MemberResponse: Sendable, Hashable {
        /// The member ID to remove from the group. (versions 3+)
        public var memberId: String = ""

        /// The group instance ID to remove from the group. (versions 3+; nullable 3+)
        public var groupInstanceId: String? = nil

        /// The error code, or 0 if there was no error. (versions 3+)
        public var errorCode: Int16 = 0

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            errorCode: Int16 = 0
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "MemberResponse.memberId")
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "MemberResponse.groupInstanceId")
            self.errorCode = try buffer.readInt16(field: "MemberResponse.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "MemberResponse tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
