import KafkaProtocol
import Logging
import NIOCore
import Synchronization

/// The log of one partition replica: an ordered list of segments in `<log.dir>/<topic>-<partition>/`.
///
/// Appends and metadata changes happen under one lock; a fetch takes the lock only to find its
/// byte range and reads the file after releasing it, so readers never wait behind a slow disk
/// write of another partition, and retention can unlink a segment a reader still holds open.
public final class PartitionLog: Sendable {
    public let topicPartition: TopicPartition
    public let directory: String
    let logger: Logger
    let state: Mutex<State>

    struct State {
        var config: LogConfig
        var segments: [LogSegment]
        var logStartOffset: Int64
        /// Offsets below this are known to be on disk (fsynced); recovery starts here.
        var recoveryPoint: Int64
        var highWatermark: Int64
        var unflushedMessages: Int64 = 0
        var lastFlushTime: Int64
        var isClosed = false
        /// Idempotent producers' last batches, kept in the append path (KIP-98).
        var producers = ProducerStateManager()
        var epochs: LeaderEpochCache

        var activeSegment: LogSegment { self.segments[self.segments.count - 1] }
        var logEndOffset: Int64 { self.activeSegment.nextOffset }
    }

    /// The result of a leader append, used in the Produce response.
    public struct AppendResult: Sendable, Equatable {
        public var firstOffset: Int64
        public var lastOffset: Int64
        /// `-1` unless the topic uses `LogAppendTime`.
        public var logAppendTime: Int64
        public var logStartOffset: Int64
        public var recordCount: Int
        /// A retried idempotent batch that was already in the log: nothing was written and
        /// the offsets are those of the first append.
        public var isDuplicate = false
    }

    /// Records read into memory, with the offsets a fetch response carries.
    public struct ReadResult: Sendable {
        public var records: ByteBuffer
        public var logStartOffset: Int64
        public var logEndOffset: Int64
        public var highWatermark: Int64
    }

    /// What a fetch may send: a range of one segment file (nil when there is nothing to send).
    public struct SliceResult: Sendable {
        public var records: FileRecords?
        public var logStartOffset: Int64
        public var logEndOffset: Int64
        public var highWatermark: Int64
    }

    /// Opens or creates the log in `directory`. `isCleanShutdown` skips the full CRC scan of the
    /// segments after `recoveryPoint`, as Kafka does when it finds `.kafka_cleanshutdown`.
    public init(
        topicPartition: TopicPartition, directory: String, config: LogConfig, recoveryPoint: Int64 = 0,
        logStartOffset: Int64 = 0, isCleanShutdown: Bool = true, now: Int64, logger: Logger
    ) throws(LogStorageError) {
        self.topicPartition = topicPartition
        self.directory = directory
        var logger = logger
        logger[metadataKey: "partition"] = "\(topicPartition)"
        self.logger = logger
        try FileManagerless.makeDirectory(directory)
        let swapped = try Self.completeInterruptedSwaps(in: directory)
        var baseOffsets: [Int64] = []
        for name in try FileManagerless.contents(of: directory) {
            if name.hasSuffix(".deleted") || name.hasSuffix(".cleaned") || name.hasSuffix(".swap") {
                try? FileManagerless.remove("\(directory)/\(name)")  // leftovers of an interrupted write
            } else if name.hasSuffix(".log"), let base = Int64(name.dropLast(4)) {
                baseOffsets.append(base)
            }
        }
        baseOffsets.sort()
        if baseOffsets.isEmpty { baseOffsets = [logStartOffset] }
        var segments: [LogSegment] = []
        for base in baseOffsets {
            // Unflushed segments may hold a torn or corrupt tail after a crash.
            let mustRecover =
                swapped.contains(base) || !isCleanShutdown && (base >= recoveryPoint || base == baseOffsets.last)
            let segment = try LogSegment(
                directory: directory, baseOffset: base, recover: mustRecover,
                maxBatchSize: config.maxMessageBytes, indexIntervalBytes: config.indexIntervalBytes)
            segments.append(segment)
        }
        // After truncation in recovery, a later segment may start past a gap; keep them in order.
        let end = segments.last?.nextOffset ?? logStartOffset
        let start = min(max(logStartOffset, segments.first?.baseOffset ?? 0), end)
        logger.debug(
            "loaded log",
            metadata: ["segments": "\(segments.count)", "logEndOffset": "\(end)", "logStartOffset": "\(start)"])
        var state = State(
            config: config, segments: segments, logStartOffset: start, recoveryPoint: min(recoveryPoint, end),
            highWatermark: end, lastFlushTime: now, epochs: Self.loadEpochs(directory: directory, logEndOffset: end))
        try Self.rebuildProducerState(&state)
        self.state = Mutex(state)
    }

