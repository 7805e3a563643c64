import FaultControl
import Foundation
import LocalCluster
import XCTest

/// The fault control file `LocalCluster` writes and `samsa-broker` reads (one definition in the
/// `FaultControl` target), and where cluster configs name it. No processes.
final class BrokerFaultsTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("samsa-faults-\(UUID().uuidString)")
        self.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testFileFormatIsVersionedSnakeCaseJson() throws {
        let faults = BrokerFaults(isReplicationCut: true, replicationDelayMs: 250, isIsolated: false)
        XCTAssertEqual(
            String(decoding: faults.encoded(), as: UTF8.self),
            #"{"cut_replication":true,"isolated":false,"slow_replication_ms":250,"version":1}"#)
        XCTAssertEqual(try BrokerFaults.decode(faults.encoded()), faults)
        XCTAssertEqual(
            try BrokerFaults.decode(Data(#"{"version":1,"isolated":true}"#.utf8)), BrokerFaults(isIsolated: true))
    }

    func testBadFilesAreRefusedNotGuessed() {
        XCTAssertThrowsError(try BrokerFaults.decode(Data(#"{"version":2}"#.utf8)))
        XCTAssertThrowsError(try BrokerFaults.decode(Data(#"{"version":1,"slow_replication_ms":-5}"#.utf8)))
        XCTAssertThrowsError(try BrokerFaults.decode(Data(#"{"version":1,"slow_replication_ms":60001}"#.utf8)))
        XCTAssertThrowsError(try BrokerFaults.decode(Data("not json".utf8)))
    }

    func testWriteIsAtomicOwnerOnlyAndAMissingFileIsHealthy() throws {
        let folder = try self.temporaryFolder()
        let file = folder.appendingPathComponent("faults/broker-1.json")
        XCTAssertEqual(try BrokerFaults.read(from: file), .healthy)
        let faults = BrokerFaults(isIsolated: true)
        try faults.write(to: file)
        XCTAssertEqual(try BrokerFaults.read(from: file), faults)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)
        XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        try BrokerFaults.healthy.write(to: file)
        XCTAssertEqual(try BrokerFaults.read(from: file), .healthy)
        // Only the file itself is left: the temporary file was renamed over it.
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path),
            ["broker-1.json"])
    }

    func testNamesAndChangesUseTheREPLsWords() {
        let faults = BrokerFaults(isReplicationCut: true, replicationDelayMs: 500, isIsolated: true)
        XCTAssertEqual(faults.names, ["cut-replication", "slow-replication 500 ms", "isolate"])
        XCTAssertTrue(BrokerFaults.healthy.names.isEmpty)
        let change = BrokerFaults(replicationDelayMs: 100, isIsolated: true).changes(from: faults)
        XCTAssertEqual(change.injected, ["slow-replication 100 ms"])
        XCTAssertEqual(change.healed, ["cut-replication", "slow-replication 500 ms"])
        XCTAssertEqual(BrokerFaults.Kind.allCases.map(\.rawValue), ["cut-replication", "slow-replication", "isolate"])
    }

    func testClusterModeServerPropertiesNameTheControlFile() throws {
        let layout = ClusterLayout(name: "lab", root: URL(fileURLWithPath: "/tmp/x/.samsa/lab"))
        XCTAssertEqual(layout.faultFile(forBroker: 2).path, "/tmp/x/.samsa/lab/faults/broker-2.json")
        let cluster = ClusterConfigFiles.serverProperties(
            brokerID: 2, port: 9093, logDir: URL(fileURLWithPath: "/tmp/x"), brokerCount: 3,
            zookeeperConnect: "127.0.0.1:2181", faultControlFile: layout.faultFile(forBroker: 2))
        XCTAssertEqual(cluster.last?.0, "samsa.fault.control.file")
        XCTAssertEqual(cluster.last?.1, "/tmp/x/.samsa/lab/faults/broker-2.json")
        let standalone = ClusterConfigFiles.serverProperties(
            brokerID: 1, port: 9092, logDir: URL(fileURLWithPath: "/tmp/x"), brokerCount: 1, zookeeperConnect: nil,
            faultControlFile: layout.faultFile(forBroker: 1))
        XCTAssertFalse(standalone.contains { $0.0 == BrokerFaults.configKey })
    }
}
