import XCTest

@testable import REPL

/// The live view learns which sessions are about to expire from samsa-meta's `dump`, in
/// ZooKeeper's format: expiry times, ephemeral znodes per session, and the connected sessions.
final class MetadataSessionDumpTests: XCTestCase {
    func testSessionsTheirExpiryTheirEphemeralsAndWhetherTheyAreConnected() throws {
        let text = """
            SessionTracker dump:
            Session Sets (2)/(2):
            1 expire at Thu Nov 26 14:56:10 UTC 2026:
            \t0x10000a1b2c3d0001
            1 expire at Thu Nov 26 14:56:14 UTC 2026:
            \t0x10000a1b2c3d0002
            ephemeral nodes dump:
            Sessions with Ephemerals (2):
            0x10000a1b2c3d0001:
            \t/brokers/ids/3
            0x10000a1b2c3d0002:
            \t/kafka/controller
            \t/kafka/brokers/ids/1
            Connections dump:
            Connections Sets (1)/(1):
            1 expire at Thu Nov 26 14:56:12 UTC 2026:
            \tip: /127.0.0.1:40112 sessionId: 0x10000a1b2c3d0002

            """
        let dump = MetadataSessionDump(parsing: text)
        XCTAssertEqual(dump.sessions.map(\.id), ["0x10000a1b2c3d0001", "0x10000a1b2c3d0002"])
        // 2026-11-26T14:56:10Z
        XCTAssertEqual(dump.sessions[0].expiresAt, 1_795_704_970_000)
        XCTAssertEqual(dump.sessions[1].expiresAt - dump.sessions[0].expiresAt, 4_000)
        XCTAssertEqual(dump.sessions[0].ephemerals, ["/brokers/ids/3"])
        XCTAssertEqual(dump.sessions[1].ephemerals, ["/kafka/controller", "/kafka/brokers/ids/1"])
        XCTAssertFalse(dump.sessions[0].isConnected, "the killed broker's connection is gone")
        XCTAssertTrue(dump.sessions[1].isConnected)
        XCTAssertEqual(MetadataSessionDump.brokerID(ofEphemeral: "/kafka/brokers/ids/1"), 1)
        XCTAssertNil(MetadataSessionDump.brokerID(ofEphemeral: "/kafka/controller"))
    }

    func testAServerThatRefusesTheWordHasNoSessions() {
        XCTAssertEqual(
            MetadataSessionDump(parsing: "dump is not executed because it is not in the whitelist.\n").sessions, [])
    }
}
