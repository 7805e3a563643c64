import Foundation
import SamsaTesting
import XCTest

/// Runs the Python scripts in `clients/` (see each script's docstring) and decodes the one JSON
/// line each prints. The scripts report what the client saw; the assertions live in Swift.
enum ClientScript {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("clients", isDirectory: true)

    /// The JSON object `script` printed, decoded as `T`. A script that fails, times out or prints
    /// no JSON fails the test with its full output.
    static func run<T: Decodable>(
        _ script: String, _ arguments: [String], modules: [String], as type: T.Type = T.self,
        timeout: Duration = .seconds(300), file: StaticString = #filePath, line: UInt = #line
    ) throws -> T {
        let python = try ExternalTool.requirePython(modules: modules, file: file, line: line)
        let result = try ExternalTool.run(
            python, arguments: [self.directory.appendingPathComponent(script).path] + arguments,
            environment: ["PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"], timeout: timeout)
        guard result.succeeded else {
            XCTFail("client script failed: \(result.summary)", file: file, line: line)
            throw SamsaTestingError.reported(script)
        }
        let lastLine = result.stdoutText.split(separator: "\n").last.map(String.init) ?? ""
        do {
            return try JSONDecoder.convertingSnakeCase.decode(T.self, from: Data(lastLine.utf8))
        } catch {
            XCTFail("client script printed no \(T.self) JSON (\(error)): \(result.summary)", file: file, line: line)
            throw SamsaTestingError.reported(script)
        }
    }
}

extension JSONDecoder {
    /// The scripts print snake_case keys (`create_error`); the Swift types use camelCase.
    static var convertingSnakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

extension XCTestCase {
    /// A broker set up like a fresh single-node Kafka: topics created on first use with one
    /// partition, replication factor 1.
    func startCompatibilityBroker(
        overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> TestBroker {
        try self.startBroker(
            overrides: [
                "auto.create.topics.enable": "true",
                "num.partitions": "1",
                "default.replication.factor": "1",
                "offsets.topic.replication.factor": "1",
            ].merging(overrides) { $1 }, file: file, line: line)
    }
}
