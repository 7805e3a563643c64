// DO NOT EDIT: generated from ResponseHeader.json by samsa-codegen

import NIOCore

/// The ResponseHeader, versions 0-1 (flexible 1+). Generated from ResponseHeader.json.
public struct ResponseHeader: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 1...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 1 }

    /// The correlation ID of this response. (versions 0+)
    public var correlationId: Int32 = 0

    public init(
        correlationId: Int32 = 0
    ) {
        self.correlationId = correlationId
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ResponseHeader", version, Self.validVersions)
        }
        let flexible = version >= 1
        self.correlationId = try buffer.readInt32(field: "ResponseHeader.correlationId")
        if flexible {
            try buffer.skipTaggedFields(field: "ResponseHeader tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 1
        buffer.writeInt32(self.correlationId)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
