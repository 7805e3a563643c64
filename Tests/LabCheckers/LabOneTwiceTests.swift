import Foundation
import LabKit
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lab 1 done twice in a row in the same project folder, as a student does it: `lab start 1`, the
/// metadata server and two brokers started by hand from the lab's config files (a copy with free
/// ports and a data folder of the test), `greetings` created, written and read twice, everything
/// stopped, then the REPL part (steps 9–12) and `lab check`. The second run counts the same
/// records in step 7 and scores the same, with no cleanup in between: `lab start 1` empties the
/// data folders the config files name (`HandStartedServers`), and step 9's `cluster destroy`
/// replaces the REPL's cluster. About a minute.
final class LabOneTwiceTests: XCTestCase {
    func testLabOneDoneTwiceInTheSameFolderScoresTheSame() throws {
        let work = try self.makeTemporaryDirectory(prefix: "samsa-lab1-twice")
        let labs = work.url.appendingPathComponent("labs")
        try FileManager.default.copyItem(at: LabFixtures.labsRoot, to: labs)
        let folder = labs.appendingPathComponent("01-first-cluster")
        for stale in ["commands.log", "answers.properties"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
        }
        let data = work.appending("lab1-data").path
        let ports = try Self.rewriteConfigs(in: folder.appendingPathComponent("config"), dataFolder: data)
        let samsa = try Products.executable("samsa")
        let environment = [
            "SAMSA_PID_DIR": try work.makeSubdirectory("pids").path, "NO_COLOR": "1", "SAMSA_LANGUAGE": "en",
        ]

        let first = try self.doLabOne(samsa, work: work, folder: folder, ports: ports, environment: environment, run: 1)
        XCTAssertFalse(
            first.startSaid.contains("Deleted the data"), "nothing to delete the first time: \(first.startSaid)")
        let second = try self.doLabOne(
            samsa, work: work, folder: folder, ports: ports, environment: environment, run: 2)
        XCTAssertTrue(
            second.startSaid.contains("Deleted the data of an earlier run") && second.startSaid.contains(data),
            second.startSaid)

        let lab = try LabFixtures.catalog().lab(1).forStudent(LabFixtures.student)
        let count = Int(lab.variant(for: LabFixtures.student).values["GREETINGS_COUNT"] ?? "")
        XCTAssertEqual(first.secondRead, count, "step 7 reads the student's greetings")
        XCTAssertEqual(
            second.secondRead, first.secondRead, "the second run reads what the first read, not the old records too")
        XCTAssertEqual(first.score, "11/11", first.report)
        XCTAssertEqual(second.score, first.score, second.report)
    }

    private struct Run {
        var startSaid: String
        var secondRead: Int
        var score: String
        var report: String
    }

