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
