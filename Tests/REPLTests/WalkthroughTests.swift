import Foundation
import SamsaTesting
import XCTest

/// The walkthrough of issue 7 in script mode, with the built `samsa` against a real 3-broker
/// cluster: a replicated topic, the log end offset running ahead of the high watermark while the
/// followers are frozen, the leader killed (new leader, shrunk ISR), the broker back (ISR grows
/// again), then a consumer group of three with one member killed and the group settling on two.
/// Every step that takes time in Kafka is a bounded `wait`; the folder's processes are checked to
/// be gone when the test ends (`makeClusterDirectory`).
final class WalkthroughTests: XCTestCase {
    func testTheCourseWalkthroughInScriptMode() throws {
        let directory = try self.makeClusterDirectory()
        let result = try ExternalTool.run(
            try Products.executable("samsa"), arguments: ["--directory", directory.path],
            environment: ["NO_COLOR": "1", "COLUMNS": "120"],
            input: Data(Self.script.utf8), currentDirectoryURL: directory.url, timeout: .seconds(240))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        XCTAssertEqual(result.stderr, "", result.summary)
        // Lines with runs of spaces folded, so the checks read like the table.
        let lines = result.stdoutText.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        func expect(
            _ line: String, after earlier: String? = nil, prefixOnly: Bool = false, file: StaticString = #filePath,
            line number: UInt = #line
        ) {
            let start = earlier.flatMap { lines.firstIndex(of: $0) } ?? 0
            let found = lines[start...].contains { prefixOnly ? $0.hasPrefix(line) : $0 == line }
            XCTAssertTrue(found, "missing: \(line)\n\(result.summary)", file: file, line: number)
        }
        expect("Created topic orders: 3 partitions × 3 replicas; leaders on brokers 1, 2, 3.")
        // Followers frozen, acks=1: the leader's log end offset is 4, the high watermark stays 3.
        expect("orders 0 1 1,2,3 1,2,3 4 3")
        expect("orders-0 has 3 in-sync replicas: 1,2,3")
        // The leader dies: once its session expires the controller moves leadership and the ISR shrinks.
        expect("orders-0 is led by broker 2")
        expect("orders-0 has 2 in-sync replicas: 2,3")
        // (The new leader's high watermark follows once its follower fetches again: not checked.)
        expect("orders 0 2 1,2,3 2,3 4 ", after: "orders-0 has 2 in-sync replicas: 2,3", prefixOnly: true)
        // Back again: broker 1 catches up and rejoins the ISR.
        expect("orders-0 has 3 in-sync replicas: 2,3,1")
        expect("orders 0 2 1,2,3 2,3,1 4 ", after: "orders-0 has 3 in-sync replicas: 2,3,1", prefixOnly: true)
        // A group of three, range assignor: one partition each, in member order.
        expect("group billing is Stable with 3 members: c1, c2, c3")
        expect("group billing · Stable · assignor range · 3 members")
        XCTAssertTrue(lines.contains { $0.hasPrefix("c1 c1-") && $0.hasSuffix(" /127.0.0.1 orders-0") }, result.summary)
        XCTAssertTrue(lines.contains { $0.hasPrefix("c3 c3-") && $0.hasSuffix(" /127.0.0.1 orders-2") }, result.summary)
        // c1 killed: no LeaveGroup; after its session timeout the group rebalances onto c2 and c3.
        expect(
            "Killed consumer c1: connections closed, no LeaveGroup. The coordinator keeps it in billing until its session times out (6 s), then rebalances."
        )
        expect("group billing is Stable with 2 members: c2, c3; committed offsets reached the high watermarks (lag 0)")
        expect("group billing · Stable · assignor range · 2 members")
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("c2 c2-") && $0.hasSuffix(" /127.0.0.1 orders-0, orders-1") }, result.summary)
        expect("orders-0 4 4 0 c2", after: "group billing · Stable · assignor range · 2 members")
        expect("orders-2 0 0 0 c3", after: "group billing · Stable · assignor range · 2 members")
        // The last two columns: records read and records read twice (none for c2 in this run).
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("c2 billing orders ") && $0.hasSuffix(" orders-0, orders-1 0 0") },
            result.summary)
        expect("Stopped consumer c2: it committed its offsets and sent LeaveGroup, so billing rebalances now.")
        expect("group billing is Stable with 1 member: c3")
        // `consume --group`: a member for one command; it commits what it printed and leaves.
        expect(
            "Read 2 records as a member of group audit (assigned orders-0, orders-1, orders-2); reached --max-messages."
        )
        expect("Committed orders-0 → 2 for group audit, then left the group.")
        expect("group audit · Empty · 0 members")
        expect("orders-0 2 4 2 -", after: "group audit · Empty · 0 members")
        expect("audit Empty consumer")
        expect("billing Stable consumer")
        // Started again at once: samsa waits for the killed broker's registration to expire first.
        expect(
            "Waited for broker 3's old session to expire: until then /brokers/ids/3 still names the killed process, and a new one could not register."
        )
        XCTAssertTrue(lines.contains { $0.hasPrefix("Started broker 3 on 127.0.0.1:") }, result.summary)
        // Scripts print no asynchronous events: the output above is the same on every run.
        XCTAssertFalse(result.stdoutText.split(separator: "\n").contains { $0.hasPrefix("  +") }, result.summary)
    }

    static let script = """
        cluster start
        topic create orders --partitions 3 --replication-factor 3
        produce orders --partition 0 --count 3
        broker pause 2
        broker pause 3
        produce orders --partition 0 --acks 1 "only on the leader"
        cluster status
        broker resume 2
        broker resume 3
        wait isr orders 0 --size 3
        broker kill 1
        wait leader orders 0 --not 1
        wait isr orders 0 --size 2
        cluster status
        broker start 1
        wait isr orders 0 --size 3
        cluster status
        consumer start c1 --group billing --topic orders --session-timeout-ms 6000
        wait group billing --members 1 --caught-up
        consumer start c2 --group billing --topic orders --session-timeout-ms 6000
        wait group billing --members 2
        consumer start c3 --group billing --topic orders --session-timeout-ms 6000
        wait group billing --members 3
        group describe billing
        consumer kill c1
        wait group billing --members 2 --caught-up
        group describe billing
        consumer list
        consumer stop c2
        wait group billing --members 1
        consume orders --group audit --from-beginning --max-messages 2
        group describe audit
        group list
        broker kill 3
        broker start 3

        """
}
