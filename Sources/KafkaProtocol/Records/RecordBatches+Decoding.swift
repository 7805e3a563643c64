import NIOCore

extension RecordBatches {
    /// A decoded batch: its header and records with absolute offsets and timestamps.
    public struct DecodedBatch: Sendable, Hashable {
        public var header: RecordBatchHeader
        public var records: [Record]
    }

    /// Decodes every complete batch in `buffer`, skipping a partial batch at the end (as a fetch
    /// may return one). Compressed batches need the client's codecs and are refused here.
    public static func decode(_ buffer: ByteBuffer) throws(RecordBatchError) -> [DecodedBatch] {
        var batches: [DecodedBatch] = []
        var index = buffer.readerIndex
        while let header = RecordBatchHeader(buffer: buffer, at: index), index + header.totalSize <= buffer.writerIndex {
            guard header.magic == 2 else { throw .unsupportedMagic(header.magic) }
            guard header.batchLength >= Self.minimumBatchLength else { throw .invalidBatchLength(header.batchLength) }
            guard header.attributes.compression == CompressionCodec.none else {
                throw .unknownCompression(header.attributes.rawValue)
            }
            let records = try Self.decodeRecords(
                in: buffer, from: index + RecordBatchHeader.size, to: index + header.totalSize, header: header)
            batches.append(DecodedBatch(header: header, records: records))
            index += header.totalSize
        }
        return batches
    }

    /// Records of an uncompressed batch body in `[start, end)`.
    public static func decodeRecords(in buffer: ByteBuffer, from start: Int, to end: Int, header: RecordBatchHeader)
        throws(RecordBatchError) -> [Record]
    {
        var cursor = RecordCursor(buffer: buffer, index: start, end: end)
        var records: [Record] = []
        records.reserveCapacity(Int(max(0, min(header.recordsCount, 1 << 16))))
        for _ in 0..<max(0, header.recordsCount) {
            let length = try cursor.varint()
            let recordEnd = cursor.index + Int(length)
            guard length >= 0, recordEnd <= end else { throw .truncated(needed: recordEnd - start, available: end - start) }
            _ = try cursor.byte()  // attributes
            let timestampDelta = try cursor.varlong()
            let offsetDelta = try cursor.varint()
            let key = try cursor.bytes()
            let value = try cursor.bytes()
            let headerCount = try cursor.varint()
            var headers: [Record.Header] = []
            for _ in 0..<max(0, headerCount) {
                let name = try cursor.bytes().map { String(buffer: $0) } ?? ""
                headers.append(Record.Header(key: name, value: try cursor.bytes()))
            }
            let timestamp =
                header.attributes.timestampType == .logAppendTime
                ? header.maxTimestamp : header.baseTimestamp + timestampDelta
            records.append(
                Record(
                    offset: header.baseOffset + Int64(offsetDelta), timestamp: timestamp, key: key, value: value,
                    headers: headers))
            cursor.index = recordEnd
        }
        return records
    }
}

/// Reads the zigzag varints and length-prefixed fields inside a record.
private struct RecordCursor {
    let buffer: ByteBuffer
    var index: Int
    let end: Int

    mutating func byte() throws(RecordBatchError) -> UInt8 {
        guard self.index < self.end, let byte = self.buffer.getInteger(at: self.index, as: UInt8.self) else {
            throw .truncated(needed: self.index + 1, available: self.end)
        }
        self.index += 1
        return byte
    }

    mutating func varlong() throws(RecordBatchError) -> Int64 {
        var raw: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 70 {
            let byte = try self.byte()
            raw |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))) }
            shift += 7
        }
        throw .truncated(needed: self.index, available: self.end)
    }

    mutating func varint() throws(RecordBatchError) -> Int32 {
        Int32(truncatingIfNeeded: try self.varlong())
    }

    /// Varint length (-1 = null) then that many bytes, as a slice of the buffer.
    mutating func bytes() throws(RecordBatchError) -> ByteBuffer? {
        let length = try self.varint()
        if length < 0 { return nil }
        guard self.index + Int(length) <= self.end,
            let slice = self.buffer.getSlice(at: self.index, length: Int(length))
        else { throw .truncated(needed: self.index + Int(length), available: self.end) }
        self.index += Int(length)
        return slice
    }
}
