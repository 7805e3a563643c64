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

/// A `Session` in this process against a real one-broker cluster: the prompt names the
/// controller and TAB completion offers the topics the cluster has.
final class ClusterModeSessionTests: XCTestCase {
    func testThePromptNamesTheControllerAndCompletionKnowsTopics() throws {
        let directory = try self.makeClusterDirectory()
        let (session, console) = try Session.forClusterTests(in: directory, width: 100)
        defer { session.finish() }
        XCTAssertEqual(try session.execute("cluster start --brokers 1"), .proceed)
        let pids = (session.cluster?.snapshot()?.processes ?? []).compactMap(\.pid)
        XCTAssertEqual(pids.count, 2, console.output)
        XCTAssertEqual(session.prompt, "samsa [1 up · ctl 1]> ", console.output)
        XCTAssertEqual(try session.execute("topic create payments --partitions 2"), .proceed)
        XCTAssertEqual(session.completionNames.topics, ["payments"])
        XCTAssertEqual(
            Completer(table: session.table).complete("produce pa", names: session.completionNames), .words(["payments"])
        )
        XCTAssertEqual(try session.execute("meta get /brokers/topics/payments/partitions/1/state"), .proceed)
        XCTAssertTrue(
            console.output.contains(
                "{ \"controller_epoch\": 1, \"isr\": [1], \"leader\": 1, \"leader_epoch\": 0, \"version\": 1 }"),
            console.output)
        XCTAssertEqual(try session.execute("topic alter payments --partitions 3"), .proceed)
        XCTAssertTrue(
            console.output.contains(
                "payments: 2 → 3 partitions; records with a key may now go to a different partition than before.\n"),
            console.output)
        XCTAssertThrowsError(try session.execute("topic alter payments --partitions 1")) { error in
            XCTAssertEqual(
                "\(error)",
                "payments has 3 partitions; a topic's partition count can grow but never shrink: "
                    + "the records, offsets and order of the removed partitions would have to be deleted or merged")
        }
        session.finish()
        let deadline = Date().addingTimeInterval(15)
        for pid in pids {
            while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertNotEqual(kill(pid, 0), 0, "process \(pid) is still running")
        }
    }
}
