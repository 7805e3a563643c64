// DO NOT EDIT: generated from SaslHandshakeRequest.json by samsa-codegen

import NIOCore

/// The SaslHandshake request body (API key 17), versions 0-1. Generated from SaslHandshakeRequest.json.
public struct SaslHandshakeRequest: KafkaRequest, Hashable {
    public typealias Response = SaslHandshakeResponse
    public static let apiKey: ApiKey = .saslHandshake  // 17
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// The SASL mechanism chosen by the client. (versions 0+)
    public var mechanism: String = ""

    public init(
        mechanism: String = ""
    ) {
        self.mechanism = mechanism
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("SaslHandshakeRequest", version, Self.validVersions)
        }
        self.mechanism = try buffer.readKafkaString(compact: false, field: "SaslHandshakeRequest.mechanism")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeKafkaString(self.mechanism, compact: false)
    }
}
