import Foundation
import LocalCluster
import REPL
import SamsaTesting
import XCTest

/// A `Session` in this process with live events on (as at the prompt), against a real 2-broker
/// cluster: a session expiry, the controller moving, a leader election, the ISR growing back, and
/// the rebalances of background consumers are told as they happen, each with its time.
final class LiveEventsTests: XCTestCase {
    func testSessionExpiryElectionsIsrAndRebalancesArePrintedAsTheyHappen() throws {
        let directory = try self.makeClusterDirectory()
        let (session, console) = try Session.forClusterTests(in: directory, width: 120)
        session.events.isLive = true
        defer { session.finish() }
        try self.run(session, "cluster start --brokers 2")
        // Two partitions, leaders 1 and 2: whichever broker won /controller leads one of them.
        try self.run(session, "topic create orders --partitions 2 --replication-factor 2")
        let controller = try XCTUnwrap(
            session.prompt.range(of: #"ctl [12]"#, options: .regularExpression).map {
                Int(session.prompt[$0].suffix(1))!
            }, session.prompt)
        let other = 3 - controller
        let partition = "orders-\(controller - 1)"

        try self.run(session, "broker kill \(controller)")
        self.waitFor(
            "broker \(controller)'s session ended → /brokers/ids/\(controller) deleted; the controller acts on it",
            in: console)
        self.waitFor(
            "/controller deleted (broker \(controller) was the controller): the brokers race to create it", in: console)
        self.waitFor("broker \(other) created /controller: it is the controller", in: console)
        self.waitFor("controller epoch 2: brokers now refuse requests from older controllers", in: console)
        // Kafka's failover (ReplicaStateMachine.startup): the dead broker's replicas go offline first
        // (leader none, epoch 1), then the partition elects (epoch 2); two quick writes may be read as one.
        self.waitFor("→ \(other) (leader epoch 2) · ISR \(other)", in: console)
        self.waitFor(
            "orders-\(other - 1) ISR shrank \(other),\(controller) → \(other): \(controller) is down (the controller took it out)",
            in: console)
        // The prompt learns the new controller from /controller, without another command.
        XCTAssertEqual(session.prompt, "samsa [1 up · ctl \(other)]> ", console.output)
        let expiry = try XCTUnwrap(
            console.output.split(separator: "\n").first { $0.contains("/brokers/ids/\(controller) deleted") })
        XCTAssertNotNil(
            expiry.range(of: #"^  \+[0-9]+\.[0-9] s +broker "#, options: .regularExpression), String(expiry))

        try self.run(session, "broker start \(controller)")
        self.waitFor(
            "broker \(controller) registered: /brokers/ids/\(controller) created (an ephemeral znode of its session)",
            in: console)
        self.waitFor("\(partition) ISR grew \(other) → \(other),\(controller): \(controller) caught up", in: console)

        try self.run(session, "consumer start c1 --group billing --topic orders --session-timeout-ms 6000")
        self.waitFor("billing · generation 1 · c1: orders-0, orders-1  (c1 joined)", in: console)
        try self.run(session, "consumer start c2 --group billing --topic orders --session-timeout-ms 6000")
        self.waitFor("billing · generation 2 · c1: orders-0 · c2: orders-1  (c2 joined)", in: console)
        XCTAssertEqual(
            Completer(table: session.table).complete("consumer kill ", names: session.completionNames),
            .words(["c1", "c2"]))
        XCTAssertEqual(
            Completer(table: session.table).complete("group describe b", names: session.completionNames),
            .words(["billing"]))
        try self.run(session, "consumer kill c1")
        self.waitFor(
            "billing · generation 3 · c2: orders-0, orders-1  (c1 was killed: its heartbeats stopped, session.timeout.ms=6000 ran out)",
            in: console)
        session.finish()
    }

    private func run(_ session: Session, _ line: String, file: StaticString = #filePath, line number: UInt = #line)
        throws
    {
        XCTAssertEqual(try session.execute(line), .proceed, file: file, line: number)
    }

    /// Waits (at most 30 s) until the console has printed `text`.
    private func waitFor(_ text: String, in console: Console, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(30)
        while !console.output.contains(text), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(
            console.output.contains(text), "never printed: \(text)\n\(console.output)", file: file, line: line)
    }
}
