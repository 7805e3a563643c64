import Foundation
import PageCache
import XCTest

/// Offsets read become pages of a segment through its offset index, measured as they were when the
/// snapshot was taken.
final class PartitionLogResidencyTests: XCTestCase {
    func testOffsetsMapThroughTheIndexToThePagesTheyWereOn() throws {
        let page = Int(getpagesize())
        // On the working directory's file system: tmpfs could not evict.
        let directory = FileManager.default.currentDirectoryPath + "/.partition-residency-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/00000000000000001000.log"
        XCTAssertTrue(FileManager.default.createFile(atPath: log, contents: Data(repeating: 7, count: 3 * page)))
        // Batches starting at offsets 1000, 1100 and 1200, one per page.
        var index = Data()
        for (relative, position) in [(0, 0), (100, page), (200, 2 * page)] {
            for value in [UInt32(relative), UInt32(position)] {
                withUnsafeBytes(of: value.bigEndian) { index.append(contentsOf: $0) }
            }
        }
        XCTAssertTrue(
            FileManager.default.createFile(atPath: directory + "/00000000000000001000.index", contents: index))

        try PageCache.evict(file: log)
        guard try PageCache.residency(ofFile: log).residentBytes == 0 else {
            throw XCTSkip("this file system keeps files in memory")
        }
        // Only the last page comes back (read-ahead goes forward, and it is the end of the file).
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: log))
        try handle.seek(toOffset: UInt64(2 * page))
        XCTAssertEqual(try handle.read(upToCount: page)?.count, page)
        try handle.close()

        let snapshot = try XCTUnwrap(PartitionLogResidency.snapshot(directory: directory))
        XCTAssertEqual(
            snapshot.residency(ofOffsets: [1200..<1250]),
            PageCache.Residency(size: Int64(page), residentBytes: Int64(page)))
        XCTAssertEqual(
            snapshot.residency(ofOffsets: [1000..<1050]), PageCache.Residency(size: Int64(page), residentBytes: 0))
        // Two ranges in the same pages count them once; a range across batches takes every page between.
        XCTAssertEqual(snapshot.residency(ofOffsets: [1100..<1150, 1120..<1300]).size, Int64(2 * page))
        XCTAssertEqual(
            snapshot.residency(ofOffsets: [1050..<1210]),
            PageCache.Residency(size: Int64(3 * page), residentBytes: Int64(page)))

        // A read tracked record by record gives the same answer.
        var read = ReadResidency(directories: ["p": directory])
        for offset in Int64(1200)..<1220 { read.record("p", offset: offset) }
        XCTAssertEqual(read.residency?.percent, 100)
        XCTAssertNil(ReadResidency<String>(directories: ["p": directory + "/absent"]).residency)
    }
}
