// DO NOT EDIT: generated from ControlledShutdownRequest.json by samsa-codegen

import NIOCore

/// The ControlledShutdown request body (API key 7), versions 0-3 (flexible 3+). Generated from
/// ControlledShutdownRequest.json.
public struct ControlledShutdownRequest: KafkaRequest, Hashable {
    public typealias Response = ControlledShutdownResponse
    public static let apiKey: ApiKey = .controlledShutdown  // 7
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The id of the broker for which controlled shutdown has been requested. (versions 0+)
    public var brokerId: Int32 = 0

    /// The broker epoch. (versions 2+)
    public var brokerEpoch: Int64 = -1

    public init(
        brokerId: Int32 = 0,
        brokerEpoch: Int64 = -1
    ) {
        self.brokerId = brokerId
        self.brokerEpoch = brokerEpoch
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ControlledShutdownRequest", version, Self.validVersions)
        }
        let flexible = version >= 3
        self.brokerId = try buffer.readInt32(field: "ControlledShutdownRequest.brokerId")
        if version >= 2 {
            self.brokerEpoch = try buffer.readInt64(field: "ControlledShutdownRequest.brokerEpoch")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ControlledShutdownRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        buffer.writeInt32(self.brokerId)
        if version >= 2 {
            buffer.writeInt64(self.brokerEpoch)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
