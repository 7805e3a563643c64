import Foundation
import SamsaTesting
import XCTest

/// kcat (Debian's 1.7.1 on librdkafka 2.0.2): the command-line tool most Kafka tutorials use.
final class KcatTests: XCTestCase {
    func testMetadataListsTheBrokerAndTopics() throws {
        let kcat = try ExternalTool.requireKcat()
        let broker = try self.startCompatibilityBroker()
        // Producing to a new topic creates it (auto.create.topics.enable=true, one partition).
        try self.kcat(
            kcat, ["-P", "-b", broker.bootstrap, "-t", "listed", "-X", "message.timeout.ms=30000"], input: "one\n")

        let listing = try self.kcat(kcat, ["-L", "-J", "-b", broker.bootstrap])
        let metadata = try JSONDecoder().decode(KcatMetadata.self, from: listing.stdout)
        XCTAssertEqual(metadata.brokers.map(\.id), [1])
        XCTAssertEqual(metadata.brokers.first?.name, broker.bootstrap)
        let topic = try XCTUnwrap(metadata.topics.first { $0.topic == "listed" }, "topics: \(metadata.topics)")
        XCTAssertEqual(topic.partitions.map(\.partition), [0])
        XCTAssertEqual(topic.partitions.first?.leader, 1)

        let text = try self.kcat(kcat, ["-L", "-b", broker.bootstrap]).stdoutText
        XCTAssertTrue(text.contains("broker 1 at \(broker.bootstrap)"), text)
        XCTAssertTrue(text.contains("topic \"listed\" with 1 partitions"), text)
    }

    func testKeyedLinesWithHeadersComeBackExactly() throws {
        let kcat = try ExternalTool.requireKcat()
        let broker = try self.startCompatibilityBroker()
        let lines = ["k1:v1", "k2:hello world", "k3:", "k4:a|b", ":no key"]
        try self.kcat(
            kcat,
            [
                "-P", "-b", broker.bootstrap, "-t", "keyed", "-K:", "-H", "h1=v1", "-H", "h2=two words",
                "-X", "message.timeout.ms=30000",
            ],
            input: lines.joined(separator: "\n") + "\n")

        let read = try self.kcat(
            kcat, ["-C", "-b", broker.bootstrap, "-t", "keyed", "-o", "beginning", "-e", "-f", "%k|%s|%p|%o|%h\\n"])
        XCTAssertEqual(
            read.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            [
                "k1|v1|0|0|h1=v1,h2=two words",
                "k2|hello world|0|1|h1=v1,h2=two words",
                "k3||0|2|h1=v1,h2=two words",
                "k4|a|b|0|3|h1=v1,h2=two words",
                "|no key|0|4|h1=v1,h2=two words",
                "",
            ], read.summary)
    }

    @discardableResult
    private func kcat(
        _ kcat: URL, _ arguments: [String], input: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> CommandResult {
        let result = try ExternalTool.run(
            kcat, arguments: arguments, input: input.map { Data($0.utf8) },
            timeout: .seconds(120))
        XCTAssertTrue(result.succeeded, result.summary, file: file, line: line)
        return result
    }
}

/// The part of `kcat -L -J` the test reads.
private struct KcatMetadata: Decodable {
    struct Broker: Decodable {
        let id: Int32
        let name: String
    }
    struct Partition: Decodable {
        let partition: Int32
        let leader: Int32
    }
    struct Topic: Decodable {
        let topic: String
        let partitions: [Partition]
    }
    let brokers: [Broker]
    let topics: [Topic]
}
