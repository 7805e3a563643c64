import Foundation
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The course's own command sequence (SYLLABUS row 7, Lab 1), typed as the course types it,
/// through the built `samsa` executable and the links `samsa install-tools` makes: the metadata
/// server and three brokers from the repository's config files (a copy with free ports and
/// temporary folders), then topics, a piped producer, consumers with each option, and stop.
final class CourseSequenceTests: XCTestCase {
    func testTheCourseSequenceVerbatim() throws {
        let work = try self.makeTemporaryDirectory(prefix: "samsa-course")
        let bin = work.appending("bin").path
        let pids = try work.makeSubdirectory("pids")
        let environment = ["SAMSA_PID_DIR": pids.path, "NO_COLOR": "1"]
        let samsa = try Products.executable("samsa")

        // samsa install-tools DIR: one link per tool name, with and without .sh.
        let install = try ExternalTool.run(
            samsa, arguments: ["install-tools", bin], environment: environment, currentDirectoryURL: work.url)
        XCTAssertEqual(install.exitStatus, 0, install.summary)
        XCTAssertTrue(install.stdoutText.hasPrefix("Linked 30 Kafka tools in \(bin) to "), install.summary)
        XCTAssertTrue(
            install.stdoutText.hasSuffix("Add them to your PATH:\n  export PATH=\"\(bin):$PATH\"\n"), install.summary)

        let ports = try self.copyConfigs(to: work)
        let bootstrap = "localhost:\(ports.brokers[0])"
        func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> CommandResult {
            try ExternalTool.run(
                URL(fileURLWithPath: bin).appendingPathComponent(tool), arguments: arguments, environment: environment,
                input: input.map { Data($0.utf8) }, currentDirectoryURL: work.url, timeout: .seconds(60))
        }

        // zookeeper-server-start.sh config/zookeeper.properties  (and the brokers), in the background.
        let meta = try self.launchProcess(
            URL(fileURLWithPath: bin).appendingPathComponent("zookeeper-server-start.sh"),
            arguments: ["config/zookeeper.properties"],
            environment: environment, currentDirectoryURL: work.url, logURL: work.appending("zookeeper.out"))
        try waitForPort(ports.meta, process: meta)
        var brokers: [TestProcess] = []
        for id in 1...3 {
            let broker = try self.launchProcess(
                URL(fileURLWithPath: bin).appendingPathComponent("kafka-server-start.sh"),
                arguments: ["config/server-\(id).properties"],
                environment: environment, currentDirectoryURL: work.url, logURL: work.appending("broker-\(id).out"))
            brokers.append(broker)
        }
        for (index, broker) in brokers.enumerated() { try waitForPort(ports.brokers[index], process: broker) }
        // The started tool became the server itself: the PID the shell sees is the broker's.
        XCTAssertTrue(
            self.commandLine(of: brokers[0].pid).hasPrefix("\(try Products.executable("samsa-broker").path)\u{0}"),
            self.commandLine(of: brokers[0].pid))

        // Brokers register in the metadata server; wait (bounded) until all three are there.
        var ids = ""
        for _ in 0..<100 where !ids.hasSuffix("[1, 2, 3]\n") {
            ids = try run("zookeeper-shell.sh", ["localhost:\(ports.meta)", "ls", "/brokers/ids"]).stdoutText
            if !ids.hasSuffix("[1, 2, 3]\n") { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(ids.hasSuffix("[1, 2, 3]\n"), ids)

        let create = try run(
            "kafka-topics.sh",
            [
                "--bootstrap-server", bootstrap, "--create", "--topic", "first-topic", "--partitions", "3",
                "--replication-factor", "3",
            ])
        XCTAssertEqual(create.exitStatus, 0, create.summary)
        XCTAssertEqual(create.stdoutText, "Created topic first-topic.\n")

        let list = try run("kafka-topics.sh", ["--bootstrap-server", bootstrap, "--list"])
        XCTAssertEqual(list.stdoutText, "first-topic\n", list.summary)

        // As Kafka's quickstart shows: every config not at its default, here the static broker one from server-N.properties.
        let describe = try run(
            "kafka-topics.sh", ["--bootstrap-server", bootstrap, "--describe", "--topic", "first-topic"])
        XCTAssertEqual(describe.exitStatus, 0, describe.summary)
        XCTAssertEqual(
            Golden.normalized(describe.stdoutText),
            """
            Topic: first-topic\tTopicId: <id>\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: segment.bytes=1073741824
            \tTopic: first-topic\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
            \tTopic: first-topic\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1
            \tTopic: first-topic\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2

            """, describe.summary)

        // echo ... | kafka-console-producer.sh: through a pipe.
        let produce = try run(
            "kafka-console-producer.sh", ["--bootstrap-server", bootstrap, "--topic", "first-topic"],
            input: "hello\nkafka\nfrom\nthe\ncourse\n")
        XCTAssertEqual(produce.exitStatus, 0, produce.summary)
        XCTAssertEqual(produce.stdoutText, ">>>>>>")

        let everything = try run(
            "kafka-console-consumer.sh",
            ["--bootstrap-server", bootstrap, "--topic", "first-topic", "--from-beginning", "--max-messages", "5"])
        XCTAssertEqual(everything.exitStatus, 0, everything.summary)
        XCTAssertEqual(
            everything.stdoutText.split(separator: "\n").sorted(), ["course", "from", "hello", "kafka", "the"],
            everything.summary)
        XCTAssertEqual(everything.stderr, "Processed a total of 5 messages\n")

        // Without --max-messages the consumer runs until Ctrl-C, then prints its count.
        let following = try self.launchProcess(
            URL(fileURLWithPath: bin).appendingPathComponent("kafka-console-consumer.sh"),
            arguments: ["--bootstrap-server", bootstrap, "--topic", "first-topic", "--from-beginning"],
            environment: environment,
            currentDirectoryURL: work.url, logURL: work.appending("follow.out"), stderrURL: work.appending("follow.err")
        )
        var followed = ""
        for _ in 0..<100 where followed.split(separator: "\n").count < 5 {
            Thread.sleep(forTimeInterval: 0.1)
            followed = (try? String(contentsOf: work.appending("follow.out"), encoding: .utf8)) ?? ""
        }
        XCTAssertEqual(followed.split(separator: "\n").count, 5, followed)
        kill(following.pid, SIGINT)
        XCTAssertEqual(following.waitForExit(timeout: .seconds(10)), 130, following.logTail())
        XCTAssertEqual(
            try String(contentsOf: work.appending("follow.err"), encoding: .utf8), "Processed a total of 5 messages\n")

        let two = try run(
            "kafka-console-consumer.sh",
            ["--bootstrap-server", bootstrap, "--topic", "first-topic", "--from-beginning", "--max-messages", "2"])
        XCTAssertEqual(two.stdoutText.split(separator: "\n").count, 2, two.summary)
        XCTAssertEqual(two.stderr, "Processed a total of 2 messages\n")

        // --partition, one partition at a time: together they hold every record exactly once.
        var perPartition: [String] = []
        for partition in 0..<3 {
            let result = try run(
                "kafka-console-consumer.sh",
                [
                    "--bootstrap-server", bootstrap, "--topic", "first-topic", "--partition", "\(partition)",
                    "--offset", "earliest", "--timeout-ms", "1000",
                ])
            XCTAssertEqual(result.exitStatus, 0, result.summary)
            perPartition += result.stdoutText.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(perPartition.sorted(), ["course", "from", "hello", "kafka", "the"])

        // A group in a three-broker cluster, its lag, and a preferred-leader election.
        let group = try run(
            "kafka-console-consumer.sh",
            [
                "--bootstrap-server", bootstrap, "--topic", "first-topic", "--group", "lab1", "--from-beginning",
                "--max-messages", "5",
            ])
        XCTAssertEqual(group.stderr, "Processed a total of 5 messages\n", group.summary)
        let lag = try run(
            "kafka-consumer-groups.sh", ["--bootstrap-server", bootstrap, "--describe", "--group", "lab1"])
        XCTAssertEqual(lag.exitStatus, 0, lag.summary)
        let rows = lag.stdoutText.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.count, 3, lag.summary)
        XCTAssertEqual(rows.map { $0[5] }, ["0", "0", "0"], lag.summary)
        let election = try run(
            "kafka-leader-election.sh",
            [
                "--bootstrap-server", bootstrap, "--election-type", "PREFERRED", "--topic", "first-topic",
                "--partition", "0",
            ])
        XCTAssertEqual(election.exitStatus, 0, election.summary)
        XCTAssertEqual(election.stdoutText, "Valid replica already elected for partitions first-topic-0\n")
        let state = try run(
            "zookeeper-shell.sh", ["localhost:\(ports.meta)", "get", "/brokers/topics/first-topic/partitions/0/state"])
        XCTAssertTrue(state.stdoutText.contains("\"leader\":1,"), state.summary)

        // Lab 3: stop broker 2 (SIGTERM, a controlled shutdown). Partition 1, which it led, gets a
        // new leader and an ISR without 2: it is under-replicated but not unavailable. (Partitions
        // it only followed drop it from the ISR once the leader notices, replica.lag.time.max.ms.)
        brokers[1].terminate()
        var underReplicated = ""
        for _ in 0..<100 where !underReplicated.contains("\tPartition: 1\t") {
            underReplicated = try run(
                "kafka-topics.sh", ["--bootstrap-server", bootstrap, "--describe", "--under-replicated-partitions"]
            ).stdoutText
            if !underReplicated.contains("\tPartition: 1\t") { Thread.sleep(forTimeInterval: 0.1) }
        }
        let lines = underReplicated.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertTrue(lines.contains { $0.count > 1 && $0[1] == "Partition: 1" }, underReplicated)
        for line in lines {
            // Topic, Partition, Leader, Replicas, Isr
            guard line.count == 5 else {
                XCTFail("unexpected line \(line)")
                continue
            }
            XCTAssertTrue(
                line[2].hasPrefix("Leader: ") && line[2] != "Leader: 2" && line[2] != "Leader: none", underReplicated)
            XCTAssertEqual(line[3].dropFirst("Replicas: ".count).split(separator: ",").count, 3, underReplicated)
            XCTAssertFalse(line[4].dropFirst("Isr: ".count).split(separator: ",").contains("2"), underReplicated)
        }
        let unavailable = try run(
            "kafka-topics.sh", ["--bootstrap-server", bootstrap, "--describe", "--unavailable-partitions"])
        XCTAssertEqual(unavailable.stdoutText, "", unavailable.summary)

        let delete = try run(
            "kafka-topics.sh", ["--bootstrap-server", bootstrap, "--delete", "--topic", "first-topic"])
        XCTAssertEqual(delete.exitStatus, 0, delete.summary)
        XCTAssertEqual(delete.stdoutText, "")
        var after = ""
        for _ in 0..<50 {
            after = try run("kafka-topics.sh", ["--bootstrap-server", bootstrap, "--list"]).stdoutText
            if !after.contains("first-topic") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(after.contains("first-topic"), after)

        // kafka-server-stop.sh, zookeeper-server-stop.sh: SIGTERM to what our start tools started.
        let stopBrokers = try run("kafka-server-stop.sh", [])
        XCTAssertEqual(stopBrokers.exitStatus, 0, stopBrokers.summary)
        for broker in brokers { XCTAssertEqual(broker.waitForExit(timeout: .seconds(30)), 0, broker.logTail()) }
        let stopMeta = try run("zookeeper-server-stop.sh", [])
        XCTAssertEqual(stopMeta.exitStatus, 0, stopMeta.summary)
        XCTAssertNotNil(meta.waitForExit(timeout: .seconds(30)), meta.logTail())
        let nothing = try run("kafka-server-stop.sh", [])
        XCTAssertEqual(nothing.exitStatus, 1)
        XCTAssertEqual(nothing.stdoutText, "No kafka server to stop\n")
    }

    /// Ctrl-C is how the interactive producer ends: lines still waiting in a batch (linger is
    /// 1 s, `--timeout`) must reach the broker first, as Kafka's shutdown hook makes sure.
    func testCtrlCInTheProducerSendsWhatWasTyped() throws {
        let broker = try self.startBroker()
        let work = try self.makeTemporaryDirectory(prefix: "samsa-producer")
        let fifo = work.appending("stdin")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        // Held open read-write so the producer's read blocks instead of seeing end of input.
        let holder = open(fifo.path, O_RDWR)
        XCTAssertGreaterThanOrEqual(holder, 0)
        defer { close(holder) }
        let producer = try TestProcess(
            executableURL: try Products.executable("samsa"),
            arguments: ["kafka-console-producer", "--bootstrap-server", broker.bootstrap, "--topic", "typed"],
            currentDirectoryURL: work.url, logURL: work.appending("out"), stderrURL: work.appending("err"),
            standardInputURL: fifo)
        self.addTeardownBlock { producer.kill() }
        let lines = Array("first\nsecond\n".utf8)
        XCTAssertEqual(lines.withUnsafeBytes { write(holder, $0.baseAddress, $0.count) }, lines.count)
        var prompts = ""
        for _ in 0..<100 where prompts != ">>>" {
            Thread.sleep(forTimeInterval: 0.05)
            prompts = (try? String(contentsOf: work.appending("out"), encoding: .utf8)) ?? ""
        }
        XCTAssertEqual(prompts, ">>>")
        kill(producer.pid, SIGINT)
        XCTAssertEqual(producer.waitForExit(timeout: .seconds(30)), 130, producer.logTail())
        let consumed = try ExternalTool.run(
            try Products.executable("samsa"),
            arguments: [
                "kafka-console-consumer", "--bootstrap-server", broker.bootstrap, "--topic", "typed",
                "--from-beginning", "--max-messages", "2", "--timeout-ms", "5000",
            ])
        XCTAssertEqual(consumed.stdoutText, "first\nsecond\n", consumed.summary)
    }

    /// `-daemon` starts the server in the background (output in logs/kafkaServer.out) and
    /// `--override` replaces a key of the file, as Kafka's script does.
    func testDaemonStartWithOverrideAndStop() throws {
        let work = try self.makeTemporaryDirectory(prefix: "samsa-daemon")
        let pids = try work.makeSubdirectory("pids")
        let filePort = try FreePort.allocate()
        let port = try FreePort.allocate()
        try "broker.id=1\nlisteners=PLAINTEXT://127.0.0.1:\(filePort)\nlog.dirs=\(work.appending("logs-1").path)\n"
            .write(to: work.appending("standalone.properties"), atomically: true, encoding: .utf8)
        let samsa = try Products.executable("samsa")
        let environment = ["SAMSA_PID_DIR": pids.path]
        let start = try ExternalTool.run(
            samsa,
            arguments: [
                "kafka-server-start.sh", "-daemon", "standalone.properties", "--override",
                "listeners=PLAINTEXT://127.0.0.1:\(port)",
            ],
            environment: environment, currentDirectoryURL: work.url)
        XCTAssertEqual(start.exitStatus, 0, start.summary)
        let files = try FileManager.default.contentsOfDirectory(atPath: pids.path)
        XCTAssertEqual(files.count, 1, "\(files)")
        let pid = Int32(files.first?.dropFirst("kafka-".count).dropLast(".pid".count) ?? "") ?? -1
        // Teardown safety net: only a broker of this test's folder is ever killed.
        self.addTeardownBlock {
            let commandLine =
                FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            if pid > 0, commandLine.contains(work.path) { kill(pid, SIGKILL) }
        }
        try waitForPort(port)
        XCTAssertFalse(FreePort.isOpen(filePort), "--override must replace the file's listeners")
        let topics = try ExternalTool.run(
            samsa, arguments: ["kafka-topics", "--bootstrap-server", "127.0.0.1:\(port)", "--list"])
        XCTAssertEqual(topics.exitStatus, 0, topics.summary)
        let stop = try ExternalTool.run(samsa, arguments: ["kafka-server-stop"], environment: environment)
        XCTAssertEqual(stop.exitStatus, 0, stop.summary)
        var running = true
        for _ in 0..<200 where running {
            running =
                kill(pid, 0) == 0
                && !(((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "").contains(") Z"))
            if running { Thread.sleep(forTimeInterval: 0.05) }
        }
        XCTAssertFalse(running, "broker \(pid) still runs after kafka-server-stop")
        let log = (try? String(contentsOf: work.appending("logs/kafkaServer.out"), encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("started"), log)
    }

    /// `samsa kafka-topics ...` works as well as the link.
    func testToolsRunAsSamsaSubcommands() throws {
        let result = try ExternalTool.run(try Products.executable("samsa"), arguments: ["kafka-topics", "--version"])
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        XCTAssertEqual(result.stdoutText, "3.7.0 (Samsa)\n")
        let bad = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["kafka-console-consumer.sh", "--topic", "t", "--offset", "3"])
        XCTAssertEqual(bad.exitStatus, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("The partition is required when offset is specified.\n"), bad.summary)
    }

    /// Copies `config/` with free ports and temporary folders in place of 2181, 9092-9094,
    /// /tmp/zookeeper and /tmp/kafka-logs-N; everything else stays as students get it.
    private func copyConfigs(to work: TemporaryDirectory) throws -> (meta: Int, brokers: [Int]) {
        let source = ExternalTool.packageRoot.appendingPathComponent("config")
        let target = try work.makeSubdirectory("config")
        let meta = try FreePort.allocate()
        let brokers = try (0..<3).map { _ in try FreePort.allocate() }
        var replacements = [("2181", "\(meta)"), ("/tmp/zookeeper", work.appending("zookeeper").path)]
        for id in 1...3 {
            replacements.append((":\(9091 + id)", ":\(brokers[id - 1])"))
            replacements.append(("/tmp/kafka-logs-\(id)", work.appending("kafka-logs-\(id)").path))
        }
        for name in ["zookeeper.properties", "server-1.properties", "server-2.properties", "server-3.properties"] {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            try text.write(to: target.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (meta, brokers)
    }

    private func commandLine(of pid: Int32) -> String {
        FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
