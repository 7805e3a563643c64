// DO NOT EDIT: generated from DeleteGroupsRequest.json by samsa-codegen

import NIOCore

/// The DeleteGroups request body (API key 42), versions 0-2 (flexible 2+). Generated from
/// DeleteGroupsRequest.json.
public struct DeleteGroupsRequest: KafkaRequest, Hashable {
    public typealias Response = DeleteGroupsResponse
    public static let apiKey: ApiKey = .deleteGroups  // 42
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The group names to delete. (versions 0+)
    public var groupsNames: [String] = []

    public init(
        groupsNames: [String] = []
    ) {
        self.groupsNames = groupsNames
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DeleteGroupsRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DeleteGroupsRequest.groupsNames")
            var items: [String] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: flexible, field: "DeleteGroupsRequest.groupsNames"))
            }
            self.groupsNames = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DeleteGroupsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeKafkaArrayCount(self.groupsNames.count, compact: flexible)
        for element in self.groupsNames {
            buffer.writeKafkaString(element, compact: flexible)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
