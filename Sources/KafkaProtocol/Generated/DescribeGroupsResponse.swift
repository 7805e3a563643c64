// DO NOT EDIT: generated from DescribeGroupsResponse.json by samsa-codegen

import NIOCore

/// The DescribeGroups response body (API key 15), versions 0-5 (flexible 5+). Generated from
/// DescribeGroupsResponse.json.
public struct DescribeGroupsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .describeGroups  // 15
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 5...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 5 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// Each described group. (versions 0+)
    public var groups: [DescribedGroup] = []

    public init(
        throttleTimeMs: Int32 = 0,
        groups: [DescribedGroup] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.groups = groups
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeGroupsResponse", version, Self.validVersions)
        }
        let flexible = version >= 5
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "DescribeGroupsResponse.throttleTimeMs")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeGroupsResponse.groups")
            var items: [DescribedGroup] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DescribedGroup(from: &buffer, version: version))
            }
            self.groups = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DescribeGroupsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 5
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeKafkaArrayCount(self.groups.count, compact: flexible)
        for element in self.groups {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DescribeGroupsResponse {
    /// Each described group.
    public struct DescribedGroup: Sendable, Hashable {
        /// The describe error, or 0 if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The group ID string. (versions 0+)
        public var groupId: String = ""

        /// The group state string, or the empty string. (versions 0+)
        public var groupState: String = ""

        /// The group protocol type, or the empty string. (versions 0+)
        public var protocolType: String = ""

        /// The group protocol data, or the empty string. (versions 0+)
        public var protocolData: String = ""

        /// The group members. (versions 0+)
        public var members: [DescribedGroupMember] = []

        /// 32-bit bitfield to represent authorized operations for this group. (versions 3+)
        public var authorizedOperations: Int32 = -2147483648

        public init(
            errorCode: Int16 = 0,
            groupId: String = "",
            groupState: String = "",
            protocolType: String = "",
            protocolData: String = "",
            members: [DescribedGroupMember] = [],
            authorizedOperations: Int32 = -2147483648
        ) {
            self.errorCode = errorCode
            self.groupId = groupId
            self.groupState = groupState
            self.protocolType = protocolType
            self.protocolData = protocolData
            self.members = members
            self.authorizedOperations = authorizedOperations
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.errorCode = try buffer.readInt16(field: "DescribedGroup.errorCode")
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.groupId")
            self.groupState = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.groupState")
            self.protocolType = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.protocolType")
            self.protocolData = try buffer.readKafkaString(compact: flexible, field: "DescribedGroup.protocolData")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribedGroup.members")
                var items: [DescribedGroupMember] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try DescribedGroupMember(from: &buffer, version: version))
                }
                self.members = items
            }
            if version >= 3 {
                self.authorizedOperations = try buffer.readInt32(field: "DescribedGroup.authorizedOperations")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DescribedGroup tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaString(self.groupId, compact: flexible)
            buffer.writeKafkaString(self.groupState, compact: flexible)
            buffer.writeKafkaString(self.protocolType, compact: flexible)
            buffer.writeKafkaString(self.protocolData, compact: flexible)
            buffer.writeKafkaArrayCount(self.members.count, compact: flexible)
            for element in self.members {
                element.write(to: &buffer, version: version)
            }
            if version >= 3 {
                buffer.writeInt32(self.authorizedOperations)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension DescribeGroupsResponse {
    /// The group members.
    public struct DescribedGroupMember: Sendable, Hashable {
        /// The member ID assigned by the group coordinator. (versions 0+)
        public var memberId: String = ""

        /// The unique identifier of the consumer instance provided by end user. (versions 4+; nullable 4+)
        public var groupInstanceId: String? = nil

        /// The client ID used in the member's latest join group request. (versions 0+)
        public var clientId: String = ""

        /// The client host. (versions 0+)
        public var clientHost: String = ""

        /// The metadata corresponding to the current group protocol in use. (versions 0+)
        public var memberMetadata: ByteBuffer = ByteBuffer()

        /// The current assignment provided by the group leader. (versions 0+)
        public var memberAssignment: ByteBuffer = ByteBuffer()

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            clientId: String = "",
            clientHost: String = "",
            memberMetadata: ByteBuffer = ByteBuffer(),
            memberAssignment: ByteBuffer = ByteBuffer()
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.clientId = clientId
            self.clientHost = clientHost
            self.memberMetadata = memberMetadata
            self.memberAssignment = memberAssignment
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 5
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.memberId")
            if version >= 4 {
                self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "DescribedGroupMember.groupInstanceId")
            }
            self.clientId = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.clientId")
            self.clientHost = try buffer.readKafkaString(compact: flexible, field: "DescribedGroupMember.clientHost")
            self.memberMetadata = try buffer.readKafkaBytes(compact: flexible, field: "DescribedGroupMember.memberMetadata")
            self.memberAssignment = try buffer.readKafkaBytes(compact: flexible, field: "DescribedGroupMember.memberAssignment")
            if flexible {
                try buffer.skipTaggedFields(field: "DescribedGroupMember tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 5
            buffer.writeKafkaString(self.memberId, compact: flexible)
            if version >= 4 {
                buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            }
            buffer.writeKafkaString(self.clientId, compact: flexible)
            buffer.writeKafkaString(self.clientHost, compact: flexible)
            buffer.writeKafkaBytes(self.memberMetadata, compact: flexible)
            buffer.writeKafkaBytes(self.memberAssignment, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
