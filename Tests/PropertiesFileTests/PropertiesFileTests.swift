import PropertiesFile
import XCTest

final class PropertiesFileTests: XCTestCase {
    func testParsesKafkaStyleServerProperties() {
        let text = """
            # The id of the broker. This must be set to a unique integer for each broker.
            broker.id=1
            listeners = PLAINTEXT://127.0.0.1:9092
            log.dirs: /tmp/kafka-logs
            ! another comment style
            num.partitions 3
            """
        let properties = PropertiesFile(parsing: text)
        XCTAssertEqual(properties["broker.id"], "1")
        XCTAssertEqual(properties["listeners"], "PLAINTEXT://127.0.0.1:9092")
        XCTAssertEqual(properties["log.dirs"], "/tmp/kafka-logs")
        XCTAssertEqual(properties["num.partitions"], "3")
        XCTAssertEqual(properties.entries.map(\.line), [2, 3, 4, 6])
    }

    func testContinuationLinesAndEscapes() {
        let text = "log.dirs=/a,\\\n    /b\nkey\\ with\\ space=tab\\there\nunicode=\\u00e9\r\n"
        let properties = PropertiesFile(parsing: text)
        XCTAssertEqual(properties["log.dirs"], "/a,/b")
        XCTAssertEqual(properties["key with space"], "tab\there")
        XCTAssertEqual(properties["unicode"], "é")
    }

    func testLaterKeysWinAndEmptyValuesAreKept() {
        let properties = PropertiesFile(parsing: "a=1\na=2\nb=\n")
        XCTAssertEqual(properties["a"], "2")
        XCTAssertEqual(properties["b"], "")
    }

    func testRenderedTextParsesBack() {
        var properties = PropertiesFile()
        properties["dataDir"] = "/tmp/zoo keeper"
        properties["weird key"] = "a=b:c#d"
        XCTAssertEqual(PropertiesFile(parsing: properties.rendered()), properties)
    }

    func testValuesAreWrittenAsPeopleWriteThem() {
        var properties = PropertiesFile()
        properties["listeners"] = "PLAINTEXT://127.0.0.1:9092"
        properties["padded"] = "  two spaces first"
        let text = properties.rendered(keys: ["listeners", "padded"])
        XCTAssertEqual(text, "listeners=PLAINTEXT://127.0.0.1:9092\npadded=\\  two spaces first\n")
        XCTAssertEqual(PropertiesFile(parsing: text)["padded"], "  two spaces first")
    }
}