    /// The epoch cache, trimmed to the log as recovered (a crash may have cut the tail).
    private static func loadEpochs(directory: String, logEndOffset: Int64) -> LeaderEpochCache {
        var cache = LeaderEpochCache(directory: directory)
        cache.truncate(fromOffset: logEndOffset + 1)
        return cache
    }

    /// Rebuilds the idempotent producers' state by walking the batch headers of the log (Kafka
    /// keeps snapshots; reading 61 bytes per batch is enough for a teaching broker's logs).
    static func rebuildProducerState(_ state: inout State) throws(LogStorageError) {
        state.producers.removeAll()
        var producers = ProducerStateManager()
        for segment in state.segments {
            try segment.forEachBatch(from: 0) { _, header throws(LogStorageError) in
                producers.replay(header)
                return true
            }
        }
        state.producers = producers
    }

    /// What the partition knows of an idempotent producer (tests, DescribeProducers).
    public func producerState(for producerId: Int64) -> ProducerStateManager.Entry? {
        self.state.withLock { $0.producers.entry(for: producerId) }
    }

    // MARK: - Offsets

    public var logEndOffset: Int64 { self.state.withLock { $0.logEndOffset } }
    public var logStartOffset: Int64 { self.state.withLock { $0.logStartOffset } }
    public var recoveryPoint: Int64 { self.state.withLock { $0.recoveryPoint } }
    public var config: LogConfig { self.state.withLock { $0.config } }
    public var segmentCount: Int { self.state.withLock { $0.segments.count } }
    public var sizeInBytes: Int64 { self.state.withLock { $0.segments.reduce(0) { $0 + $1.size } } }
    public var segmentBaseOffsets: [Int64] { self.state.withLock { $0.segments.map(\.baseOffset) } }

    /// The offset below which every in-sync replica has the data. A standalone broker moves it
    /// with the log end; the replica manager moves it in a cluster.
    public var highWatermark: Int64 {
        self.state.withLock { $0.highWatermark }
    }

    public func updateHighWatermark(_ offset: Int64) {
        self.state.withLock { state in state.highWatermark = min(max(offset, state.logStartOffset), state.logEndOffset)
        }
    }

    public func updateConfig(_ config: LogConfig) {
        self.state.withLock { $0.config = config }
    }

    // MARK: - Append

