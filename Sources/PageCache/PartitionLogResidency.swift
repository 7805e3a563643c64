import Foundation

/// One partition's log on this machine (`<log dir>/<topic>-<partition>/`), its segments' page
/// residency taken at one moment: taken before a read, it tells afterwards how much of the bytes
/// the read went through were already in memory. Offsets become file positions through each
/// segment's offset index (8-byte big-endian entries: offset relative to the base offset, then
/// the position), which is sparse, so a range is widened to the index entries around it.
public struct PartitionLogResidency: Sendable {
    public struct Segment: Sendable {
        public var baseOffset: Int64
        public var pages: ResidentPages
        /// (offset, position) pairs from the `.index` file, offsets made absolute.
        public var index: [(offset: Int64, position: Int64)]
    }

    /// By base offset.
    public var segments: [Segment]

    /// Takes the residency of every `.log` segment in `directory` now; nil when the directory
    /// holds none (the partition is not on this machine).
    public static func snapshot(directory: String) -> PartitionLogResidency? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasSuffix(".log")
        }
        var segments: [Segment] = []
        for name in names {
            guard let base = Int64(name.dropLast(4)) else { continue }
            // Deleted by retention between the listing and the look: not part of the log any more.
            guard let pages = try? PageCache.residentPages(ofFile: "\(directory)/\(name)") else { continue }
            let index = Self.readIndex("\(directory)/\(name.dropLast(4)).index", baseOffset: base)
            segments.append(Segment(baseOffset: base, pages: pages, index: index))
        }
        guard !segments.isEmpty else { return nil }
        return PartitionLogResidency(segments: segments.sorted { $0.baseOffset < $1.baseOffset })
    }

    /// The bytes of the log holding the records `offsets` (each range's lower bound included,
    /// upper excluded), every page counted once, and how many of them were resident at the snapshot.
    public func residency(ofOffsets offsets: [Range<Int64>]) -> PageCache.Residency {
        var pagesBySegment: [Int: Set<Int>] = [:]
        for range in offsets where !range.isEmpty {
            for (number, segment) in self.segments.enumerated() {
                let next = number + 1 < self.segments.count ? self.segments[number + 1].baseOffset : Int64.max
                guard range.lowerBound < next, range.upperBound > segment.baseOffset else { continue }
                let start = Self.position(atOrBefore: range.lowerBound, in: segment.index)
                let end = Self.position(after: range.upperBound - 1, in: segment.index) ?? segment.pages.size
                pagesBySegment[number, default: []].formUnion(segment.pages.pages(holding: start..<end))
            }
        }
        var total = PageCache.Residency(size: 0, residentBytes: 0)
        for (number, pages) in pagesBySegment {
            let part = self.segments[number].pages.residency(ofPages: pages)
            total.size += part.size
            total.residentBytes += part.residentBytes
        }
        return total
    }

    /// The position of the last index entry at or before `offset` (0 before the first entry).
    static func position(atOrBefore offset: Int64, in index: [(offset: Int64, position: Int64)]) -> Int64 {
        index.last { $0.offset <= offset }?.position ?? 0
    }

    /// The position of the first index entry past `offset`, where the batch holding it has ended.
    static func position(after offset: Int64, in index: [(offset: Int64, position: Int64)]) -> Int64? {
        index.first { $0.offset > offset }?.position
    }

    private static func readIndex(_ path: String, baseOffset: Int64) -> [(offset: Int64, position: Int64)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let bytes = [UInt8](data)
        var entries: [(offset: Int64, position: Int64)] = []
        var at = 0
        while at + 8 <= bytes.count {
            let relative = bytes[at..<at + 4].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            let position = bytes[at + 4..<at + 8].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            if let last = entries.last, baseOffset + relative <= last.offset { break }  // the end of what was written
            entries.append((baseOffset + relative, position))
            at += 8
        }
        return entries
    }
}
