import NIOCore

/// Operations on the raw bytes of one or more RecordBatch v2, as they arrive in a Produce request
/// or lie in a log segment. Nothing here decompresses or copies records: validating a batch costs
/// a CRC pass (plus a walk over record lengths when uncompressed), which is why a broker can store
/// what clients send and serve it back unchanged.
public enum RecordBatches {
    /// Smallest legal `batchLength`: the header after the 12-byte log overhead, with no records.
    public static let minimumBatchLength = Int32(RecordBatchHeader.size - RecordBatchHeader.logOverhead)

    /// Validates each batch in `buffer`'s readable bytes and returns their headers in order.
    /// `allowsOffsetGaps` accepts batches whose records skip offsets, as log compaction leaves them
    /// (a follower copying its leader, recovery); a producer's batches have none.
    public static func validate(_ buffer: ByteBuffer, maxBatchSize: Int = .max, allowsOffsetGaps: Bool = false)
        throws(RecordBatchError) -> [RecordBatchHeader]
    {
        var headers: [RecordBatchHeader] = []
        var index = buffer.readerIndex
        while index < buffer.writerIndex {
            let header = try Self.validateBatch(
                in: buffer, at: index, maxBatchSize: maxBatchSize, allowsOffsetGaps: allowsOffsetGaps)
            headers.append(header)
            index += header.totalSize
        }
        if headers.isEmpty { throw .empty }
        return headers
    }

    /// Bytes of the complete batches at the start of `buffer`'s readable bytes: a fetch may end with
    /// a batch cut short at its size limit (Kafka's `FileRecords.slice`), which readers leave out.
    public static func completeBatchesLength(in buffer: ByteBuffer) -> Int {
        var index = buffer.readerIndex
        while let header = RecordBatchHeader(buffer: buffer, at: index), header.totalSize > 0,
            index + header.totalSize <= buffer.writerIndex
        {
            index += header.totalSize
        }
        return index - buffer.readerIndex
    }

    /// Validates the single batch starting at `index`.
    public static func validateBatch(
        in buffer: ByteBuffer, at index: Int, maxBatchSize: Int = .max, allowsOffsetGaps: Bool = false
    ) throws(RecordBatchError) -> RecordBatchHeader {
        let available = buffer.writerIndex - index
        guard let header = RecordBatchHeader(buffer: buffer, at: index) else {
            throw .truncated(needed: RecordBatchHeader.size, available: available)
        }
        guard header.magic == 2 else { throw .unsupportedMagic(header.magic) }
        guard header.batchLength >= Self.minimumBatchLength else { throw .invalidBatchLength(header.batchLength) }
        guard header.totalSize <= available else {
            throw .truncated(needed: header.totalSize, available: available)
        }
        guard header.totalSize <= maxBatchSize else { throw .batchTooLarge(size: header.totalSize, max: maxBatchSize) }
        guard let compression = header.attributes.compression else {
            throw .unknownCompression(header.attributes.rawValue)
        }
        let computed = Self.computeCRC(in: buffer, at: index, totalSize: header.totalSize)
        guard computed == header.crc else { throw .crcMismatch(stored: header.crc, computed: computed) }
        let deltaFits =
            allowsOffsetGaps
            ? header.lastOffsetDelta >= header.recordsCount - 1
            : header.lastOffsetDelta == header.recordsCount - 1 || header.recordsCount == 0
        guard header.recordsCount >= 0, deltaFits else {
            throw .invalidLastOffsetDelta(lastOffsetDelta: header.lastOffsetDelta, recordsCount: header.recordsCount)
        }
        if compression == .none {
            let counted = Self.countRecords(
                in: buffer, from: index + RecordBatchHeader.size, to: index + header.totalSize)
            guard counted == Int(header.recordsCount) else {
                throw .recordCountMismatch(header: header.recordsCount, counted: counted ?? -1)
            }
        }
        return header
    }

    /// CRC-32C of a batch's bytes from `attributes` to its end.
    public static func computeCRC(in buffer: ByteBuffer, at index: Int, totalSize: Int) -> UInt32 {
        let start = index + RecordBatchHeader.crcCoverageStart
        return buffer.withUnsafeReadableBytes { bytes in
            let offset = start - buffer.readerIndex
            return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + totalSize - 21)]))
        }
    }

    /// Stamps offsets on each batch (and, for `LogAppendTime`, the broker's clock), as the leader
    /// does on append. `baseOffset` and `partitionLeaderEpoch` sit before the CRC's coverage, so
    /// only a timestamp rewrite needs a new CRC.
    /// - Returns: the offset after the last record.
    @discardableResult
    public static func assignOffsets(
        in buffer: inout ByteBuffer, headers: [RecordBatchHeader], firstOffset: Int64,
        partitionLeaderEpoch: Int32, logAppendTime: Int64?
    ) -> Int64 {
        var index = buffer.readerIndex
        var nextOffset = firstOffset
        for header in headers {
            buffer.setInteger(nextOffset, at: index + RecordBatchHeader.Offset.baseOffset)
            buffer.setInteger(partitionLeaderEpoch, at: index + RecordBatchHeader.Offset.partitionLeaderEpoch)
            if let logAppendTime {
                var attributes = header.attributes
                attributes.timestampType = .logAppendTime
                buffer.setInteger(attributes.rawValue, at: index + RecordBatchHeader.Offset.attributes)
                buffer.setInteger(logAppendTime, at: index + RecordBatchHeader.Offset.maxTimestamp)
                let crc = Self.computeCRC(in: buffer, at: index, totalSize: header.totalSize)
                buffer.setInteger(crc, at: index + RecordBatchHeader.Offset.crc)
            }
            nextOffset += Int64(header.lastOffsetDelta) + 1
            index += header.totalSize
        }
        return nextOffset
    }

    /// Counts the records of an uncompressed batch by hopping over their length prefixes.
    /// `nil` if a length is malformed or runs past the batch.
    static func countRecords(in buffer: ByteBuffer, from start: Int, to end: Int) -> Int? {
        guard var records = buffer.getSlice(at: start, length: end - start) else { return nil }
        var count = 0
        while records.readableBytes > 0 {
            guard let length = try? records.readVarint(), length >= 0, records.readableBytes >= Int(length) else {
                return nil
            }
            records.moveReaderIndex(forwardBy: Int(length))
            count += 1
        }
        return count
    }
}
