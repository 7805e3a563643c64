// DO NOT EDIT: generated from SyncGroupRequest.json by samsa-codegen

import NIOCore

/// The SyncGroup request body (API key 14), versions 0-5 (flexible 4+). Generated from
/// SyncGroupRequest.json.
public struct SyncGroupRequest: KafkaRequest, Hashable {
    public typealias Response = SyncGroupResponse
    public static let apiKey: ApiKey = .syncGroup  // 14
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The unique group identifier. (versions 0+)
    public var groupId: String = ""

    /// The generation of the group. (versions 0+)
    public var generationId: Int32 = 0

    /// The member ID assigned by the group. (versions 0+)
    public var memberId: String = ""

    /// The unique identifier of the consumer instance provided by end user. (versions 3+; nullable 3+)
    public var groupInstanceId: String? = nil

    /// The group protocol type. (versions 5+; nullable 5+)
    public var protocolType: String? = nil

    /// The group protocol name. (versions 5+; nullable 5+)
    public var protocolName: String? = nil

    /// Each assignment. (versions 0+)
    public var assignments: [SyncGroupRequestAssignment] = []

    public init(
        groupId: String = "",
        generationId: Int32 = 0,
        memberId: String = "",
        groupInstanceId: String? = nil,
        protocolType: String? = nil,
        protocolName: String? = nil,
        assignments: [SyncGroupRequestAssignment] = []
    ) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.assignments = assignments
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("SyncGroupRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequest.groupId")
        self.generationId = try buffer.readInt32(field: "SyncGroupRequest.generationId")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequest.memberId")
        if version >= 3 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "SyncGroupRequest.groupInstanceId")
        }
        if version >= 5 {
            self.protocolType = try buffer.readKafkaNullableString(compact: true, field: "SyncGroupRequest.protocolType")
        }
        if version >= 5 {
            self.protocolName = try buffer.readKafkaNullableString(compact: true, field: "SyncGroupRequest.protocolName")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "SyncGroupRequest.assignments")
            var items: [SyncGroupRequestAssignment] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try SyncGroupRequestAssignment(from: &buffer, version: version))
            }
            self.assignments = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "SyncGroupRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeInt32(self.generationId)
        buffer.writeKafkaString(self.memberId, compact: flexible)
        if version >= 3 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolType, compact: true)
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolName, compact: true)
        }
        buffer.writeKafkaArrayCount(self.assignments.count, compact: flexible)
        for element in self.assignments {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension SyncGroupRequest {
    /// Each assignment.
    public struct SyncGroupRequestAssignment: Sendable, Hashable {
        /// The ID of the member to assign. (versions 0+)
        public var memberId: String = ""

        /// The member assignment. (versions 0+)
        public var assignment: ByteBuffer = ByteBuffer()

        public init(
            memberId: String = "",
            assignment: ByteBuffer = ByteBuffer()
        ) {
            self.memberId = memberId
            self.assignment = assignment
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "SyncGroupRequestAssignment.memberId")
            self.assignment = try buffer.readKafkaBytes(compact: flexible, field: "SyncGroupRequestAssignment.assignment")
            if flexible {
                try buffer.skipTaggedFields(field: "SyncGroupRequestAssignment tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            buffer.writeKafkaBytes(self.assignment, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
