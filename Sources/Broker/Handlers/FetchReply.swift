import KafkaProtocol
import LogStorage
import NIOCore

/// A Fetch response whose records are still ranges of segment files. `frame` writes the response
/// as `FetchResponse.write` would, except that each such partition's records field is only its
/// length prefix, followed by the file range the socket sends with `sendfile`.
struct FetchReply: Sendable {
    /// The response; partitions listed in `files` have empty records here.
    var response: FetchResponse
    /// `files[topicIndex][partitionIndex]`: the range to send as that partition's records.
    var files: [[FileRecords?]]

    init(response: FetchResponse, files: [[FileRecords?]] = []) {
        self.response = response
        self.files = files
    }

    private func file(topic: Int, partition: Int) -> FileRecords? {
        guard topic < self.files.count, partition < self.files[topic].count else { return nil }
        return self.files[topic][partition]
    }

    /// Record bytes this response carries, in memory or in files (for `min_bytes`).
    var recordBytes: Int {
        var total = 0
        for (t, topic) in self.response.responses.enumerated() {
            for (p, partition) in topic.partitions.enumerated() {
                total += self.file(topic: t, partition: p)?.length ?? partition.records?.readableBytes ?? 0
            }
        }
        return total
    }

    /// The size-prefixed response frame: header and body in memory, records as file ranges.
    func frame(correlationId: Int32, headerVersion: Int16, version: Int16) -> ResponseFrame {
        let flexible = FetchResponse.isFlexible(version: version)
        var parts: [ResponseFrame.Part] = []
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256)
        buffer.moveWriterIndex(forwardBy: 4)  // size, set below
        ResponseHeader(correlationId: correlationId).write(to: &buffer, version: headerVersion)
        let response = self.response
        if version >= 1 { buffer.writeInt32(response.throttleTimeMs) }
        if version >= 7 {
            buffer.writeInt16(response.errorCode)
            buffer.writeInt32(response.sessionId)
        }
        buffer.writeKafkaArrayCount(response.responses.count, compact: flexible)
        for (t, topic) in response.responses.enumerated() {
            if version <= 12 { buffer.writeKafkaString(topic.topic, compact: flexible) }
            if version >= 13 { buffer.writeKafkaUUID(topic.topicId) }
            buffer.writeKafkaArrayCount(topic.partitions.count, compact: flexible)
            for (p, partition) in topic.partitions.enumerated() {
                guard let file = self.file(topic: t, partition: p) else {
                    partition.write(to: &buffer, version: version)
                    continue
                }
                Self.writeFieldsBeforeRecords(of: partition, to: &buffer, version: version)
                if flexible {
                    buffer.writeUnsignedVarint(UInt32(file.length + 1))
                } else {
                    buffer.writeInt32(Int32(file.length))
                }
                parts.append(.bytes(buffer))
                parts.append(.file(file))
                buffer = ByteBuffer()
                buffer.reserveCapacity(64)
                if flexible { Self.writeTaggedFields(of: partition, to: &buffer, version: version) }
            }
            if flexible { buffer.writeEmptyTaggedFields() }
        }
        if flexible { Self.writeTaggedFields(of: response, to: &buffer, version: version) }
        parts.append(.bytes(buffer))
        var frame = ResponseFrame(parts: parts)
        // The size prefix covers everything after it; the file ranges' lengths are already fixed.
        if case .bytes(var first) = frame.parts[0] {
            first.setInteger(Int32(frame.length - 4), at: first.readerIndex)
            frame.parts[0] = .bytes(first)
        }
        return frame
    }

    // The three writers below follow `FetchResponse.write` (generated from FetchResponse.json)
    // field by field; `FetchReplyTests` checks the bytes are identical at every version.

    private static func writeFieldsBeforeRecords(
        of partition: FetchResponse.PartitionData, to buffer: inout ByteBuffer, version: Int16
    ) {
        let flexible = FetchResponse.isFlexible(version: version)
        buffer.writeInt32(partition.partitionIndex)
        buffer.writeInt16(partition.errorCode)
        buffer.writeInt64(partition.highWatermark)
        if version >= 4 { buffer.writeInt64(partition.lastStableOffset) }
        if version >= 5 { buffer.writeInt64(partition.logStartOffset) }
        if version >= 4 {
            buffer.writeKafkaNullableArrayCount(partition.abortedTransactions?.count, compact: flexible)
            for transaction in partition.abortedTransactions ?? [] { transaction.write(to: &buffer, version: version) }
        }
        if version >= 11 { buffer.writeInt32(partition.preferredReadReplica) }
    }

    private static func writeTaggedFields(
        of partition: FetchResponse.PartitionData, to buffer: inout ByteBuffer, version: Int16
    ) {
        let hasDivergingEpoch = partition.divergingEpoch != FetchResponse.EpochEndOffset()
        let hasCurrentLeader = partition.currentLeader != FetchResponse.LeaderIdAndEpoch()
        let hasSnapshotId = partition.snapshotId != FetchResponse.SnapshotId()
        buffer.writeUnsignedVarint(UInt32([hasDivergingEpoch, hasCurrentLeader, hasSnapshotId].filter { $0 }.count))
        if hasDivergingEpoch {
            buffer.writeTaggedField(tag: 0) { partition.divergingEpoch.write(to: &$0, version: version) }
        }
        if hasCurrentLeader {
            buffer.writeTaggedField(tag: 1) { partition.currentLeader.write(to: &$0, version: version) }
        }
        if hasSnapshotId {
            buffer.writeTaggedField(tag: 2) { partition.snapshotId.write(to: &$0, version: version) }
        }
    }

    private static func writeTaggedFields(of response: FetchResponse, to buffer: inout ByteBuffer, version: Int16) {
        let hasEndpoints = version >= 16 && !response.nodeEndpoints.isEmpty
        buffer.writeUnsignedVarint(hasEndpoints ? 1 : 0)
        if hasEndpoints {
            buffer.writeTaggedField(tag: 0) { value in
                value.writeKafkaArrayCount(response.nodeEndpoints.count, compact: true)
                for endpoint in response.nodeEndpoints { endpoint.write(to: &value, version: version) }
            }
        }
    }
}
