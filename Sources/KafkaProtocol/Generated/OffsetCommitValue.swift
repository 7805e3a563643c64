// DO NOT EDIT: generated from OffsetCommitValue.json by samsa-codegen

import NIOCore

/// OffsetCommitValue, a Kafka data schema, versions 0-4 (flexible 4+). Generated from
/// OffsetCommitValue.json.
public struct OffsetCommitValue: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// (versions 0+)
    public var offset: Int64 = 0

    /// (versions 3+)
    public var leaderEpoch: Int32 = -1

    /// (versions 0+)
    public var metadata: String = ""

    /// (versions 0+)
    public var commitTimestamp: Int64 = 0

    /// (versions 1)
    public var expireTimestamp: Int64 = -1

    public init(
        offset: Int64 = 0,
        leaderEpoch: Int32 = -1,
        metadata: String = "",
        commitTimestamp: Int64 = 0,
        expireTimestamp: Int64 = -1
    ) {
        self.offset = offset
        self.leaderEpoch = leaderEpoch
        self.metadata = metadata
        self.commitTimestamp = commitTimestamp
        self.expireTimestamp = expireTimestamp
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("OffsetCommitValue", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.offset = try buffer.readInt64(field: "OffsetCommitValue.offset")
        if version >= 3 {
            self.leaderEpoch = try buffer.readInt32(field: "OffsetCommitValue.leaderEpoch")
        }
        self.metadata = try buffer.readKafkaString(compact: flexible, field: "OffsetCommitValue.metadata")
        self.commitTimestamp = try buffer.readInt64(field: "OffsetCommitValue.commitTimestamp")
        if version >= 1 && version <= 1 {
            self.expireTimestamp = try buffer.readInt64(field: "OffsetCommitValue.expireTimestamp")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "OffsetCommitValue tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeInt64(self.offset)
        if version >= 3 {
            buffer.writeInt32(self.leaderEpoch)
        }
        buffer.writeKafkaString(self.metadata, compact: flexible)
        buffer.writeInt64(self.commitTimestamp)
        if version >= 1 && version <= 1 {
            buffer.writeInt64(self.expireTimestamp)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}
