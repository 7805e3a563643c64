import Foundation
import LabKit
import SamsaTesting
import XCTest

/// `labs/autograder/run_autograder` against a fake `/autograder` in a temp dir: the student's
/// exercise replaces the starter, `samsa grade` gets the right arguments, results land where
/// Gradescope reads them, and a submission that does not compile keeps its other points, with the
/// compiler's errors at the top.
final class AutograderTests: XCTestCase {
    struct FakeAutograder {
        let root: URL
        var source: URL { self.root.appendingPathComponent("source") }
        var submission: URL { self.root.appendingPathComponent("submission") }
        var results: URL { self.root.appendingPathComponent("results/results.json") }
        var gradeArguments: URL { self.root.appendingPathComponent("grade-arguments") }
    }

    /// source/labs (a copy), a submission holding Lab 2's folder, and a stand-in `samsa` that
    /// records its arguments and writes a results file.
    func makeAutograder() throws -> FakeAutograder {
        let fake = FakeAutograder(root: try self.makeTemporaryDirectory(prefix: "autograder").url)
        try FileManager.default.createDirectory(at: fake.source, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: fake.source.appendingPathComponent("labs"))
        let lab = fake.submission.appendingPathComponent("labs/02-keys-partitions")
        try FileManager.default.createDirectory(
            at: lab.appendingPathComponent("exercise"), withIntermediateDirectories: true)
        try Data("partition_alice = 0\n".utf8).write(to: lab.appendingPathComponent("answers.properties"))
        try Data("// the student's partitioner\n".utf8).write(
            to: lab.appendingPathComponent("exercise/VipPartitioner.swift"))
        try Data("// not part of the starter\n".utf8).write(to: lab.appendingPathComponent("exercise/Extra.swift"))
        let stub = fake.root.appendingPathComponent("samsa-stub")
        try Data(
            """
            #!/usr/bin/env bash
            printf '%s\\n' "$@" > "\(fake.gradeArguments.path)"
            while [ $# -gt 0 ]; do if [ "$1" = --output ]; then echo '{"score": 1, "tests": []}' > "$2"; fi; shift; done

            """.utf8
        ).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        return fake
    }

