// DO NOT EDIT: generated from GroupMetadataValue.json by samsa-codegen

import NIOCore

/// GroupMetadataValue, a Kafka data schema, versions 0-4 (flexible 4+). Generated from
/// GroupMetadataValue.json.
public struct GroupMetadataValue: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// (versions 0+)
    public var protocolType: String = ""

    /// (versions 0+)
    public var generation: Int32 = 0

    /// (versions 0+; nullable 0+)
    public var `protocol`: String? = nil

    /// (versions 0+; nullable 0+)
    public var leader: String? = nil

    /// (versions 2+)
    public var currentStateTimestamp: Int64 = -1

    /// (versions 0+)
    public var members: [MemberMetadata] = []

    public init(
        protocolType: String = "",
        generation: Int32 = 0,
        `protocol`: String? = nil,
        leader: String? = nil,
        currentStateTimestamp: Int64 = -1,
        members: [MemberMetadata] = []
    ) {
        self.protocolType = protocolType
        self.generation = generation
        self.`protocol` = `protocol`
        self.leader = leader
        self.currentStateTimestamp = currentStateTimestamp
        self.members = members
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("GroupMetadataValue", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.protocolType = try buffer.readKafkaString(compact: flexible, field: "GroupMetadataValue.protocolType")
        self.generation = try buffer.readInt32(field: "GroupMetadataValue.generation")
        self.`protocol` = try buffer.readKafkaNullableString(compact: flexible, field: "GroupMetadataValue.protocol")
        self.leader = try buffer.readKafkaNullableString(compact: flexible, field: "GroupMetadataValue.leader")
        if version >= 2 {
            self.currentStateTimestamp = try buffer.readInt64(field: "GroupMetadataValue.currentStateTimestamp")
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "GroupMetadataValue.members")
            var items: [MemberMetadata] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try MemberMetadata(from: &buffer, version: version))
            }
            self.members = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "GroupMetadataValue tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeKafkaString(self.protocolType, compact: flexible)
        buffer.writeInt32(self.generation)
        buffer.writeKafkaNullableString(self.`protocol`, compact: flexible)
        buffer.writeKafkaNullableString(self.leader, compact: flexible)
        if version >= 2 {
            buffer.writeInt64(self.currentStateTimestamp)
        }
        buffer.writeKafkaArrayCount(self.members.count, compact: flexible)
        for element in self.members {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension GroupMetadataValue {
    public struct MemberMetadata: Sendable, Hashable {
        /// (versions 0+)
        public var memberId: String = ""

        /// (versions 3+; nullable 3+)
        public var groupInstanceId: String? = nil

        /// (versions 0+)
        public var clientId: String = ""

        /// (versions 0+)
        public var clientHost: String = ""

        /// (versions 1+)
        public var rebalanceTimeout: Int32 = 0

        /// (versions 0+)
        public var sessionTimeout: Int32 = 0

        /// (versions 0+)
        public var subscription: ByteBuffer = ByteBuffer()

        /// (versions 0+)
        public var assignment: ByteBuffer = ByteBuffer()

        public init(
            memberId: String = "",
            groupInstanceId: String? = nil,
            clientId: String = "",
            clientHost: String = "",
            rebalanceTimeout: Int32 = 0,
            sessionTimeout: Int32 = 0,
            subscription: ByteBuffer = ByteBuffer(),
            assignment: ByteBuffer = ByteBuffer()
        ) {
            self.memberId = memberId
            self.groupInstanceId = groupInstanceId
            self.clientId = clientId
            self.clientHost = clientHost
            self.rebalanceTimeout = rebalanceTimeout
            self.sessionTimeout = sessionTimeout
            self.subscription = subscription
            self.assignment = assignment
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.memberId = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.memberId")
            if version >= 3 {
                self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "MemberMetadata.groupInstanceId")
            }
            self.clientId = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.clientId")
            self.clientHost = try buffer.readKafkaString(compact: flexible, field: "MemberMetadata.clientHost")
            if version >= 1 {
                self.rebalanceTimeout = try buffer.readInt32(field: "MemberMetadata.rebalanceTimeout")
            }
            self.sessionTimeout = try buffer.readInt32(field: "MemberMetadata.sessionTimeout")
            self.subscription = try buffer.readKafkaBytes(compact: flexible, field: "MemberMetadata.subscription")
            self.assignment = try buffer.readKafkaBytes(compact: flexible, field: "MemberMetadata.assignment")
            if flexible {
                try buffer.skipTaggedFields(field: "MemberMetadata tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.memberId, compact: flexible)
            if version >= 3 {
                buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
            }
            buffer.writeKafkaString(self.clientId, compact: flexible)
            buffer.writeKafkaString(self.clientHost, compact: flexible)
            if version >= 1 {
                buffer.writeInt32(self.rebalanceTimeout)
            }
            buffer.writeInt32(self.sessionTimeout)
            buffer.writeKafkaBytes(self.subscription, compact: flexible)
            buffer.writeKafkaBytes(self.assignment, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
