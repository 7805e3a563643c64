import KafkaProtocol
import NIOCore
import Synchronization

/// Log compaction of one partition, as Kafka's `LogCleaner.Cleaner` does it: build a map of
/// key → last offset over the dirty section (Kafka's `OffsetMap`), then rewrite every segment
/// below the first uncleanable offset keeping a record only if no later record has its key.
/// Records keep their offsets (gaps are allowed); tombstones stay until `delete.retention.ms`
/// after their segment was first cleaned. Segments are grouped up to `segment.bytes` and each
/// group swapped in as Kafka does: `<base>.log.cleaned`, renamed `<base>.log.swap`, the old
/// segments deleted, then renamed `<base>.log` with its indexes rebuilt. Unlike Kafka the pass
/// runs under the log's lock (appends to this partition wait for it).
extension PartitionLog {
    /// The dirty section and its ratio now, from the cleaner checkpoint `firstDirtyOffset`.
    public func cleanableRange(firstDirtyOffset checkpoint: Int64, now: Int64) -> CleanableRange {
        self.state.withLock { Self.cleanableRange(state: $0, checkpoint: checkpoint, now: now) }
    }

    static func cleanableRange(state: State, checkpoint: Int64, now: Int64) -> CleanableRange {
        let firstDirty =
            checkpoint < state.logStartOffset || checkpoint > state.logEndOffset
            ? state.logStartOffset : checkpoint
        var firstUncleanable = min(state.activeSegment.baseOffset, state.highWatermark)
        let lag = state.config.minCompactionLagMs
        var cleanBytes: Int64 = 0
        var dirtyBytes: Int64 = 0
        var oldestDirtyTimestamp: Int64?
        for (index, segment) in state.segments.enumerated() {
            let next = index + 1 < state.segments.count ? state.segments[index + 1].baseOffset : state.logEndOffset
            if segment.baseOffset >= firstDirty, next > firstUncleanable {
                firstUncleanable = min(firstUncleanable, segment.baseOffset)
            }
            if segment.baseOffset >= firstDirty, segment.baseOffset < firstUncleanable, lag > 0,
                now - segment.largestTimestamp < lag
            {
                firstUncleanable = segment.baseOffset  // too young to compact, and so is all after it
            }
            guard segment.baseOffset < firstUncleanable else { break }
            if segment.baseOffset >= firstDirty {
                dirtyBytes += segment.size
                if segment.maxTimestamp >= 0 {
                    oldestDirtyTimestamp = min(oldestDirtyTimestamp ?? .max, segment.maxTimestamp)
                }
            } else {
                cleanBytes += segment.size
            }
        }
        let maxLag = state.config.maxCompactionLagMs
        let overdue = dirtyBytes > 0 && maxLag != .max && oldestDirtyTimestamp.map { now - $0 > maxLag } == true
        return CleanableRange(
            firstDirtyOffset: firstDirty, firstUncleanableOffset: max(firstDirty, firstUncleanable),
            cleanBytes: cleanBytes, dirtyBytes: dirtyBytes, isOverdue: overdue)
    }

    /// Cleans the log if it is compacted and cleanable (`force` ignores the dirty ratio, as a
    /// REPL request does). Returns nil when nothing was cleaned; the caller stores the new
    /// checkpoint (`result.firstUncleanableOffset`).
    public func clean(firstDirtyOffset checkpoint: Int64, now: Int64, force: Bool = false) throws(LogStorageError)
        -> CleaningResult?
    {
        try self.state.withLock { state throws(LogStorageError) -> CleaningResult? in
            guard !state.isClosed, state.config.isCompacted else { return nil }
            let range = Self.cleanableRange(state: state, checkpoint: checkpoint, now: now)
            guard range.dirtyBytes > 0,
                force || range.isOverdue || range.dirtyRatio >= state.config.minCleanableDirtyRatio
            else { return nil }
            return try self.clean(range: range, state: &state, now: now)
        }
    }

    /// Per segment: records, distinct keys, tombstones (the REPL's view).
    public func segmentSummaries() throws(LogStorageError) -> [SegmentSummary] {
        try self.state.withLock { state throws(LogStorageError) -> [SegmentSummary] in
            var summaries: [SegmentSummary] = []
            for segment in state.segments { summaries.append(try Self.summary(of: segment)) }
            return summaries
        }
    }

