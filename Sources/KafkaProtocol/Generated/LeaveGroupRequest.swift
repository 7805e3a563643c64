// DO NOT EDIT: generated from LeaveGroupRequest.json by samsa-codegen

import NIOCore

/// The LeaveGroup request body (API key 13), versions 0-5 (flexible 4+). Generated from
/// LeaveGroupRequest.json.
public struct LeaveGroupRequest: KafkaRequest, Hashable {
    public typealias Response = LeaveGroupResponse
    public static let apiKey: ApiKey = .leaveGroup  // 13
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The ID of the group to leave. (versions 0+)
    public var groupId: String = ""

    /// The member ID to remove from the group. (versions 0-2)
    public var memberId: String = ""

    /// List of leaving member identities. (versions 3+)
    public var members: [MemberIdentity] = []

    public init(
        groupId: String = "",
        memberId: String = "",
        members: [MemberIdentity] = []
    ) {
        self.groupId = groupId
        self.memberId = memberId
        self.members = members
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("LeaveGroupRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "LeaveGroupRequest.groupId")
        if version <= 2 {
            self.memberId = try buffer.readKafkaString(compact: false, field: "LeaveGroupRequest.memberId")
        }
        if version >= 3 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "LeaveGroupRequest.members")
                var items: [MemberIdentity] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try MemberIdentity(from: &buffer, version: version))
                }
                self.members = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "LeaveGroupRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeKafkaString(self.groupId, compact: flexible)
        if version <= 2 {
            buffer.writeKafkaString(self.memberId, compact: false)
        }
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

extension LeaveGroupRequest {
    /// List of leaving member identities.
    public struct MemberIdentity: Sendable, Hashable {
        /// The member ID to remove from the group. (versions 3+)
        public var memberId: String = ""

        /// The group instance ID to remove from the group. (versions 3+; nullable 3+)
        public var groupInstanceId: String? = nil

        /// The reason why the member left the group. (versions 5+; nullable 5+)
        public var reason: String? = nil

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            reason: String? = nil
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.reason = reason
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "MemberIdentity.memberId")
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "MemberIdentity.groupInstanceId")
            if version >= 5 {
                self.reason = try buffer.readKafkaNullableString(compact: true, field: "MemberIdentity.reason")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "MemberIdentity tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.reason, compact: true)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
