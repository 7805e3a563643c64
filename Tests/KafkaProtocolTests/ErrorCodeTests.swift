import KafkaProtocol
import XCTest

final class ErrorCodeTests: XCTestCase {
    func testCodesMatchKafka() {
        XCTAssertEqual(ErrorCode.unknownServerError.rawValue, -1)
        XCTAssertEqual(ErrorCode.none.rawValue, 0)
        XCTAssertEqual(ErrorCode.offsetOutOfRange.rawValue, 1)
        XCTAssertEqual(ErrorCode.unknownTopicOrPartition.rawValue, 3)
        XCTAssertEqual(ErrorCode.notLeaderOrFollower.rawValue, 6)
        XCTAssertEqual(ErrorCode.invalidTopicException.rawValue, 17)
        XCTAssertEqual(ErrorCode.unsupportedVersion.rawValue, 35)
        XCTAssertEqual(ErrorCode.topicAlreadyExists.rawValue, 36)
        XCTAssertEqual(ErrorCode.unknownTopicId.rawValue, 100)
        XCTAssertEqual(ErrorCode.invalidRegularExpression.rawValue, 128)
        XCTAssertNil(ErrorCode(rawValue: 99), "Kafka never assigned 99")
    }

    func testNamesRetriabilityAndMessages() {
        XCTAssertEqual(ErrorCode.notLeaderOrFollower.name, "NOT_LEADER_OR_FOLLOWER")
        XCTAssertEqual(ErrorCode.notLeaderOrFollower.description, "NOT_LEADER_OR_FOLLOWER (6)")
        XCTAssertTrue(ErrorCode.notLeaderOrFollower.isRetriable)
        XCTAssertTrue(ErrorCode.unknownTopicOrPartition.isRetriable)
        XCTAssertTrue(ErrorCode.coordinatorLoadInProgress.isRetriable)
        XCTAssertFalse(ErrorCode.topicAlreadyExists.isRetriable)
        XCTAssertFalse(ErrorCode.none.isRetriable)
        XCTAssertEqual(ErrorCode.requestTimedOut.message, "The request timed out.")
    }

    func testUnknownCodesMapToUnknownServerError() {
        XCTAssertEqual(ErrorCode(code: 30_000), .unknownServerError)
        XCTAssertEqual(ErrorCode(code: 6), .notLeaderOrFollower)
    }

    func testNamesAndCodesAreUnique() {
        XCTAssertEqual(Set(ErrorCode.allCases.map(\.name)).count, ErrorCode.allCases.count)
        XCTAssertGreaterThanOrEqual(ErrorCode.allCases.count, 130)
        for code in ErrorCode.allCases {
            XCTAssertFalse(code.message.isEmpty, "\(code)")
        }
    }
}
