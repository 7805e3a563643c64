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
        while let header = RecordBatchHeader(buffer: buffer, at: index), index + header.totalSize <= buffer.writerIndex
        {
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
        guard var body = buffer.getSlice(at: start, length: end - start) else {
            throw .truncated(needed: end - start, available: buffer.writerIndex - start)
        }
        var records: [Record] = []
        records.reserveCapacity(Int(max(0, min(header.recordsCount, 1 << 16))))
        do {
            for _ in 0..<max(0, header.recordsCount) {
                let length = Int(try body.readVarint(field: "record length"))
                guard length >= 0, var record = body.readSlice(length: length) else {
                    throw RecordBatchError.truncated(needed: length, available: body.readableBytes)
                }
                _ = try record.readInt8(field: "record attributes")
                let timestampDelta = try record.readVarlong(field: "timestampDelta")
                let offsetDelta = try record.readVarint(field: "offsetDelta")
                let key = try record.readVarintPrefixedBytes()
                let value = try record.readVarintPrefixedBytes()
                let headerCount = try record.readVarint(field: "header count")
                var headers: [Record.Header] = []
                for _ in 0..<max(0, headerCount) {
                    let name = try record.readVarintPrefixedBytes().map { String(buffer: $0) } ?? ""
                    headers.append(Record.Header(key: name, value: try record.readVarintPrefixedBytes()))
                }
                let timestamp =
                    header.attributes.timestampType == .logAppendTime
                    ? header.maxTimestamp : header.baseTimestamp &+ timestampDelta  // wrapping: bytes may lie
                records.append(
                    Record(
                        offset: header.baseOffset &+ Int64(offsetDelta), timestamp: timestamp, key: key, value: value,
                        headers: headers))
            }
        } catch let error as RecordBatchError {
            throw error
        } catch {
            throw .truncated(needed: end - start, available: body.readableBytes)
        }
        return records
    }
}

extension ByteBuffer {
    /// Varint length (-1 = null) then that many bytes, as a slice: a record's key, value or header.
    public mutating func readVarintPrefixedBytes() throws(KafkaProtocolError) -> ByteBuffer? {
        let length = try self.readVarint(field: "record field length")
        if length < 0 { return nil }
        guard let slice = self.readSlice(length: Int(length)) else {
            throw .truncated("record field of \(length) bytes")
        }
        return slice
    }
}