    /// One run of Lab 1, steps 1–12 and `lab check`, with the answers the student would write from
    /// what this run showed (step 7's count) and the reference for the rest.
    private func doLabOne(
        _ samsa: URL, work: TemporaryDirectory, folder: URL, ports: (meta: Int, brokers: [Int]),
        environment: [String: String], run: Int
    ) throws -> Run {
        func repl(_ lines: [String]) throws -> String {
            let script = work.appending("run-\(run).samsa")
            try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
            let result = try ExternalTool.run(
                samsa, arguments: ["--directory", work.url.path, "--script", script.path], environment: environment,
                currentDirectoryURL: work.url, timeout: .seconds(120))
            XCTAssertEqual(result.exitStatus, 0, result.summary)
            return result.stdoutText + result.stderr
        }
        func tool(_ arguments: [String], input: String? = nil) throws -> CommandResult {
            try ExternalTool.run(
                samsa, arguments: arguments, environment: environment, input: input.map { Data($0.utf8) },
                currentDirectoryURL: folder, timeout: .seconds(60))
        }
        let startSaid = try repl(["lab id set \(LabFixtures.student.value)", "lab start 1"])

        // Steps 3–4: the servers, from the lab folder, as the sheet runs them.
        let meta = try self.launchProcess(
            samsa, arguments: ["zookeeper-server-start", "config/zookeeper.properties"], environment: environment,
            currentDirectoryURL: folder, logURL: work.appending("meta-\(run).out"))
        try waitForPort(ports.meta, process: meta)
        var brokers: [TestProcess] = []
        for id in 1...2 {
            brokers.append(
                try self.launchProcess(
                    samsa, arguments: ["kafka-server-start", "config/server-\(id).properties"],
                    environment: environment,
                    currentDirectoryURL: folder, logURL: work.appending("broker-\(id)-\(run).out")))
        }
        for (index, broker) in brokers.enumerated() { try waitForPort(ports.brokers[index], process: broker) }
        var ids = ""
        for _ in 0..<100 where !ids.hasSuffix("[1, 2]\n") {
            ids = try tool(["zookeeper-shell", "localhost:\(ports.meta)", "ls", "/brokers/ids"]).stdoutText
            if !ids.hasSuffix("[1, 2]\n") { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(ids.hasSuffix("[1, 2]\n"), "run \(run): \(ids)\n\(brokers.map { $0.logTail() })")

        // Steps 5–7.
        let bootstrap = "localhost:\(ports.brokers[0])"
        let create = try tool([
            "kafka-topics", "--bootstrap-server", bootstrap, "--create", "--topic", "greetings", "--partitions", "1",
            "--replication-factor", "2",
        ])
        XCTAssertEqual(create.exitStatus, 0, "run \(run): \(create.summary)")
        let lab = try LabFixtures.catalog().lab(1).forStudent(LabFixtures.student)
        let values = lab.variant(for: LabFixtures.student).values
        let greetings = (values["GREETINGS"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let produce = try tool(
            ["kafka-console-producer", "--bootstrap-server", bootstrap, "--topic", "greetings"],
            input: greetings.joined(separator: "\n") + "\n")
        XCTAssertEqual(produce.exitStatus, 0, "run \(run): \(produce.summary)")
        var reads: [Int] = []
        for _ in 0..<2 {
            let read = try tool([
                "kafka-console-consumer", "--bootstrap-server", bootstrap, "--topic", "greetings", "--from-beginning",
                "--timeout-ms", "5000",
            ])
            reads.append(read.stdoutText.split(separator: "\n").count)
        }

        // Step 8's end: Ctrl-C to the brokers, then the metadata server.
        for broker in brokers { _ = kill(broker.pid, SIGINT) }
        for broker in brokers {
            XCTAssertNotNil(broker.waitForExit(timeout: .seconds(30)), "run \(run): a broker did not stop")
        }
        _ = kill(meta.pid, SIGINT)
        XCTAssertNotNil(meta.waitForExit(timeout: .seconds(30)), "run \(run): the metadata server did not stop")

        let stopped = try XCTUnwrap(values["STOPPED_BROKER"])
        var answers = try LabFixtures.text(lab, "solution/answers.properties")
        answers = answers.replacingOccurrences(
            of: "records_second_read = \(values["GREETINGS_COUNT"] ?? "?")",
            with: "records_second_read = \(reads.last ?? 0)")
        try answers.write(to: folder.appendingPathComponent("answers.properties"), atomically: true, encoding: .utf8)

        // Steps 9–13 in the REPL; the cluster lives until the script ends, after `lab check`.
        let report = try repl([
            "cluster destroy", "cluster start", "meta ls /brokers/ids", "meta get /controller",
            "topic create greetings --partitions 1 --replication-factor 3", "produce greetings hola hello bonjour",
            "broker stop \(stopped)", "meta ls /brokers/ids", "lab check", "cluster destroy",
        ])
        let score = report.firstMatch(of: /Lab 1 · [^\n]* — (\d+\/\d+)/).map { String($0.1) } ?? "none"
        return Run(startSaid: startSaid, secondRead: reads.last ?? 0, score: score, report: report)
    }

    /// The lab's config files with free ports and `dataFolder` in place of /tmp/samsa-lab1.
    private static func rewriteConfigs(in config: URL, dataFolder: String) throws -> (meta: Int, brokers: [Int]) {
        let meta = try FreePort.allocate()
        let brokers = try (0..<2).map { _ in try FreePort.allocate() }
        let replacements = [
            ("clientPort=2181", "clientPort=\(meta)"), ("localhost:2181", "localhost:\(meta)"),
            (":9092", ":\(brokers[0])"), (":9093", ":\(brokers[1])"), ("/tmp/samsa-lab1", dataFolder),
        ]
        for name in ["zookeeper.properties", "server-1.properties", "server-2.properties"] {
            let file = config.appendingPathComponent(name)
            var text = try String(contentsOf: file, encoding: .utf8)
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return (meta, brokers)
    }
}
