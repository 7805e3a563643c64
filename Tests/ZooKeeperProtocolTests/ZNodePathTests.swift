import XCTest
import ZooKeeperProtocol

final class ZNodePathTests: XCTestCase {
    func testValidPaths() {
        for path in ["/", "/a", "/brokers/ids/1", "/a.b", "/..a", "/a/...", "/zookeeper/quota", "/é"] {
            XCTAssertTrue(ZNodePath.isValid(path), path)
        }
        XCTAssertTrue(ZNodePath.isValid("/queue/", isSequential: true))
    }

    func testInvalidPathsGiveZooKeepersReasons() {
        let cases: [(String, String)] = [
            ("", "Path length must be > 0"), ("a", "Path must start with / character"),
            ("/a/", "Path must not end with / character"), ("//a", "empty node name specified @1"),
            ("/a/./b", "relative paths not allowed @3"), ("/a/../b", "relative paths not allowed @4"),
            ("/a/.", "relative paths not allowed @3"), ("/a\u{0}b", "null character not allowed @2"),
            ("/a\u{1}", "invalid character @2"), ("/\u{1F600}", "invalid character @1"),
        ]
        for (path, reason) in cases {
            XCTAssertThrowsError(try ZNodePath.validate(path), path) { error in
                XCTAssertEqual((error as? ZNodePath.InvalidPath)?.reason, reason, path)
            }
        }
    }

    func testParentNameAndChild() {
        XCTAssertEqual(ZNodePath.parent(of: "/a/b"), "/a")
        XCTAssertEqual(ZNodePath.parent(of: "/a"), "/")
        XCTAssertEqual(ZNodePath.name(of: "/a/b"), "b")
        XCTAssertEqual(ZNodePath.child("b", of: "/"), "/b")
        XCTAssertEqual(ZNodePath.child("b", of: "/a"), "/a/b")
    }
}
