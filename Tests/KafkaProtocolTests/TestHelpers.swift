import KafkaProtocol
import NIOCore
import XCTest

/// A generated message that can build a sample with every field of a version set to a non-default value
/// (`sample(version:)` is generated into `Generated/MessageSamples.swift` by samsa-codegen).
protocol SampleMessage: KafkaMessage, Hashable {
    static func sample(version: Int16) -> Self
    /// The value with every field at its default (what `init()` gives).
    static func makeDefault() -> Self
}

/// `ByteBuffer` from hex such as `"00 0a ff"` (spaces and `|` ignored).
func hexBuffer(_ hex: String, file: StaticString = #filePath, line: UInt = #line) -> ByteBuffer {
    let digits = hex.filter { $0.isHexDigit }
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) ?? digits.endIndex
        guard let byte = UInt8(digits[index..<next], radix: 16), next != digits.endIndex || digits.count % 2 == 0 else {
            XCTFail("bad hex '\(hex)'", file: file, line: line)
            return ByteBuffer()
        }
        bytes.append(byte)
        index = next
    }
    return ByteBuffer(bytes: bytes)
}

/// The readable bytes as lowercase hex pairs separated by spaces, for readable failure messages.
func hexString(_ buffer: ByteBuffer) -> String {
    buffer.readableBytesView.map { byte in
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }.joined(separator: " ")
}

/// Encodes `message` as `version`.
func encode<Message: KafkaMessage>(_ message: Message, version: Int16) -> ByteBuffer {
    var buffer = ByteBuffer()
    message.write(to: &buffer, version: version)
    return buffer
}

/// Asserts that `message` encodes to `expected` at `version` and that those bytes decode back to it.
func assertGolden<Message: KafkaMessage & Equatable>(
    _ message: Message,
    version: Int16,
    hex expected: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let expectedBuffer = hexBuffer(expected, file: file, line: line)
    let encoded = encode(message, version: version)
    XCTAssertEqual(hexString(encoded), hexString(expectedBuffer), "encoding", file: file, line: line)
    var input = expectedBuffer
    do {
        let decoded = try Message(from: &input, version: version)
        XCTAssertEqual(decoded, message, "decoding", file: file, line: line)
        XCTAssertEqual(input.readableBytes, 0, "bytes left over after decoding", file: file, line: line)
    } catch {
        XCTFail("decoding golden bytes threw \(error)", file: file, line: line)
    }
}

/// Encodes, decodes and re-encodes `message`; asserts equality, that every byte was consumed, and that the
/// second encoding is byte-identical.
func assertRoundTrip<Message: KafkaMessage & Equatable>(
    _ message: Message,
    version: Int16,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let encoded = encode(message, version: version)
    var input = encoded
    do {
        let decoded = try Message(from: &input, version: version)
        XCTAssertEqual(decoded, message, "\(Message.self) v\(version) round trip", file: file, line: line)
        XCTAssertEqual(input.readableBytes, 0, "\(Message.self) v\(version) left bytes", file: file, line: line)
        XCTAssertEqual(
            encode(decoded, version: version), encoded, "\(Message.self) v\(version) re-encoding",
            file: file, line: line)
    } catch {
        XCTFail("\(Message.self) v\(version) failed to decode its own encoding: \(error)", file: file, line: line)
    }
}

/// Asserts that decoding every strict prefix of `message`'s encoding throws (and does not trap).
func assertEveryTruncationThrows<Message: KafkaMessage>(
    _ message: Message,
    version: Int16,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let encoded = encode(message, version: version)
    for length in 0..<encoded.readableBytes {
        var prefix = encoded.getSlice(at: encoded.readerIndex, length: length)!
        XCTAssertThrowsError(
            try Message(from: &prefix, version: version),
            "\(Message.self) v\(version) decoded from \(length) of \(encoded.readableBytes) bytes",
            file: file,
            line: line
        )
    }
}
