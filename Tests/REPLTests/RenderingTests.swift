import CourseLanguage
import LocalCluster
import REPL
import XCTest

/// Tables, the cluster diagram and the prompt, at fixed widths, from plain values.
final class RenderingTests: XCTestCase {
    func testTableAlignsColumnsAndTrimsTrailingSpaces() {
        var table = TextTable(columns: [.init("name"), .init("offset", alignment: .right), .init("note")])
        table.rows = [["a", "7", ""], ["longer", "12345", "x"]]
        XCTAssertEqual(
            table.render(width: 80),
            [
                "name    offset  note",
                "a            7",
                "longer   12345  x",
            ])
    }

    func testTableShrinksOnlyShrinkableColumnsToFit() {
        var table = TextTable(columns: [.init("id", alignment: .right), .init("value", canShrink: true)])
        table.rows = [["1", "a value much longer than the screen"]]
        let lines = table.render(width: 20)
        XCTAssertEqual(lines, ["id  value", " 1  a value much lo…"])
        XCTAssertTrue(lines.allSatisfy { Style.visibleWidth($0) <= 20 })
    }

    func testColourDoesNotCountTowardsWidth() {
        let style = Style(isEnabled: true)
        XCTAssertEqual(Style.visibleWidth(style.green("●") + " up"), 4)
        XCTAssertEqual(Style.visibleWidth("日本"), 4)
        XCTAssertEqual(Style.plain.red("x"), "x")
        XCTAssertEqual(style.red("x"), "\u{1B}[31mx\u{1B}[0m")
    }

    func testColourIsOffForNoColorPipesAndDumbTerminals() {
        XCTAssertTrue(Terminal.wantsColor(environment: [:], isTTY: true))
        XCTAssertFalse(Terminal.wantsColor(environment: ["NO_COLOR": "1"], isTTY: true))
        XCTAssertTrue(Terminal.wantsColor(environment: ["NO_COLOR": ""], isTTY: true))
        XCTAssertFalse(Terminal.wantsColor(environment: ["TERM": "dumb"], isTTY: true))
        XCTAssertFalse(Terminal.wantsColor(environment: [:], isTTY: false))
    }

    func testPromptShowsTheClusterAtAGlance() {
        XCTAssertEqual(ClusterDiagram.prompt(for: nil), "samsa (no cluster)> ")
        var view = self.sampleView()
        XCTAssertEqual(ClusterDiagram.prompt(for: view), "samsa [1 up · 1 paused · ctl 1]> ")
        view.processes = view.processes.map {
            var p = $0
            p.state = .stopped
            return p
        }
        XCTAssertEqual(ClusterDiagram.prompt(for: view), "samsa (no cluster)> ")
        view = self.sampleView()
        view.processes[0].state = .stopped
        view.controller = nil
        XCTAssertEqual(ClusterDiagram.prompt(for: view), "samsa [1 up · 1 paused · meta down]> ")
    }

    func testClusterStatusDiagram() {
        XCTAssertEqual(
            ClusterDiagram.render(self.sampleView(), width: 80),
            """
            cluster "lab" · metadata server + brokers · .samsa/lab/
             process          state     address          pid     up  memory
             metadata server  ● up      127.0.0.1:2181  4100  3m12s   12 MB
             broker 1         ● up      127.0.0.1:9092  4101  3m12s   28 MB  controller
             broker 2         ○ down    127.0.0.1:9093     -      -       -
             broker 3         ◐ paused  127.0.0.1:9094  4103    45s   27 MB
             broker 2 is down; `broker start 2` starts it
             broker 3 is frozen (SIGSTOP); `broker resume 3` continues it

             topic   partition  leader  replicas  isr  log end  high watermark
             orders          0       1  1,2,3     1,3        5               4
                             1    none  2,3,1     3          0               0
            """)
    }

    func testClusterStatusDiagramInSpanish() {
        let text = ClusterDiagram.render(self.sampleView(), width: 100, language: .es)
        XCTAssertTrue(text.hasPrefix("clúster «lab» · servidor de metadatos + brokers · .samsa/lab/\n"), text)
        XCTAssertTrue(text.contains("servidor de metadatos  ● en marcha"), text)
        XCTAssertTrue(text.contains("○ caído"), text)
        XCTAssertTrue(text.contains("◐ en pausa"), text)
        XCTAssertTrue(text.contains("el broker 2 está caído; `broker start 2` lo arranca"), text)
        XCTAssertTrue(text.contains(" topic   partición    líder  réplicas  isr  log end  high watermark\n"), text)
        XCTAssertTrue(text.contains("ninguno"), text)
        for english in [
            "process", "state", "address", "memory", " up ", "down", "paused", "frozen", "partition", "leader",
            "replicas", "none",
        ] {
            XCTAssertFalse(text.contains(english), "'\(english)' in:\n\(text)")
        }
    }

    func testDiagramWithoutTopicsYet() {
        var view = self.sampleView()
        view.topics = []
        XCTAssertTrue(
            ClusterDiagram.render(view, width: 80).hasSuffix("\n\n no topics yet; create one with `topic create NAME`"))
        view.topics = nil
        XCTAssertFalse(ClusterDiagram.render(view, width: 80).contains("topic"))
    }

