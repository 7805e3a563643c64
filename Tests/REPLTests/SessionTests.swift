import CourseLanguage
import Foundation
import LocalCluster
import REPL
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Commands run in-process against a `Session` with captured output; no cluster is started.
final class SessionTests: XCTestCase {
    func testHelpExplainAndQuit() throws {
        let (session, console) = try self.makeSession()
        XCTAssertEqual(try session.execute("help broker kill"), .proceed)
        XCTAssertTrue(console.output.hasPrefix("usage: broker kill ID\n"), console.output)
        XCTAssertEqual(try session.execute("explain"), .proceed)
        XCTAssertTrue(console.output.contains("Terms: offset, partition, leader, isr, high-watermark"), console.output)
        XCTAssertEqual(try session.execute("   # just a comment"), .proceed)
        XCTAssertEqual(try session.execute("quit"), .quit)
        XCTAssertEqual(try session.execute("q"), .quit)
    }

    func testClientCommandsCheckArgumentsThenNeedACluster() throws {
        let (session, _) = try self.makeSession()
        self.assertError(session, "group list", "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(
            session, "consumer start c1 --group billing",
            "a member needs --group G (the group to join) and --topic T (what it reads)\nusage: consumer start NAME [--group GROUP] [--topic TOPIC] [--session-timeout-ms N]"
        )
        self.assertError(
            session, "consumer stop c9",
            "no consumer named c9; none is running; `consumer start NAME --group G --topic T` starts one\nusage: consumer stop NAME"
        )
        self.assertError(
            session, "wait isr orders 0",
            "say which ISR size to wait for, e.g. --size 3\nusage: wait isr TOPIC PARTITION [--size N] [--timeout N]")
        self.assertError(
            session, "wait leader orders 0", "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(
            session, "topic create orders --partitions 3",
            "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(
            session, "meta get /controller", "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(
            session, "produce",
            "`produce` needs TOPIC\nusage: produce TOPIC [VALUE...] [--key KEY] [--partition N] [--acks 0|1|all] [--count N] [--round-robin] [--file FILE] [--timeout N]"
        )
    }

    func testBrokerCommandsWithoutAClusterSayHowToStartOne() throws {
        let (session, _) = try self.makeSession()
        self.assertError(session, "broker kill 2", "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(session, "cluster status", "no cluster \"lab\" is running; start one with `cluster start`")
        self.assertError(
            session, "broker kill two", "ID must be a whole number from 0 up; got 'two'\nusage: broker kill ID")
        self.assertError(
            session, "cluster start --name a/b",
            "--name 'a/b' must be letters, digits, '-', '_' or '.' (a folder name)\nusage: cluster start [--brokers N] [--name NAME] [--standalone] [--detach]"
        )
        self.assertError(
            session, "cluster start --brokers 0",
            "--brokers takes a whole number from 1 to 9; got '0'\nusage: cluster start [--brokers N] [--name NAME] [--standalone] [--detach]"
        )
        XCTAssertEqual(session.prompt, "samsa (no cluster)> ")
    }

    func testWatchRepeatsOnlyViews() throws {
        let (session, _) = try self.makeSession()
        self.assertError(
            session, "watch broker kill 1",
            "`watch` repeats views only: `cluster status`, `group describe`, `group list`, `topic describe`, `topic list`, `topic offsets`, `topic segments`\nusage: watch COMMAND..."
        )
        let help = try CommandTable().helpText(for: ["watch"])
        XCTAssertTrue(
            help.hasSuffix(
                "Views: `cluster status`, `topic list`, `topic describe`, `topic offsets`, `topic segments`, `group list`, `group describe`"
            ),
            help)
        self.assertError(session, "watch clustr status", "unknown command 'clustr'; did you mean `cluster status`?")
        // Not at a terminal: the view runs once.
        self.assertError(
            session, "watch cluster status", "no cluster \"lab\" is running; start one with `cluster start`")
    }

