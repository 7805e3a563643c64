// DO NOT EDIT: generated from SaslHandshakeResponse.json by samsa-codegen

import NIOCore

/// The SaslHandshake response body (API key 17), versions 0-1. Generated from
/// SaslHandshakeResponse.json.
public struct SaslHandshakeResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .saslHandshake  // 17
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The mechanisms enabled in the server. (versions 0+)
    public var mechanisms: [String] = []

    public init(
        errorCode: Int16 = 0,
        mechanisms: [String] = []
    ) {
        self.errorCode = errorCode
        self.mechanisms = mechanisms
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("SaslHandshakeResponse", version, Self.validVersions)
        }
        self.errorCode = try buffer.readInt16(field: "SaslHandshakeResponse.errorCode")
        do {
            let count = try buffer.readKafkaArrayCount(compact: false, field: "SaslHandshakeResponse.mechanisms")
            var items: [String] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: false, field: "SaslHandshakeResponse.mechanisms"))
            }
            self.mechanisms = items
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaArrayCount(self.mechanisms.count, compact: false)
        for element in self.mechanisms {
            buffer.writeKafkaString(element, compact: false)
        }
    }
}
