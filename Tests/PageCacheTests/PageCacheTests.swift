import Foundation
import PageCache
import XCTest

final class PageCacheTests: XCTestCase {
    private var path = ""

    override func setUpWithError() throws {
        // On the working directory's file system: a temporary directory on tmpfs could not evict.
        self.path = FileManager.default.currentDirectoryPath + "/.pagecache-test-\(UUID().uuidString).log"
        let bytes = Data((0..<(1 << 20) + 100).map { UInt8(truncatingIfNeeded: $0) })
        XCTAssertTrue(FileManager.default.createFile(atPath: self.path, contents: bytes))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.path)
    }

    func testResidencyDropsAfterEvictionAndReturnsAfterARead() throws {
        let written = try PageCache.residency(ofFile: self.path)
        XCTAssertEqual(written.size, (1 << 20) + 100)
        XCTAssertEqual(written.residentBytes, written.size, "a file just written is in the page cache")

        try PageCache.evict(file: self.path)
        XCTAssertEqual(try PageCache.residency(ofFile: self.path).residentBytes, 0)

        // Reading the first 64 KiB brings back at least those pages (the kernel may read ahead).
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: self.path))
        defer { try? handle.close() }
        XCTAssertEqual(try handle.read(upToCount: 65_536)?.count, 65_536)
        let afterRead = try PageCache.residency(ofFile: self.path)
        XCTAssertGreaterThanOrEqual(afterRead.residentBytes, 65_536)
        XCTAssertLessThanOrEqual(afterRead.residentBytes, afterRead.size)
    }

    func testAnEmptyFileHasNothingResident() throws {
        try Data().write(to: URL(fileURLWithPath: self.path))
        XCTAssertEqual(try PageCache.residency(ofFile: self.path), PageCache.Residency(size: 0, residentBytes: 0))
    }

    func testAMissingFileSaysWhich() {
        XCTAssertThrowsError(try PageCache.residency(ofFile: self.path + ".missing")) { error in
            XCTAssertTrue("\(error)".contains(".missing"), "\(error)")
        }
    }
}
