import Foundation
import LabKit
import XCTest

/// Lab 4 · Offsets, segments and retention: one test per task, then a plausible wrong solution.
final class Lab4OffsetsRetentionCheckerTests: LabCheckerTestCase {
    override class var labNumber: Int { 4 }

    /// Messages in events
    func test_total_records() async throws { try await self.checkTask("total-records") }

    /// Last offset of partition 0
    func test_last_offset() async throws { try await self.checkTask("last-offset") }

    /// Log end offset of partition 1
    func test_log_end_offset() async throws { try await self.checkTask("log-end-offset") }

    /// A new consumer without --from-beginning
    func test_from_end() async throws { try await self.checkTask("from-end") }

    /// Reading partition 0 from offset 6
    func test_from_offset() async throws { try await self.checkTask("from-offset") }

    /// First segment's name
    func test_first_segment() async throws { try await self.checkTask("first-segment") }

    /// The second segment starts where its name says
    func test_second_segment() async throws { try await self.checkTask("second-segment") }

    /// You dumped a segment with kafka-dump-log
    func test_dump_log() async throws { try await self.checkTask("dump-log") }

    /// Retention deleted segments
    func test_retention_deleted() async throws { try await self.checkTask("retention-deleted") }

    /// The first readable offset is the first remaining segment's
    func test_retention_earliest() async throws { try await self.checkTask("retention-earliest") }

    /// RedeliveryFilter skips redeliveries
    func test_processor_duplicates() async throws { try await self.checkTask("processor-duplicates") }

    /// RedeliveryFilter commits the next offset
    func test_processor_commit() async throws { try await self.checkTask("processor-commit") }

    /// Committing the last processed offset re-reads one record per partition after a restart.
    func testWrongProcessorFailsCommit() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try LabFixtures.text(self.lab, "solution/answers.properties"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"),
            code: WrongCode.replacing(code, makeProcessor: { WrongCode.OffByOneProcessor() }))
        self.assertFailsOnly(result, "processor-commit", saying: "the next one to read")
    }

    /// A segment name that does not match the offset the student read.
    func testMismatchedSegmentFailsSecondSegment() async throws {
        let code = try LabFixtures.requireReference()
        let result = try await self.grade(
            answers: try self.referenceAnswers(replacing: "first_offset_in_second_segment", with: "16"),
            commands: try LabFixtures.text(self.lab, "solution/commands.log"), code: code)
        self.assertFailsOnly(result, "second-segment", saying: "second_segment")
    }
}
