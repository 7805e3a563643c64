// DO NOT EDIT: generated from JoinGroupResponse.json by samsa-codegen

import NIOCore

/// The JoinGroup response body (API key 11), versions 0-9 (flexible 6+). Generated from
/// JoinGroupResponse.json.
public struct JoinGroupResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .joinGroup  // 11
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 2+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The generation ID of the group. (versions 0+)
    public var generationId: Int32 = -1

    /// The group protocol name. (versions 7+; nullable 7+)
    public var protocolType: String? = nil

    /// The group protocol selected by the coordinator. (versions 0+; nullable 7+)
    public var protocolName: String? = nil

    /// The leader of the group. (versions 0+)
    public var leader: String = ""

    /// True if the leader must skip running the assignment. (versions 9+)
    public var skipAssignment: Bool = false

    /// The member ID assigned by the group coordinator. (versions 0+)
    public var memberId: String = ""

    /// (versions 0+)
    public var members: [JoinGroupResponseMember] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        generationId: Int32 = -1,
        protocolType: String? = nil,
        protocolName: String? = nil,
        leader: String = "",
        skipAssignment: Bool = false,
        memberId: String = "",
        members: [JoinGroupResponseMember] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.generationId = generationId
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.leader = leader
        self.skipAssignment = skipAssignment
        self.memberId = memberId
        self.members = members
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("JoinGroupResponse", version, Self.validVersions)
        }
        let flexible = version >= 6
        if version >= 2 {
            self.throttleTimeMs = try buffer.readInt32(field: "JoinGroupResponse.throttleTimeMs")
        }
        self.errorCode = try buffer.readInt16(field: "JoinGroupResponse.errorCode")
        self.generationId = try buffer.readInt32(field: "JoinGroupResponse.generationId")
        if version >= 7 {
            self.protocolType = try buffer.readKafkaNullableString(compact: true, field: "JoinGroupResponse.protocolType")
        }
        if version >= 7 {
            self.protocolName = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupResponse.protocolName")
        } else {
            self.protocolName = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponse.protocolName")
        }
        self.leader = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponse.leader")
        if version >= 9 {
            self.skipAssignment = try buffer.readBool(field: "JoinGroupResponse.skipAssignment")
        }
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponse.memberId")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "JoinGroupResponse.members")
            var items: [JoinGroupResponseMember] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try JoinGroupResponseMember(from: &buffer, version: version))
            }
            self.members = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "JoinGroupResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        if version >= 2 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeInt16(self.errorCode)
        buffer.writeInt32(self.generationId)
        if version >= 7 {
            buffer.writeKafkaNullableString(self.protocolType, compact: true)
        }
        if version >= 7 {
            buffer.writeKafkaNullableString(self.protocolName, compact: flexible)
        } else {
            buffer.writeKafkaString((self.protocolName ?? ""), compact: flexible)
        }
        buffer.writeKafkaString(self.leader, compact: flexible)
        if version >= 9 {
            buffer.writeBool(self.skipAssignment)
        }
        buffer.writeKafkaString(self.memberId, compact: flexible)
        buffer.writeKafkaArrayCount(self.members.count, compact: flexible)
        for element in self.members {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension JoinGroupResponse {
    public struct JoinGroupResponseMember: Sendable, Hashable {
        /// The group member ID. (versions 0+)
        public var memberId: String = ""

        /// The unique identifier of the consumer instance provided by end user. (versions 5+; nullable 5+)
        public var groupInstanceId: String? = nil

        /// The group member metadata. (versions 0+)
        public var metadata: ByteBuffer = ByteBuffer()

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            metadata: ByteBuffer = ByteBuffer()
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.metadata = metadata
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupResponseMember.memberId")
            if version >= 5 {
                self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupResponseMember.groupInstanceId")
            }
            self.metadata = try buffer.readKafkaBytes(compact: flexible, field: "JoinGroupResponseMember.metadata")
            if flexible {
                try buffer.skipTaggedFields(field: "JoinGroupResponseMember tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeKafkaString(self.memberId, compact: flexible)
            if version >= 5 {
                buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            }
            buffer.writeKafkaBytes(self.metadata, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
