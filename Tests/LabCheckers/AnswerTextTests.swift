import CourseLanguage
import Foundation
import LabKit
import XCTest

/// Answers in the student's words (issue 15 item 4) and typed-in measurements held against the
/// log (item 3), without a lab around them.
final class AnswerTextTests: XCTestCase {
    private func verdict(_ spec: CheckSpec, _ answers: [String: String], log: String = "") -> Verdict {
        AnswerChecks.check(spec, answers: AnswersFile(values: answers), language: .en, log: CommandLog(parsing: log))
    }

    func testSpanishAccentsCaseQuotesAndAFinalPeriodAreTheSameAnswer() {
        var spec = CheckSpec(kind: .answer)
        spec.key = "ordering_scope"
        spec.expected = "partition"
        spec.match = .text
        for given in [
            "partition", "partición", "Partición", "PARTICION", "particiones", "\"partition\"", "«partición».",
            "per partition", "por partición", " partition. ",
        ] {
            XCTAssertEqual(self.verdict(spec, ["ordering_scope": given]).status, .passed, given)
        }
        for given in ["topic", "tema", "broker", "partitio"] {
            XCTAssertEqual(self.verdict(spec, ["ordering_scope": given]).status, .failed, given)
        }
    }

    func testYesAndNoInEitherLanguage() {
        var spec = CheckSpec(kind: .answer)
        spec.key = "can_shrink_partitions"
        spec.expected = "no"
        spec.match = .oneOf
        for given in ["no", "No", "NO", "\"no\"", "no.", "'No'", "false"] {
            XCTAssertEqual(self.verdict(spec, ["can_shrink_partitions": given]).status, .passed, given)
        }
        for given in ["sí", "si", "yes", "Sí."] {
            XCTAssertEqual(self.verdict(spec, ["can_shrink_partitions": given]).status, .failed, given)
        }
        spec.expected = "yes"
        for given in ["sí", "Si", "SÍ", "yes", "Yes."] {
            XCTAssertEqual(self.verdict(spec, ["can_shrink_partitions": given]).status, .passed, given)
        }
    }

    func testMemoryAndDiskSynonyms() {
        var spec = CheckSpec(kind: .answer)
        spec.key = "served_from"
        spec.expected = "memory"
        spec.match = .oneOf
        for given in [
            "memoria", "Memoria", "RAM", "page cache", "caché de páginas", "la caché de páginas", "en memoria",
        ] {
            XCTAssertEqual(self.verdict(spec, ["served_from": given]).status, .passed, given)
        }
        for given in ["disco", "disk", "del disco"] {
            XCTAssertEqual(self.verdict(spec, ["served_from": given]).status, .failed, given)
        }
        XCTAssertEqual(AnswerText.canonical("Del Disco."), "disk")
        XCTAssertEqual(AnswerText.normalized("  «Partición»!  "), "particion")
    }

    /// Values that are not words keep their spelling: only case, accents and wrappers go.
    func testOtherAnswersKeepTheirSpelling() {
        var spec = CheckSpec(kind: .answer)
        spec.key = "acks_all_error"
        spec.expected = "NOT_ENOUGH_REPLICAS,NotEnoughReplicas"
        spec.match = .oneOf
        XCTAssertEqual(self.verdict(spec, ["acks_all_error": "not_enough_replicas"]).status, .passed)
        XCTAssertEqual(self.verdict(spec, ["acks_all_error": "`NotEnoughReplicas`"]).status, .passed)
        XCTAssertEqual(self.verdict(spec, ["acks_all_error": "NOT_ENOUGH_REPLICAS_AFTER_APPEND"]).status, .failed)
    }

    // MARK: measured answers

    private static let log = """
        2026-01-01T10:00:00Z\tcli\tkafka-producer-perf-test --topic t --record-size 100 --producer-props acks=1 linger.ms=0\tok
        2026-01-01T10:00:00Z\tresult\tkafka-producer-perf-test --topic t --record-size 100 --producer-props acks=1 linger.ms=0 => 1000 records sent, 18612.5 records/sec (1.78 MB/sec), 2.00 ms avg latency.\tok
        2026-01-01T10:01:00Z\tcli\tkafka-producer-perf-test --topic t --record-size 100 --producer-props acks=1 linger.ms=20\tok
        2026-01-01T10:01:00Z\tresult\tkafka-producer-perf-test --topic t --record-size 100 --producer-props acks=1 linger.ms=20 => 1000 records sent, 19000.25 records/sec (1.81 MB/sec), 2.00 ms avg latency.\tok
        2026-01-01T10:02:00Z\tcli\tkafka-consumer-perf-test --topic t\tok mb.sec=3.6912
        2026-01-01T10:03:00Z\tcli\tkafka-consumer-perf-test --topic t\tfailed: exit status 1
        2026-01-01T10:04:00Z\trepl\twait group g --members 2\tok waited=10.4

        """

