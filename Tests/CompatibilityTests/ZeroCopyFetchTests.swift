import Foundation
import SamsaTesting
import XCTest

/// Fetches served with `sendfile` (issue 16) as kcat (librdkafka) reads them: across several small
/// segments, with a per-partition fetch size that cuts batches in two, and the broker's own count
/// of the bytes it sent from the files, so a test can tell which path served the records.
final class ZeroCopyFetchTests: XCTestCase {
    private let lines = (0..<400).map { "line \(String(format: "%04d", $0)) " + String(repeating: "z", count: 150) }

    func testSmallFetchesAcrossSegmentsComeBackInOrderThroughSendfile() throws {
        let (broker, kcat) = try self.produceLines(zeroCopy: true)
        let read = try self.consume(kcat, broker)
        XCTAssertEqual(read, self.lines.enumerated().map { "\($0.offset)|\($0.element)" })
        let segments = try self.segmentSizes(broker)
        XCTAssertGreaterThan(segments.count, 2, "the fetches should have spanned several segments")

        let totals = try self.stopAndReadTransferTotals(broker)
        XCTAssertGreaterThanOrEqual(
            totals.sendfile, segments.reduce(0, +), "every byte of the log was sent at least once with sendfile")
        XCTAssertEqual(totals.copied, 0, "no fetched byte went through the process")
    }

    func testZeroCopyOffReadsTheSameRecordsWithACopy() throws {
        let (broker, kcat) = try self.produceLines(zeroCopy: false)
        let read = try self.consume(kcat, broker)
        XCTAssertEqual(read, self.lines.enumerated().map { "\($0.offset)|\($0.element)" })
        let segments = try self.segmentSizes(broker)
        let totals = try self.stopAndReadTransferTotals(broker)
        XCTAssertEqual(totals.sendfile, 0)
        XCTAssertGreaterThanOrEqual(totals.copied, segments.reduce(0, +))
    }

    // MARK: - Helpers

    private func produceLines(zeroCopy: Bool, file: StaticString = #filePath, line: UInt = #line) throws
        -> (TestBroker, URL)
    {
        let kcat = try ExternalTool.requireKcat()
        let broker = try self.startBroker(
            overrides: [
                "auto.create.topics.enable": "true", "num.partitions": "1", "default.replication.factor": "1",
                "offsets.topic.replication.factor": "1",
                "log.segment.bytes": "8192",
                "samsa.fetch.zero.copy": zeroCopy ? "true" : "false",
            ], file: file, line: line)
        // Batches of 4 records (about 650 bytes): a fetch of 1000 bytes ends inside the second
        // one, and a segment rolls between batches, every dozen or so.
        let produced = try ExternalTool.run(
            kcat,
            arguments: [
                "-P", "-b", broker.bootstrap, "-t", "pages", "-X", "linger.ms=20",
                "-X", "batch.num.messages=4", "-X", "message.timeout.ms=30000",
            ],
            input: Data((self.lines.joined(separator: "\n") + "\n").utf8), timeout: .seconds(120))
        XCTAssertTrue(produced.succeeded, produced.summary, file: file, line: line)
        return (broker, kcat)
    }

    /// Reads the topic with fetches of at most 1000 bytes per partition, so most responses end in a
    /// batch cut short (Kafka's behaviour, which clients skip).
    private func consume(_ kcat: URL, _ broker: TestBroker) throws -> [String] {
        let result = try ExternalTool.run(
            kcat,
            arguments: [
                "-C", "-b", broker.bootstrap, "-t", "pages", "-o", "beginning", "-e",
                "-X", "fetch.message.max.bytes=1000", "-f", "%o|%s\\n",
            ],
            timeout: .seconds(120))
        XCTAssertTrue(result.succeeded, result.summary)
        return result.stdoutText.split(separator: "\n").map(String.init)
    }

    private func segmentSizes(_ broker: TestBroker) throws -> [Int] {
        let directory = broker.logDir.appendingPathComponent("pages-0")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".log") }.map {
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent($0).path)[.size] as? Int
                ?? 0
        }
    }

    /// The broker logs how many fetched bytes it sent with sendfile and with a copy when it stops.
    private func stopAndReadTransferTotals(_ broker: TestBroker) throws -> (sendfile: Int, copied: Int) {
        broker.stop()
        let log = broker.logTail(maxBytes: 50_000)
        func number(_ key: String) throws -> Int {
            let match = try XCTUnwrap(log.firstMatch(of: try Regex("\(key)=([0-9]+)")), "no \(key) in:\n\(log)")
            return Int(match.output[1].substring ?? "") ?? -1
        }
        return (try number("fetch.sendfile.bytes"), try number("fetch.copied.bytes"))
    }
}
