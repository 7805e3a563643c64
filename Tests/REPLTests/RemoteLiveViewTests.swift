import Foundation
import LiveView
import LocalCluster
import REPL
import SamsaTesting
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `samsa ui --bootstrap ... --zookeeper ...`, a separate process watching a cluster it did not
/// start: its snapshot lists the brokers from `/brokers/ids` and the topic's partitions, and a
/// killed broker turns up as down once its session expires.
final class RemoteLiveViewTests: XCTestCase {
    func testSamsaUIFollowsAClusterStartedElsewhere() throws {
        let directory = try self.makeClusterDirectory()
        let samsa = try Products.executable("samsa")
        let console = Console.capturing(width: 120)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [samsa.deletingLastPathComponent()]),
                usesWatchdog: false),
            console: console)
        defer { session.finish() }
        XCTAssertEqual(try session.execute("cluster start --brokers 3"), .proceed)
        XCTAssertEqual(try session.execute("topic create orders --partitions 2 --replication-factor 3"), .proceed)
        let snapshot = try XCTUnwrap(session.cluster?.snapshot())
        let meta = try XCTUnwrap(snapshot.metadataServer?.port)
        let bootstrap = snapshot.brokers.map { "127.0.0.1:\($0.port)" }.joined(separator: ",")

        let log = directory.url.appendingPathComponent("ui.log")
        let ui = try self.launchProcess(
            samsa, arguments: ["ui", "--bootstrap", bootstrap, "--zookeeper", "127.0.0.1:\(meta)", "--lang", "es"],
            logURL: log)
        defer { ui.terminate() }
        let url = try XCTUnwrap(self.waitForURL(in: log), (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        let snapshotURL = try XCTUnwrap(
            URL(string: url.absoluteString.replacingOccurrences(of: "/?token=", with: "/snapshot.json?token=")))

        let first = try XCTUnwrap(
            self.waitForSnapshot(snapshotURL) { $0.topics.first?.partitions.count == 2 && $0.servers.count == 4 })
        XCTAssertEqual(first.servers.map(\.state), [.up, .up, .up, .up], "\(first.servers)")
        XCTAssertEqual(first.topics.map(\.name), ["orders"])
        XCTAssertNotNil(first.controller)

        XCTAssertEqual(try session.execute("broker kill 3"), .proceed)
        let after = try XCTUnwrap(
            self.waitForSnapshot(snapshotURL) { snapshot in
                snapshot.servers.first { $0.brokerID == 3 }?.state == .down
                    && snapshot.topics.first?.partitions.allSatisfy { !$0.isr.contains(3) && $0.missing == [3] } == true
            })
        XCTAssertTrue(
            after.timeline.contains { $0.kind == .sessionExpired && $0.text.contains("broker 3") }, "\(after.timeline)")
        let refused = try self.get(URL(string: "http://127.0.0.1:\(url.port!)/snapshot.json")!)
        XCTAssertEqual(refused.status, 403)
    }

    /// The address `samsa ui` prints (at most 30 s).
    private func waitForURL(in log: URL) -> URL? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(
                of: #"http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]{32}"#, options: .regularExpression)
            {
                return URL(string: String(text[range]))
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// The snapshot once `condition` holds (polled every 200 ms, at most 20 s).
    private func waitForSnapshot(_ url: URL, until condition: (LiveSnapshot) -> Bool) throws -> LiveSnapshot? {
        let deadline = Date().addingTimeInterval(20)
        var last: LiveSnapshot?
        while Date() < deadline {
            let answer = try self.get(url)
            if answer.status == 200, let snapshot = try? JSONDecoder().decode(LiveSnapshot.self, from: answer.body) {
                last = snapshot
                if condition(snapshot) { return snapshot }
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("the condition never held; last snapshot: \(String(describing: last))")
        return nil
    }

    private func get(_ url: URL) throws -> (status: Int, body: Data) {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            result.set((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + 10) == .success else {
            throw SamsaTestingError.reported("no answer to GET \(url) in 10 s")
        }
        return result.get()
    }
}

/// The answer of a request, handed from URLSession's queue to the test's thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Int, Data) = (0, Data())

    func set(_ status: Int, _ body: Data) { self.lock.withLock { self.value = (status, body) } }
    func get() -> (status: Int, body: Data) { self.lock.withLock { self.value } }
}