    func testSourceRunsAFileAndNamesTheLineOfAnError() throws {
        let (session, console) = try self.makeSession()
        let directory = try self.makeTemporaryDirectory()
        let file = directory.appending("lab.samsa")
        try "# a lab\nexplain lag\n\nexplian acks\nexplain acks\n".write(to: file, atomically: true, encoding: .utf8)
        self.assertError(
            session, "source \(file.path)", "\(file.path):4: unknown command 'explian'; did you mean `explain`?")
        XCTAssertTrue(console.output.hasPrefix("Lag is how far"), console.output)
        XCTAssertFalse(console.output.contains("acks says"), console.output)
        self.assertError(
            session, "source /nonexistent/file", "cannot read /nonexistent/file; give a path to a text file of commands"
        )
        let loop = directory.appending("loop.samsa")
        try "source \(loop.path)\n".write(to: loop, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try session.execute("source \(loop.path)")) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix("source files nest more than 8 deep; does \(loop.path) source itself?"), "\(error)"
            )
        }
    }

    func testRunScriptStopsAtTheFirstErrorWithItsLine() throws {
        let (session, console) = try self.makeSession()
        XCTAssertEqual(session.runScript("explain offset\nbrokr kill 1\nexplain lag\n", name: "t.samsa"), 1)
        XCTAssertTrue(
            console.output.hasSuffix("samsa: t.samsa line 2: unknown command 'brokr'; did you mean `broker kill`?\n"),
            console.output)
        XCTAssertFalse(console.output.contains("Lag is"))
        let (other, _) = try self.makeSession()
        XCTAssertEqual(other.runScript("explain offset\r\nquit\nbogus\n", name: "t"), 0)
    }

    /// Sheets show terminal lines beside REPL lines; typed at the prompt they get a pointer to a
    /// terminal, in the student's language, not "unknown command 'samsa'".
    func testShellLinesTypedInTheREPLSayToRunThemInATerminal() throws {
        let (session, _) = try self.makeSession()
        try Self.withLanguage("en") {
            self.assertError(
                session, "samsa kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group billing",
                "`samsa kafka-consumer-groups` is a terminal command: run this line in another terminal, not in the REPL"
            )
            self.assertError(
                session, "kafka-topics.sh --bootstrap-server localhost:9092 --list",
                "`kafka-topics.sh` is a terminal command: run this line in another terminal, not in the REPL")
            self.assertError(
                session, "zookeeper-server-start config/zookeeper.properties",
                "`zookeeper-server-start` is a terminal command: run this line in another terminal, not in the REPL")
            self.assertError(
                session, "samsa --script lab.samsa",
                "`samsa` is a terminal command: run this line in another terminal, not in the REPL")
            self.assertError(session, "clustr start", "unknown command 'clustr'; did you mean `cluster start`?")
        }
        session.language = .es
        XCTAssertThrowsError(try session.execute("samsa kafka-server-start config/server-1.properties")) { error in
            XCTAssertEqual(
                (error as? REPLError)?.text(session.language),
                "`samsa kafka-server-start` es un comando de terminal: ejecuta esta línea en otra terminal, no en el REPL"
            )
        }
    }

    /// `source <(...)` and `/dev/fd/N`: a pipe has no size to read by, only an end.
    func testSourceReadsAPipe() throws {
        let (session, console) = try self.makeSession()
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("explain lag\n".utf8))
        try pipe.fileHandleForWriting.close()
        XCTAssertEqual(try session.execute("source /dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"), .proceed)
        XCTAssertTrue(console.output.hasPrefix("Lag is how far"), console.output)
    }

    func testClusterDestroyWithNothingToDestroySaysSo() throws {
        let (session, console) = try self.makeSession()
        XCTAssertEqual(try session.execute("cluster destroy"), .proceed)
        XCTAssertTrue(console.output.hasPrefix("No cluster \"lab\" in "), console.output)
        XCTAssertTrue(console.output.hasSuffix(".samsa/lab/: nothing to destroy.\n"), console.output)
    }

    /// Runs `body` with `SAMSA_LANGUAGE` set (the REPL's language choice), then restores it.
    static func withLanguage(_ code: String, _ body: () throws -> Void) rethrows {
        let previous = ProcessInfo.processInfo.environment["SAMSA_LANGUAGE"]
        setenv("SAMSA_LANGUAGE", code, 1)
        defer {
            if let previous { setenv("SAMSA_LANGUAGE", previous, 1) } else { unsetenv("SAMSA_LANGUAGE") }
        }
        try body()
    }

    private func makeSession() throws -> (Session, Console) {
        Session.withoutServers(in: try self.makeTemporaryDirectory())
    }

    private func assertError(
        _ session: Session, _ line: String, _ message: String, file: StaticString = #filePath, line number: UInt = #line
    ) {
        XCTAssertThrowsError(try session.execute(line), file: file, line: number) { error in
            XCTAssertEqual("\(error)", message, file: file, line: number)
        }
    }
}
