// DO NOT EDIT: generated from HeartbeatRequest.json by samsa-codegen

import NIOCore

/// The Heartbeat request body (API key 12), versions 0-4 (flexible 4+). Generated from
/// HeartbeatRequest.json.
public struct HeartbeatRequest: KafkaRequest, Hashable {
    public typealias Response = HeartbeatResponse
    public static let apiKey: ApiKey = .heartbeat  // 12
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The group id. (versions 0+)
    public var groupId: String = ""

    /// The generation of the group. (versions 0+)
    public var generationId: Int32 = 0

    /// The member ID. (versions 0+)
    public var memberId: String = ""

    /// The unique identifier of the consumer instance provided by end user. (versions 3+; nullable 3+)
    public var groupInstanceId: String? = nil

    public init(
        groupId: String = "",
        generationId: Int32 = 0,
        memberId: String = "",
        groupInstanceId: String? = nil
    ) {
        self.groupId = groupId
        self.generationId = generationId
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("HeartbeatRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "HeartbeatRequest.groupId")
        self.generationId = try buffer.readInt32(field: "HeartbeatRequest.generationId")
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "HeartbeatRequest.memberId")
        if version >= 3 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "HeartbeatRequest.groupInstanceId")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "HeartbeatRequest tagged fields")
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
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
