import XCTest

@testable import SamsaClient

/// The one definition of lag, Kafka's `ConsumerGroupCommand.getLag`.
final class ConsumerGroupLagTests: XCTestCase {
    func testLagIsLogEndOffsetMinusCurrentOffset() {
        XCTAssertEqual(ConsumerGroupLag.lag(currentOffset: 3, logEndOffset: 5), 2)
        XCTAssertEqual(ConsumerGroupLag.lag(currentOffset: 5, logEndOffset: 5), 0)
        XCTAssertEqual(ConsumerGroupLag.lag(currentOffset: 0, logEndOffset: 12), 12)
    }

    func testNoCommittedOffsetMeansNoLag() {
        XCTAssertNil(ConsumerGroupLag.lag(currentOffset: nil, logEndOffset: 5))
        XCTAssertNil(ConsumerGroupLag.lag(currentOffset: -1, logEndOffset: 5), "-1 is Kafka's 'no offset'")
        XCTAssertNil(ConsumerGroupLag.lag(currentOffset: nil, logEndOffset: 0))
    }

    func testNoLogEndOffsetMeansNoLag() {
        XCTAssertNil(ConsumerGroupLag.lag(currentOffset: 4, logEndOffset: nil))
    }

    func testACommitPastTheEndIsNotClampedAsKafkaDoesNot() {
        XCTAssertEqual(ConsumerGroupLag.lag(currentOffset: 7, logEndOffset: 5), -2)
    }
}
