import KafkaProtocol
import Logging
import NIOCore
import Synchronization

/// The log's life after appends: truncation (a follower's diverged tail), DeleteRecords, retention
/// by time and size, the leader-epoch cache, flushes, and closing or deleting the partition.
extension PartitionLog {
    /// Removes everything at or after `offset` (a follower whose tail diverged from its leader).
    public func truncate(to offset: Int64) throws(LogStorageError) {
        try self.state.withLock { state throws(LogStorageError) in
            guard offset < state.logEndOffset else { return }
            while state.segments.count > 1, state.activeSegment.baseOffset >= offset {
                let removed = state.segments.removeLast()
                removed.deleteFiles()
            }
            if state.activeSegment.baseOffset >= offset, state.activeSegment.baseOffset != offset {
                let removed = state.segments.removeLast()
                removed.deleteFiles()
                state.segments.append(
                    try LogSegment(
                        directory: self.directory, baseOffset: offset, recover: false,
                        maxBatchSize: state.config.maxMessageBytes,
                        indexIntervalBytes: state.config.indexIntervalBytes))
            } else {
                try state.activeSegment.truncate(to: offset)
            }
            state.epochs.truncate(fromOffset: offset)
            state.logStartOffset = min(state.logStartOffset, state.logEndOffset)
            state.highWatermark = min(state.highWatermark, state.logEndOffset)
            state.recoveryPoint = min(state.recoveryPoint, state.logEndOffset)
            try Self.rebuildProducerState(&state)
        }
    }

    /// Advances the log start offset (DeleteRecords); whole segments below it go at retention.
    public func deleteRecords(before offset: Int64) throws(LogStorageError) -> Int64 {
        try self.state.withLock { state throws(LogStorageError) -> Int64 in
            guard offset <= state.highWatermark else {
                throw .offsetOutOfRange(
                    requested: offset, logStartOffset: state.logStartOffset, logEndOffset: state.highWatermark)
            }
            state.logStartOffset = max(state.logStartOffset, offset)
            return state.logStartOffset
        }
    }

    /// Deletes whole segments that are too old (`retention.ms`), push the log over
    /// `retention.bytes`, or lie entirely below the log start offset. The active segment is rolled
    /// first when it must go too, so the log always keeps one (empty) segment and its end offset.
    /// Returns the base offsets of the deleted segments.
    @discardableResult
    public func applyRetention(now: Int64) throws(LogStorageError) -> [Int64] {
        try self.state.withLock { state throws(LogStorageError) -> [Int64] in
            guard !state.isClosed, state.config.cleanupPolicy.contains("delete") else { return [] }
            var deletable = 0
            var remainingBytes = state.segments.reduce(Int64(0)) { $0 + $1.size }
            for (index, segment) in state.segments.enumerated() {
                let next = index + 1 < state.segments.count ? state.segments[index + 1].baseOffset : state.logEndOffset
                let isEmptyActive = index == state.segments.count - 1 && segment.size == 0
                if isEmptyActive { break }
                let belowStart = next <= state.logStartOffset
                let expired = state.config.retentionMs >= 0 && now - segment.largestTimestamp > state.config.retentionMs
                let oversized =
                    state.config.retentionBytes >= 0 && remainingBytes - segment.size >= state.config.retentionBytes
                guard belowStart || expired || oversized else { break }
                remainingBytes -= segment.size
                deletable += 1
            }
            guard deletable > 0 else { return [] }
            if deletable == state.segments.count {
                try self.roll(state: &state, baseOffset: state.logEndOffset)
            }
            let removed = state.segments.prefix(deletable)
            state.segments.removeFirst(deletable)
            for segment in removed { segment.deleteFiles() }
            state.logStartOffset = max(state.logStartOffset, state.segments[0].baseOffset)
            state.highWatermark = max(state.highWatermark, state.logStartOffset)
            let bases = removed.map(\.baseOffset)
            self.logger.info(
                "deleted segments by retention",
                metadata: ["baseOffsets": "\(bases)", "logStartOffset": "\(state.logStartOffset)"])
            return bases
        }
    }

    /// OffsetForLeaderEpoch: the largest epoch ≤ `epoch` this log knows and where it ended.
    public func endOffset(forLeaderEpoch epoch: Int32) -> (epoch: Int32, endOffset: Int64) {
        self.state.withLock { $0.epochs.endOffset(for: epoch, logEndOffset: $0.logEndOffset) }
    }

    /// The newest leader epoch that wrote to this log (-1 if none).
    public var latestEpoch: Int32 { self.state.withLock { $0.epochs.latestEpoch ?? -1 } }

    /// Records a new leader epoch starting at the current end (this replica just became leader).
    public func assignLeaderEpoch(_ epoch: Int32) {
        self.state.withLock { state in state.epochs.assign(epoch: epoch, startOffset: state.logEndOffset) }
    }

    /// Writes dirty pages to disk if `flush.ms` has passed since the last flush.
    public func flushIfDue(now: Int64) throws(LogStorageError) {
        try self.state.withLock { state throws(LogStorageError) in
            guard !state.isClosed, state.unflushedMessages > 0,
                state.config.flushMs != .max, now - state.lastFlushTime >= state.config.flushMs
            else { return }
            try self.flush(state: &state, now: now)
        }
    }

    public func flush(now: Int64) throws(LogStorageError) {
        try self.state.withLock { state throws(LogStorageError) in
            guard !state.isClosed else { return }
            try self.flush(state: &state, now: now)
        }
    }

    func flush(state: inout State, now: Int64) throws(LogStorageError) {
        for segment in state.segments where segment.nextOffset > state.recoveryPoint { try segment.sync() }
        state.recoveryPoint = state.logEndOffset
        state.unflushedMessages = 0
        state.lastFlushTime = now
    }

    /// Stops accepting appends; with `deleteFiles` also removes the directory (DeleteTopics).
    public func close(deleteFiles: Bool = false) {
        self.state.withLock { state in
            state.isClosed = true
            if deleteFiles {
                for segment in state.segments { segment.deleteFiles() }
                try? FileManagerless.removeTree(self.directory)
            }
        }
    }
}
