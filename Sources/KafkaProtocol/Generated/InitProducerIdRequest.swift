// DO NOT EDIT: generated from InitProducerIdRequest.json by samsa-codegen

import NIOCore

/// The InitProducerId request body (API key 22), versions 0-5 (flexible 2+). Generated from
/// InitProducerIdRequest.json.
public struct InitProducerIdRequest: KafkaRequest, Hashable {
    public typealias Response = InitProducerIdResponse
    public static let apiKey: ApiKey = .initProducerId  // 22
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The transactional id, or null if the producer is not transactional. (versions 0+; nullable 0+)
    public var transactionalId: String? = nil

    /// The time in ms to wait before aborting idle transactions sent by this producer. This is only
    /// relevant if a TransactionalId has been defined. (versions 0+)
    public var transactionTimeoutMs: Int32 = 0

    /// The producer id. This is used to disambiguate requests if a transactional id is reused following its
    /// expiration. (versions 3+)
    public var producerId: Int64 = -1

    /// The producer's current epoch. This will be checked against the producer epoch on the broker, and the
    /// request will return an error if they do not match. (versions 3+)
    public var producerEpoch: Int16 = -1

    public init(
        transactionalId: String? = nil,
        transactionTimeoutMs: Int32 = 0,
        producerId: Int64 = -1,
        producerEpoch: Int16 = -1
    ) {
        self.transactionalId = transactionalId
        self.transactionTimeoutMs = transactionTimeoutMs
        self.producerId = producerId
        self.producerEpoch = producerEpoch
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("InitProducerIdRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.transactionalId = try buffer.readKafkaNullableString(compact: flexible, field: "InitProducerIdRequest.transactionalId")
        self.transactionTimeoutMs = try buffer.readInt32(field: "InitProducerIdRequest.transactionTimeoutMs")
        if version >= 3 {
            self.producerId = try buffer.readInt64(field: "InitProducerIdRequest.producerId")
        }
        if version >= 3 {
            self.producerEpoch = try buffer.readInt16(field: "InitProducerIdRequest.producerEpoch")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "InitProducerIdRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeKafkaNullableString(self.transactionalId, compact: flexible)
        buffer.writeInt32(self.transactionTimeoutMs)
        if version >= 3 {
            buffer.writeInt64(self.producerId)
        }
        if version >= 3 {
            buffer.writeInt16(self.producerEpoch)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
