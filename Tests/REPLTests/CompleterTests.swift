import REPL
import XCTest

/// What TAB offers, from the line up to the cursor.
final class CompleterTests: XCTestCase {
    let completer = Completer(table: CommandTable())
    let names = Completer.Names(brokerIDs: [1, 2, 3], topics: ["orders", "payments"])

    func testCompletesCommandWordsAndSubcommands() {
        XCTAssertEqual(self.words(""), CommandTable().topLevelWords.sorted())
        XCTAssertEqual(self.words("cl"), ["cluster"])
        XCTAssertEqual(self.words("cluster st"), ["start", "status", "stop"])
        XCTAssertEqual(self.words("broker "), ["evict-cache", "kill", "logs", "pause", "resume", "start", "stop"])
        XCTAssertEqual(self.words("zz"), [])
    }

    func testCompletesArgumentsByKind() {
        XCTAssertEqual(self.words("broker kill "), ["1", "2", "3"])
        XCTAssertEqual(self.words("broker kill 2 "), [])
        XCTAssertEqual(self.words("topic describe o"), ["orders"])
        XCTAssertEqual(self.words("explain hi"), ["high-watermark"])
        XCTAssertEqual(self.words("explain min"), ["min.insync.replicas"])
        XCTAssertEqual(self.words("help bro"), ["broker"])
        XCTAssertEqual(self.words("help broker p"), ["pause"])
        XCTAssertEqual(self.words("watch "), ["cluster", "group", "topic"], "only commands with a view")
        XCTAssertEqual(self.words("watch topic "), ["describe", "list", "offsets", "segments"])
        XCTAssertEqual(self.words("watch broker "), [])
        XCTAssertEqual(self.completer.complete("source ./sc", names: self.names), .fileName)
        XCTAssertEqual(self.completer.complete("produce orders --file ", names: self.names), .fileName)
    }

    func testCompletesOptionsAndTheirValues() {
        XCTAssertEqual(self.words("cluster start --"), ["--brokers", "--detach", "--name", "--standalone"])
        XCTAssertEqual(self.words("cluster start --detach --"), ["--brokers", "--name", "--standalone"])
        XCTAssertEqual(self.words("produce orders --acks "), ["0", "1", "all"])
        XCTAssertEqual(self.words("produce orders --acks a"), ["all"])
        XCTAssertEqual(self.words("consume orders --from-beginning --p"), ["--partition"])
        XCTAssertEqual(self.words("consume --max-messages 5 o"), ["orders"])
    }

    func testCommonPrefix() {
        XCTAssertEqual(Completer.commonPrefix(["start", "status", "stop"]), "st")
        XCTAssertEqual(Completer.commonPrefix(["stat", "status"]), "stat")
        XCTAssertEqual(Completer.commonPrefix([]), "")
    }

    private func words(_ line: String, file: StaticString = #filePath, line number: UInt = #line) -> [String] {
        guard case .words(let words) = self.completer.complete(line, names: self.names) else {
            XCTFail("expected words for '\(line)'", file: file, line: number)
            return []
        }
        return words
    }
}
