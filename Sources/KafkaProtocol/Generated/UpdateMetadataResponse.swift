// DO NOT EDIT: generated from UpdateMetadataResponse.json by samsa-codegen

import NIOCore

/// The UpdateMetadata response body (API key 6), versions 0-8 (flexible 6+). Generated from
/// UpdateMetadataResponse.json.
public struct UpdateMetadataResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .updateMetadata  // 6
    public static let validVersions: ClosedRange<Int16> = 0...8
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    public init(
        errorCode: Int16 = 0
    ) {
        self.errorCode = errorCode
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("UpdateMetadataResponse", version, Self.validVersions)
        }
        let flexible = version >= 6
        self.errorCode = try buffer.readInt16(field: "UpdateMetadataResponse.errorCode")
        if flexible {
            try buffer.skipTaggedFields(field: "UpdateMetadataResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        buffer.writeInt16(self.errorCode)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
