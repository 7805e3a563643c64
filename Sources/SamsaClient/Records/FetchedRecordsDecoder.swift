import KafkaProtocol
import NIOCore

/// Reads the record batches of a Fetch response, decompressing any codec (the broker stores and serves
/// compressed batches unchanged, so only the client ever inflates them).
enum FetchedRecordsDecoder {
    struct Batch: Sendable {
        var header: RecordBatchHeader
        var records: [Record]
    }

    /// Every complete batch in `buffer`; a partial batch at the end (a fetch may cut one) is left out.
    static func decode(_ buffer: ByteBuffer, partition: TopicPartition, verifyCRC: Bool = true) throws(SamsaClientError)
        -> [Batch]
    {
        var batches: [Batch] = []
        var index = buffer.readerIndex
        while let header = RecordBatchHeader(buffer: buffer, at: index), index + header.totalSize <= buffer.writerIndex
        {
            guard header.magic == 2 else {
                throw .corruptRecords(
                    partition, reason: "batch at offset \(header.baseOffset) has magic \(header.magic); only v2 is read"
                )
            }
            guard header.batchLength >= RecordBatches.minimumBatchLength else {
                throw .corruptRecords(partition, reason: "batch length \(header.batchLength) is too small")
            }
            if verifyCRC {
                let crc = RecordBatches.computeCRC(in: buffer, at: index, totalSize: header.totalSize)
                guard crc == header.crc else {
                    throw .corruptRecords(partition, reason: "CRC mismatch in batch at offset \(header.baseOffset)")
                }
            }
            guard let codec = header.attributes.compression else {
                throw .corruptRecords(
                    partition, reason: "unknown compression in attributes \(header.attributes.rawValue)")
            }
            let start = index + RecordBatchHeader.size
            let end = index + header.totalSize
            var records: [Record] = []
            do {
                if codec == .none {
                    records = try RecordBatches.decodeRecords(in: buffer, from: start, to: end, header: header)
                } else {
                    guard let compressed = buffer.getBytes(at: start, length: end - start) else {
                        throw SamsaClientError.corruptRecords(partition, reason: "batch body cut short")
                    }
                    let inflated = try RecordCompression.decompress(compressed, codec: codec)
                    var plain = ByteBuffer()
                    plain.reserveCapacity(inflated.count)
                    plain.writeBytes(inflated)
                    records = try RecordBatches.decodeRecords(in: plain, from: 0, to: plain.writerIndex, header: header)
                }
            } catch let error as SamsaClientError {
                throw error
            } catch {
                throw .corruptRecords(partition, reason: "\(error)")
            }
            batches.append(Batch(header: header, records: records))
            index = end
        }
        return batches
    }
}
