// DO NOT EDIT: generated from ApiVersionsRequest.json by samsa-codegen

import NIOCore

/// The ApiVersions request body (API key 18), versions 0-4 (flexible 3+). Generated from
/// ApiVersionsRequest.json.
public struct ApiVersionsRequest: KafkaRequest, Hashable {
    public typealias Response = ApiVersionsResponse
    public static let apiKey: ApiKey = .apiVersions  // 18
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The name of the client. (versions 3+)
    public var clientSoftwareName: String = ""

    /// The version of the client. (versions 3+)
    public var clientSoftwareVersion: String = ""

    public init(
        clientSoftwareName: String = "",
        clientSoftwareVersion: String = ""
    ) {
        self.clientSoftwareName = clientSoftwareName
        self.clientSoftwareVersion = clientSoftwareVersion
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ApiVersionsRequest", version, Self.validVersions)
        }
        let flexible = version >= 3
        if version >= 3 {
            self.clientSoftwareName = try buffer.readKafkaString(compact: true, field: "ApiVersionsRequest.clientSoftwareName")
        }
        if version >= 3 {
            self.clientSoftwareVersion = try buffer.readKafkaString(compact: true, field: "ApiVersionsRequest.clientSoftwareVersion")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ApiVersionsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        if version >= 3 {
            buffer.writeKafkaString(self.clientSoftwareName, compact: true)
        }
        if version >= 3 {
            buffer.writeKafkaString(self.clientSoftwareVersion, compact: true)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
