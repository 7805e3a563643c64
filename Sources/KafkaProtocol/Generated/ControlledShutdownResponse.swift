// DO NOT EDIT: generated from ControlledShutdownResponse.json by samsa-codegen

import NIOCore

/// The ControlledShutdown response body (API key 7), versions 0-3 (flexible 3+). Generated from
/// ControlledShutdownResponse.json.
public struct ControlledShutdownResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .controlledShutdown  // 7
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The top-level error code. (versions 0+)
    public var errorCode: Int16 = 0

    /// The partitions that the broker still leads. (versions 0+)
    public var remainingPartitions: [RemainingPartition] = []

    public init(
        errorCode: Int16 = 0,
        remainingPartitions: [RemainingPartition] = []
    ) {
        self.errorCode = errorCode
        self.remainingPartitions = remainingPartitions
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ControlledShutdownResponse", version, Self.validVersions)
        }
        let flexible = version >= 3
        self.errorCode = try buffer.readInt16(field: "ControlledShutdownResponse.errorCode")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ControlledShutdownResponse.remainingPartitions")
            var items: [RemainingPartition] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try RemainingPartition(from: &buffer, version: version))
            }
            self.remainingPartitions = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ControlledShutdownResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaArrayCount(self.remainingPartitions.count, compact: flexible)
        for element in self.remainingPartitions {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ControlledShutdownResponse {
    /// The partitions that the broker still leads.
    public struct RemainingPartition: Sendable, Hashable {
        /// The name of the topic. (versions 0+)
        public var topicName: String = ""

        /// The index of the partition. (versions 0+)
        public var partitionIndex: Int32 = 0

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 3
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "RemainingPartition.topicName")
            self.partitionIndex = try buffer.readInt32(field: "RemainingPartition.partitionIndex")
            if flexible {
                try buffer.skipTaggedFields(field: "RemainingPartition tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 3
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeInt32(self.partitionIndex)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
