// DO NOT EDIT: generated from JoinGroupRequest.json by samsa-codegen

import NIOCore

/// The JoinGroup request body (API key 11), versions 0-9 (flexible 6+). Generated from
/// JoinGroupRequest.json.
public struct JoinGroupRequest: KafkaRequest, Hashable {
    public typealias Response = JoinGroupResponse
    public static let apiKey: ApiKey = .joinGroup  // 11
    public static let validVersions: ClosedRange<Int16> = 0...9
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 6...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 6 }

    /// The group identifier. (versions 0+)
    public var groupId: String = ""

    /// The coordinator considers the consumer dead if it receives no heartbeat after this timeout in
    /// milliseconds. (versions 0+)
    public var sessionTimeoutMs: Int32 = 0

    /// The maximum time in milliseconds that the coordinator will wait for each member to rejoin when
    /// rebalancing the group. (versions 1+)
    public var rebalanceTimeoutMs: Int32 = -1

    /// The member id assigned by the group coordinator. (versions 0+)
    public var memberId: String = ""

    /// The unique identifier of the consumer instance provided by end user. (versions 5+; nullable 5+)
    public var groupInstanceId: String? = nil

    /// The unique name the for class of protocols implemented by the group we want to join. (versions 0+)
    public var protocolType: String = ""

    /// The list of protocols that the member supports. (versions 0+)
    public var protocols: [JoinGroupRequestProtocol] = []

    /// The reason why the member (re-)joins the group. (versions 8+; nullable 8+)
    public var reason: String? = nil

    public init(
        groupId: String = "",
        sessionTimeoutMs: Int32 = 0,
        rebalanceTimeoutMs: Int32 = -1,
        memberId: String = "",
        groupInstanceId: String? = nil,
        protocolType: String = "",
        protocols: [JoinGroupRequestProtocol] = [],
        reason: String? = nil
    ) {
        self.groupId = groupId
        self.sessionTimeoutMs = sessionTimeoutMs
        self.rebalanceTimeoutMs = rebalanceTimeoutMs
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.protocolType = protocolType
        self.protocols = protocols
        self.reason = reason
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("JoinGroupRequest", version, Self.validVersions)
        }
        let flexible = version >= 6
        self.groupId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.groupId")
        self.sessionTimeoutMs = try buffer.readInt32(field: "JoinGroupRequest.sessionTimeoutMs")
        if version >= 1 {
            self.rebalanceTimeoutMs = try buffer.readInt32(field: "JoinGroupRequest.rebalanceTimeoutMs")
        }
        self.memberId = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.memberId")
        if version >= 5 {
            self.groupInstanceId = try buffer.readKafkaNullableString(compact: flexible, field: "JoinGroupRequest.groupInstanceId")
        }
        self.protocolType = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequest.protocolType")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "JoinGroupRequest.protocols")
            var items: [JoinGroupRequestProtocol] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try JoinGroupRequestProtocol(from: &buffer, version: version))
            }
            self.protocols = items
        }
        if version >= 8 {
            self.reason = try buffer.readKafkaNullableString(compact: true, field: "JoinGroupRequest.reason")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "JoinGroupRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 6
        buffer.writeKafkaString(self.groupId, compact: flexible)
        buffer.writeInt32(self.sessionTimeoutMs)
        if version >= 1 {
            buffer.writeInt32(self.rebalanceTimeoutMs)
        }
        buffer.writeKafkaString(self.memberId, compact: flexible)
        if version >= 5 {
            buffer.writeKafkaNullableString(self.groupInstanceId, compact: flexible)
        }
        buffer.writeKafkaString(self.protocolType, compact: flexible)
        buffer.writeKafkaArrayCount(self.protocols.count, compact: flexible)
        for element in self.protocols {
            element.write(to: &buffer, version: version)
        }
        if version >= 8 {
            buffer.writeKafkaNullableString(self.reason, compact: true)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension JoinGroupRequest {
    /// The list of protocols that the member supports.
    public struct JoinGroupRequestProtocol: Sendable, Hashable {
        /// The protocol name. (versions 0+)
        public var name: String = ""

        /// The protocol metadata. (versions 0+)
        public var metadata: ByteBuffer = ByteBuffer()

        public init(
            name: String = "",
            metadata: ByteBuffer = ByteBuffer()
        ) {
            self.name = name
            self.metadata = metadata
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 6
            self.name = try buffer.readKafkaString(compact: flexible, field: "JoinGroupRequestProtocol.name")
            self.metadata = try buffer.readKafkaBytes(compact: flexible, field: "JoinGroupRequestProtocol.metadata")
            if flexible {
                try buffer.skipTaggedFields(field: "JoinGroupRequestProtocol tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 6
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaBytes(self.metadata, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
