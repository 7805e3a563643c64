import Broker
import LogStorage
import PropertiesFile
import XCTest

final class BrokerConfigTests: XCTestCase {
    func testDefaultsAreKafkasExceptListenersBindLoopback() throws {
        let config = try BrokerConfig(properties: PropertiesFile())
        XCTAssertEqual(config.listeners, [.init(host: "127.0.0.1", port: 9092)])
        XCTAssertEqual(config.logDirs, ["/tmp/kafka-logs"])
        XCTAssertEqual(config.numPartitions, 1)
        XCTAssertTrue(config.autoCreateTopicsEnable)
        XCTAssertEqual(config.socketRequestMaxBytes, 104_857_600)
        XCTAssertEqual(config.logConfig.retentionMs, 168 * 3_600_000)
        XCTAssertEqual(config.logConfig.segmentBytes, 1_073_741_824)
        XCTAssertEqual(config.logConfig.maxMessageBytes, 1_048_588)
        XCTAssertTrue(config.isStandalone)
    }

    func testReadsServerPropertiesAndOverridesWin() throws {
        let file = PropertiesFile(
            parsing: """
                broker.id=2
                listeners=PLAINTEXT://:9093
                log.dirs=/tmp/a,/tmp/b
                num.partitions=3
                log.retention.hours=1
                log.segment.bytes=1024
                """)
        let config = try BrokerConfig(properties: file, overrides: ["num.partitions": "6", "log.retention.ms": "5000"])
        XCTAssertEqual(config.brokerId, 2)
        XCTAssertEqual(config.listeners, [.init(host: "127.0.0.1", port: 9093)])
        XCTAssertEqual(config.logDirs, ["/tmp/a", "/tmp/b"])
        XCTAssertEqual(config.numPartitions, 6)
        XCTAssertEqual(config.logConfig.retentionMs, 5000, "log.retention.ms takes precedence over hours")
        XCTAssertEqual(config.logConfig.segmentBytes, 1024)
    }

    func testBadValuesAreOneLineErrorsNamingTheKey() {
        let cases: [(String, String)] = [
            ("num.partitions", "zero"), ("broker.id", "-7"), ("listeners", "localhost:9092"),
            ("auto.create.topics.enable", "yes"), ("log.segment.bytes", "10"),
            ("log.message.timestamp.type", "Now"),
        ]
        for (key, value) in cases {
            XCTAssertThrowsError(try BrokerConfig(properties: PropertiesFile(parsing: "\(key)=\(value)")), key) {
                error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(key), "message should name \(key): \(text)")
                XCTAssertFalse(text.contains("\n"), "one line: \(text)")
            }
        }
    }

    func testUnknownKeysAreWarnedAboutNotFatal() throws {
        let config = try BrokerConfig(
            properties: PropertiesFile(parsing: "num.network.threads=3\nlog.retension.hours=1\n"))
        XCTAssertEqual(config.warnings.count, 1)
        XCTAssertTrue(config.warnings[0].contains("log.retension.hours"))
    }

    func testControlledShutdownRetriesAsKafka() throws {
        let defaults = try BrokerConfig(properties: PropertiesFile())
        XCTAssertTrue(defaults.controlledShutdownEnable)
        XCTAssertEqual(defaults.controlledShutdownMaxRetries, 3)
        XCTAssertEqual(defaults.controlledShutdownRetryBackoffMs, 5_000)
        let config = try BrokerConfig(
            properties: PropertiesFile(
                parsing: """
                    controlled.shutdown.max.retries=5
                    controlled.shutdown.retry.backoff.ms=250
                    """))
        XCTAssertEqual(config.controlledShutdownMaxRetries, 5)
        XCTAssertEqual(config.controlledShutdownRetryBackoffMs, 250)
        XCTAssertEqual(config.warnings, [])
        XCTAssertThrowsError(
            try BrokerConfig(properties: PropertiesFile(parsing: "controlled.shutdown.max.retries=-1")))
    }
}
