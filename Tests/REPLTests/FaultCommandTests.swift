import FaultControl
import LocalCluster
import XCTest

@testable import REPL

/// `fault ...` without a cluster: argument checking (one clear line plus the usage), the status
/// and prompt rendering of faults, help and explain.
final class FaultCommandTests: XCTestCase {
    let table = CommandTable()

    private func request(_ line: String) throws -> FaultRequest {
        guard case .command(let spec, let words) = try self.table.resolve(try CommandLineSplitter.split(line)) else {
            throw REPLError.syntax("no command")
        }
        let verb: FaultRequest.Verb
        switch spec.words[1] {
        case "list": verb = .list
        case "heal": verb = .heal
        default: verb = .inject(try XCTUnwrap(BrokerFaults.Kind(rawValue: spec.words[1])))
        }
        return try FaultRequest.parse(verb, try ParsedArguments(words, for: spec))
    }

    private func error(_ line: String) -> String {
        do {
            _ = try self.request(line)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testGoodLinesParse() throws {
        XCTAssertEqual(try self.request("fault cut-replication 1"), .inject(broker: 1, .cutReplication, delayMs: 0))
        XCTAssertEqual(
            try self.request("fault slow-replication 2 500"), .inject(broker: 2, .slowReplication, delayMs: 500))
        XCTAssertEqual(try self.request("fault isolate 3"), .inject(broker: 3, .isolate, delayMs: 0))
        XCTAssertEqual(try self.request("fault list"), .list)
        XCTAssertEqual(try self.request("fault heal"), .heal(broker: nil))
        XCTAssertEqual(try self.request("fault heal 2"), .heal(broker: 2))
    }

    func testBadLinesSayWhatWasWrongAndWhatIsRight() {
        XCTAssertEqual(
            self.error("fault cut-replication"), "`fault cut-replication` needs ID\nusage: fault cut-replication ID")
        XCTAssertEqual(
            self.error("fault cut-replication one"),
            "ID must be a whole number from 0 to 2147483647; got 'one'\nusage: fault cut-replication ID")
        XCTAssertEqual(
            self.error("fault slow-replication 1"),
            "`fault slow-replication` needs MS\nusage: fault slow-replication ID MS")
        XCTAssertEqual(
            self.error("fault slow-replication 1 0"),
            "MS is the delay in milliseconds, a whole number from 1 to 60000; got '0'\nusage: fault slow-replication ID MS"
        )
        XCTAssertEqual(
            self.error("fault slow-replication 1 1s"),
            "MS is the delay in milliseconds, a whole number from 1 to 60000; got '1s'\nusage: fault slow-replication ID MS"
        )
        XCTAssertEqual(self.error("fault isolate 1 2"), "`fault isolate` does not take '2'\nusage: fault isolate ID")
        XCTAssertEqual(
            self.error("fault heal -1"),
            "ID must be a whole number from 0 to 2147483647; got '-1'\nusage: fault heal [ID]")
        XCTAssertTrue(self.error("fault cut").contains("cut-replication"), self.error("fault cut"))
    }

    func testAddingAFaultKeepsTheOthers() {
        let cut = FaultRequest.adding(.cutReplication, delayMs: 0, to: .healthy)
        XCTAssertEqual(cut, BrokerFaults(isReplicationCut: true))
        let slow = FaultRequest.adding(.slowReplication, delayMs: 300, to: cut)
        XCTAssertEqual(slow, BrokerFaults(isReplicationCut: true, replicationDelayMs: 300))
        XCTAssertEqual(
            FaultRequest.adding(.isolate, delayMs: 0, to: slow).names,
            ["cut-replication", "slow-replication 300 ms", "isolate"])
    }

    func testStatusAndPromptShowFaults() {
        let view = ClusterView(
            name: "lab", mode: .zookeeper, folder: ".samsa/lab/",
            processes: [
                .init(role: .metadataServer, state: .running, address: "127.0.0.1:2181", pid: 10),
                .init(
                    role: .broker(1), state: .running, address: "127.0.0.1:9092", pid: 11, faults: ["cut-replication"]),
                .init(role: .broker(2), state: .running, address: "127.0.0.1:9093", pid: 12),
            ], controller: 2)
        let text = ClusterDiagram.render(view, width: 120)
        XCTAssertTrue(
            text.contains(" broker 1         ● up   127.0.0.1:9092   11   -       -  ⚡ cut-replication\n"), text)
        XCTAssertTrue(text.contains("\n ⚡ broker 1: cut-replication; `fault heal 1` heals it"), text)
        XCTAssertEqual(ClusterDiagram.prompt(for: view), "samsa [2 up · ⚡ 1 faulty · ctl 2]> ")
    }

    func testHelpAndExplainKnowEveryFault() throws {
        let help = try self.table.helpText(for: ["fault"])
        for usage in [
            "fault cut-replication ID", "fault slow-replication ID MS", "fault isolate ID", "fault list",
            "fault heal [ID]",
        ] {
            XCTAssertTrue(help.contains(usage + "\n"), help)
        }
        XCTAssertTrue(try Explanations.explain("fault").contains("cut-replication"))
        XCTAssertTrue(try Explanations.explain("cut replication").contains("replica.lag.time.max.ms"))
        XCTAssertTrue(try Explanations.explain("slow-replication").contains("replica.lag.time.max.ms"))
        XCTAssertTrue(try Explanations.explain("zombie leader").contains("KIP-101"))
        XCTAssertTrue(try Explanations.explain("isolate").contains("zombie"))
    }
}