    /// Appends the batches of a Produce request as the partition leader: validates them (magic,
    /// CRC, record count, size), stamps offsets and the leader epoch, and writes the bytes as they
    /// came. `advanceHighWatermark` is true on a standalone broker, where the leader is the ISR.
    public func appendAsLeader(
        _ records: ByteBuffer, leaderEpoch: Int32, now: Int64, advanceHighWatermark: Bool
    ) throws(LogStorageError) -> AppendResult {
        var records = records
        let maxBatchSize = self.state.withLock { $0.config.maxMessageBytes }
        let headers: [RecordBatchHeader]
        do {
            headers = try RecordBatches.validate(records, maxBatchSize: maxBatchSize)
        } catch {
            throw .invalidBatch(error)
        }
        return try self.state.withLock { state throws(LogStorageError) -> AppendResult in
            guard !state.isClosed else { throw .logClosed(self.topicPartition) }
            let firstOffset = state.logEndOffset
            let appendTime: Int64? = state.config.timestampType == .logAppendTime ? now : nil
            var stamped = headers
            var next = firstOffset
            for index in stamped.indices {
                stamped[index].baseOffset = next
                if let appendTime { stamped[index].maxTimestamp = appendTime }
                next = stamped[index].nextOffset
            }
            // Idempotent producers: checked against the state before anything is written; only
            // producers in this request are touched, so the common case stays a dictionary lookup.
            var touched: [Int64: ProducerStateManager.Entry] = [:]
            for header in stamped where ProducerStateManager.isIdempotent(header) {
                let current = touched[header.producerId] ?? state.producers.entry(for: header.producerId)
                switch try ProducerStateManager.validate(header, against: current) {
                case .accept:
                    touched[header.producerId] = ProducerStateManager.updated(current, with: header)
                case .duplicate(let batch):
                    guard stamped.count == 1 else {
                        throw .outOfOrderSequence(
                            producerId: header.producerId,
                            expected: ProducerStateManager.increment(current?.lastSequence ?? -1, by: 1),
                            received: header.baseSequence)
                    }
                    return AppendResult(
                        firstOffset: batch.firstOffset, lastOffset: batch.lastOffset, logAppendTime: -1,
                        logStartOffset: state.logStartOffset, recordCount: 0, isDuplicate: true)
                }
            }
            RecordBatches.assignOffsets(
                in: &records, headers: headers, firstOffset: firstOffset, partitionLeaderEpoch: leaderEpoch,
                logAppendTime: appendTime)
            state.epochs.assign(epoch: leaderEpoch, startOffset: firstOffset)
            try self.append(records, headers: stamped, state: &state, now: now)
            for (producerId, entry) in touched { state.producers.set(entry, for: producerId) }
            if advanceHighWatermark { state.highWatermark = state.logEndOffset }
            return AppendResult(
                firstOffset: firstOffset, lastOffset: next - 1, logAppendTime: appendTime ?? -1,
                logStartOffset: state.logStartOffset, recordCount: stamped.reduce(0) { $0 + Int($1.recordsCount) })
        }
    }

    /// Appends batches that already carry offsets (a follower copying its leader).
    /// A batch cut short at the end of the leader's response is left out; the next fetch brings it.
    public func appendAsFollower(_ records: ByteBuffer, now: Int64) throws(LogStorageError) -> Int64 {
        let whole = RecordBatches.completeBatchesLength(in: records)
        guard whole > 0, let records = records.getSlice(at: records.readerIndex, length: whole) else {
            return self.logEndOffset
        }
        let headers: [RecordBatchHeader]
        do {
            headers = try RecordBatches.validate(records, allowsOffsetGaps: true)  // a compacted leader's batches
        } catch {
            throw .invalidBatch(error)
        }
        return try self.state.withLock { state throws(LogStorageError) -> Int64 in
            guard !state.isClosed else { throw .logClosed(self.topicPartition) }
            guard let first = headers.first, first.baseOffset >= state.logEndOffset else {
                return state.logEndOffset  // already have these offsets
            }
            for header in headers {
                state.epochs.assign(epoch: header.partitionLeaderEpoch, startOffset: header.baseOffset)
            }
            try self.append(records, headers: headers, state: &state, now: now)
            for header in headers { state.producers.replay(header) }
            return state.logEndOffset
        }
    }

    func append(_ records: ByteBuffer, headers: [RecordBatchHeader], state: inout State, now: Int64)
        throws(LogStorageError)
    {
        let size = records.readableBytes
        let active = state.activeSegment
        let isFull = active.size > 0 && active.size + Int64(size) > Int64(state.config.segmentBytes)
        let isOld = active.size > 0 && now - (active.firstAppendTime ?? now) >= state.config.segmentMs
        let offsetTooFar = (headers.last?.lastOffset ?? 0) - active.baseOffset > Int64(Int32.max)
        if isFull || isOld || offsetTooFar {
            try self.roll(state: &state, baseOffset: headers.first?.baseOffset ?? state.logEndOffset)
        }
        try state.activeSegment.append(
            records, headers: headers, indexIntervalBytes: state.config.indexIntervalBytes, now: now)
        state.unflushedMessages += headers.reduce(0) { $0 + Int64($1.recordsCount) }
        if state.unflushedMessages >= state.config.flushMessages {
            try self.flush(state: &state, now: now)
        }
    }

