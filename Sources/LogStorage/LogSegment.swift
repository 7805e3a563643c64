import KafkaProtocol
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One segment of a partition's log: `<baseOffset>.log` holding record batches back to back,
/// with a sparse `.index` and `.timeindex` beside it. Only the last segment of a log is written;
/// the others are read-only until retention deletes them whole.
///
/// Not thread-safe: `PartitionLog` owns its segments under a lock.
final class LogSegment {
    let baseOffset: Int64
    let directory: String
    private(set) var log: SegmentFile
    private(set) var offsetIndex: SegmentIndex<OffsetIndexEntry>
    private(set) var timeIndex: SegmentIndex<TimeIndexEntry>
    /// Bytes of complete batches in the `.log` file.
    private(set) var size: Int64
    /// The offset after the last record in this segment (`baseOffset` when empty).
    private(set) var nextOffset: Int64
    /// Largest record timestamp seen (-1 if none), for retention by time and the time index.
    private(set) var maxTimestamp: Int64 = -1
    private var bytesSinceLastIndexEntry = 0
    /// When the first batch was appended (broker clock), for `segment.ms` rolling.
    private(set) var firstAppendTime: Int64?

    static func fileName(baseOffset: Int64, suffix: String) -> String {
        let digits = String(baseOffset)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + suffix
    }

    var logPath: String { "\(self.directory)/\(Self.fileName(baseOffset: self.baseOffset, suffix: ".log"))" }
    var offsetIndexPath: String { "\(self.directory)/\(Self.fileName(baseOffset: self.baseOffset, suffix: ".index"))" }
    var timeIndexPath: String {
        "\(self.directory)/\(Self.fileName(baseOffset: self.baseOffset, suffix: ".timeindex"))"
    }

    /// Opens the segment at `baseOffset` (creating empty files if missing). When `recover` is
    /// set, every batch is checked and a torn or corrupt tail is cut off; otherwise the indexes
    /// are trusted and only the batches after the last index entry are scanned. A corrupt index
    /// is rebuilt either way.
    init(directory: String, baseOffset: Int64, recover: Bool, maxBatchSize: Int, indexIntervalBytes: Int)
        throws(LogStorageError)
    {
        self.directory = directory
        self.baseOffset = baseOffset
        let logPath = "\(directory)/\(Self.fileName(baseOffset: baseOffset, suffix: ".log"))"
        self.log = try SegmentFile(path: logPath, create: true)
        self.size = try self.log.size
        self.nextOffset = baseOffset
        var needsRebuild = recover
        let offsetIndexPath = "\(directory)/\(Self.fileName(baseOffset: baseOffset, suffix: ".index"))"
        let timeIndexPath = "\(directory)/\(Self.fileName(baseOffset: baseOffset, suffix: ".timeindex"))"
        do {
            self.offsetIndex = try SegmentIndex(path: offsetIndexPath)
            self.timeIndex = try SegmentIndex(path: timeIndexPath)
        } catch .corruptIndex {
            // Start both indexes empty; `rebuild` refills them from the log.
            needsRebuild = true
            try? FileManagerless.remove(offsetIndexPath)
            try? FileManagerless.remove(timeIndexPath)
            self.offsetIndex = try SegmentIndex(path: offsetIndexPath)
            self.timeIndex = try SegmentIndex(path: timeIndexPath)
        }
        if !needsRebuild, let last = self.offsetIndex.entries.last, Int64(last.position) >= self.size {
            needsRebuild = true  // the index points past the log: it cannot be trusted
        }
        if needsRebuild {
            try self.rebuild(maxBatchSize: maxBatchSize, indexIntervalBytes: indexIntervalBytes)
        } else {
            try self.loadTail()
        }
    }

    // MARK: - Appending

    /// Appends already validated, offset-stamped batches at the end of the `.log` file and adds
    /// index entries every `indexIntervalBytes`.
    func append(_ batches: ByteBuffer, headers: [RecordBatchHeader], indexIntervalBytes: Int, now: Int64)
        throws(LogStorageError)
    {
        try self.log.write(batches, at: self.size)
        if self.firstAppendTime == nil { self.firstAppendTime = now }
        var position = self.size
        for header in headers {
            try self.indexBatch(header, at: position, indexIntervalBytes: indexIntervalBytes)
            position += Int64(header.totalSize)
        }
        self.size = position
    }

    private func indexBatch(_ header: RecordBatchHeader, at position: Int64, indexIntervalBytes: Int)
        throws(LogStorageError)
    {
        if self.bytesSinceLastIndexEntry >= indexIntervalBytes || self.offsetIndex.entries.isEmpty {
            try self.offsetIndex.append(
                OffsetIndexEntry(relativeOffset: Int32(header.baseOffset - self.baseOffset), position: Int32(position)))
            self.bytesSinceLastIndexEntry = 0
        }
        self.bytesSinceLastIndexEntry += header.totalSize
        if header.maxTimestamp > self.maxTimestamp {
            self.maxTimestamp = header.maxTimestamp
            try self.timeIndex.append(
                TimeIndexEntry(
                    timestamp: header.maxTimestamp, relativeOffset: Int32(header.lastOffset - self.baseOffset)))
        }
        self.nextOffset = header.nextOffset
    }

