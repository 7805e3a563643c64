// DO NOT EDIT: generated from DescribeClusterRequest.json by samsa-codegen

import NIOCore

/// The DescribeCluster request body (API key 60), versions 0-1 (flexible 0+). Generated from
/// DescribeClusterRequest.json.
public struct DescribeClusterRequest: KafkaRequest, Hashable {
    public typealias Response = DescribeClusterResponse
    public static let apiKey: ApiKey = .describeCluster  // 60
    public static let validVersions: ClosedRange<Int16> = 0...1
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 0...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 0 }

    /// Whether to include cluster authorized operations. (versions 0+)
    public var includeClusterAuthorizedOperations: Bool = false

    /// The endpoint type to describe. 1=brokers, 2=controllers. (versions 1+)
    public var endpointType: Int8 = 1

    public init(
        includeClusterAuthorizedOperations: Bool = false,
        endpointType: Int8 = 1
    ) {
        self.includeClusterAuthorizedOperations = includeClusterAuthorizedOperations
        self.endpointType = endpointType
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeClusterRequest", version, Self.validVersions)
        }
        self.includeClusterAuthorizedOperations = try buffer.readBool(field: "DescribeClusterRequest.includeClusterAuthorizedOperations")
        if version >= 1 {
            self.endpointType = try buffer.readInt8(field: "DescribeClusterRequest.endpointType")
        }
        try buffer.skipTaggedFields(field: "DescribeClusterRequest tagged fields")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeBool(self.includeClusterAuthorizedOperations)
        if version >= 1 {
            buffer.writeInt8(self.endpointType)
        }
        buffer.writeEmptyTaggedFields()
    }
}