    private func relationSpec() -> CheckSpec {
        var spec = CheckSpec(kind: .answerRelation)
        spec.keys = ["slow", "fast"]
        spec.relation = .lessThan
        spec.patterns = ["linger\\.ms=0(\\s|$)", "linger\\.ms=20(\\s|$)"]
        spec.commands = ["perf test linger.ms=0", "perf test linger.ms=20"]
        spec.step = 2
        return spec
    }

    func testAMeasuredAnswerMustBeWhatARunPrinted() {
        let spec = self.relationSpec()
        XCTAssertEqual(self.verdict(spec, ["slow": "18612.5", "fast": "19000"], log: Self.log).status, .passed)
        XCTAssertEqual(
            self.verdict(spec, ["slow": "18600", "fast": "19000"], log: Self.log).status, .passed, "rounded is fine")
        // Invented, though the relation holds: refused, naming the command, never the measurement.
        let invented = self.verdict(spec, ["slow": "10000", "fast": "19000"], log: Self.log)
        XCTAssertEqual(invented.status, .failed)
        XCTAssertTrue(invented.reason.contains("`slow` = 10000"), invented.reason)
        XCTAssertTrue(
            invented.reason.contains("perf test linger.ms=0") && invented.reason.contains("step 2"), invented.reason)
        XCTAssertFalse(invented.reason.contains("18612"), invented.reason)
        // Without any run behind it, the answer is refused too.
        let unbacked = self.verdict(spec, ["slow": "18612.5", "fast": "19000"], log: "")
        XCTAssertEqual(unbacked.status, .failed)
        XCTAssertTrue(unbacked.reason.contains("holds no measurement"), unbacked.reason)
    }

    /// Numbers nudged within the tolerance cannot turn what was measured around.
    func testTheRelationIsDecidedOnTheMeasurements() {
        var spec = self.relationSpec()
        spec.relation = .greaterThan  // 18612.5 > 19000.25 is false, whatever is typed
        let nudged = self.verdict(spec, ["slow": "19300", "fast": "18700"], log: Self.log)
        XCTAssertEqual(nudged.status, .failed, nudged.reason)
        XCTAssertTrue(nudged.reason.contains("your measurements in commands.log"), nudged.reason)
    }

    func testAFactBacksAnAnswerOnlyFromCommandsThatWorked() {
        var spec = CheckSpec(kind: .answer)
        spec.key = "consumer_mb_per_sec"
        spec.match = .range
        spec.minimum = 0.1
        spec.patterns = ["kafka-consumer-perf-test "]
        spec.measurement = "mb.sec"
        XCTAssertEqual(self.verdict(spec, ["consumer_mb_per_sec": "3.69"], log: Self.log).status, .passed)
        XCTAssertEqual(self.verdict(spec, ["consumer_mb_per_sec": "12.5"], log: Self.log).status, .failed)
        let failedOnly = Self.log.split(separator: "\n").filter { !$0.contains("mb.sec") }.joined(separator: "\n")
        let ranButFailed = self.verdict(spec, ["consumer_mb_per_sec": "3.69"], log: failedOnly)
        XCTAssertEqual(ranButFailed.status, .failed)
        XCTAssertTrue(ranButFailed.reason.contains("no run of it ended well"), ranButFailed.reason)

        spec.key = "seconds"
        spec.patterns = ["^wait group "]
        spec.measurement = "waited"
        spec.tolerance = 0.1
        spec.minimum = 3
        spec.maximum = 60
        for given in ["10", "10.4", "11"] {
            XCTAssertEqual(self.verdict(spec, ["seconds": given], log: Self.log).status, .passed, given)
        }
        for given in ["30", "8", "4"] {
            let verdict = self.verdict(spec, ["seconds": given], log: Self.log)
            XCTAssertEqual(verdict.status, .failed, given)
            XCTAssertFalse(verdict.reason.contains("10.4"), verdict.reason)
        }
    }

    func testUncompressedBytesComeFromTheRecordsSent() {
        let log = CommandLog(parsing: Self.log)
        XCTAssertEqual(
            log.uncompressedLogBytes(matching: "linger\\.ms=0(\\s|$)"), 1000 * (100 + CommandLog.recordOverhead))
        XCTAssertEqual(log.uncompressedLogBytes(matching: "--topic t "), 2 * 1000 * (100 + CommandLog.recordOverhead))
        XCTAssertNil(log.uncompressedLogBytes(matching: "--topic other"))
    }
}
