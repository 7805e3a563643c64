import XCTest

@testable import Broker

/// Parked JoinGroup/SyncGroup requests are found by group and member, never by a string prefix.
final class ParkedRequestsTests: XCTestCase {
    /// Holds the parked requests on one actor, as the coordinator does.
    private actor Holder {
        var parked = ParkedRequests<String>()
        var count = 0
        func park(_ continuation: CheckedContinuation<String, Never>, group: String, member: String) {
            self.parked.park(continuation, for: GroupMemberKey(groupId: group, memberId: member))?.resume(
                returning: "replaced")
            self.count += 1
        }

        /// Answers one member, then the rest of its group (with the group id), then everyone else.
        func take(_ key: GroupMemberKey, answer: String) -> (Bool, [String], Int) {
            let taken = self.parked.take(key)
            taken?.resume(returning: answer)
            let again = self.parked.take(key)
            let group = self.parked.takeAll(of: key.groupId)
            for (_, continuation) in group { continuation.resume(returning: key.groupId) }
            let rest = self.parked.takeAll()
            for (_, continuation) in rest { continuation.resume(returning: "all") }
            return (taken != nil && again == nil, group.keys.sorted(), rest.count)
        }
    }

    func testRequestsAreTakenPerMemberAndPerGroup() async {
        let holder = Holder()
        // "g" and "g\u{0}m" would have shared a prefix under the old "group\0member" string keys.
        let members = [("g", "m1"), ("g", "m2"), ("g\u{0}m", "1"), ("other", "m1")]
        await withTaskGroup(of: (String, String, String).self) { tasks in
            for (group, member) in members {
                tasks.addTask {
                    let answer = await withCheckedContinuation { continuation in
                        Task { await holder.park(continuation, group: group, member: member) }
                    }
                    return (group, member, answer)
                }
            }
            // Bounded: every task parks once; 10 000 yields is far more than they need.
            for _ in 0..<10_000 where await holder.count < members.count { await Task.yield() }
            let parkedCount = await holder.count
            XCTAssertEqual(parkedCount, members.count)

            let (one, ofG, rest) = await holder.take(GroupMemberKey(groupId: "g", memberId: "m1"), answer: "joined")
            XCTAssertTrue(one)
            XCTAssertEqual(ofG, ["m2"], "only group g's other member is left in g")
            XCTAssertEqual(rest, 2, "g\\0m and other are untouched")

            var answers: [String: String] = [:]
            for await (group, member, answer) in tasks { answers["\(group)/\(member)"] = answer }
            XCTAssertEqual(answers["g/m1"], "joined")
            XCTAssertEqual(answers["g/m2"], "g")
            XCTAssertEqual(answers["g\u{0}m/1"], "all")
            XCTAssertEqual(answers["other/m1"], "all")
        }
    }
}
