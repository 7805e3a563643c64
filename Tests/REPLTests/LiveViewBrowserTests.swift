import Foundation
import LiveView
import LocalCluster
import SamsaTesting
import XCTest

@testable import REPL

/// The live view as a student sees it, in headless Chromium: a 3-broker cluster, the page open,
/// the leader of a partition killed, and the page shows the new leader, the shrunk ISR and the
/// event, within the session timeout + 2 s and without a reload; then two group members and
/// their assignment. Screenshots of both moments go to .build/live-view-screenshots/ (copied to
/// docs/ by hand when the page changes).
final class LiveViewBrowserTests: XCTestCase {
    static let screenshots = ExternalTool.packageRoot.appendingPathComponent(".build/live-view-screenshots")

    func testEnglishPageFollowsAFailoverAndARebalance() throws {
        try self.runScenario(language: .en)
    }

    func testSpanishPageFollowsAFailoverAndARebalance() throws {
        try self.runScenario(language: .es)
    }

    private func runScenario(language: LiveViewLanguage) throws {
        let chromium = try Self.requireChromium()
        let python = try ExternalTool.requirePython(modules: ["json", "base64"])
        let directory = try self.makeClusterDirectory()
        let (session, console) = try Session.forClusterTests(in: directory, width: 120)
        // As in a script: nothing printed; the view still gets every event.
        session.events.isLive = false
        defer { session.finish() }
        try self.run(session, "cluster start --brokers 3")
        try self.run(session, "topic create orders --partitions 2 --replication-factor 3")
        try self.run(session, "produce orders --count 20")
        try self.run(session, "ui --lang \(language.rawValue)")
        let printed = try XCTUnwrap(
            console.output.range(of: #"http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]{32}"#, options: .regularExpression),
            console.output)
        let url = try XCTUnwrap(URL(string: String(console.output[printed])))
        let leader = try XCTUnwrap(
            session.clusterView(withTopics: true)?.topics?.first { $0.name == "orders" }?.partitions.first {
                $0.partition == 0
            }?.leader)

        let probe = try BrowserProbe(python: python, chromium: chromium, url: url)
        defer { probe.close() }
        let row = #"document.querySelector('[data-partition="orders-0"]')"#
        let before = try probe.wait(
            seconds: 20,
            for:
                "\(row) && \(row).dataset.leader === '\(leader)' && \(row).dataset.isr.split(',').length === 3 && \(row).dataset.health"
        )
        XCTAssertTrue(
            before.ok, "the page never showed orders-0 led by \(leader) with 3 in sync: \(before.value ?? "nil")")
        XCTAssertEqual(
            try probe.evaluate("document.documentElement.scrollWidth <= 1280") as? Bool, true,
            "no horizontal scrolling at 1280×720")
        // The 20 records went to one partition: each of its replicas shows log end offset 20, the high watermark.
        let copied = try probe.wait(
            seconds: 20,
            for: """
                [...document.querySelectorAll('tr[data-partition]')].some((r) => r.dataset.highWatermark === '20'
                  && [...r.querySelectorAll('.replica')].filter((c) => c.dataset.logEnd === '20').length === 3)
                """)
        XCTAssertTrue(copied.ok, "no partition showed three replicas at log end offset 20")

        let killedAt = Date()
        try self.run(session, "broker kill \(leader)")
        // Kafka needs the session timeout to notice a killed broker; the page may take 2 s more.
        let limit = Double(ClusterConfigFiles.labSessionTimeoutMs) / 1000 + 2
        // Until then the killed broker's session still holds /brokers/ids/N: the page counts it down.
        let expiringItem = #"document.querySelector('#expiring-sessions li[data-broker="\#(leader)"]')"#
        let countdown = language == .es ? "expira en" : "expires in"
        let expiring = try probe.wait(
            seconds: limit,
            for: """
                (() => { const li = \(expiringItem); if (!li) return false;
                  const text = li.textContent; const seconds = Number((text.match(/(\\d+) s/) || [])[1]);
                  return text.includes('\(countdown)') && text.includes('/brokers/ids/\(leader)') && seconds >= 1
                    && seconds <= \(ClusterConfigFiles.labSessionTimeoutMs / 1000) ? text : false; })()
                """)
        XCTAssertTrue(
            expiring.ok, "the page never showed broker \(leader)'s session expiring: \(expiring.value ?? "nil")")
        let folder = Self.screenshots
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try probe.screenshot(to: folder.appendingPathComponent("live-view-expiring-\(language.rawValue).png"))
        let after = try probe.wait(
            seconds: limit + 5,
            for: """
                (() => { const r = \(row); if (!r) return false;
                  const isr = r.dataset.isr.split(','); const moved = [...document.querySelectorAll('#event-list li[data-kind="leader-moved"]')]
                    .find((li) => li.textContent.includes('orders-0 leader ') && li.textContent.includes('→ ' + r.dataset.leader + ' '));
                  if (r.dataset.leader === '\(leader)' || r.dataset.leader === '–' || isr.includes('\(leader)') || isr.length !== 2 || !moved) return false;
                  const missing = r.querySelector('.health').textContent;
                  return { leader: r.dataset.leader, isr: r.dataset.isr, health: r.dataset.health, missing,
                           received: Number(moved.dataset.received), explained: moved.querySelector('.why')?.textContent || '' }; })()
                """)
        let seen = try XCTUnwrap(
            after.value as? [String: Any], "the page never showed the failover of orders-0: \(after)")
        XCTAssertEqual(seen["health"] as? String, "under-replicated")
        XCTAssertTrue((seen["missing"] as? String ?? "").contains("\(leader)"), "the missing broker is named: \(seen)")
        XCTAssertFalse((seen["explained"] as? String ?? "").isEmpty, "the event is explained: \(seen)")
        let received = Date(timeIntervalSince1970: (seen["received"] as? Double ?? 0) / 1000)
        XCTAssertLessThanOrEqual(
            received.timeIntervalSince(killedAt), limit,
            "the page showed the new leader \(received.timeIntervalSince(killedAt)) s after the kill")
        let killedChip =
            try probe.evaluate(#"document.querySelector('.chip[data-broker="\#(leader)"]')?.dataset.state"#) as? String
        XCTAssertEqual(killedChip, "down")
        // Expired: the session is gone from the page, and the event says so.
        let gone = try probe.wait(
            seconds: 5,
            for: #"!\#(expiringItem) && !!document.querySelector('#event-list li[data-kind="session-expired"]')"#)
        XCTAssertTrue(gone.ok, "broker \(leader)'s session still shows as expiring after it expired")
        // The new leader's offsets come with the read 2 s after the last event (its broker's metadata catches up).
        let offsets = try probe.wait(seconds: 10, for: "\(row).dataset.highWatermark !== '–'")
        XCTAssertTrue(offsets.ok, "orders-0 never showed its high watermark under the new leader")
        try probe.screenshot(to: folder.appendingPathComponent("live-view-failover-\(language.rawValue).png"))

        try self.run(session, "consumer start c1 --group billing --topic orders --session-timeout-ms 6000")
        try self.run(session, "consumer start c2 --group billing --topic orders --session-timeout-ms 6000")
        let group = try probe.wait(
            seconds: 40,
            for: """
                (() => { const g = document.querySelector('[data-group="billing"]'); if (!g || g.dataset.state !== 'Stable') return false;
                  const members = [...g.querySelectorAll('[data-member]')].map((m) => m.dataset.member + ':' + m.dataset.partitions);
                  if (members.length !== 2 || members.some((m) => m.endsWith(':'))) return false;
                  if (!document.querySelector('#event-list li[data-kind="rebalanced"]')) return false;
                  return members.join(' '); })()
                """)
        let members = try XCTUnwrap(group.value as? String, "the page never showed billing with two members: \(group)")
        XCTAssertEqual(
            Set(members.split(separator: " ").map { $0.split(separator: ":")[1] }), ["orders-0", "orders-1"], members)
        XCTAssertTrue(members.contains("c1:") && members.contains("c2:"), members)
        // Partitions and the group in one picture.
        _ = try probe.evaluate("document.getElementById('topics').scrollIntoView()")
        try probe.screenshot(to: folder.appendingPathComponent("live-view-group-\(language.rawValue).png"))

        // A paused broker (SIGSTOP: its process is there, it answers nothing) is drawn paused, then up again.
        let survivor = try XCTUnwrap([1, 2, 3].first { $0 != leader })
        let chip = #"document.querySelector('.chip[data-broker="\#(survivor)"]')?.dataset.state"#
        try self.run(session, "broker pause \(survivor)")
        let paused = try probe.wait(seconds: 5, for: "\(chip) === 'paused'")
        XCTAssertTrue(paused.ok, "broker \(survivor) never showed as paused: \(paused)")
        try self.run(session, "broker resume \(survivor)")
        let resumed = try probe.wait(seconds: 5, for: "\(chip) === 'up'")
        XCTAssertTrue(resumed.ok, "broker \(survivor) never showed as up after resume: \(resumed)")

        // Everything the page loaded came from the REPL's own address.
        let outside = try probe.evaluate(
            "performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith('\(url.scheme!)://\(url.host!):\(url.port!)/'))"
        )
        XCTAssertEqual((outside as? [Any])?.count, 0, "loaded from elsewhere: \(outside ?? "nil")")
        XCTAssertEqual(
            try probe.evaluate("document.documentElement.scrollWidth <= 1280") as? Bool, true,
            "no horizontal scrolling at 1280×720")
    }

    private func run(_ session: Session, _ line: String, file: StaticString = #filePath, line number: UInt = #line)
        throws
    {
        XCTAssertEqual(try session.execute(line), .proceed, file: file, line: number)
    }

    static func requireChromium() throws -> URL {
        let environment = ProcessInfo.processInfo.environment["SAMSA_CHROMIUM"] ?? ""
        let candidates =
            (environment.isEmpty ? [] : [environment]) + ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map {
            URL(fileURLWithPath: $0)
        }
        return try ExternalTool.require(
            "chromium", found, hint: "run scripts/test.sh (as root it installs Debian's chromium package)")
    }
}
