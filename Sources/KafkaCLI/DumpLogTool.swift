import CourseLanguage
import Foundation
import KafkaProtocol
import NIOCore
import SamsaClient

/// `kafka-dump-log --files X.log`: the batches (and with `--print-data-log` the records) of a
/// segment file as they lie on disk; `.index` and `.timeindex` files as their entries.
enum DumpLogTool: KafkaTool {
    static let name = "kafka-dump-log"
    static let syntax = ToolSyntax(
        tool: name,
        summary:
            "This tool helps to parse a log file and dump its contents to the console, useful for debugging a seemingly corrupt log segment.",
        options: [
            .flag(
                "deep-iteration",
                "if set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled."),
            .value(
                "files", "String: file1, file2, ...",
                "REQUIRED: The comma separated list of data and index log files to be dumped."),
            .value(
                "max-bytes", "Integer: size",
                "Limit the amount of total batches read in bytes avoiding reading the whole .log file(s).",
                default: "2147483647"),
            .flag(
                "print-data-log",
                "if set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified."
            ),
            .flag("skip-record-metadata", "whether to skip printing metadata for each record."),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        guard let files = options.value("files") else { throw ToolError.usage("Missing required argument \"[files]\"") }
        let printData = options.has("print-data-log")
        let deep = printData || options.has("deep-iteration")
        let maxBytes = try options.int("max-bytes") ?? Int(Int32.max)
        for file in files.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let path = context.absolutePath(file)
            context.console.outLine("Dumping \(file)")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ToolError.failed(
                    "java.nio.file.NoSuchFileException: \(file) "
                        + context.language.pick(
                            es:
                                "(no existe ese fichero de segmento; los segmentos están en <log.dirs>/<topic>-<partición>/)",
                            en: "(no such segment file; segments are in <log.dirs>/<topic>-<partition>/)"))
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let dot = name.firstIndex(of: "."), let baseOffset = Int64(name[..<dot]) else {
                context.console.outLine("Ignoring unknown file \(file)")
                continue
            }
            let buffer = ByteBuffer(bytes: data)
            switch String(name[dot...]) {
            case ".log":
                try self.dumpLog(
                    buffer, baseOffset: baseOffset, deep: deep, printData: printData,
                    skipRecordMetadata: options.has("skip-record-metadata"), maxBytes: maxBytes, context: context)
            case ".index": self.dumpIndex(buffer, baseOffset: baseOffset, context: context)
            case ".timeindex": self.dumpTimeIndex(buffer, baseOffset: baseOffset, context: context)
            default: context.console.outLine("Ignoring unknown file \(file)")
            }
        }
        return 0
    }

    static func dumpLog(
        _ buffer: ByteBuffer, baseOffset: Int64, deep: Bool, printData: Bool, skipRecordMetadata: Bool, maxBytes: Int,
        context: ToolContext
    ) throws {
        context.console.outLine("Log starting offset: \(baseOffset)")
        var position = 0
        while position < min(buffer.writerIndex, maxBytes),
            let header = RecordBatchHeader(buffer: buffer, at: position),
            header.batchLength > 0, position + header.totalSize <= buffer.writerIndex
        {
            let crc = RecordBatches.computeCRC(in: buffer, at: position, totalSize: header.totalSize)
            let hasSequence = header.baseSequence >= 0
            let codec = header.attributes.compression ?? .none
            let timestampType = header.attributes.timestampType == .logAppendTime ? "LogAppendTime" : "CreateTime"
            context.console.outLine(
                "baseOffset: \(header.baseOffset) lastOffset: \(header.lastOffset) count: \(header.recordsCount) "
                    + "baseSequence: \(header.baseSequence) lastSequence: \(hasSequence ? header.baseSequence &+ header.lastOffsetDelta : -1) "
                    + "producerId: \(header.producerId) producerEpoch: \(header.producerEpoch) "
                    + "partitionLeaderEpoch: \(header.partitionLeaderEpoch) isTransactional: \(header.attributes.isTransactional) "
                    + "isControl: \(header.attributes.isControl) deleteHorizonMs: "
                    + (header.attributes.hasDeleteHorizon
                        ? "OptionalLong[\(header.baseTimestamp)]" : "OptionalLong.empty")
                    + " position: \(position) \(timestampType): \(header.maxTimestamp) size: \(header.totalSize) "
                    + "magic: \(header.magic) compresscodec: \(codec) crc: \(header.crc) isvalid: \(crc == header.crc)")
            if deep {
                for record in try self.records(in: buffer, at: position, header: header, codec: codec) {
                    var line = "| offset: \(record.offset)"
                    if !skipRecordMetadata {
                        let sequence =
                            hasSequence
                            ? header.baseSequence &+ Int32(truncatingIfNeeded: record.offset &- header.baseOffset) : -1
                        line +=
                            " \(timestampType): \(record.timestamp) keySize: \(record.key?.readableBytes ?? -1) "
                            + "valueSize: \(record.value?.readableBytes ?? -1) sequence: \(sequence) "
                            + "headerKeys: [\(record.headers.map(\.key).joined(separator: ","))]"
                    }
                    if printData {
                        if let key = record.key { line += " key: \(String(buffer: key))" }
                        line += " payload: \(record.value.map { String(buffer: $0) } ?? "")"
                    }
                    context.console.outLine(line)
                }
            }
            position += header.totalSize
        }
        if position < buffer.writerIndex, position < maxBytes,
            buffer.getBytes(at: position, length: buffer.writerIndex - position)?.contains(where: { $0 != 0 }) ?? false
        {
            context.console.outLine("Found \(buffer.writerIndex - position) invalid bytes at the end of \(baseOffset)")
        }
    }

    static func records(in buffer: ByteBuffer, at position: Int, header: RecordBatchHeader, codec: CompressionCodec)
        throws -> [Record]
    {
        let start = position + RecordBatchHeader.size
        let end = position + header.totalSize
        if codec == .none { return try RecordBatches.decodeRecords(in: buffer, from: start, to: end, header: header) }
        let compressed = buffer.getBytes(at: start, length: end - start) ?? []
        let inflated = ByteBuffer(bytes: try RecordCompression.decompress(compressed, codec: codec))
        return try RecordBatches.decodeRecords(in: inflated, from: 0, to: inflated.writerIndex, header: header)
    }

    /// `.index`: 8-byte entries (relative offset, position); a preallocated tail of zeros ends it.
    static func dumpIndex(_ buffer: ByteBuffer, baseOffset: Int64, context: ToolContext) {
        var index = 0
        while index + 8 <= buffer.writerIndex, let relative = buffer.getInteger(at: index, as: Int32.self),
            let position = buffer.getInteger(at: index + 4, as: Int32.self)
        {
            if index > 0 && relative == 0 && position == 0 { break }
            context.console.outLine("offset: \(baseOffset &+ Int64(relative)) position: \(position)")
            index += 8
        }
    }

    /// `.timeindex`: 12-byte entries (timestamp, relative offset).
    static func dumpTimeIndex(_ buffer: ByteBuffer, baseOffset: Int64, context: ToolContext) {
        var index = 0
        while index + 12 <= buffer.writerIndex, let timestamp = buffer.getInteger(at: index, as: Int64.self),
            let relative = buffer.getInteger(at: index + 8, as: Int32.self)
        {
            if timestamp == 0 && relative == 0 { break }
            context.console.outLine("timestamp: \(timestamp) offset: \(baseOffset &+ Int64(relative))")
            index += 12
        }
    }
}
