import Foundation
import LocalCluster
import PropertiesFile
import XCTest

/// Config files, layout and state file, without processes.
final class ClusterFilesTests: XCTestCase {
    func testServerPropertiesInClusterModeHaveZookeeperConnectAndLabTimeouts() {
        let entries = ClusterConfigFiles.serverProperties(
            brokerID: 2, port: 9093, logDir: URL(fileURLWithPath: "/tmp/x/data/broker-2"), brokerCount: 3,
            zookeeperConnect: "127.0.0.1:2181")
        let properties = PropertiesFile(parsing: ClusterConfigFiles.render(entries, header: "test"))
        XCTAssertEqual(properties["broker.id"], "2")
        XCTAssertEqual(properties["listeners"], "PLAINTEXT://127.0.0.1:9093")
        XCTAssertEqual(properties["log.dirs"], "/tmp/x/data/broker-2")
        XCTAssertEqual(properties["zookeeper.connect"], "127.0.0.1:2181")
        XCTAssertEqual(properties["zookeeper.session.timeout.ms"], "4000")
        XCTAssertEqual(properties["offsets.topic.replication.factor"], "3")
        XCTAssertEqual(properties["group.initial.rebalance.delay.ms"], "0")
    }

    func testInternalTopicReplicationFollowsSmallClusters() {
        let entries = ClusterConfigFiles.serverProperties(
            brokerID: 1, port: 9092, logDir: URL(fileURLWithPath: "/d"), brokerCount: 1,
            zookeeperConnect: "127.0.0.1:2181")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: entries)["offsets.topic.replication.factor"], "1")
    }

    func testStandaloneServerPropertiesHaveNoZookeeperConnect() {
        let entries = ClusterConfigFiles.serverProperties(
            brokerID: 1, port: 9092, logDir: URL(fileURLWithPath: "/d"), brokerCount: 3, zookeeperConnect: nil)
        XCTAssertNil(Dictionary(uniqueKeysWithValues: entries)["zookeeper.connect"])
    }

    func testZookeeperPropertiesAllowFourSecondSessions() {
        let text = ClusterConfigFiles.render(
            ClusterConfigFiles.zookeeperProperties(port: 2181, dataDir: URL(fileURLWithPath: "/d/meta")), header: "a\nb"
        )
        XCTAssertTrue(text.hasPrefix("# a\n# b\n"))
        let properties = PropertiesFile(parsing: text)
        XCTAssertEqual(properties["clientPort"], "2181")
        XCTAssertEqual(properties["clientPortAddress"], "127.0.0.1")
        XCTAssertEqual(properties["dataDir"], "/d/meta")
        XCTAssertEqual(properties["minSessionTimeout"], "4000")
        XCTAssertNotNil(properties["4lw.commands.whitelist"])
    }

    func testLayoutPutsEverythingUnderOneFolder() {
        let layout = ClusterLayout(name: "lab", baseDirectory: URL(fileURLWithPath: "/work/x", isDirectory: true))
        XCTAssertEqual(layout.root.path, "/work/x/.samsa/lab")
        XCTAssertEqual(layout.stateFile.path, "/work/x/.samsa/lab/cluster.json")
        XCTAssertEqual(layout.configFile(for: .broker(2)).path, "/work/x/.samsa/lab/config/server-2.properties")
        XCTAssertEqual(layout.configFile(for: .metadataServer).path, "/work/x/.samsa/lab/config/zookeeper.properties")
        XCTAssertEqual(layout.dataDirectory(for: .broker(3)).path, "/work/x/.samsa/lab/data/broker-3")
        XCTAssertEqual(layout.logFile(for: .metadataServer).path, "/work/x/.samsa/lab/logs/meta.log")
    }

    func testClusterNamesMustBeSafeFolderNames() {
        XCTAssertTrue(ClusterLayout.isValidName("lab-2_x.y"))
        for bad in ["", ".", "..", "a/b", "a b", String(repeating: "x", count: 65)] {
            XCTAssertFalse(ClusterLayout.isValidName(bad), bad)
        }
    }

    func testStateFileRoundTripsWithReadableRoles() throws {
        let directory = try self.makeDirectory()
        let url = directory.appendingPathComponent("cluster.json")
        let state = ClusterState(
            name: "lab", mode: .zookeeper, isDetached: true, ownerPID: 42,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000),
            metadataServer: ProcessRecord(
                role: .metadataServer, port: 2181, pid: 100, startedAt: Date(timeIntervalSince1970: 1_700_000_001),
                configFile: "/c/z", dataDir: "/d/m", logFile: "/l/m"),
            brokers: [
                ProcessRecord(
                    role: .broker(1), port: 9092, isPaused: true, configFile: "/c/1", dataDir: "/d/1", logFile: "/l/1")
            ])
        try state.save(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("\"role\" : \"broker-1\""), text)
        XCTAssertTrue(text.contains("\"role\" : \"metadata-server\""), text)
        XCTAssertEqual(try ClusterState.load(from: url), state)
    }

    func testCorruptStateFileSaysHowToRecover() throws {
        let directory = try self.makeDirectory()
        let url = directory.appendingPathComponent("cluster.json")
        try Data("{ not json".utf8).write(to: url)
        XCTAssertThrowsError(try ClusterState.load(from: url)) { error in
            XCTAssertTrue("\(error)".contains("`cluster destroy` removes it"), "\(error)")
        }
        XCTAssertNil(try ClusterState.load(from: directory.appendingPathComponent("absent.json")))
    }

    func testRolesSortMetadataServerFirst() {
        XCTAssertEqual(
            [ClusterRole.broker(2), .metadataServer, .broker(1)].sorted(), [.metadataServer, .broker(1), .broker(2)])
    }

    private func makeDirectory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "samsa-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
