// DO NOT EDIT: generated from HeartbeatResponse.json by samsa-codegen

import NIOCore

/// The Heartbeat response body (API key 12), versions 0-4 (flexible 4+). Generated from
/// HeartbeatResponse.json.
public struct HeartbeatResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .heartbeat  // 12
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("HeartbeatResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "HeartbeatResponse.throttleTimeMs")
        }
        self.errorCode = try buffer.readInt16(field: "HeartbeatResponse.errorCode")
        if flexible {
            try buffer.skipTaggedFields(field: "HeartbeatResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        buffer.writeInt16(self.errorCode)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