    func testDiagramFitsANarrowTerminal() {
        let text = ClusterDiagram.render(self.sampleView(), width: 60)
        for line in text.split(separator: "\n") where !line.contains("metadata server + brokers") {
            XCTAssertLessThanOrEqual(Style.visibleWidth(String(line)), 80, String(line))
        }
        XCTAssertTrue(text.contains(" broker 3 is frozen (SIGSTOP); `broker resume 3` continues …"), text)
    }

    func testViewFromASnapshot() {
        let started = Date(timeIntervalSince1970: 1000)
        let snapshot = ClusterSnapshot(
            name: "lab", mode: .standalone, folder: ".samsa/lab/", isDetached: false,
            processes: [
                ProcessStatus(
                    role: .broker(1), state: .running, pid: 7, port: 9092, startedAt: started, residentBytes: 1_500_000,
                    logFile: "l")
            ])
        let view = ClusterView(snapshot: snapshot, now: started.addingTimeInterval(75))
        XCTAssertEqual(
            view.processes,
            [
                ClusterView.Process(
                    role: .broker(1), state: .running, address: "127.0.0.1:9092", pid: 7, uptime: .seconds(75),
                    residentBytes: 1_500_000)
            ])
        XCTAssertEqual(ClusterDiagram.duration(.seconds(75)), "1m15s")
        XCTAssertEqual(ClusterDiagram.duration(.seconds(7300)), "2h01m")
        XCTAssertEqual(ClusterDiagram.bytes(1_500_000), "1 MB")
    }

    func testExplanationsCoverEveryTermOfTheCourse() throws {
        for term in [
            "offset", "partition", "leader", "ISR", "high watermark", "leader epoch", "controller", "consumer group",
            "rebalance", "lag", "acks", "min.insync.replicas", "retention", "segment", "page cache", "compression",
            "batching",
        ] {
            let text = try Explanations.explain(term)
            XCTAssertTrue(text.contains("See: "), term)
            XCTAssertLessThanOrEqual(text.split(separator: "\n").count, 6, term)
            XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, term)
        }
        XCTAssertEqual(try Explanations.explain("HW"), try Explanations.explain("high-watermark"))
        XCTAssertThrowsError(try Explanations.explain("ofset")) { error in
            XCTAssertEqual("\(error)", "no explanation for 'ofset'; did you mean `explain offset`?")
        }
    }

    /// Labs 1, 2 and 5 lean on these: ZooKeeper's sessions and ephemeral znodes, keys and how
    /// the producer picks partitions, and the consumer's session timeout.
    func testExplanationsCoverSessionsEphemeralZnodesAndPartitioners() throws {
        let facts: [(term: String, fact: String)] = [
            ("ephemeral", "/brokers/ids/N"), ("znode", "/brokers/ids/1"),
            ("session", "zookeeper.session.timeout.ms (18000"),
            ("session.timeout.ms", "45000"), ("key", "same partition"), ("murmur2", "& 0x7fffffff"),
            ("partitioner", "sticky partition"), ("sticky", "KIP-480"),
        ]
        for (term, fact) in facts {
            let text = try Explanations.explain(term)
            XCTAssertTrue(text.contains(fact), "\(term): \(text)")
            XCTAssertTrue(text.contains("See: "), term)
            XCTAssertLessThanOrEqual(text.split(separator: "\n").count, 6, term)
            XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, term)
        }
        // ZooKeeper's own name for the stat field, and the REPL's label for it.
        XCTAssertEqual(try Explanations.explain("ephemeralOwner"), try Explanations.explain("ephemeral"))
        XCTAssertEqual(try Explanations.explain("ephemeral owner"), try Explanations.explain("ephemeral"))
        XCTAssertEqual(try Explanations.explain("zookeeper.session.timeout.ms"), try Explanations.explain("session"))
        XCTAssertEqual(try Explanations.explain("sticky partitioner"), try Explanations.explain("sticky"))
        XCTAssertEqual(try Explanations.explain("keys"), try Explanations.explain("key"))
        let terms = Explanations.entries.flatMap { [$0.term] + $0.aliases }
        XCTAssertEqual(terms.count, Set(terms).count, "a term or alias names two entries")
    }

    private func sampleView() -> ClusterView {
        ClusterView(
            name: "lab", mode: .zookeeper, folder: ".samsa/lab/",
            processes: [
                .init(
                    role: .metadataServer, state: .running, address: "127.0.0.1:2181", pid: 4100, uptime: .seconds(192),
                    residentBytes: 12_000_000),
                .init(
                    role: .broker(1), state: .running, address: "127.0.0.1:9092", pid: 4101, uptime: .seconds(192),
                    residentBytes: 28_000_000),
                .init(role: .broker(2), state: .stopped, address: "127.0.0.1:9093"),
                .init(
                    role: .broker(3), state: .paused, address: "127.0.0.1:9094", pid: 4103, uptime: .seconds(45),
                    residentBytes: 27_500_000),
            ],
            controller: 1,
            topics: [
                .init(
                    name: "orders",
                    partitions: [
                        .init(
                            partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 3], logEndOffset: 5, highWatermark: 4
                        ),
                        .init(
                            partition: 1, leader: nil, replicas: [2, 3, 1], isr: [3], logEndOffset: 0, highWatermark: 0),
                    ])
            ])
    }
}
