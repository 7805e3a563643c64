// DO NOT EDIT: generated from StopReplicaResponse.json by samsa-codegen

import NIOCore

/// The StopReplica response body (API key 5), versions 0-4 (flexible 2+). Generated from
/// StopReplicaResponse.json.
public struct StopReplicaResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .stopReplica  // 5
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The top-level error code, or 0 if there was no top-level error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The responses for each partition. (versions 0+)
    public var partitionErrors: [StopReplicaPartitionError] = []

    public init(
        errorCode: Int16 = 0,
        partitionErrors: [StopReplicaPartitionError] = []
    ) {
        self.errorCode = errorCode
        self.partitionErrors = partitionErrors
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("StopReplicaResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.errorCode = try buffer.readInt16(field: "StopReplicaResponse.errorCode")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "StopReplicaResponse.partitionErrors")
            var items: [StopReplicaPartitionError] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try StopReplicaPartitionError(from: &buffer, version: version))
            }
            self.partitionErrors = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "StopReplicaResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaArrayCount(self.partitionErrors.count, compact: flexible)
        for element in self.partitionErrors {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension StopReplicaResponse {
    /// The responses for each partition.
    public struct StopReplicaPartitionError: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var topicName: String = ""

        /// The partition index. (versions 0+)
        public var partitionIndex: Int32 = 0

        /// The partition error code, or 0 if there was no partition error. (versions 0+)
        public var errorCode: Int16 = 0

        public init(
            topicName: String = "",
            partitionIndex: Int32 = 0,
            errorCode: Int16 = 0
        ) {
            self.topicName = topicName
            self.partitionIndex = partitionIndex
            self.errorCode = errorCode
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.topicName = try buffer.readKafkaString(compact: flexible, field: "StopReplicaPartitionError.topicName")
            self.partitionIndex = try buffer.readInt32(field: "StopReplicaPartitionError.partitionIndex")
            self.errorCode = try buffer.readInt16(field: "StopReplicaPartitionError.errorCode")
            if flexible {
                try buffer.skipTaggedFields(field: "StopReplicaPartitionError tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topicName, compact: flexible)
            buffer.writeInt32(self.partitionIndex)
            buffer.writeInt16(self.errorCode)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
