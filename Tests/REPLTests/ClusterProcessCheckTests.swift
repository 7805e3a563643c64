import Foundation
import LocalCluster
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The suite-level leftover check must see what it promises to see: PIDs in a state file, and a
/// live process naming the folder (here a shell given the folder as an argument).
final class ClusterProcessCheckTests: XCTestCase {
    func testTheCheckFindsRecordedAndNamingProcesses() throws {
        let directory = try self.makeTemporaryDirectory()
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell itself loops (killing it leaves at most a 0.1 s sleep behind).
        sleeper.arguments = ["-c", "while :; do sleep 0.1; done", directory.path]
        try sleeper.run()
        let pid = sleeper.processIdentifier
        defer {
            kill(pid, SIGKILL)
            sleeper.waitUntilExit()
        }
        let state = ClusterState(
            name: "lab", mode: .zookeeper, isDetached: false, ownerPID: nil, createdAt: Date(), metadataServer: nil,
            brokers: [
                ProcessRecord(role: .broker(1), port: 9092, pid: pid, configFile: "c", dataDir: "d", logFile: "l")
            ])
        try state.save(to: directory.url.appendingPathComponent(".samsa/lab/cluster.json"))
        XCTAssertEqual(ClusterProcessCheck.recordedPIDs(in: directory.url), [pid])
        XCTAssertTrue(ClusterProcessCheck.isAlive(pid))
        XCTAssertEqual(ClusterProcessCheck.processesNaming(directory.path), [pid])
        kill(pid, SIGKILL)
        sleeper.waitUntilExit()
        XCTAssertFalse(ClusterProcessCheck.isAlive(pid))
        XCTAssertEqual(ClusterProcessCheck.processesNaming(directory.path), [])
    }
}
