// DO NOT EDIT: generated from FindCoordinatorRequest.json by samsa-codegen

import NIOCore

/// The FindCoordinator request body (API key 10), versions 0-6 (flexible 3+). Generated from
/// FindCoordinatorRequest.json.
public struct FindCoordinatorRequest: KafkaRequest, Hashable {
    public typealias Response = FindCoordinatorResponse
    public static let apiKey: ApiKey = .findCoordinator  // 10
    public static let validVersions: ClosedRange<Int16> = 0...6
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The coordinator key. (versions 0-3)
    public var key: String = ""

    /// The coordinator key type. (Group, transaction, etc.). (versions 1+)
    public var keyType: Int8 = 0

    /// The coordinator keys. (versions 4+)
    public var coordinatorKeys: [String] = []

    public init(
        key: String = "",
        keyType: Int8 = 0,
        coordinatorKeys: [String] = []
    ) {
        self.key = key
        self.keyType = keyType
        self.coordinatorKeys = coordinatorKeys
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("FindCoordinatorRequest", version, Self.validVersions)
        }
        let flexible = version >= 3
        if version <= 3 {
            self.key = try buffer.readKafkaString(compact: flexible, field: "FindCoordinatorRequest.key")
        }
        if version >= 1 {
            self.keyType = try buffer.readInt8(field: "FindCoordinatorRequest.keyType")
        }
        if version >= 4 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "FindCoordinatorRequest.coordinatorKeys")
                var items: [String] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: true, field: "FindCoordinatorRequest.coordinatorKeys"))
                }
                self.coordinatorKeys = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "FindCoordinatorRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        if version <= 3 {
            buffer.writeKafkaString(self.key, compact: flexible)
        }
        if version >= 1 {
            buffer.writeInt8(self.keyType)
        }
        if version >= 4 {
            buffer.writeKafkaArrayCount(self.coordinatorKeys.count, compact: true)
            for element in self.coordinatorKeys {
                buffer.writeKafkaString(element, compact: true)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
