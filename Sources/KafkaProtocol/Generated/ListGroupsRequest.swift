// DO NOT EDIT: generated from ListGroupsRequest.json by samsa-codegen

import NIOCore

/// The ListGroups request body (API key 16), versions 0-5 (flexible 3+). Generated from
/// ListGroupsRequest.json.
public struct ListGroupsRequest: KafkaRequest, Hashable {
    public typealias Response = ListGroupsResponse
    public static let apiKey: ApiKey = .listGroups  // 16
    public static let validVersions: ClosedRange<Int16> = 0...5
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The states of the groups we want to list. If empty, all groups are returned with their state.
    /// (versions 4+)
    public var statesFilter: [String] = []

    /// The types of the groups we want to list. If empty, all groups are returned with their type.
    /// (versions 5+)
    public var typesFilter: [String] = []

    public init(
        statesFilter: [String] = [],
        typesFilter: [String] = []
    ) {
        self.statesFilter = statesFilter
        self.typesFilter = typesFilter
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ListGroupsRequest", version, Self.validVersions)
        }
        let flexible = version >= 3
        if version >= 4 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "ListGroupsRequest.statesFilter")
                var items: [String] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: true, field: "ListGroupsRequest.statesFilter"))
                }
                self.statesFilter = items
            }
        }
        if version >= 5 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "ListGroupsRequest.typesFilter")
                var items: [String] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: true, field: "ListGroupsRequest.typesFilter"))
                }
                self.typesFilter = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "ListGroupsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        if version >= 4 {
            buffer.writeKafkaArrayCount(self.statesFilter.count, compact: true)
            for element in self.statesFilter {
                buffer.writeKafkaString(element, compact: true)
            }
        }
        if version >= 5 {
            buffer.writeKafkaArrayCount(self.typesFilter.count, compact: true)
            for element in self.typesFilter {
                buffer.writeKafkaString(element, compact: true)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