    // MARK: - Reading

    /// Walks batch headers from `position`, stopping at the end, at a torn batch, or when `body`
    /// returns false.
    func forEachBatch(from position: Int64, _ body: (Int64, RecordBatchHeader) throws(LogStorageError) -> Bool)
        throws(LogStorageError)
    {
        var position = position
        while position + Int64(RecordBatchHeader.size) <= self.size {
            let bytes = try self.log.read(at: position, count: RecordBatchHeader.size)
            guard let header = RecordBatchHeader(buffer: bytes, at: bytes.readerIndex),
                header.batchLength >= RecordBatches.minimumBatchLength,
                position + Int64(header.totalSize) <= self.size
            else { return }
            guard try body(position, header) else { return }
            position += Int64(header.totalSize)
        }
    }

    /// Position of the first batch whose last offset is at least `offset`.
    func position(of offset: Int64) throws(LogStorageError) -> (position: Int64, header: RecordBatchHeader)? {
        let relative = offset - self.baseOffset
        let start = self.offsetIndex.lastEntry(where: { Int64($0.relativeOffset) <= relative })
        var found: (Int64, RecordBatchHeader)?
        try self.forEachBatch(from: Int64(start?.position ?? 0)) { position, header in
            if header.lastOffset >= offset {
                found = (position, header)
                return false
            }
            return true
        }
        return found
    }

    /// The bytes a fetch sends from `position` (the start of the batch holding its offset), as
    /// Kafka's `LogSegment.read` slices them: up to `maxBytes` or the end of what may be read
    /// (`maxOffset`, the high watermark for consumers), so the last batch may be cut short (clients
    /// drop it and fetch it whole next time). The first batch is sent whole even if larger when
    /// `minOneBatch` (KIP-74: a consumer must always make progress); without it, a first batch that
    /// does not fit sends nothing rather than a fragment without a record.
    func range(from position: Int64, firstBatchSize: Int, maxBytes: Int, maxOffset: Int64, minOneBatch: Bool)
        throws(LogStorageError) -> (position: Int64, length: Int)
    {
        var end = self.size
        if maxOffset < self.nextOffset, let (limit, header) = try self.position(of: maxOffset) {
            // A high watermark falls between batches; should one straddle it, it is sent whole.
            end = header.baseOffset < maxOffset ? limit + Int64(header.totalSize) : limit
        }
        let available = Int(max(0, end - position))
        guard available > 0 else { return (position, 0) }
        var length = min(available, maxBytes)
        if length < firstBatchSize {
            length = minOneBatch ? min(available, firstBatchSize) : 0
        }
        return (position, length)
    }

    /// The first record at or after `startingOffset` whose timestamp is at or after `timestamp`, as Kafka's
    /// `LogSegment.findOffsetByTimestamp` and `FileRecords.searchForTimestamp` find it: the time index
    /// narrows the start, each batch's max timestamp skips whole batches, and the records of the first
    /// batch that may hold it are scanned (librdkafka's test 0054 looks up a record inside a batch).
    /// A compressed batch cannot be opened here (no codecs in the broker): it answers its base offset
    /// and max timestamp.
    func offset(forTimestamp timestamp: Int64, startingOffset: Int64 = 0) throws(LogStorageError)
        -> (offset: Int64, timestamp: Int64)?
    {
        guard self.maxTimestamp >= timestamp else { return nil }
        let entry = self.timeIndex.lastEntry(where: { $0.timestamp < timestamp })
        let startOffset = max(self.baseOffset + Int64(entry?.relativeOffset ?? 0), startingOffset)
        let start = try self.position(of: startOffset)?.position ?? 0
        var found: (Int64, Int64)?
        try self.forEachBatch(from: start) { position, header throws(LogStorageError) in
            guard header.maxTimestamp >= timestamp, header.lastOffset >= startingOffset else { return true }
            guard header.attributes.compression == CompressionCodec.none else {
                found = (max(header.baseOffset, startingOffset), header.maxTimestamp)
                return false
            }
            let batch = try self.log.read(at: position, count: header.totalSize)
            let records =
                (try? RecordBatches.decodeRecords(
                    in: batch, from: batch.readerIndex + RecordBatchHeader.size,
                    to: batch.readerIndex + header.totalSize,
                    header: header)) ?? []
            if let record = records.first(where: { $0.timestamp >= timestamp && $0.offset >= startingOffset }) {
                found = (record.offset, record.timestamp)
                return false
            }
            return true
        }
        return found
    }

