import PropertiesFile
import XCTest

@testable import MetadataServer

final class ServerConfigurationTests: XCTestCase {
    private func parse(_ text: String) throws -> ServerConfiguration {
        try ServerConfiguration(properties: PropertiesFile(parsing: text), file: "zookeeper.properties")
    }

    func testDefaultsFollowZooKeeperExceptTheLoopbackAddress() throws {
        let configuration = try self.parse("tickTime=2000\n")
        XCTAssertEqual(configuration.clientPort, 2181)
        XCTAssertEqual(configuration.clientPortAddress, "127.0.0.1")
        XCTAssertEqual(configuration.minSessionTimeout, 4000)
        XCTAssertEqual(configuration.maxSessionTimeout, 40000)
        XCTAssertEqual(configuration.maxClientCnxns, 60)
        XCTAssertEqual(configuration.fourLetterWordWhitelist, ["srvr"])
        XCTAssertEqual(configuration.negotiatedTimeout(100), 4000)
    }

    func testKafkasSampleFileParses() throws {
        let configuration = try self.parse(
            "dataDir=/tmp/zookeeper\nclientPort=2181\nmaxClientCnxns=0\nadmin.enableServer=false\n4lw.commands.whitelist=*\n"
        )
        XCTAssertEqual(configuration.maxClientCnxns, 0)
        XCTAssertTrue(configuration.fourLetterWordWhitelist.contains("dump"))
        XCTAssertEqual(configuration.warnings, ["admin.enableServer has no effect in samsa-meta"])
    }

    func testBadValuesGiveOneLineWithFileLineAndFix() {
        let cases: [(String, String)] = [
            (
                "\nclientPort=99999\n",
                "zookeeper.properties:2: clientPort=99999 is not a whole number in 0...65535; write e.g. clientPort=2181"
            ),
            (
                "tickTime=fast\n",
                "zookeeper.properties:1: tickTime=fast is not a whole number in 1...86400000; write e.g. tickTime=2000"
            ),
            (
                "4lw.commands.whitelist=ruok,boom\n",
                "zookeeper.properties:1: 4lw.commands.whitelist names unknown word 'boom'; use * or a list like ruok,srvr,stat,mntr"
            ),
            (
                "minSessionTimeout=9000\nmaxSessionTimeout=5000\n",
                "zookeeper.properties: minSessionTimeout (9000) is larger than maxSessionTimeout (5000); make min <= max"
            ),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try self.parse(text)) { error in
                XCTAssertEqual("\(error)", message)
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }
}
