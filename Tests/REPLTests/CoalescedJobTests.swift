import Foundation
import Synchronization
import XCTest

@testable import REPL

/// A burst of triggers while the work runs costs one more run, not one per trigger.
final class CoalescedJobTests: XCTestCase {
    func testTriggersDuringARunCollapseIntoOneMoreRun() {
        let flags = Flags()
        let finished = DispatchSemaphore(value: 0)
        let job = CoalescedJob {
            let run = flags.runs.withLock { count in
                count += 1
                return count
            }
            // The first run holds until the test releases it (at most 5 s).
            for _ in 0..<500 where run == 1 && !flags.isReleased.withLock({ $0 }) {
                try? await Task.sleep(for: .milliseconds(10))
            }
            finished.signal()
        }
        job.trigger()
        // The first run is inside its work; these ten all ask for the same one extra run.
        let deadline = Date().addingTimeInterval(5)
        while flags.runs.withLock({ $0 }) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        for _ in 0..<10 { job.trigger() }
        flags.isReleased.withLock { $0 = true }
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(finished.wait(timeout: .now() + 0.5), .timedOut, "a third run happened")
        XCTAssertEqual(flags.runs.withLock { $0 }, 2)
        job.trigger()
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success, "a trigger after the runs ended starts a new one")
    }
}

/// Mutexes cannot be captured by a closure on their own (they are not copyable); a class holds them.
private final class Flags: Sendable {
    let runs = Mutex(0)
    let isReleased = Mutex(false)
}
