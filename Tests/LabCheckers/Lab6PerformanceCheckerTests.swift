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

    /// You dropped perf from the page cache of all three brokers
    func test_evict_cache() async throws { try await self.checkTask("evict-cache") }

    /// After the page cache is emptied, a read fills it again
    func test_cold_vs_hot() async throws { try await self.checkTask("cold-vs-hot") }

    /// You measured the cold read
    func test_cold_read() async throws { try await self.checkTask("cold-read") }

    /// Reading in order beats reading at random
    func test_sequential_vs_random() async throws { try await self.checkTask("sequential-vs-random") }

    /// At random, every poll waits for its fetch
    func test_random_latency() async throws { try await self.checkTask("random-latency") }

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
            "acksall_records_per_sec": "60000", "bytes_on_disk_none": "50000000",
            "partitions6_records_per_sec": "70000",
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
            .map {
                $0.replacingOccurrences(of: " mb.sec=3.6912", with: "").replacingOccurrences(
                    of: " mb.sec=2.9104", with: "")
            }
            .joined(separator: "\n")
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: withoutResults, code: code
        )
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

    /// Page cache and read-order answers that no logged run printed fail, naming the command and
    /// never the value; swapped ones (cold written as hot) fail the relation.
    func testReadAnswersMustComeFromTheStudentsOwnRuns() async throws {
        let code = try LabFixtures.requireReference()
        let commands = try LabFixtures.text(self.lab, "solution/commands.log")
        var answers = try LabFixtures.text(self.lab, "solution/answers.properties")
        for (key, value) in [
            "hot_page_cache_percent": "75", "cold_mb_per_sec": "9.5", "sequential_records_per_sec": "150000",
            "random_poll_p50_ms": "4.4",
        ] {
            answers = answers.split(separator: "\n").map { $0.hasPrefix(key + " ") ? "\(key) = \(value)" : String($0) }
                .joined(separator: "\n")
        }
        let invented = try await self.grade(answers: answers, commands: commands, code: code)
        let measured = ["100", "2.9104", "86328", "86329", "11.65", "0.22", "32438"]
        for id in ["cold-vs-hot", "cold-read", "sequential-vs-random", "random-latency"] {
            let task = try XCTUnwrap(invented.task(id))
            XCTAssertEqual(task.status, .failed, "\(id): \(task.reason)")
            XCTAssertTrue(task.reason.contains("run it again"), "\(id): \(task.reason)")
            self.assertRevealsNothing(task, try XCTUnwrap(self.lab.tasks.first { $0.id == id }), measured)
        }

        // Real numbers from the log, but the cold read written as the hot one.
        var swapped = try self.referenceAnswers(replacing: "hot_page_cache_percent", with: "0")
        swapped = swapped.replacingOccurrences(of: "cold_page_cache_percent = 0", with: "cold_page_cache_percent = 100")
        let result = try await self.grade(answers: swapped, commands: commands, code: code)
        XCTAssertEqual(result.task("cold-vs-hot")?.status, .failed, result.task("cold-vs-hot")?.reason ?? "")

        // The right answers, but the student never ran the random read nor evicted the cache.
        let unlogged = commands.split(separator: "\n").filter {
            !$0.contains("--random-offsets") && !$0.contains("evict-cache")
        }
        .joined(separator: "\n")
        let withoutRuns = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"), commands: unlogged, code: code)
        XCTAssertEqual(
            withoutRuns.task("evict-cache")?.status, .notAttempted, withoutRuns.task("evict-cache")?.reason ?? "")
        for id in ["sequential-vs-random", "random-latency"] {
            XCTAssertEqual(withoutRuns.task(id)?.status, .failed, "\(id): \(withoutRuns.task(id)?.reason ?? "missing")")
        }
        XCTAssertEqual(withoutRuns.task("cold-vs-hot")?.status, .passed, withoutRuns.task("cold-vs-hot")?.reason ?? "")
    }
}
