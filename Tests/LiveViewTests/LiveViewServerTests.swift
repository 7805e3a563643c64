import Foundation
import LiveView
import XCTest

/// The server as a browser meets it: the token is required, the event stream delivers snapshots
/// as they are published, and nothing listens beyond 127.0.0.1.
final class LiveViewServerTests: XCTestCase {
    private func startServer(language: LiveViewLanguage = .en) throws -> (LiveViewServer, Int) {
        let server = LiveViewServer(language: language, glossary: [(term: "isr", text: "The in-sync replicas.")])
        let url = try server.start()
        self.addTeardownBlock { server.stop() }
        let port = try XCTUnwrap(server.port)
        XCTAssertEqual(url.absoluteString, "http://127.0.0.1:\(port)/?token=\(server.token.hex)")
        return (server, port)
    }

    func testRequestsWithoutTheRightTokenAreRefused() throws {
        let (server, port) = try self.startServer()
        let wrong = String(server.token.hex.reversed())
        for path in [
            "/", "/events", "/snapshot.json", "/?token=", "/?token=\(wrong)", "/events?token=\(wrong)",
            "/?tok=\(server.token.hex)",
        ] {
            let answer = try RawHTTPClient.get(path, port: port)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 403"), "\(path): \(answer.prefix(80))")
            XCTAssertFalse(answer.contains(server.token.hex), "\(path) must not reveal the token")
        }
        let page = try RawHTTPClient.get("/?token=\(server.token.hex)", port: port, until: ["</html>"])
        XCTAssertTrue(page.hasPrefix("HTTP/1.1 200"), String(page.prefix(80)))
        XCTAssertTrue(page.contains("<html lang=\"en\">"))
        XCTAssertTrue(
            page.lowercased().contains("content-security-policy: default-src 'none'"), "nothing loads from elsewhere")
        let missing = try RawHTTPClient.get("/other?token=\(server.token.hex)", port: port)
        XCTAssertTrue(missing.hasPrefix("HTTP/1.1 404"), String(missing.prefix(80)))
    }

    func testTokensAreRandom128BitHex() {
        let tokens = (0..<20).map { _ in AccessToken().hex }
        XCTAssertEqual(Set(tokens).count, 20)
        for token in tokens {
            XCTAssertEqual(token.count, 32)
            XCTAssertTrue(token.allSatisfy { $0.isHexDigit && !$0.isUppercase }, token)
        }
        let token = AccessToken(hex: "00112233445566778899aabbccddeeff")
        XCTAssertTrue(token.matches("00112233445566778899aabbccddeeff"))
        XCTAssertFalse(token.matches("00112233445566778899aabbccddeefe"))
        XCTAssertFalse(token.matches("00112233445566778899aabbccddeeff0"))
        XCTAssertFalse(token.matches(""))
        XCTAssertFalse(token.matches(nil))
    }

    func testTheEventStreamDeliversTheLastSnapshotThenEachNewOne() throws {
        let (server, port) = try self.startServer()
        let first = LiveSnapshot(
            clusterName: "lab", servers: [.init(brokerID: 1, address: "127.0.0.1:9092", state: .up)], controller: 1,
            controllerEpoch: 1,
            topics: [.init(name: "orders", partitions: [.init(partition: 0, leader: 1, replicas: [1, 2], isr: [1])])],
            takenAt: 1)
        server.publish(first)
        var second = first
        second.controller = 2
        second.takenAt = 2
        let stream = try RawHTTPClient.get(
            "/events?token=\(server.token.hex)", port: port, until: ["\"takenAt\":1", "\"takenAt\":2"], timeout: 10,
            afterFirstMarker: { server.publish(second) })
        XCTAssertTrue(stream.hasPrefix("HTTP/1.1 200"), String(stream.prefix(200)))
        XCTAssertTrue(stream.lowercased().contains("content-type: text/event-stream"), stream)
        let events = stream.components(separatedBy: "data: ").dropFirst().map { chunk in
            String(chunk[..<(chunk.range(of: "\n\n")?.lowerBound ?? chunk.endIndex)])
        }
        XCTAssertEqual(events.count, 2, stream)
        let decoded = try events.map { try JSONDecoder().decode(LiveSnapshot.self, from: Data($0.utf8)) }
        XCTAssertEqual(decoded, [first, second])
        XCTAssertEqual(decoded.first?.topics.first?.partitions.first?.health, .underReplicated)
        XCTAssertEqual(decoded.first?.topics.first?.partitions.first?.missing, [2])
        let snapshot = try RawHTTPClient.get("/snapshot.json?token=\(server.token.hex)", port: port)
        XCTAssertTrue(snapshot.contains("\"takenAt\":2"), snapshot)
    }

    func testAClosedPageLeavesTheBroadcast() throws {
        let (server, port) = try self.startServer()
        server.publish(LiveSnapshot(clusterName: "lab", takenAt: 7))
        _ = try RawHTTPClient.get("/events?token=\(server.token.hex)", port: port, until: ["\"takenAt\":7"])
        let deadline = Date().addingTimeInterval(5)
        while server.openPages > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(server.openPages, 0)
    }

    func testItListensOnLoopbackOnly() throws {
        let (_, port) = try self.startServer()
        let others = RawHTTPClient.nonLoopbackAddresses()
        for address in others {
            XCTAssertThrowsError(
                try RawHTTPClient.get("/", port: port, address: address), "something answered on \(address):\(port)")
        }
        // The kernel's own table: the listening socket is bound to 127.0.0.1, not 0.0.0.0.
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        let hexPort = String(format: "%04X", port)
        let listening = table.split(separator: "\n").filter { $0.contains(":\(hexPort) ") && $0.contains(" 0A ") }
        if FileManager.default.fileExists(atPath: "/proc/net/tcp") {
            XCTAssertEqual(listening.count, 1, table)
            XCTAssertTrue(listening.first?.contains("0100007F:\(hexPort)") ?? false, "bound to 127.0.0.1: \(listening)")
        }
        let table6 = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
        XCTAssertFalse(
            table6.split(separator: "\n").contains { $0.contains(":\(hexPort) ") && $0.contains(" 0A ") },
            "no IPv6 listener")
    }

    func testThePageIsSelfContainedInEitherLanguage() throws {
        for language in LiveViewLanguage.allCases {
            let (server, port) = try self.startServer(language: language)
            let page = try RawHTTPClient.get("/?token=\(server.token.hex)", port: port, until: ["</html>"])
            XCTAssertTrue(page.contains("<html lang=\"\(language.rawValue)\">"))
            XCTAssertTrue(page.contains(language == .es ? "Samsa · en directo" : "Samsa · live view"))
            for outside in ["http://", "https://", "//fonts", "@import", "@font-face", "<link", "src=\""] {
                let body = page[(page.range(of: "\r\n\r\n")?.upperBound ?? page.startIndex)...]
                XCTAssertFalse(body.contains(outside), "\(language): the page refers to \(outside)")
            }
        }
    }
}