    /// The real grader (`samsa-lab`, built with the tests) on Lab 3's reference submission.
    func testRealGraderWritesFullMarksForTheReference() throws {
        try LabFixtures.requireSolutions()
        let fake = try self.makeAutograder()
        try FileManager.default.removeItem(at: fake.submission)
        let lab = fake.submission.appendingPathComponent("03-replication")
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        let manifest = try LabFixtures.catalog().lab(3)
        for name in ["answers.properties", "commands.log"] {
            try Data(LabFixtures.text(manifest, "solution/\(name)").utf8).write(to: lab.appendingPathComponent(name))
        }
        let grader = try Products.executable("samsa-lab")
        XCTAssertEqual(try self.runAutograder(fake, build: "true", grade: grader.path), 0)
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: fake.results)) as? [String: Any])
        XCTAssertEqual((results["score"] as? NSNumber)?.doubleValue, manifest.maxScore, "\(results)")
        XCTAssertEqual((results["max_score"] as? NSNumber)?.doubleValue, manifest.maxScore)
        let tests = try XCTUnwrap(results["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, manifest.tasks.count)
        XCTAssertTrue((tests.first?["output"] as? String)?.hasPrefix("passed: ") == true, "\(tests.first ?? [:])")
    }

    func runAutograder(_ fake: FakeAutograder, build: String, grade: String? = nil) throws -> Int32 {
        let script = LabFixtures.labsRoot.appendingPathComponent("autograder/run_autograder")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        var environment = ProcessInfo.processInfo.environment
        environment["AUTOGRADER_ROOT"] = fake.root.path
        environment["SAMSA_BUILD_COMMAND"] = build
        environment["SAMSA_GRADE_COMMAND"] = grade ?? fake.root.appendingPathComponent("samsa-stub").path
        environment["SAMSA_LAB"] = nil
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testGradesTheSubmittedLabWithTheStudentsExercise() throws {
        let fake = try self.makeAutograder()
        XCTAssertEqual(try self.runAutograder(fake, build: "true"), 0)

        let arguments = try String(contentsOf: fake.gradeArguments, encoding: .utf8).split(separator: "\n").map(
            String.init)
        XCTAssertEqual(
            arguments,
            [
                "grade", "--lab", "2", "--submission",
                fake.submission.appendingPathComponent("labs/02-keys-partitions").path,
                "--format", "gradescope", "--output", fake.results.path, "--replay",
            ])
        let exercise = fake.source.appendingPathComponent("labs/02-keys-partitions/exercise")
        XCTAssertEqual(
            try String(contentsOf: exercise.appendingPathComponent("VipPartitioner.swift"), encoding: .utf8),
            "// the student's partitioner\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: exercise.appendingPathComponent("Extra.swift").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fake.results.path))
    }

    /// The student's code fails to build; the starter put back builds: graded anyway (the grade
    /// command runs), with the errors in the results' output.
    func testCodeThatDoesNotCompileKeepsTheOtherPointsAndShowsTheErrors() throws {
        let fake = try self.makeAutograder()
        let build = """
            if grep -q "the student's partitioner" labs/02-keys-partitions/exercise/VipPartitioner.swift; then \
            echo 'VipPartitioner.swift:3: error: cannot find x'; false; fi
            """
        XCTAssertEqual(try self.runAutograder(fake, build: build), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: fake.gradeArguments.path), "grade must run")
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: fake.results)) as? [String: Any])
        XCTAssertEqual((results["score"] as? NSNumber)?.doubleValue, 1, "the grade command's own score stands")
        let output = try XCTUnwrap(results["output"] as? String)
        XCTAssertTrue(output.contains("does not compile"), output)
        XCTAssertTrue(output.contains("error: cannot find x"), output)
        let exercise = fake.source.appendingPathComponent("labs/02-keys-partitions/exercise/VipPartitioner.swift")
        XCTAssertFalse(
            try String(contentsOf: exercise, encoding: .utf8).contains("the student's partitioner"), "starter put back")
    }

    func testTheKitThatDoesNotBuildScoresZeroWithoutGrading() throws {
        let fake = try self.makeAutograder()
        XCTAssertEqual(try self.runAutograder(fake, build: "echo 'error: broken kit'; false"), 0)
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: fake.results)) as? [String: Any])
        XCTAssertEqual((results["score"] as? NSNumber)?.doubleValue, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fake.gradeArguments.path), "grade must not run")
    }

    /// Gradescope's submission metadata names the student: their e-mail is the id graded.
    func testTheStudentIdComesFromGradescopesMetadata() throws {
        let fake = try self.makeAutograder()
        try Data(#"{"users": [{"email": "ana@example.edu", "name": "Ana", "sid": "123"}]}"#.utf8)
            .write(to: fake.root.appendingPathComponent("submission_metadata.json"))
        XCTAssertEqual(try self.runAutograder(fake, build: "true"), 0)
        let arguments = try String(contentsOf: fake.gradeArguments, encoding: .utf8).split(separator: "\n").map(
            String.init)
        XCTAssertEqual(Array(arguments.suffix(2)), ["--student-id", "ana@example.edu"])
    }

    func testEmptySubmissionSaysWhatToUpload() throws {
        let fake = try self.makeAutograder()
        try FileManager.default.removeItem(at: fake.submission)
        try FileManager.default.createDirectory(at: fake.submission, withIntermediateDirectories: true)
        XCTAssertEqual(try self.runAutograder(fake, build: "true"), 0)
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: fake.results)) as? [String: Any])
        XCTAssertEqual((results["score"] as? NSNumber)?.doubleValue, 0)
        XCTAssertTrue((results["output"] as? String)?.contains("No answers.properties") == true)
    }
}
