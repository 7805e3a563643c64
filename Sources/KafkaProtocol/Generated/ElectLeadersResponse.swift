// DO NOT EDIT: generated from ElectLeadersResponse.json by samsa-codegen

import NIOCore

/// The ElectLeaders response body (API key 43), versions 0-2 (flexible 2+). Generated from
/// ElectLeadersResponse.json.
public struct ElectLeadersResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .electLeaders  // 43
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The top level response error code. (versions 1+)
    public var errorCode: Int16 = 0

    /// The election results, or an empty array if the requester did not have permission and the request
    /// asks for all partitions. (versions 0+)
    public var replicaElectionResults: [ReplicaElectionResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        replicaElectionResults: [ReplicaElectionResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.replicaElectionResults = replicaElectionResults
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ElectLeadersResponse", version, Self.validVersions)
        }
        let flexible = version >= 2
        self.throttleTimeMs = try buffer.readInt32(field: "ElectLeadersResponse.throttleTimeMs")
        if version >= 1 {
            self.errorCode = try buffer.readInt16(field: "ElectLeadersResponse.errorCode")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ElectLeadersResponse.replicaElectionResults")
            var items: [ReplicaElectionResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try ReplicaElectionResult(from: &buffer, version: version))
            }
            self.replicaElectionResults = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ElectLeadersResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeInt32(self.throttleTimeMs)
        if version >= 1 {
            buffer.writeInt16(self.errorCode)
        }
        buffer.writeKafkaArrayCount(self.replicaElectionResults.count, compact: flexible)
        for element in self.replicaElectionResults {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ElectLeadersResponse {
    /// The election results, or an empty array if the requester did not have permission and the request
    /// asks for all partitions.
    public struct ReplicaElectionResult: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var topic: String = ""

        /// The results for each partition. (versions 0+)
        public var partitionResult: [PartitionResult] = []

        public init(
            topic: String = "",
            partitionResult: [PartitionResult] = []
        ) {
            self.topic = topic
            self.partitionResult = partitionResult
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.topic = try buffer.readKafkaString(compact: flexible, field: "ReplicaElectionResult.topic")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ReplicaElectionResult.partitionResult")
                var items: [PartitionResult] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try PartitionResult(from: &buffer, version: version))
                }
                self.partitionResult = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "ReplicaElectionResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topic, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitionResult.count, compact: flexible)
            for element in self.partitionResult {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension ElectLeadersResponse {
    /// The results for each partition
    public struct PartitionResult: Sendable, Hashable {
        /// The partition id. (versions 0+)
        public var partitionId: Int32 = 0

        /// The result error, or zero if there was no error. (versions 0+)
        public var errorCode: Int16 = 0

        /// The result message, or null if there was no error. (versions 0+; nullable 0+)
        public var errorMessage: String? = nil

        public init(
            partitionId: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil
        ) {
            self.partitionId = partitionId
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.partitionId = try buffer.readInt32(field: "PartitionResult.partitionId")
            self.errorCode = try buffer.readInt16(field: "PartitionResult.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "PartitionResult.errorMessage")
            if flexible {
                try buffer.skipTaggedFields(field: "PartitionResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeInt32(self.partitionId)
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
