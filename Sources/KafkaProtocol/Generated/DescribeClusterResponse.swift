// DO NOT EDIT: generated from DescribeClusterResponse.json by samsa-codegen

import NIOCore

/// The DescribeCluster response body (API key 60), versions 0-1 (flexible 0+). Generated from
/// DescribeClusterResponse.json.
public struct DescribeClusterResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .describeCluster  // 60
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 0...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 0 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The top-level error code, or 0 if there was no error. (versions 0+)
    public var errorCode: Int16 = 0

    /// The top-level error message, or null if there was no error. (versions 0+; nullable 0+)
    public var errorMessage: String? = nil

    /// The endpoint type that was described. 1=brokers, 2=controllers. (versions 1+)
    public var endpointType: Int8 = 1

    /// The cluster ID that responding broker belongs to. (versions 0+)
    public var clusterId: String = ""

    /// The ID of the controller broker. (versions 0+)
    public var controllerId: Int32 = -1

    /// Each broker in the response. (versions 0+)
    public var brokers: [DescribeClusterBroker] = []

    /// 32-bit bitfield to represent authorized operations for this cluster. (versions 0+)
    public var clusterAuthorizedOperations: Int32 = -2147483648

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        endpointType: Int8 = 1,
        clusterId: String = "",
        controllerId: Int32 = -1,
        brokers: [DescribeClusterBroker] = [],
        clusterAuthorizedOperations: Int32 = -2147483648
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.endpointType = endpointType
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.brokers = brokers
        self.clusterAuthorizedOperations = clusterAuthorizedOperations
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeClusterResponse", version, Self.validVersions)
        }
        self.throttleTimeMs = try buffer.readInt32(field: "DescribeClusterResponse.throttleTimeMs")
        self.errorCode = try buffer.readInt16(field: "DescribeClusterResponse.errorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: true, field: "DescribeClusterResponse.errorMessage")
        if version >= 1 {
            self.endpointType = try buffer.readInt8(field: "DescribeClusterResponse.endpointType")
        }
        self.clusterId = try buffer.readKafkaString(compact: true, field: "DescribeClusterResponse.clusterId")
        self.controllerId = try buffer.readInt32(field: "DescribeClusterResponse.controllerId")
        do {
            let count = try buffer.readKafkaArrayCount(compact: true, field: "DescribeClusterResponse.brokers")
            var items: [DescribeClusterBroker] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DescribeClusterBroker(from: &buffer, version: version))
            }
            self.brokers = items
        }
        self.clusterAuthorizedOperations = try buffer.readInt32(field: "DescribeClusterResponse.clusterAuthorizedOperations")
        try buffer.skipTaggedFields(field: "DescribeClusterResponse tagged fields")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: true)
        if version >= 1 {
            buffer.writeInt8(self.endpointType)
        }
        buffer.writeKafkaString(self.clusterId, compact: true)
        buffer.writeInt32(self.controllerId)
        buffer.writeKafkaArrayCount(self.brokers.count, compact: true)
        for element in self.brokers {
            element.write(to: &buffer, version: version)
        }
        buffer.writeInt32(self.clusterAuthorizedOperations)
        buffer.writeEmptyTaggedFields()
    }
}

extension DescribeClusterResponse {
    /// Each broker in the response.
    public struct DescribeClusterBroker: Sendable, Hashable {
        /// The broker ID. (versions 0+)
        public var brokerId: Int32 = 0

        /// The broker hostname. (versions 0+)
        public var host: String = ""

        /// The broker port. (versions 0+)
        public var port: Int32 = 0

        /// The rack of the broker, or null if it has not been assigned to a rack. (versions 0+; nullable 0+)
        public var rack: String? = nil

        public init(
            brokerId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil
        ) {
            self.brokerId = brokerId
            self.host = host
            self.port = port
            self.rack = rack
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.brokerId = try buffer.readInt32(field: "DescribeClusterBroker.brokerId")
            self.host = try buffer.readKafkaString(compact: true, field: "DescribeClusterBroker.host")
            self.port = try buffer.readInt32(field: "DescribeClusterBroker.port")
            self.rack = try buffer.readKafkaNullableString(compact: true, field: "DescribeClusterBroker.rack")
            try buffer.skipTaggedFields(field: "DescribeClusterBroker tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeInt32(self.brokerId)
            buffer.writeKafkaString(self.host, compact: true)
            buffer.writeInt32(self.port)
            buffer.writeKafkaNullableString(self.rack, compact: true)
            buffer.writeEmptyTaggedFields()
        }
    }
}
