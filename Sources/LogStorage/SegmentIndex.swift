import NIOCore

/// One entry of a sparse segment index, stored big-endian with a fixed size.
protocol SegmentIndexEntry: Sendable {
    static var size: Int { get }
    /// The offset this entry points at, relative to the segment's base offset.
    var relativeOffset: Int32 { get }
    init?(buffer: ByteBuffer, at index: Int)
    func write(to buffer: inout ByteBuffer)
}

/// `.index`: relative offset → byte position of the batch holding it in the `.log` file.
struct OffsetIndexEntry: SegmentIndexEntry, Equatable {
    static let size = 8
    var relativeOffset: Int32
    var position: Int32

    init(relativeOffset: Int32, position: Int32) {
        self.relativeOffset = relativeOffset
        self.position = position
    }

    init?(buffer: ByteBuffer, at index: Int) {
        guard let offset = buffer.getInteger(at: index, as: Int32.self),
            let position = buffer.getInteger(at: index + 4, as: Int32.self)
        else { return nil }
        self.init(relativeOffset: offset, position: position)
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(self.relativeOffset)
        buffer.writeInteger(self.position)
    }
}

/// `.timeindex`: largest timestamp so far → relative offset of the batch that carried it.
struct TimeIndexEntry: SegmentIndexEntry, Equatable {
    static let size = 12
    var timestamp: Int64
    var relativeOffset: Int32

    init(timestamp: Int64, relativeOffset: Int32) {
        self.timestamp = timestamp
        self.relativeOffset = relativeOffset
    }

    init?(buffer: ByteBuffer, at index: Int) {
        guard let timestamp = buffer.getInteger(at: index, as: Int64.self),
            let offset = buffer.getInteger(at: index + 8, as: Int32.self)
        else { return nil }
        self.init(timestamp: timestamp, relativeOffset: offset)
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(self.timestamp)
        buffer.writeInteger(self.relativeOffset)
    }
}

/// A sparse index file kept in memory and appended on disk. Unlike Kafka we do not preallocate
/// and mmap the file: the entries are few (one per `index.interval.bytes`) and an array is
/// simpler to read; the bytes on disk have Kafka's layout.
struct SegmentIndex<Entry: SegmentIndexEntry>: Sendable {
    let file: SegmentFile
    private(set) var entries: [Entry]

    /// Opens (or creates) the index at `path`. Throws `corruptIndex` when the file is not a whole
    /// number of entries or its offsets go backwards, so the caller can rebuild it.
    init(path: String) throws(LogStorageError) {
        self.file = try SegmentFile(path: path, create: true)
        let size = try self.file.size
        guard size % Int64(Entry.size) == 0 else {
            throw .corruptIndex(path: path, reason: "\(size) bytes is not a multiple of \(Entry.size)")
        }
        let bytes = try self.file.read(at: 0, count: Int(size))
        var entries: [Entry] = []
        entries.reserveCapacity(Int(size) / Entry.size)
        var index = bytes.readerIndex
        while let entry = Entry(buffer: bytes, at: index) {
            if let last = entries.last, entry.relativeOffset < last.relativeOffset {
                throw .corruptIndex(path: path, reason: "offsets go backwards at entry \(entries.count)")
            }
            entries.append(entry)
            index += Entry.size
        }
        self.entries = entries
    }

    mutating func append(_ entry: Entry) throws(LogStorageError) {
        var buffer = ByteBufferAllocator().buffer(capacity: Entry.size)
        entry.write(to: &buffer)
        try self.file.write(buffer, at: Int64(self.entries.count * Entry.size))
        self.entries.append(entry)
    }

    /// The last entry for which `isAtOrBefore` holds (a prefix property), by binary search.
    func lastEntry(where isAtOrBefore: (Entry) -> Bool) -> Entry? {
        var low = 0
        var high = self.entries.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrBefore(self.entries[middle]) { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? self.entries[low - 1] : nil
    }

    /// Drops entries at or after `relativeOffset` (after the log is truncated).
    mutating func truncate(fromRelativeOffset relativeOffset: Int32) throws(LogStorageError) {
        guard let keep = self.entries.firstIndex(where: { $0.relativeOffset >= relativeOffset }) else { return }
        self.entries.removeSubrange(keep...)
        try self.file.truncate(to: Int64(keep * Entry.size))
    }

    mutating func reset() throws(LogStorageError) {
        self.entries.removeAll()
        try self.file.truncate(to: 0)
    }

    func sync() throws(LogStorageError) { try self.file.sync() }
}
