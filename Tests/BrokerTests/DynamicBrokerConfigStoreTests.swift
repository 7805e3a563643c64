import Foundation
import LogStorage
import PropertiesFile
import XCTest

@testable import Broker

/// A standalone broker's dynamic configs survive a restart (its own file), and the layers
/// combine as Kafka's do: broker over cluster default over server.properties.
final class DynamicBrokerConfigStoreTests: XCTestCase {
    func testLayersAreSavedAndReadBackAndTheBrokerLayerWins() throws {
        let directory = NSTemporaryDirectory() + "samsa-dynamic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/samsa-broker-configs.json"
        let staticConfig = try BrokerConfig(
            properties: PropertiesFile(), overrides: ["log.retention.hours": "1", "log.segment.bytes": "2000000"])

        let first = DynamicBrokerConfig(staticConfig: staticConfig, file: file)
        XCTAssertEqual(first.logDefaults.retentionMs, 3_600_000)
        try first.replace(perBroker: false, with: ["log.retention.ms": "60000", "log.segment.bytes": "1500000"])
        try first.replace(perBroker: true, with: ["log.retention.ms": "120000", "num.io.threads": "4"])

        let reopened = DynamicBrokerConfig(staticConfig: staticConfig, file: file)
        XCTAssertEqual(reopened.layers, first.layers)
        XCTAssertEqual(
            reopened.logDefaults.retentionMs, 120_000, "this broker's value over the default and log.retention.hours")
        XCTAssertEqual(reopened.logDefaults.segmentBytes, 1_500_000, "the cluster default over server.properties")
        XCTAssertEqual(reopened.value(of: "num.io.threads")?.0, "4")
        XCTAssertEqual(reopened.value(of: "log.segment.bytes")?.1, .dynamicDefault)
        XCTAssertEqual(reopened.value(of: "log.retention.hours")?.1, .staticFile)
    }
}