    private static func summary(of segment: LogSegment) throws(LogStorageError) -> SegmentSummary {
        var summary = SegmentSummary(
            baseOffset: segment.baseOffset, records: 0, keys: 0, tombstones: 0, bytes: segment.size)
        var keys = Set<ByteBuffer>()
        try segment.forEachBatch(from: 0) { position, header throws(LogStorageError) in
            summary.records += Int(header.recordsCount)
            guard header.attributes.compression == CompressionCodec.none, !header.attributes.isControl else {
                return true
            }
            let batch = try segment.log.read(at: position, count: header.totalSize)
            for record in CleanerBatches.records(of: batch, header: header) ?? [] {
                if let key = record.key { keys.insert(key) }
                if record.isTombstone { summary.tombstones += 1 }
            }
            return true
        }
        summary.keys = keys.count
        return summary
    }

    private func clean(range: CleanableRange, state: inout State, now: Int64) throws(LogStorageError) -> CleaningResult
    {
        let before = try state.segments.map { segment throws(LogStorageError) in try Self.summary(of: segment) }
        let toClean = state.segments.filter { $0.baseOffset < range.firstUncleanableOffset }
        // Kafka's OffsetMap: the last offset of every key in the dirty section.
        var lastOffsets: [ByteBuffer: Int64] = [:]
        for segment in toClean where segment.baseOffset >= range.firstDirtyOffset {
            try Self.forEachCleanableBatch(of: segment) { _, _, records in
                for record in records ?? [] {
                    if let key = record.key { lastOffsets[key] = record.offset }
                }
            }
        }
        var read = 0
        var removed = 0
        var tombstonesRemoved = 0
        var cleaned: [(segment: LogSegment, bytes: ByteBuffer, wasClean: Bool)] = []
        for segment in toClean {
            let wasClean = segment.baseOffset < range.firstDirtyOffset
            // A tombstone in a segment cleaned before goes once delete.retention.ms has passed since.
            let tombstonesExpired =
                wasClean
                && now - SegmentClock.modifiedTime(of: segment.logPath) > state.config.deleteRetentionMs
            var output = ByteBufferAllocator().buffer(capacity: Int(segment.size))
            try Self.forEachCleanableBatch(of: segment) { header, batch, records in
                guard let records else {
                    output.writeImmutableBuffer(batch)  // compressed or control: kept whole
                    return
                }
                read += records.count
                let kept = records.filter { record in
                    if let key = record.key, let last = lastOffsets[key], record.offset < last { return false }
                    return !(record.isTombstone && tombstonesExpired)
                }
                removed += records.count - kept.count
                tombstonesRemoved += records.filter(\.isTombstone).count - kept.filter(\.isTombstone).count
                if kept.count == records.count {
                    output.writeImmutableBuffer(batch)
                } else if !kept.isEmpty {
                    output.writeImmutableBuffer(CleanerBatches.rewrite(header: header, keeping: kept))
                }
            }
            cleaned.append((segment, output, wasClean))
        }
        // Kafka's groupSegmentsBySize: neighbours whose cleaned bytes fit in one segment.
        var groups: [[Int]] = []
        var groupBytes = 0
        for index in cleaned.indices {
            let size = cleaned[index].bytes.readableBytes
            let next = index + 1 < state.segments.count ? state.segments[index + 1].baseOffset : state.logEndOffset
            if let group = groups.last, groupBytes + size <= state.config.segmentBytes,
                next - cleaned[group[0]].segment.baseOffset <= Int64(Int32.max)
            {
                groups[groups.count - 1].append(index)
                groupBytes += size
            } else {
                groups.append([index])
                groupBytes = size
            }
        }
        var replaced: [Int64: LogSegment] = [:]
        for group in groups {
            let members = group.map { cleaned[$0] }
            let unchanged = members.count == 1 && members[0].bytes.readableBytes == Int(members[0].segment.size)
            if unchanged {
                // Nothing to drop: only the first-cleaned time is recorded.
                if !members[0].wasClean { SegmentClock.setModifiedTime(of: members[0].segment.logPath, to: now) }
                continue
            }
            var bytes = ByteBufferAllocator().buffer(capacity: members.reduce(0) { $0 + $1.bytes.readableBytes })
            for member in members { bytes.writeImmutableBuffer(member.bytes) }
            // The time a segment was first cleaned; a group of already clean segments keeps the latest.
            let stamp =
                members.allSatisfy(\.wasClean)
                ? members.map { SegmentClock.modifiedTime(of: $0.segment.logPath) }.max() ?? now : now
            let segment = try self.swapIn(
                bytes, replacing: members.map(\.segment), modifiedTime: stamp, config: state.config)
            replaced[members[0].segment.baseOffset] = segment
        }
        let groupedAway = Set(groups.flatMap { $0.dropFirst() }.map { cleaned[$0].segment.baseOffset })
        state.segments = state.segments.compactMap { segment in
            if groupedAway.contains(segment.baseOffset) { return nil }
            return replaced[segment.baseOffset] ?? segment
        }
        try Self.rebuildProducerState(&state)
        let after = try state.segments.map { segment throws(LogStorageError) in try Self.summary(of: segment) }
        return CleaningResult(
            firstDirtyOffset: range.firstDirtyOffset, firstUncleanableOffset: range.firstUncleanableOffset,
            recordsRead: read, recordsRemoved: removed, tombstonesRemoved: tombstonesRemoved, before: before,
            after: after)
    }

