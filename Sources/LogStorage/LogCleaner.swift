import KafkaProtocol
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one segment holds, for the REPL's before/after view of a cleaning pass.
public struct SegmentSummary: Sendable, Equatable {
    public var baseOffset: Int64
    public var records: Int
    /// Distinct keys among the records.
    public var keys: Int
    /// Records with a key and a null value.
    public var tombstones: Int
    public var bytes: Int64
}

/// The outcome of one cleaning pass over a partition (Kafka's `CleanerStats`, smaller).
public struct CleaningResult: Sendable, Equatable {
    /// The dirty section that was cleaned: `[firstDirtyOffset, firstUncleanableOffset)`.
    public var firstDirtyOffset: Int64
    public var firstUncleanableOffset: Int64
    public var recordsRead: Int
    public var recordsRemoved: Int
    public var tombstonesRemoved: Int
    public var before: [SegmentSummary]
    public var after: [SegmentSummary]
}

/// Why a log is or is not cleaned now (Kafka's `LogCleanerManager.cleanableOffsets` and
/// `LogToClean`): the dirty section ends at the first uncleanable offset (the active segment,
/// the high watermark, or the first segment younger than `min.compaction.lag.ms`).
public struct CleanableRange: Sendable, Equatable {
    public var firstDirtyOffset: Int64
    public var firstUncleanableOffset: Int64
    public var cleanBytes: Int64
    public var dirtyBytes: Int64
    /// Some dirty record is older than `max.compaction.lag.ms`.
    public var isOverdue: Bool

    /// Dirty bytes over all cleanable bytes (Kafka's `cleanableRatio`).
    public var dirtyRatio: Double {
        let total = self.cleanBytes + self.dirtyBytes
        return total == 0 ? 0 : Double(self.dirtyBytes) / Double(total)
    }
}

/// One record as the cleaner sees it: its key and whether it is a tombstone, plus where its bytes
/// sit in the batch, so a kept record is copied unchanged (its offset and timestamp deltas stay
/// relative to the batch's unchanged base offset and base timestamp).
struct CleanerRecord {
    var offset: Int64
    var timestamp: Int64
    var key: ByteBuffer?
    var isTombstone: Bool
    /// The record's bytes, length varint included.
    var bytes: ByteBuffer
}

/// Reading and rewriting batches for the cleaner (Kafka's `MemoryRecords.filterTo`).
enum CleanerBatches {
    /// The records of an uncompressed batch, each with its raw bytes; nil if it cannot be read.
    static func records(of batch: ByteBuffer, header: RecordBatchHeader) -> [CleanerRecord]? {
        guard
            var body = batch.getSlice(
                at: batch.readerIndex + RecordBatchHeader.size,
                length: header.totalSize - RecordBatchHeader.size)
        else { return nil }
        var records: [CleanerRecord] = []
        do {
            for _ in 0..<max(0, header.recordsCount) {
                let unread = body  // `getSlice` only reaches unread bytes: keep a copy from here
                let length = Int(try body.readVarint(field: "record length"))
                guard length >= 0, var record = body.readSlice(length: length) else { return nil }
                _ = try record.readInt8(field: "record attributes")
                let timestampDelta = try record.readVarlong(field: "timestampDelta")
                let offsetDelta = try record.readVarint(field: "offsetDelta")
                let key = try record.readVarintPrefixedBytes()
                let value = try record.readVarintPrefixedBytes()
                guard let bytes = unread.getSlice(at: unread.readerIndex, length: body.readerIndex - unread.readerIndex)
                else { return nil }
                records.append(
                    CleanerRecord(
                        offset: header.baseOffset &+ Int64(offsetDelta),
                        timestamp: header.baseTimestamp &+ timestampDelta, key: key, isTombstone: value == nil,
                        bytes: bytes))
            }
        } catch {
            return nil
        }
        return records
    }

    /// A batch holding only `kept`: same base offset, last offset delta, producer fields,
    /// attributes and base timestamp as `header`, a new record count, max timestamp and CRC.
    /// Keeping the last offset delta keeps the producer's sequence range as it was.
    static func rewrite(header: RecordBatchHeader, keeping kept: [CleanerRecord]) -> ByteBuffer {
        var body = ByteBufferAllocator().buffer(capacity: kept.reduce(0) { $0 + $1.bytes.readableBytes })
        for record in kept { body.writeImmutableBuffer(record.bytes) }
        var newHeader = header
        newHeader.recordsCount = Int32(kept.count)
        newHeader.batchLength = Int32(RecordBatchHeader.size - RecordBatchHeader.logOverhead + body.readableBytes)
        if header.attributes.timestampType != .logAppendTime {
            newHeader.maxTimestamp = kept.map(\.timestamp).max() ?? header.baseTimestamp
        }
        var batch = ByteBufferAllocator().buffer(capacity: RecordBatchHeader.size + body.readableBytes)
        newHeader.write(to: &batch)
        batch.writeImmutableBuffer(body)
        let crc = RecordBatches.computeCRC(in: batch, at: batch.readerIndex, totalSize: batch.readableBytes)
        batch.setInteger(crc, at: batch.readerIndex + RecordBatchHeader.Offset.crc)
        return batch
    }
}

/// Modification times of segment files: the cleaner stamps a cleaned segment with the time it
/// was first cleaned, and a tombstone is kept until `delete.retention.ms` after that (Kafka 3.x
/// records this delete horizon in the batch, KIP-534; before that it used the segment's
/// `lastModified`, as here).
enum SegmentClock {
    static func modifiedTime(of path: String) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
    }

    static func setModifiedTime(of path: String, to millis: Int64) {
        var times = [
            timespec(tv_sec: time_t(millis / 1000), tv_nsec: Int((millis % 1000) * 1_000_000)),
            timespec(tv_sec: time_t(millis / 1000), tv_nsec: Int((millis % 1000) * 1_000_000)),
        ]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }
}
