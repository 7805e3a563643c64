import Foundation
import SamsaTesting
import XCTest

/// A record the broker acknowledged (acks=1) survives the broker being SIGKILLed: after a
/// restart on the same log directories it is readable at the offset the acknowledgement gave.
/// A crash is not a power loss: what was written to the OS before the ack stays, fsync or not.
final class CrashDurabilityTests: XCTestCase {
    private let modules = ["confluent_kafka"]

    func testAcknowledgedRecordsSurviveSIGKILLRightAfterProducing() throws {
        let broker = try self.startCompatibilityBroker()
        let dir = try self.makeTemporaryDirectory()
        let acked = dir.appending("acked.jsonl")
        let produced = try ClientScript.run(
            "confluent_durability.py", ["produce", broker.bootstrap, "durable", "3000", acked.path],
            modules: self.modules, as: ProduceSummary.self)
        XCTAssertEqual(produced.acked, 3000, "first error: \(produced.firstError ?? "none")")

        broker.kill()
        try broker.restart()
        let verified = try self.verify(broker, acked)
        XCTAssertEqual(verified.acked, 3000)
        XCTAssertEqual(verified.endOffsets, ["0": 1000, "1": 1000, "2": 1000])
    }

    func testAcknowledgedRecordsSurviveSIGKILLWhileProducing() throws {
        let broker = try self.startCompatibilityBroker()
        let python = try ExternalTool.requirePython(modules: self.modules)
        let dir = try self.makeTemporaryDirectory()
        let acked = dir.appending("acked.jsonl")
        let producer = try self.launchProcess(
            python,
            arguments: [
                ClientScript.directory.appendingPathComponent("confluent_durability.py").path,
                "produce", broker.bootstrap, "durable", "200000", acked.path,
            ],
            environment: ["PYTHONUNBUFFERED": "1"], logURL: dir.appending("producer.json"),
            stderrURL: dir.appending("producer.err"))

        // Kill once a good number of records are acknowledged and more are in flight.
        let target = 2000
        var seen = 0
        for _ in 0..<12_000 where producer.isRunning {  // bounded: 12,000 × 10 ms
            seen = Self.lineCount(acked)
            if seen >= target { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertGreaterThanOrEqual(seen, target, "producer output: \(producer.logTail())")
        broker.kill()

        // With the broker gone the producer stops at its first failed delivery and reports.
        XCTAssertEqual(producer.waitForExit(timeout: .seconds(120)), 0, producer.logTail())
        let summary = try JSONDecoder.convertingSnakeCase.decode(
            ProduceSummary.self, from: Data((producer.output().split(separator: "\n").last ?? "").utf8))
        XCTAssertGreaterThanOrEqual(summary.acked, target)

        try broker.restart()
        let verified = try self.verify(broker, acked)
        XCTAssertEqual(verified.acked, summary.acked)
    }

    /// Reads everything back and checks every acknowledged record; returns the report.
    private func verify(
        _ broker: TestBroker, _ acked: URL, file: StaticString = #filePath, line: UInt = #line
    ) throws -> VerifyResult {
        let r = try ClientScript.run(
            "confluent_durability.py", ["verify", broker.bootstrap, "durable", acked.path], modules: self.modules,
            as: VerifyResult.self, file: file, line: line)
        XCTAssertGreaterThan(r.acked, 0, file: file, line: line)
        XCTAssertEqual(r.missingCount, 0, "acknowledged but not found: \(r.missing)", file: file, line: line)
        XCTAssertEqual(r.wrongCount, 0, "acknowledged but different: \(r.wrong)", file: file, line: line)
        XCTAssertEqual(
            r.duplicateAcks.count, 0, "two acknowledgements for one offset: \(r.duplicateAcks)",
            file: file, line: line)
        XCTAssertEqual(r.errors, [], file: file, line: line)
        XCTAssertEqual(r.partitionsAtEnd, [0, 1, 2], "partitions read to their end", file: file, line: line)
        return r
    }

    private static func lineCount(_ url: URL) -> Int {
        guard let data = try? Data(contentsOf: url) else { return 0 }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}

private struct ProduceSummary: Decodable {
    let acked: Int
    let failed: Int
    let firstError: String?
}

private struct VerifyResult: Decodable {
    struct Missing: Decodable, CustomStringConvertible {
        let partition: Int32, offset: Int64, i: Int
        var description: String { "record \(self.i) at \(self.partition)@\(self.offset)" }
    }
    struct Wrong: Decodable, CustomStringConvertible {
        let partition: Int32, offset: Int64, i: Int, got: String?
        var description: String {
            "record \(self.i) at \(self.partition)@\(self.offset) reads as \(self.got ?? "null")"
        }
    }
    struct Duplicate: Decodable, CustomStringConvertible {
        let partition: Int32, offset: Int64, firstI: Int, secondI: Int
        var description: String { "records \(self.firstI) and \(self.secondI) at \(self.partition)@\(self.offset)" }
    }
    let acked: Int
    let read: Int
    let missing: [Missing]
    let missingCount: Int
    let wrong: [Wrong]
    let wrongCount: Int
    let duplicateAcks: [Duplicate]
    let endOffsets: [String: Int64]
    let partitionsAtEnd: [Int32]
    let errors: [String]
}
