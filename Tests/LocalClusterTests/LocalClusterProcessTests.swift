import Foundation
import LocalCluster
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Real `samsa-broker` processes started through `LocalCluster`, standalone, on free ports in a
/// temporary folder. Every PID a test saw is checked to be gone when it ends.
final class LocalClusterProcessTests: XCTestCase {
    private var seenPIDs: [Int32] = []

    override func tearDown() {
        // Bounded: each PID gets 10 s to disappear (they were all stopped already). Stops in the
        // tests allow 30 s for a clean exit: the machine may be busy with other builds.
        for pid in self.seenPIDs {
            let deadline = Date().addingTimeInterval(10)
            while Self.exists(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertFalse(Self.exists(pid), "process \(pid) outlived its test")
        }
        super.tearDown()
    }

    func testStartsOneStandaloneBrokerAndRecordsItInTheStateFile() throws {
        let (cluster, port) = try self.makeCluster()
        let report = try cluster.start(self.options(port: port))
        XCTAssertEqual(report.started.count, 1)
        let record = try XCTUnwrap(report.started.first)
        let pid = try XCTUnwrap(record.pid)
        self.seenPIDs.append(pid)
        XCTAssertEqual(record.role, .broker(1))
        XCTAssertEqual(record.port, port)
        XCTAssertTrue(PortProbe.isAccepting(port))
        XCTAssertFalse(report.isRestart)

        let config = try String(contentsOf: cluster.layout.configFile(for: .broker(1)), encoding: .utf8)
        XCTAssertTrue(
            config.contains("listeners=PLAINTEXT\\://127.0.0.1\\:\(port)")
                || config.contains("listeners=PLAINTEXT://127.0.0.1:\(port)"), config)
        XCTAssertFalse(config.contains("zookeeper.connect"), config)

        let state = try XCTUnwrap(try ClusterState.load(from: cluster.layout.stateFile))
        XCTAssertEqual(state.mode, .standalone)
        XCTAssertEqual(state.brokers.first?.pid, pid)
        XCTAssertEqual(state.brokers.first?.port, port)
        XCTAssertNotNil(state.brokers.first?.startedAt)
        XCTAssertNil(state.metadataServer)

        let snapshot = try XCTUnwrap(cluster.snapshot())
        XCTAssertEqual(snapshot.brokers.map(\.state), [.running])
        XCTAssertThrowsError(try cluster.start(self.options(port: port))) { error in
            XCTAssertEqual(error as? LocalClusterError, .alreadyRunning(name: "t"))
        }

        let outcomes = try cluster.stop(gracePeriod: .seconds(30))
        XCTAssertEqual(outcomes.map(\.0), [.broker(1)])
        XCTAssertEqual(outcomes.map(\.1), [.exited])
        XCTAssertFalse(Self.exists(pid))
        XCTAssertNil(try ClusterState.load(from: cluster.layout.stateFile)?.brokers.first?.pid)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cluster.layout.logFile(for: .broker(1)).path))
    }

    func testANewLocalClusterReattachesToRunningProcesses() throws {
        let (first, port) = try self.makeCluster()
        let pid = try XCTUnwrap(try first.start(self.options(port: port)).started.first?.pid)
        self.seenPIDs.append(pid)

        let second = try LocalCluster(layout: first.layout, executables: first.executables, watchdog: nil)
        let snapshot = try XCTUnwrap(second.snapshot())
        XCTAssertEqual(snapshot.brokers.first?.pid, pid)
        XCTAssertEqual(snapshot.brokers.first?.state, .running)
        XCTAssertFalse(second.hasChildren, "adopted processes are not this object's children")

        let (stoppedPID, outcome) = try second.stopBroker(1, gracePeriod: .seconds(30))
        XCTAssertEqual(stoppedPID, pid)
        XCTAssertEqual(outcome, .exited)
        XCTAssertFalse(Self.exists(pid))
        XCTAssertEqual(first.snapshot()?.brokers.first?.state, .stopped)
        try first.destroy()
    }

    func testAStalePIDInTheStateFileIsNotAdopted() throws {
        let (cluster, port) = try self.makeCluster()
        let pid = try XCTUnwrap(try cluster.start(self.options(port: port)).started.first?.pid)
        self.seenPIDs.append(pid)
        let state = try XCTUnwrap(cluster.currentState)
        try cluster.killBroker(1)
        // Pretend a crash left the state file saying it still runs, under our own (live) PID,
        // which is not a broker of this cluster.
        var stale = state
        stale.brokers[0].pid = getpid()
        try stale.save(to: cluster.layout.stateFile)
        let reattached = try LocalCluster(layout: cluster.layout, executables: cluster.executables, watchdog: nil)
        XCTAssertEqual(reattached.snapshot()?.brokers.first?.state, .stopped)
        XCTAssertNil(try ClusterState.load(from: cluster.layout.stateFile)?.brokers.first?.pid)
        try cluster.destroy()
    }

    func testKillThenStartAgainOnTheSamePortWithItsData() throws {
        let (cluster, port) = try self.makeCluster()
        let pid = try XCTUnwrap(try cluster.start(self.options(port: port)).started.first?.pid)
        self.seenPIDs.append(pid)
        XCTAssertEqual(try cluster.killBroker(1), pid)
        XCTAssertFalse(Self.exists(pid))
        XCTAssertEqual(cluster.snapshot()?.brokers.first?.state, .stopped)
        XCTAssertThrowsError(try cluster.killBroker(1)) { error in
            XCTAssertEqual("\(error)", "broker 1 is not running; start it with `broker start 1`")
        }
        XCTAssertThrowsError(try cluster.stopBroker(7)) { error in
            XCTAssertEqual("\(error)", "there is no broker 7; this cluster has brokers 1")
        }
        let restarted = try cluster.startBroker(1)
        let newPID = try XCTUnwrap(restarted.pid)
        self.seenPIDs.append(newPID)
        XCTAssertNotEqual(newPID, pid)
        XCTAssertEqual(restarted.port, port)
        XCTAssertTrue(PortProbe.isAccepting(port))
        // meta.properties from the first run is still there: same data directory.
        let dataDir = cluster.layout.dataDirectory(for: .broker(1))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dataDir.appendingPathComponent("meta.properties").path))
        XCTAssertTrue(try cluster.logTail(.broker(1), lines: 50).contains("samsa: starting broker 1"))
        try cluster.destroy()
        XCTAssertFalse(FileManager.default.fileExists(atPath: cluster.layout.root.path))
    }

    func testPauseAndResume() throws {
        let (cluster, port) = try self.makeCluster()
        let pid = try XCTUnwrap(try cluster.start(self.options(port: port)).started.first?.pid)
        self.seenPIDs.append(pid)
        XCTAssertEqual(try cluster.pauseBroker(1), pid)
        XCTAssertEqual(cluster.snapshot()?.brokers.first?.state, .paused)
        XCTAssertThrowsError(try cluster.pauseBroker(1))
        XCTAssertEqual(try cluster.resumeBroker(1), pid)
        XCTAssertEqual(cluster.snapshot()?.brokers.first?.state, .running)
        XCTAssertThrowsError(try cluster.resumeBroker(1)) { error in
            XCTAssertEqual(error as? LocalClusterError, .brokerNotPaused(id: 1))
        }
        // A paused broker still stops: SIGTERM is followed by SIGCONT.
        try cluster.pauseBroker(1)
        XCTAssertEqual(try cluster.stop(gracePeriod: .seconds(30)).map(\.1), [.exited])
        XCTAssertFalse(Self.exists(pid))
    }

    func testABusyPortIsReplacedAndTheReportSaysSo() throws {
        let (first, port) = try self.makeCluster(name: "first")
        let pid = try XCTUnwrap(try first.start(self.options(port: port)).started.first?.pid)
        self.seenPIDs.append(pid)
        let (second, _) = try self.makeCluster(name: "second")
        let report = try second.start(self.options(port: port))
        let other = try XCTUnwrap(report.started.first)
        self.seenPIDs += [other.pid].compactMap { $0 }
        XCTAssertNotEqual(other.port, port)
        XCTAssertEqual(report.notes, ["port \(port) is in use, so broker 1 listens on \(other.port)"])
        try second.destroy()
        try first.destroy()
    }

    func testAFailedStartLeavesNothingRunning() throws {
        // A metadata server that fails at once, like a bad config: the brokers must not start.
        let products = try TemporaryDirectory(prefix: "samsa-fake-products")
        self.addTeardownBlock { products.remove() }
        let meta = products.appending("samsa-meta")
        try "#!/bin/sh\necho \"samsa-meta: clientPort is not a number\" >&2\nexit 1\n".write(
            to: meta, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: meta.path)
        try FileManager.default.createSymbolicLink(
            at: products.appending("samsa-broker"), withDestinationURL: try Products.executable("samsa-broker"))
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-cluster")
        let cluster = try LocalCluster(
            layout: ClusterLayout(name: "t", baseDirectory: directory.url),
            executables: ClusterExecutables(searchDirectories: [products.url]), watchdog: nil)
        var options = ClusterOptions(brokerCount: 2, mode: .zookeeper, startTimeout: .seconds(30))
        options.metadataPort = try FreePort.allocate()
        options.firstBrokerPort = try FreePort.allocate()
        XCTAssertThrowsError(try cluster.start(options)) { error in
            guard case .exitedBeforeListening(let process, let status, let lastLine, _)? = error as? LocalClusterError
            else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(process, "metadata server")
            XCTAssertEqual(status, 1)
            XCTAssertEqual(lastLine, "samsa-meta: clientPort is not a number")
        }
        XCTAssertFalse(cluster.isRunning)
        XCTAssertTrue(cluster.currentState?.processes.allSatisfy { $0.pid == nil } ?? false)
        // Every config file is written before the first process starts, as a person would write it.
        let config = try String(contentsOf: cluster.layout.configFile(for: .broker(2)), encoding: .utf8)
        XCTAssertTrue(config.contains("zookeeper.connect=127.0.0.1:\(options.metadataPort)\n"), config)
        XCTAssertTrue(config.contains("zookeeper.session.timeout.ms=4000"), config)
    }

    func testMissingExecutableSaysHowToBuildIt() throws {
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-cluster")
        let cluster = try LocalCluster(
            layout: ClusterLayout(name: "t", baseDirectory: directory.url),
            executables: ClusterExecutables(searchDirectories: [directory.url]), watchdog: nil)
        XCTAssertThrowsError(try cluster.start(ClusterOptions(mode: .standalone))) { error in
            XCTAssertTrue("\(error)".contains("swift build --product samsa-broker"), "\(error)")
        }
    }

    func testWatchdogStopsListedProcessesWhenItsPipeCloses() throws {
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-watchdog")
        let sleeper = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["60"], logURL: directory.appending("sleep.log"))
        let spared = try self.launchProcess(
            URL(fileURLWithPath: "/bin/sleep"), arguments: ["60"], logURL: directory.appending("spared.log"))
        let watchdog = ParentDeathWatchdog()
        watchdog.watch(sleeper.pid)
        watchdog.watch(spared.pid)
        watchdog.unwatch(spared.pid)
        watchdog.closePipe()
        XCTAssertEqual(sleeper.waitForExit(timeout: .seconds(20)), SIGTERM)
        XCTAssertTrue(spared.isRunning)
    }

    // MARK: Helpers

    private func makeCluster(name: String = "t") throws -> (LocalCluster, Int) {
        let directory = try self.makeTemporaryDirectory(prefix: "samsa-cluster")
        let products = try Products.executable("samsa-broker").deletingLastPathComponent()
        let cluster = try LocalCluster(
            layout: ClusterLayout(name: name, baseDirectory: directory.url),
            executables: ClusterExecutables(searchDirectories: [products]), watchdog: nil)
        // Runs before the directory's removal (teardown blocks run last-added first).
        self.addTeardownBlock { _ = try? cluster.stop(gracePeriod: .seconds(5)) }
        return (cluster, try FreePort.allocate())
    }

    private func options(port: Int) -> ClusterOptions {
        ClusterOptions(brokerCount: 1, mode: .standalone, firstBrokerPort: port, startTimeout: .seconds(60))
    }

    static func exists(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        // A zombie (exited, not yet reaped) is gone for our purposes.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            return stat[stat.index(after: close)...].first(where: { $0 != " " }) != "Z"
        }
        return true
    }
}
