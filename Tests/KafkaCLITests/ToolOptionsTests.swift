import KafkaCLI
import XCTest

/// Option handling shared by every tool: Kafka's `--long-option value` syntax, abbreviations,
/// `--help`, and Kafka's kinds of messages for wrong options, all with exit code 1.
final class ToolOptionsTests: XCTestCase {
    func testEveryToolAnswersToItsNameWithAndWithoutSh() {
        for name in [
            "zookeeper-server-start", "zookeeper-server-stop", "kafka-server-start", "kafka-server-stop",
            "kafka-topics", "kafka-console-producer", "kafka-console-consumer", "kafka-consumer-groups",
            "kafka-configs", "kafka-get-offsets", "kafka-leader-election", "kafka-dump-log", "zookeeper-shell",
            "kafka-producer-perf-test", "kafka-consumer-perf-test",
        ] {
            XCTAssertEqual(KafkaTools.canonicalName(name), name)
            XCTAssertEqual(KafkaTools.canonicalName(name + ".sh"), name)
        }
        XCTAssertNil(KafkaTools.canonicalName("kafka-topic"))
        XCTAssertEqual(KafkaTools.names.count, 15)
    }

    func testHelpListsEveryOptionWithItsValueAndDefault() async {
        let run = await self.tool("kafka-topics.sh", ["--help"])
        XCTAssertEqual(run.status, 0, run.summary)
        XCTAssertTrue(
            run.stdout.hasPrefix("This tool helps to create, delete, describe, or change a topic.\nOption "),
            run.summary)
        for option in [
            "--alter", "--create", "--delete", "--describe", "--list", "--if-exists", "--if-not-exists",
            "--under-replicated-partitions", "--unavailable-partitions", "--config <String: name=value>",
            "--partitions <Integer: # of partitions>", "--replication-factor <Integer: replication factor>",
            "--topic <String: topic>", "--help", "--version",
        ] {
            XCTAssertTrue(run.stdout.contains("\n" + option), "missing \(option)\n" + run.summary)
        }
        XCTAssertTrue(run.stdout.contains("(default: localhost:9092)"), run.summary)
        XCTAssertEqual(run.stderr, "")
    }

    /// Numbers a student can mistype never trap: they get one line and exit code 1, before any broker is asked.
    func testOutOfRangeNumbersAreRefusedNotTrapped() async {
        let partitions = await self.tool("kafka-topics", ["--create", "--topic", "t", "--partitions", "3000000000"])
        XCTAssertEqual(partitions.status, 1, partitions.summary)
        XCTAssertTrue(partitions.stderr.contains("3000000000"), partitions.summary)
        let partition = await self.tool("kafka-console-consumer", ["--topic", "t", "--partition", "3000000000"])
        XCTAssertEqual(partition.status, 1, partition.summary)
        let records = await self.tool(
            "kafka-producer-perf-test",
            ["--topic", "t", "--num-records", "-1", "--record-size", "10", "--throughput", "-1"])
        XCTAssertEqual(records.status, 1, records.summary)
        XCTAssertTrue(records.stderr.contains("--num-records: must be at least 0"), records.summary)
        let poll = await self.tool(
            "kafka-console-consumer", ["--topic", "t", "--consumer-property", "max.poll.records=-1"])
        XCTAssertEqual(poll.status, 1, poll.summary)
        XCTAssertTrue(poll.stderr.contains("max.poll.records"), poll.summary)
    }

