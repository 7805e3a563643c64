// DO NOT EDIT: generated from OffsetFetchRequest.json by samsa-codegen

import NIOCore

/// The OffsetFetch request body (API key 9), versions 0-9 (flexible 6+). Generated from
/// OffsetFetchRequest.json.
public struct OffsetFetchRequest: KafkaRequest, Hashable {
    public typealias Response = OffsetFetchResponse
    public static let apiKey: ApiKey = .offsetFetch  // 9
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The group to fetch offsets for. (versions 0-7)
    public var groupId: String = ""

    /// Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. (versions
    /// 0-7; nullable 2-7)
    public var topics: [OffsetFetchRequestTopic]? = nil

    /// Each group we would like to fetch offsets for. (versions 8+)
    public var groups: [OffsetFetchRequestGroup] = []

    /// Whether broker should hold on returning unstable offsets but set a retriable error code for the
    /// partitions. (versions 7+)
    public var requireStable: Bool = false

    public init(
        groupId: String = "",
        topics: [OffsetFetchRequestTopic]? = nil,
        groups: [OffsetFetchRequestGroup] = [],
        requireStable: Bool = false
    ) {
        self.groupId = groupId
        self.topics = topics
        self.groups = groups
        self.requireStable = requireStable
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetFetchRequest", version, Self.validVersions)
        }
        let flexible = version >= 6
        if version <= 7 {
            self.groupId = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequest.groupId")
        }
        if version <= 7 {
            if version >= 2 {
                if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "OffsetFetchRequest.topics") {
                    var items: [OffsetFetchRequestTopic] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try OffsetFetchRequestTopic(from: &buffer, version: version))
                    }
                    self.topics = items
                } else {
                    self.topics = nil
                }
            } else {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetFetchRequest.topics")
                    var items: [OffsetFetchRequestTopic] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try OffsetFetchRequestTopic(from: &buffer, version: version))
                    }
                    self.topics = items
                }
            }
        }
        if version >= 8 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "OffsetFetchRequest.groups")
                var items: [OffsetFetchRequestGroup] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchRequestGroup(from: &buffer, version: version))
                }
                self.groups = items
            }
        }
        if version >= 7 {
            self.requireStable = try buffer.readBool(field: "OffsetFetchRequest.requireStable")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetFetchRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        if version <= 7 {
            buffer.writeKafkaString(self.groupId, compact: flexible)
        }
        if version <= 7 {
            if version >= 2 {
                buffer.writeKafkaNullableArrayCount(self.topics?.count, compact: flexible)
            } else {
                buffer.writeKafkaArrayCount(self.topics?.count ?? 0, compact: flexible)
            }
            for element in self.topics ?? [] {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 8 {
            buffer.writeKafkaArrayCount(self.groups.count, compact: true)
            for element in self.groups {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 7 {
            buffer.writeBool(self.requireStable)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetFetchRequest {
    /// Each topic we would like to fetch offsets for, or null to fetch offsets for all topics.
    public struct OffsetFetchRequestTopic: Sendable, Hashable {
        /// The topic name. (versions 0-7)
        public var name: String = ""

        /// The partition indexes we would like to fetch offsets for. (versions 0-7)
        public var partitionIndexes: [Int32] = []

        public init(
            name: String = "",
            partitionIndexes: [Int32] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "OffsetFetchRequestTopic.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "OffsetFetchRequestTopic.partitionIndexes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "OffsetFetchRequestTopic.partitionIndexes"))
                }
                self.partitionIndexes = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "OffsetFetchRequestTopic tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitionIndexes.count, compact: flexible)
            for element in self.partitionIndexes {
                buffer.writeInt32(element)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension OffsetFetchRequest {
    /// Each group we would like to fetch offsets for
    public struct OffsetFetchRequestGroup: Sendable, Hashable {
        /// The group ID. (versions 8+)
        public var groupId: String = ""

        /// The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848).
        /// (versions 9+; nullable 9+)
        public var memberId: String? = nil

        /// The member epoch if using the new consumer protocol (KIP-848). (versions 9+)
        public var memberEpoch: Int32 = -1

        /// Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. (versions
        /// 8+; nullable 8+)
        public var topics: [OffsetFetchRequestTopics]? = nil

        public init(
            groupId: String = "",
            memberId: String? = nil,
            memberEpoch: Int32 = -1,
            topics: [OffsetFetchRequestTopics]? = nil
        ) {
            self.groupId = groupId
            self.memberId = memberId
            self.memberEpoch = memberEpoch
            self.topics = topics
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.groupId = try buffer.readKafkaString(compact: true, field: "OffsetFetchRequestGroup.groupId")
            if version >= 9 {
                self.memberId = try buffer.readKafkaNullableString(compact: true, field: "OffsetFetchRequestGroup.memberId")
            }
            if version >= 9 {
                self.memberEpoch = try buffer.readInt32(field: "OffsetFetchRequestGroup.memberEpoch")
            }
            if let count = try buffer.readKafkaNullableArrayCount(compact: true, field: "OffsetFetchRequestGroup.topics") {
                var items: [OffsetFetchRequestTopics] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try OffsetFetchRequestTopics(from: &buffer, version: version))
                }
                self.topics = items
            } else {
                self.topics = nil
            }
            try buffer.skipTaggedFields(field: "OffsetFetchRequestGroup tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.groupId, compact: true)
            if version >= 9 {
                buffer.writeKafkaNullableString(self.memberId, compact: true)
            }
            if version >= 9 {
                buffer.writeInt32(self.memberEpoch)
            }
            buffer.writeKafkaNullableArrayCount(self.topics?.count, compact: true)
            for element in self.topics ?? [] {
                element.write(to: &buffer, version: version)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension OffsetFetchRequest {
    /// Each topic we would like to fetch offsets for, or null to fetch offsets for all topics.
    public struct OffsetFetchRequestTopics: Sendable, Hashable {
        /// The topic name. (versions 8+)
        public var name: String = ""

        /// The partition indexes we would like to fetch offsets for. (versions 8+)
        public var partitionIndexes: [Int32] = []

        public init(
            name: String = "",
            partitionIndexes: [Int32] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "OffsetFetchRequestTopics.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "OffsetFetchRequestTopics.partitionIndexes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "OffsetFetchRequestTopics.partitionIndexes"))
                }
                self.partitionIndexes = items
            }
            try buffer.skipTaggedFields(field: "OffsetFetchRequestTopics tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeKafkaArrayCount(self.partitionIndexes.count, compact: true)
            for element in self.partitionIndexes {
                buffer.writeInt32(element)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}
