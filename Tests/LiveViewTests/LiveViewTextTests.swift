import XCTest

@testable import LiveView

/// Both languages say everything; every kind of REPL event line is recognised and explained.
final class LiveViewTextTests: XCTestCase {
    func testBothLanguagesHaveTheSameKeys() {
        XCTAssertEqual(Set(LiveViewText.english.keys), Set(LiveViewText.spanish.keys))
        for kind in TimelineEventKind.allCases where kind != .other {
            XCTAssertNotNil(LiveViewText.english["event-\(kind.rawValue)"], "\(kind) has no English explanation")
            XCTAssertNotNil(LiveViewText.spanish["event-\(kind.rawValue)"], "\(kind) has no Spanish explanation")
        }
        for state in ["Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead"] {
            XCTAssertNotNil(LiveViewText.english["group-\(state)"])
            XCTAssertNotNil(LiveViewText.spanish["group-\(state)"])
        }
    }

    /// The lines as the REPL prints them (LiveEventsTests waits for the same ones).
    func testEventLinesAreClassified() {
        let lines: [(String, TimelineEventKind)] = [
            ("broker 2's session ended → /brokers/ids/2 deleted; the controller acts on it", .sessionExpired),
            ("broker 2 registered: /brokers/ids/2 created (an ephemeral znode of its session)", .brokerRegistered),
            ("/controller deleted (broker 1 was the controller): the brokers race to create it", .controllerGone),
            ("broker 2 created /controller: it is the controller", .controllerElected),
            ("controller epoch 2: brokers now refuse requests from older controllers", .controllerEpoch),
            ("controller: orders-0 leader 1 → 2 (leader epoch 2) · ISR 2", .leaderMoved),
            (
                "controller: orders-0 leader 1 → none (leader epoch 1) · ISR 1: offline until an in-sync replica can lead",
                .partitionOffline
            ),
            (
                "controller: orders-0 leader none → 3 (leader epoch 3) · ISR 3: UNCLEAN election, 3 was not in the ISR; records it never copied are lost",
                .uncleanElection
            ),
            ("orders-1 ISR shrank 2,1 → 2: 1 is down (the controller took it out)", .isrShrank),
            ("orders-1 ISR grew 2 → 2,1: 1 caught up", .isrGrew),
            (
                "__consumer_offsets (internal): 17 partitions changed leader; `topic describe __consumer_offsets` lists its partitions",
                .internalTopic
            ),
            ("⚡ broker 2: replication cut. Its followers stay in the ISR", .faultInjected),
            ("⚡ broker 2: healed (cut-replication). Followers catch up and rejoin the ISR.", .faultHealed),
            ("billing · generation 2 · c1: orders-0 · c2: orders-1  (c2 joined)", .rebalanced),
            ("consumer c1: the coordinator is not available", .consumerTrouble),
            ("something else", .other),
        ]
        for (line, kind) in lines {
            XCTAssertEqual(TimelineEventKind(line: line), kind, line)
        }
    }

    func testEventLinksOnlyPointAtTermsTheGlossaryHas() {
        let terms = LiveViewPage.glossaryTerms(known: ["isr", "leader"])
        XCTAssertEqual(terms["isr-shrank"], "isr")
        XCTAssertEqual(terms["leader-moved"], "leader")
        XCTAssertNil(terms["rebalanced"])
    }

    func testRoutesNeedTheToken() {
        let token = AccessToken(hex: "0123456789abcdef0123456789abcdef")
        XCTAssertEqual(
            LiveViewRoute(method: "GET", uri: "/?token=0123456789abcdef0123456789abcdef", token: token), .page)
        XCTAssertEqual(
            LiveViewRoute(method: "GET", uri: "/events?x=1&token=0123456789abcdef0123456789abcdef", token: token),
            .events)
        XCTAssertEqual(LiveViewRoute(method: "GET", uri: "/events", token: token), .forbidden)
        XCTAssertEqual(
            LiveViewRoute(method: "POST", uri: "/?token=0123456789abcdef0123456789abcdef", token: token),
            .methodNotAllowed)
        XCTAssertEqual(
            LiveViewRoute(method: "GET", uri: "/x?token=0123456789abcdef0123456789abcdef", token: token), .notFound)
    }
}