    func testAnUnknownOptionIsJoptsimplesMessageWithASuggestion() async {
        let run = await self.tool("kafka-topics", ["--zookeeper", "localhost:2181", "--list"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            "joptsimple.UnrecognizedOptionException: zookeeper is not a recognized option\n`kafka-topics --help` lists the options.\n"
        )
        let typo = await self.tool("kafka-console-consumer", ["--topic", "t", "--from-begining"])
        XCTAssertEqual(typo.status, 1)
        XCTAssertEqual(
            typo.stderr,
            "joptsimple.UnrecognizedOptionException: from-begining is not a recognized option\nDid you mean --from-beginning? `kafka-console-consumer --help` lists the options.\n"
        )
    }

    /// Kafka's own lines stay English; what Samsa adds (hints, its own errors, the start tools'
    /// notes) follows the student's language, here chosen in the project folder above the lab's.
    func testSamsasOwnLinesFollowTheLanguageKafkasStayEnglish() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samsa-tools-es-\(UUID().uuidString)")
        let lab = project.appendingPathComponent("labs/01-first-cluster")
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent(".samsa"), withIntermediateDirectories: true)
        try Data("es\n".utf8).write(to: project.appendingPathComponent(".samsa/language"))
        let english = ["SAMSA_LANGUAGE": "", "LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

        let typo = await self.tool(
            "kafka-console-consumer", ["--topic", "t", "--from-begining"], environment: english, directory: lab.path)
        XCTAssertEqual(
            typo.stderr,
            "joptsimple.UnrecognizedOptionException: from-begining is not a recognized option\n¿Querías decir --from-beginning? `kafka-console-consumer --help` muestra las opciones.\n"
        )
        let missing = await self.tool(
            "kafka-server-start", ["config/server-9.properties"], environment: english, directory: lab.path)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.hasPrefix("kafka-server-start: no se puede leer config/server-9.properties ("),
            missing.stderr)
        XCTAssertTrue(
            missing.stderr.hasSuffix(
                "; pasa la ruta de un fichero server.properties, p. ej. config/server.properties\n"), missing.stderr)
        let help = await self.tool("kafka-server-start", ["--help"], environment: english, directory: lab.path)
        XCTAssertTrue(
            help.stdout.hasPrefix(
                "USAGE: kafka-server-start.sh [-daemon] server.properties [--override property=value]*\nArranca un broker de Kafka (samsa-broker)"
            ),
            help.stdout)
        XCTAssertTrue(
            help.stdout.contains("Optional property that should override values set in server.properties file."),
            "Kafka's option help stays")
        let notATool = await self.tool("kafka-topic", [], environment: english, directory: lab.path)
        XCTAssertTrue(
            notATool.stderr.hasPrefix("samsa: kafka-topic no es una de las herramientas de Kafka; estas son: "),
            notATool.stderr)

