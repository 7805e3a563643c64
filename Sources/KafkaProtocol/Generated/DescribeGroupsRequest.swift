// DO NOT EDIT: generated from DescribeGroupsRequest.json by samsa-codegen

import NIOCore

/// The DescribeGroups request body (API key 15), versions 0-5 (flexible 5+). Generated from
/// DescribeGroupsRequest.json.
public struct DescribeGroupsRequest: KafkaRequest, Hashable {
    public typealias Response = DescribeGroupsResponse
    public static let apiKey: ApiKey = .describeGroups  // 15
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 5...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 5 }

    /// The names of the groups to describe. (versions 0+)
    public var groups: [String] = []

    /// Whether to include authorized operations. (versions 3+)
    public var includeAuthorizedOperations: Bool = false

    public init(
        groups: [String] = [],
        includeAuthorizedOperations: Bool = false
    ) {
        self.groups = groups
        self.includeAuthorizedOperations = includeAuthorizedOperations
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeGroupsRequest", version, Self.validVersions)
        }
        let flexible = version >= 5
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeGroupsRequest.groups")
            var items: [String] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "DescribeGroupsRequest.groups"))
            }
            self.groups = items
        }
        if version >= 3 {
            self.includeAuthorizedOperations = try buffer.readBool(field: "DescribeGroupsRequest.includeAuthorizedOperations")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DescribeGroupsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 5
        buffer.writeKafkaArrayCount(self.groups.count, compact: flexible)
        for element in self.groups {
            buffer.writeKafkaString(element, compact: flexible)
        }
        if version >= 3 {
            buffer.writeBool(self.includeAuthorizedOperations)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
