// DO NOT EDIT: generated from InitProducerIdResponse.json by samsa-codegen

import NIOCore

/// The InitProducerId response body (API key 22), versions 0-5 (flexible 2+). Generated from
/// InitProducerIdResponse.json.
public struct InitProducerIdResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .initProducerId  // 22
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The current producer id. (versions 0+)
    public var producerId: Int64 = -1

    /// The current epoch associated with the producer id. (versions 0+)
    public var producerEpoch: Int16 = 0

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        producerId: Int64 = -1,
        producerEpoch: Int16 = 0
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.producerId = producerId
        self.producerEpoch = producerEpoch
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("InitProducerIdResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readInt32(field: "InitProducerIdResponse.throttleTimeMs")
        self.errorCode = try buffer.readInt16(field: "InitProducerIdResponse.errorCode")
        self.producerId = try buffer.readInt64(field: "InitProducerIdResponse.producerId")
        self.producerEpoch = try buffer.readInt16(field: "InitProducerIdResponse.producerEpoch")
        if flexible {
            try buffer.skipTaggedFields(field: "InitProducerIdResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeInt16(self.errorCode)
        buffer.writeInt64(self.producerId)
        buffer.writeInt16(self.producerEpoch)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
