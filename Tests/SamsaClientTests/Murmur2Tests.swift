import KafkaProtocol
import XCTest

@testable import SamsaClient

final class Murmur2Tests: XCTestCase {
    /// apache/kafka `clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java` (`testMurmur2`).
    func testMurmur2MatchesKafkaUtilsTestVectors() {
        let cases: [(String, Int32)] = [
            ("21", -973_932_308),
            ("foobar", -790_332_482),
            ("a-little-bit-long-string", -985_981_536),
            ("a-little-bit-longer-string", -1_486_304_829),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
            ("abc", 479_470_107),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(Murmur2.hash(Array(input.utf8)), expected, input)
        }
    }

    func testToPositiveClearsOnlyTheSignBit() {
        XCTAssertEqual(Murmur2.toPositive(-1), Int32.max)
        XCTAssertEqual(Murmur2.toPositive(Int32.min), 0)
        XCTAssertEqual(Murmur2.toPositive(42), 42)
    }

    func testKeyedPartitionIsToPositiveHashModuloCount() {
        // toPositive(-790332482) = 1357151166; 1357151166 % 10 = 6.
        XCTAssertEqual(Murmur2.partition(forKey: Array("foobar".utf8), partitionCount: 10), 6)
        XCTAssertEqual(Murmur2.partition(forKey: Array("21".utf8), partitionCount: 1), 0)
    }
}
