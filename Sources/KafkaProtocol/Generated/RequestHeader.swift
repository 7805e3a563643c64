// DO NOT EDIT: generated from RequestHeader.json by samsa-codegen

import NIOCore

/// The RequestHeader, versions 0-2 (flexible 2+). Generated from RequestHeader.json.
public struct RequestHeader: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The API key of this request. (versions 0+)
    public var requestApiKey: Int16 = 0

    /// The API version of this request. (versions 0+)
    public var requestApiVersion: Int16 = 0

    /// The correlation ID of this request. (versions 0+)
    public var correlationId: Int32 = 0

    /// The client ID string. (versions 1+; nullable 1+)
    public var clientId: String? = nil

    public init(
        requestApiKey: Int16 = 0,
        requestApiVersion: Int16 = 0,
        correlationId: Int32 = 0,
        clientId: String? = nil
    ) {
        self.requestApiKey = requestApiKey
        self.requestApiVersion = requestApiVersion
        self.correlationId = correlationId
        self.clientId = clientId
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("RequestHeader", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.requestApiKey = try buffer.readInt16(field: "RequestHeader.requestApiKey")
        self.requestApiVersion = try buffer.readInt16(field: "RequestHeader.requestApiVersion")
        self.correlationId = try buffer.readInt32(field: "RequestHeader.correlationId")
        if version >= 1 {
            self.clientId = try buffer.readKafkaNullableString(compact: false, field: "RequestHeader.clientId")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "RequestHeader tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt16(self.requestApiKey)
        buffer.writeInt16(self.requestApiVersion)
        buffer.writeInt32(self.correlationId)
        if version >= 1 {
            buffer.writeKafkaNullableString(self.clientId, compact: false)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