    // MARK: - Recovery and truncation

    /// Reads every batch, checks its CRC, rebuilds both indexes and cuts the file after the last
    /// good batch. Returns the bytes cut off.
    @discardableResult
    func rebuild(maxBatchSize: Int, indexIntervalBytes: Int) throws(LogStorageError) -> Int64 {
        try self.offsetIndex.reset()
        try self.timeIndex.reset()
        self.bytesSinceLastIndexEntry = 0
        self.maxTimestamp = -1
        self.nextOffset = self.baseOffset
        let fileSize = try self.log.size
        var position: Int64 = 0
        while position + Int64(RecordBatchHeader.size) <= fileSize {
            let headerBytes = try self.log.read(at: position, count: RecordBatchHeader.size)
            guard let header = RecordBatchHeader(buffer: headerBytes, at: headerBytes.readerIndex),
                header.batchLength >= RecordBatches.minimumBatchLength,
                position + Int64(header.totalSize) <= fileSize,
                header.baseOffset >= self.nextOffset
            else { break }
            let batch = try self.log.read(at: position, count: header.totalSize)
            do {
                _ = try RecordBatches.validateBatch(
                    in: batch, at: batch.readerIndex, maxBatchSize: .max, allowsOffsetGaps: true)
            } catch {
                break
            }
            try self.indexBatch(header, at: position, indexIntervalBytes: indexIntervalBytes)
            position += Int64(header.totalSize)
        }
        self.size = position
        if position < fileSize { try self.log.truncate(to: position) }
        return fileSize - position
    }

    /// Finds the end of the segment from its last index entry (a clean restart).
    private func loadTail() throws(LogStorageError) {
        if let lastTime = self.timeIndex.entries.last { self.maxTimestamp = lastTime.timestamp }
        let start = Int64(self.offsetIndex.entries.last?.position ?? 0)
        var end = start
        try self.forEachBatch(from: start) { position, header in
            self.nextOffset = header.nextOffset
            if header.maxTimestamp > self.maxTimestamp { self.maxTimestamp = header.maxTimestamp }
            end = position + Int64(header.totalSize)
            return true
        }
        if end < self.size {
            try self.log.truncate(to: end)  // a torn tail after a clean marker: still never serve it
            self.size = end
        }
    }

    /// Drops every batch at or after `offset` (a follower truncating to its leader).
    func truncate(to offset: Int64) throws(LogStorageError) {
        guard offset < self.nextOffset else { return }
        var cut = self.size
        var newNext = self.baseOffset
        try self.forEachBatch(from: 0) { position, header in
            if header.baseOffset >= offset {
                cut = position
                return false
            }
            newNext = header.nextOffset
            return true
        }
        try self.cutLog(to: cut)
        self.size = cut
        self.nextOffset = newNext
        try self.offsetIndex.truncate(fromRelativeOffset: Int32(clamping: offset - self.baseOffset))
        try self.timeIndex.truncate(fromRelativeOffset: Int32(clamping: offset - self.baseOffset))
        self.maxTimestamp = self.timeIndex.entries.last?.timestamp ?? -1
    }

    /// Cuts the `.log` file to `size`. While a fetch still has a slice of it to send (`FileRecords`),
    /// the kept bytes are copied to a new file that takes the segment's name instead: cutting the
    /// open file would leave `sendfile` short of the length the response already announced.
    private func cutLog(to size: Int64) throws(LogStorageError) {
        guard self.log.hasUnsentSlices else {
            try self.log.truncate(to: size)
            return
        }
        let swapPath = self.logPath + ".cleaned"  // removed at start-up if a crash leaves it
        try FileManagerless.remove(swapPath)
        let copy = try SegmentFile(path: swapPath, create: true)
        var position: Int64 = 0
        while position < size {
            let chunk = try self.log.read(at: position, count: Int(min(1 << 20, size - position)))
            guard chunk.readableBytes > 0 else { break }
            try copy.write(chunk, at: position)
            position += Int64(chunk.readableBytes)
        }
        try FileManagerless.rename(swapPath, to: self.logPath)
        self.log = try SegmentFile(path: self.logPath, create: false)
    }

    func sync() throws(LogStorageError) {
        try self.log.sync()
        try self.offsetIndex.sync()
        try self.timeIndex.sync()
    }

    /// Largest timestamp for retention by time; an empty segment counts from its file's mtime.
    var largestTimestamp: Int64 {
        if self.maxTimestamp >= 0 { return self.maxTimestamp }
        var info = stat()
        guard stat(self.logPath, &info) == 0 else { return 0 }
        return Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
    }

    /// Removes the three files; open descriptors stay valid for readers until released.
    func deleteFiles() {
        for path in [self.logPath, self.offsetIndexPath, self.timeIndexPath] { try? FileManagerless.remove(path) }
    }
}