    /// Calls `body` with each batch of `segment`; `records` is nil for a batch the cleaner keeps
    /// whole (compressed: the broker has no codecs; control batches).
    private static func forEachCleanableBatch(
        of segment: LogSegment,
        _ body: (RecordBatchHeader, ByteBuffer, [CleanerRecord]?) throws(LogStorageError) -> Void
    ) throws(LogStorageError) {
        try segment.forEachBatch(from: 0) { position, header throws(LogStorageError) in
            let batch = try segment.log.read(at: position, count: header.totalSize)
            let readable = header.attributes.compression == CompressionCodec.none && !header.attributes.isControl
            try body(header, batch, readable ? CleanerBatches.records(of: batch, header: header) : nil)
            return true
        }
    }

    /// Kafka's `replaceSegments`: the new file is complete and synced as `.cleaned`, becomes
    /// `.swap` (from here a crash finishes the swap at start-up), the old segments are deleted,
    /// and the swap takes the first one's name. Readers holding the old files keep their bytes.
    private func swapIn(_ bytes: ByteBuffer, replacing old: [LogSegment], modifiedTime: Int64, config: LogConfig)
        throws(LogStorageError) -> LogSegment
    {
        let base = old[0].baseOffset
        let logPath = old[0].logPath
        let cleanedPath = logPath + ".cleaned"
        let swapPath = logPath + ".swap"
        try FileManagerless.remove(cleanedPath)
        let file = try SegmentFile(path: cleanedPath, create: true)
        try file.write(bytes, at: 0)
        try file.sync()
        try FileManagerless.rename(cleanedPath, to: swapPath)
        for segment in old { segment.deleteFiles() }
        try FileManagerless.rename(swapPath, to: logPath)
        SegmentClock.setModifiedTime(of: logPath, to: modifiedTime)
        return try LogSegment(
            directory: self.directory, baseOffset: base, recover: true, maxBatchSize: config.maxMessageBytes,
            indexIntervalBytes: config.indexIntervalBytes)
    }
}

extension PartitionLog {
    /// Start-up half of the swap (Kafka's `LogLoader` with `.swap` files): a `<base>.log.swap`
    /// was complete and synced before it got that name, so the swap is finished — the segments
    /// it replaces (base offsets from its own up to its last offset) are deleted and it takes its
    /// name. A `.cleaned` file was not complete and is deleted by the caller. Returns the base
    /// offsets of the segments whose indexes must be rebuilt.
    static func completeInterruptedSwaps(in directory: String) throws(LogStorageError) -> Set<Int64> {
        var swapped: Set<Int64> = []
        let names = try FileManagerless.contents(of: directory)
        for name in names where name.hasSuffix(".log.swap") {
            guard let base = Int64(name.dropLast(".log.swap".count)) else { continue }
            let swapPath = "\(directory)/\(name)"
            let lastOffset = try Self.lastOffset(ofFile: swapPath) ?? base
            for other in names where other.hasSuffix(".log") {
                guard let otherBase = Int64(other.dropLast(4)), otherBase >= base, otherBase <= lastOffset else {
                    continue
                }
                for suffix in [".log", ".index", ".timeindex"] {
                    try FileManagerless.remove(
                        "\(directory)/\(LogSegment.fileName(baseOffset: otherBase, suffix: suffix))")
                }
            }
            for suffix in [".index", ".timeindex"] {
                try FileManagerless.remove("\(directory)/\(LogSegment.fileName(baseOffset: base, suffix: suffix))")
            }
            try FileManagerless.rename(
                swapPath, to: "\(directory)/\(LogSegment.fileName(baseOffset: base, suffix: ".log"))")
            swapped.insert(base)
        }
        return swapped
    }

    /// The last offset of the complete batches in a `.log` file (nil if it has none).
    private static func lastOffset(ofFile path: String) throws(LogStorageError) -> Int64? {
        let file = try SegmentFile(path: path, create: false)
        let size = try file.size
        var position: Int64 = 0
        var last: Int64?
        while position + Int64(RecordBatchHeader.size) <= size {
            let bytes = try file.read(at: position, count: RecordBatchHeader.size)
            guard let header = RecordBatchHeader(buffer: bytes, at: bytes.readerIndex),
                header.batchLength >= RecordBatches.minimumBatchLength,
                position + Int64(header.totalSize) <= size
            else { break }
            last = header.lastOffset
            position += Int64(header.totalSize)
        }
        return last
    }
}
