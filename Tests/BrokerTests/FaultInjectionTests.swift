import FaultControl
import Foundation
import Logging
import PropertiesFile
import XCTest

@testable import Broker

/// The broker's side of fault injection without sockets: the Samsa-only config key and re-reading
/// the control file.
final class FaultInjectionTests: XCTestCase {
    func testTheControlFileKeyIsReadAndNotWarnedAbout() throws {
        var properties = PropertiesFile()
        properties["samsa.fault.control.file"] = "/tmp/lab/faults/broker-1.json"
        let config = try BrokerConfig(properties: properties)
        XCTAssertEqual(config.faultControlFile, "/tmp/lab/faults/broker-1.json")
        XCTAssertEqual(config.warnings, [])
        XCTAssertNil(try BrokerConfig(properties: PropertiesFile()).faultControlFile)
    }

    func testReloadAppliesTheFileAndAMissingFileHeals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsa-faults-\(UUID().uuidString)")
        self.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broker-1.json")
        let faults = FaultInjection()
        let logger = Logger(label: "test")
        XCTAssertFalse(faults.isReplicationCut)
        XCTAssertNil(faults.replicationDelay)
        try BrokerFaults(isReplicationCut: true, replicationDelayMs: 20).write(to: file)
        try faults.reload(from: file, logger: logger)
        XCTAssertTrue(faults.isReplicationCut)
        XCTAssertEqual(faults.replicationDelay, .milliseconds(20))
        XCTAssertFalse(faults.isIsolated)
        try FileManager.default.removeItem(at: file)
        try faults.reload(from: file, logger: logger)
        XCTAssertEqual(faults.faults, .healthy)
    }

    func testAnUnreadableFileChangesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsa-faults-\(UUID().uuidString)")
        self.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("broker-1.json")
        let faults = FaultInjection()
        faults.apply(BrokerFaults(isIsolated: true))
        try Data("{".utf8).write(to: file)
        XCTAssertThrowsError(try faults.reload(from: file, logger: Logger(label: "test")))
        XCTAssertEqual(faults.faults, BrokerFaults(isIsolated: true))
    }
}