    func roll(state: inout State, baseOffset: Int64) throws(LogStorageError) {
        let segment = try LogSegment(
            directory: self.directory, baseOffset: baseOffset, recover: false,
            maxBatchSize: state.config.maxMessageBytes, indexIntervalBytes: state.config.indexIntervalBytes)
        state.segments.append(segment)
        self.logger.debug("rolled new segment", metadata: ["baseOffset": "\(baseOffset)"])
    }

    // MARK: - Read

    /// Reads from `offset` into memory (`pread`): for the broker's own readers (the group
    /// coordinator, tests). Fetches send `slice(from:...)` with `sendfile` instead.
    public func read(from offset: Int64, maxBytes: Int, maxOffset: Int64? = nil, minOneBatch: Bool = true)
        throws(LogStorageError) -> ReadResult
    {
        let slice = try self.slice(from: offset, maxBytes: maxBytes, maxOffset: maxOffset, minOneBatch: minOneBatch)
        return ReadResult(
            records: try slice.records?.read() ?? ByteBuffer(), logStartOffset: slice.logStartOffset,
            logEndOffset: slice.logEndOffset, highWatermark: slice.highWatermark)
    }

    /// The byte range of one segment file a fetch at `offset` sends, found under the lock; the
    /// bytes themselves are read (or sent) after it is released. `maxOffset` bounds what a consumer
    /// may see (the high watermark); a follower passes the log end offset. Like Kafka, a fetch reads
    /// from one segment: the next fetch continues in the next one.
    public func slice(from offset: Int64, maxBytes: Int, maxOffset: Int64? = nil, minOneBatch: Bool = true)
        throws(LogStorageError) -> SliceResult
    {
        try self.state.withLock { state throws(LogStorageError) -> SliceResult in
            var result = SliceResult(
                records: nil, logStartOffset: state.logStartOffset, logEndOffset: state.logEndOffset,
                highWatermark: state.highWatermark)
            guard offset >= state.logStartOffset, offset <= state.logEndOffset else {
                throw .offsetOutOfRange(
                    requested: offset, logStartOffset: state.logStartOffset, logEndOffset: state.logEndOffset)
            }
            let limit = min(maxOffset ?? state.logEndOffset, state.logEndOffset)
            guard offset < limit else { return result }
            // The segment holding `offset`, or the next one if it fell in a gap.
            var index = state.segments.lastIndex(where: { $0.baseOffset <= offset }) ?? 0
            while index < state.segments.count {
                let segment = state.segments[index]
                if let (position, header) = try segment.position(of: offset) {
                    guard header.baseOffset < limit else { return result }
                    let range = try segment.range(
                        from: position, firstBatchSize: header.totalSize, maxBytes: maxBytes, maxOffset: limit,
                        minOneBatch: minOneBatch)
                    if range.length > 0 {
                        result.records = FileRecords(file: segment.log, position: range.position, length: range.length)
                    }
                    return result
                }
                index += 1
            }
            return result
        }
    }

    /// The earliest offset whose timestamp is at or after `timestamp` (ListOffsets by time).
    public func offset(forTimestamp timestamp: Int64) throws(LogStorageError) -> (offset: Int64, timestamp: Int64)? {
        try self.state.withLock { state throws(LogStorageError) -> (offset: Int64, timestamp: Int64)? in
            for segment in state.segments {
                if let found = try segment.offset(forTimestamp: timestamp, startingOffset: state.logStartOffset) {
                    return (max(found.offset, state.logStartOffset), found.timestamp)
                }
            }
            return nil
        }
    }

    /// The offset and timestamp of the record with the largest timestamp (ListOffsets -3, KIP-734).
    public var maxTimestampAndOffset: (offset: Int64, timestamp: Int64)? {
        self.state.withLock { state in
            guard let segment = state.segments.max(by: { $0.maxTimestamp < $1.maxTimestamp }),
                segment.maxTimestamp >= 0,
                let entry = segment.timeIndex.entries.last
            else { return nil }
            return (segment.baseOffset + Int64(entry.relativeOffset), segment.maxTimestamp)
        }
    }

}
