// DO NOT EDIT: generated from SyncGroupResponse.json by samsa-codegen

import NIOCore

/// The SyncGroup response body (API key 14), versions 0-5 (flexible 4+). Generated from
/// SyncGroupResponse.json.
public struct SyncGroupResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .syncGroup  // 14
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The group protocol type. (versions 5+; nullable 5+)
    public var protocolType: String? = nil

    /// The group protocol name. (versions 5+; nullable 5+)
    public var protocolName: String? = nil

    /// The member assignment. (versions 0+)
    public var assignment: ByteBuffer = ByteBuffer()

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        protocolType: String? = nil,
        protocolName: String? = nil,
        assignment: ByteBuffer = ByteBuffer()
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.protocolType = protocolType
        self.protocolName = protocolName
        self.assignment = assignment
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("SyncGroupResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "SyncGroupResponse.throttleTimeMs")
        }
        self.errorCode = try buffer.readInt16(field: "SyncGroupResponse.errorCode")
        if version >= 5 {
            self.protocolType = try buffer.readKafkaNullableString(compact: true, field: "SyncGroupResponse.protocolType")
        }
        if version >= 5 {
            self.protocolName = try buffer.readKafkaNullableString(compact: true, field: "SyncGroupResponse.protocolName")
        }
        self.assignment = try buffer.readKafkaBytes(compact: flexible, field: "SyncGroupResponse.assignment")
        if flexible {
            try buffer.skipTaggedFields(field: "SyncGroupResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeInt16(self.errorCode)
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolType, compact: true)
        }
        if version >= 5 {
            buffer.writeKafkaNullableString(self.protocolName, compact: true)
        }
        buffer.writeKafkaBytes(self.assignment, compact: flexible)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