        let inEnglish = await self.tool(
            "kafka-server-start", ["config/server-9.properties"], environment: ["SAMSA_LANGUAGE": "en"],
            directory: lab.path)
        XCTAssertTrue(
            inEnglish.stderr.hasSuffix("; pass the path of a server.properties file, e.g. config/server.properties\n"),
            inEnglish.stderr)
    }

    func testAnOptionWithoutItsValueSaysSo() async {
        let run = await self.tool("kafka-topics", ["--list", "--bootstrap-server"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stderr,
            "joptsimple.OptionMissingRequiredArgumentException: Option bootstrap-server requires an argument\n")
    }

    func testANumberOptionRejectsText() async {
        let run = await self.tool("kafka-topics", ["--create", "--topic", "t", "--partitions", "three"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stderr,
            "joptsimple.OptionArgumentConversionException: Cannot parse argument 'three' of option partitions (expected a whole number)\n"
        )
    }

    func testKafkaTopicsNeedsExactlyOneActionAndPrintsUsage() async {
        let none = await self.tool("kafka-topics", ["--topic", "t"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(
            none.stderr.hasPrefix(
                "Command must include exactly one action: --list, --describe, --create, --alter or --delete\nThis tool helps"
            ),
            none.summary)
        let two = await self.tool("kafka-topics", ["--list", "--describe"])
        XCTAssertEqual(two.status, 1)
        let noTopic = await self.tool("kafka-topics", ["--create", "--partitions", "3"])
        XCTAssertEqual(noTopic.status, 1)
        XCTAssertTrue(noTopic.stderr.hasPrefix("Missing required argument \"[topic]\"\n"), noTopic.summary)
        let wrongPair = await self.tool("kafka-topics", ["--list", "--partitions", "3"])
        XCTAssertTrue(
            wrongPair.stderr.hasPrefix("Option \"[partitions]\" can't be used with option \"[list]\"\n"),
            wrongPair.summary)
        let zero = await self.tool("kafka-topics", ["--create", "--topic", "t", "--partitions", "0"])
        XCTAssertEqual(zero.status, 1)
        XCTAssertEqual(zero.stdout, "Error while executing topic command : The partitions must be greater than 0\n")
    }

    func testConsoleConsumerChecksItsOptionsLikeKafka() async {
        let cases: [([String], String)] = [
            ([], "Exactly one of include/topic is required."),
            (["--topic", "t", "--offset", "3"], "The partition is required when offset is specified."),
            (
                ["--topic", "t", "--partition", "0", "--offset", "3", "--from-beginning"],
                "Options from-beginning and offset cannot be specified together."
            ),
            (
                ["--topic", "t", "--partition", "0", "--offset", "first"],
                "The provided offset value 'first' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."
            ),
        ]
        for (arguments, message) in cases {
            let run = await self.tool("kafka-console-consumer", arguments)
            XCTAssertEqual(run.status, 1, run.summary)
            XCTAssertTrue(run.stderr.hasPrefix(message + "\n"), "\(arguments)\n" + run.summary)
        }
    }

    func testPerfToolsUseArgparseMessages() async {
        let run = await self.tool(
            "kafka-producer-perf-test", ["--topic", "t", "--num-records", "10", "--record-size", "100"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stderr.hasPrefix("usage: producer-performance [-h] --topic TOPIC --num-records NUM-RECORDS"),
            run.summary)
        XCTAssertTrue(
            run.stderr.hasSuffix("\nproducer-performance: error: argument --throughput is required\n"), run.summary)
        let both = await self.tool(
            "kafka-producer-perf-test",
            ["--topic", "t", "--num-records", "1", "--throughput", "-1", "--producer-props", "acks=1"])
        XCTAssertTrue(
            both.stderr.hasSuffix("error: one of the arguments --record-size --payload-file is required\n"),
            both.summary)
    }

    func testAbbreviationsAndEqualsSignsWork() async {
        // --bootstrap abbreviates --bootstrap-server, as in joptsimple; nothing listens on port 1.
        let run = await self.tool("kafka-topics", ["--bootstrap=127.0.0.1:1", "--list"])
        XCTAssertEqual(run.status, 1, run.summary)
        XCTAssertTrue(
            run.stdout.hasPrefix("Error while executing topic command : no broker is reachable (tried 127.0.0.1:1"),
            run.summary)
    }

    func testServerStartNeedsAPropertiesFile() async {
        let run = await self.tool("kafka-server-start.sh", [])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stderr, "USAGE: kafka-server-start [-daemon] server.properties [--override property=value]*\n")
        let missing = await self.tool("zookeeper-server-start", ["config/nope.properties"], directory: "/tmp")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.hasPrefix(
                "zookeeper-server-start: cannot read config/nope.properties (/tmp/config/nope.properties)"),
            missing.summary)
    }

    func testStopToolsSayWhenNothingRuns() async throws {
        let directory = try self.makeTemporaryDirectoryForPids()
        let kafka = await self.tool("kafka-server-stop", [], environment: ["SAMSA_PID_DIR": directory])
        XCTAssertEqual(kafka.status, 1)
        XCTAssertEqual(kafka.stdout, "No kafka server to stop\n")
        let zookeeper = await self.tool("zookeeper-server-stop.sh", [], environment: ["SAMSA_PID_DIR": directory])
        XCTAssertEqual(zookeeper.status, 1)
        XCTAssertEqual(zookeeper.stdout, "No zookeeper server to stop\n")
    }

    func testAPidFileOfAnotherProgramIsNeverSignalled() async throws {
        let directory = try self.makeTemporaryDirectoryForPids()
        // This test process's own PID, recorded as if it were a broker: its command line is not
        // samsa-broker, so the stop tool must ignore it (and remove the stale file).
        let file = URL(fileURLWithPath: directory).appendingPathComponent("kafka-\(getpid()).pid")
        try "\(getpid())\n/tmp/server.properties\n".write(to: file, atomically: true, encoding: .utf8)
        let run = await self.tool("kafka-server-stop", [], environment: ["SAMSA_PID_DIR": directory])
        XCTAssertEqual(run.stdout, "No kafka server to stop\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }

    func testVersion() async {
        let run = await self.tool("kafka-topics", ["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "3.7.0 (Samsa)\n")
    }

    private func makeTemporaryDirectoryForPids() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("samsa-pids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}
