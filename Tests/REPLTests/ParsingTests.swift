import REPL
import XCTest

/// Splitting lines, resolving commands, parsing arguments, suggestions.
final class ParsingTests: XCTestCase {
    let table = CommandTable()

    func testSplitterHandlesQuotesEscapesAndComments() throws {
        XCTAssertEqual(
            try CommandLineSplitter.split(#"produce orders --key alice "first order""#),
            ["produce", "orders", "--key", "alice", "first order"])
        XCTAssertEqual(
            try CommandLineSplitter.split(#"a 'it''s' b\ c "say \"hi\"" # comment"#), ["a", "its", "b c", #"say "hi""#])
        XCTAssertEqual(try CommandLineSplitter.split("  "), [])
        XCTAssertEqual(try CommandLineSplitter.split(#"x """#), ["x", ""])
        XCTAssertEqual(try CommandLineSplitter.split("key=a#b"), ["key=a#b"])
    }

    func testSplitterRejectsAnOpenQuote() {
        XCTAssertThrowsError(try CommandLineSplitter.split(#"produce t "oops"#)) { error in
            XCTAssertEqual("\(error)", #"the quote " is not closed; close it or escape it with \""#)
        }
    }

    func testResolvesGroupsSingleWordsAndAliases() throws {
        guard case .command(let spec, let rest) = try self.table.resolve(["broker", "kill", "2"]) else {
            return XCTFail()
        }
        XCTAssertEqual(spec.name, "broker kill")
        XCTAssertEqual(rest, ["2"])
        guard case .command(let quit, _) = try self.table.resolve(["exit"]) else { return XCTFail() }
        XCTAssertEqual(quit.name, "quit")
        guard case .command(let status, _) = try self.table.resolve(["STATUS"]) else { return XCTFail() }
        XCTAssertEqual(status.name, "cluster status")
        guard case .empty = try self.table.resolve([]) else { return XCTFail() }
    }

    func testUnknownCommandsSuggestTheClosest() {
        self.assertError(["clustr", "start"], "unknown command 'clustr'; did you mean `cluster start`?")
        self.assertError(["brokr"], "unknown command 'brokr'; did you mean `broker`?")
        self.assertError(["expalin"], "unknown command 'expalin'; did you mean `explain`?")
        self.assertError(["xyzzy"], "unknown command 'xyzzy'; `help` lists the commands")
        self.assertError(["broker", "kil", "2"], "unknown command 'broker kil'; did you mean `broker kill`?")
        self.assertError(
            ["broker"],
            "`broker` needs a subcommand: `broker kill`, `broker stop`, `broker start`, `broker pause`, `broker resume`, `broker logs`, `broker evict-cache`"
        )
    }

    func testArgumentsAreCheckedAgainstTheSpec() throws {
        let produce = try XCTUnwrap(self.table.spec(["produce"]))
        let parsed = try ParsedArguments(
            ["orders", "--key", "k", "--acks=all", "a", "b", "--", "--not-an-option"], for: produce)
        XCTAssertEqual(parsed.positionals, ["orders", "a", "b", "--not-an-option"])
        XCTAssertEqual(parsed.value("--key"), "k")
        XCTAssertEqual(parsed.value("--acks"), "all")

        let create = try XCTUnwrap(self.table.spec(["topic", "create"]))
        let configs = try ParsedArguments(
            ["t", "--config", "a=1", "--config", "b=2", "--partitions", "3"], for: create)
        XCTAssertEqual(configs.values("--config"), ["a=1", "b=2"])
        XCTAssertEqual(try configs.int("--partitions", in: 1...1000), 3)

        let consume = try XCTUnwrap(self.table.spec(["consume"]))
        XCTAssertTrue(try ParsedArguments(["t", "--from-beginning"], for: consume).has("--from-beginning"))
    }

    func testBadArgumentsPrintTheUsageLine() throws {
        let kill = try XCTUnwrap(self.table.spec(["broker", "kill"]))
        self.assertUsage([], kill, "`broker kill` needs ID\nusage: broker kill ID")
        self.assertUsage(["1", "2"], kill, "`broker kill` does not take '2'\nusage: broker kill ID")
        let produce = try XCTUnwrap(self.table.spec(["produce"]))
        let usage =
            "usage: produce TOPIC [VALUE...] [--key KEY] [--partition N] [--acks 0|1|all] [--count N] [--round-robin] [--file FILE] [--timeout N]"
        self.assertUsage(["t", "--acks", "2"], produce, "--acks must be 0, 1, all; got '2'\n" + usage)
        self.assertUsage(["t", "--kye", "x"], produce, "`produce` has no option --kye; did you mean --key?\n" + usage)
        self.assertUsage(["t", "--key"], produce, "--key needs a value\n" + usage)
        self.assertUsage(["t", "--key", "a", "--key", "b"], produce, "--key is given twice\n" + usage)
        let create = try XCTUnwrap(self.table.spec(["topic", "create"]))
        let parsed = try ParsedArguments(["t", "--partitions", "many"], for: create)
        XCTAssertThrowsError(try parsed.int("--partitions", in: 1...1000)) { error in
            XCTAssertTrue(
                "\(error)".hasPrefix(
                    "--partitions takes a whole number from 1 to 1000; got 'many'\nusage: topic create NAME"),
                "\(error)")
        }
    }

    func testEditDistance() {
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
        XCTAssertEqual(EditDistance.between("Help", "help"), 0)
        XCTAssertEqual(EditDistance.closest(to: "stauts", among: ["start", "status", "stop"]), "status")
        XCTAssertEqual(EditDistance.closest(to: "sto", among: ["start", "status", "stop"]), "stop")
        XCTAssertNil(EditDistance.closest(to: "zzz", among: ["start", "status", "stop"]))
    }

    func testHelpForACommandShowsUsageDetailsAndOptions() throws {
        let text = try self.table.helpText(for: ["cluster", "start"])
        XCTAssertTrue(
            text.hasPrefix("usage: cluster start [--brokers N] [--name NAME] [--standalone] [--detach]\n"), text)
        XCTAssertTrue(text.contains("  --detach      keep the cluster running after samsa quits"), text)
        let group = try self.table.helpText(for: ["broker"])
        XCTAssertTrue(group.contains("broker pause ID\n    SIGSTOP a broker"), group)
        let kill = try self.table.helpText(for: ["consumer", "kill"])
        XCTAssertTrue(kill.hasPrefix("usage: consumer kill NAME\n"), kill)
        XCTAssertTrue(kill.contains("no commit, no LeaveGroup"), kill)
        XCTAssertFalse(self.table.helpText().contains("Not in this build yet"))
        XCTAssertThrowsError(try self.table.helpText(for: ["prodcue"])) { error in
            XCTAssertEqual("\(error)", "unknown command 'prodcue'; did you mean `produce`?")
        }
    }

    func testEveryCommandOfTheIssueIsInTheTable() {
        let names = Set(self.table.commands.map(\.name))
        for name in [
            "cluster start", "cluster stop", "cluster destroy", "cluster status", "broker kill", "broker stop",
            "broker start", "broker pause", "broker resume", "broker logs", "topic create", "topic list",
            "topic describe", "topic alter", "topic delete", "produce", "consume", "consumer start", "consumer stop",
            "consumer kill", "group list", "group describe", "meta ls", "meta get", "meta stat", "explain", "watch",
            "source", "help", "quit",
        ] {
            XCTAssertTrue(names.contains(name), name)
        }
    }

    private func assertError(_ words: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try self.table.resolve(words), file: file, line: line) { error in
            XCTAssertEqual("\(error)", message, file: file, line: line)
        }
    }

    private func assertUsage(
        _ words: [String], _ spec: CommandSpec, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try ParsedArguments(words, for: spec), file: file, line: line) { error in
            XCTAssertEqual("\(error)", message, file: file, line: line)
        }
    }
}
