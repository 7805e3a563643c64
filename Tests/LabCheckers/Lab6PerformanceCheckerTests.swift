import Foundation
import LabKit
import XCTest

/// Lab 6 · Performance: batching, acks, compression, partitions and page cache: one test per task, then a plausible wrong solution.
final class Lab6PerformanceCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 6 }

    /// You measured with kafka-producer-perf-test (4 times or more)
    func test_perf_tools() async throws { try await self.checkTask("perf-tools") }

    /// Batching raises throughput
    func test_batching() async throws { try await self.checkTask("batching") }

    /// acks=all costs throughput
    func test_acks_cost() async throws { try await self.checkTask("acks-cost") }

    /// Compression reduces bytes on disk
    func test_compression() async throws { try await self.checkTask("compression") }

    /// You measured the 6-partition topic
    func test_partitions() async throws { try await self.checkTask("partitions") }

    /// You measured reading with kafka-consumer-perf-test
    func test_consumer_throughput() async throws { try await self.checkTask("consumer-throughput") }

    /// Where recent data is served from
    func test_page_cache() async throws { try await self.checkTask("page-cache") }

    /// Your settings beat linger.ms=0
    func test_tuned_beats_default() async throws { try await self.checkTask("tuned-beats-default") }

    /// TunedProducer loses no acknowledged record
    func test_tuned_durable() async throws { try await self.checkTask("tuned-durable") }

    /// TunedProducer: batches, wait and compression
    func test_tuned_throughput() async throws { try await self.checkTask("tuned-throughput") }

    /// acks=1 is fast, but an acknowledged record dies with its leader.
    func testWrongSettingsFailDurable() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"),
            code: WrongCode.replacing(code, producerSettings: { WrongCode.fastButLossySettings }))
        self.assertFailsOnly(result, "tuned-durable", saying: "the target needs acks=all")
    }

    /// Invented numbers whose relations all hold fail: every typed-in measurement is held against
    /// what the student's runs printed, and no message gives the logged value away.
    func testInventedNumbersFailEveryMeasuredTask() async throws {
        let code = try LabFixtures.requireReference()
        var answers = try LabFixtures.text(self.lab, "solution/answers.properties")
        let invented = [
            "linger20_records_per_sec": "90000", "linger0_records_per_sec": "30000", "acks1_records_per_sec": "90000",
            "acksall_records_per_sec": "60000", "bytes_on_disk_none": "50000000", "partitions6_records_per_sec": "70000",
            "consumer_mb_per_sec": "20", "tuned_records_per_sec": "80000",
        ]
        for (key, value) in invented {
            answers = answers.split(separator: "\n").map { $0.hasPrefix(key + " ") ? "\(key) = \(value)" : String($0) }
                .joined(separator: "\n")
        }
        let result = try await self.grade(
            answers: answers, commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        let measured = ["18612", "53581", "42288", "26712", "38291", "3.69", "2.91", "21800000"]
        for id in ["batching", "acks-cost", "compression", "partitions", "consumer-throughput", "tuned-beats-default"] {
            let task = try XCTUnwrap(result.task(id))
            XCTAssertEqual(task.status, .failed, "\(id): \(task.reason)")
            XCTAssertTrue(task.reason.contains("run it again"), "\(id) names the command to run again: \(task.reason)")
            self.assertRevealsNothing(task, try XCTUnwrap(self.lab.tasks.first { $0.id == id }), measured)
        }
        XCTAssertEqual(result.task("perf-tools")?.status, .passed)
        XCTAssertEqual(result.task("page-cache")?.status, .passed)
    }

    /// The reference answers, but the log kept no perf test results: nothing backs them.
    func testAnswersWithoutLoggedResultsFail() async throws {
        let code = try LabFixtures.requireReference()
        let withoutResults = try LabFixtures.text(self.lab, "solution/commands.log").split(separator: "\n")
            .filter { !$0.contains("\t\(CommandLog.resultSource)\t") }
            .map { $0.replacingOccurrences(of: " mb.sec=3.6912", with: "").replacingOccurrences(of: " mb.sec=2.9104", with: "") }
            .joined(separator: "\n")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: withoutResults, code: code)
        for id in ["batching", "acks-cost", "compression", "partitions", "consumer-throughput", "tuned-beats-default"] {
            XCTAssertEqual(result.task(id)?.status, .failed, "\(id): \(result.task(id)?.reason ?? "missing")")
        }
    }

    /// Measurements that contradict each other fail with the numbers quoted back.
    func testContradictoryMeasurementsFailBatching() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "linger20_records_per_sec", with: "10000"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        XCTAssertEqual(result.task("batching")?.status, .failed)
        XCTAssertTrue(result.task("batching")?.reason.contains("10000") == true, result.task("batching")?.reason ?? "")
    }
}
