import NIOCore
import XCTest
import ZooKeeperProtocol

final class ZooKeeperFrameDecoderTests: XCTestCase {
    private func decodeAll(_ bytes: [UInt8], decoder: inout ZooKeeperFrameDecoder) throws -> [InboundPacket] {
        var buffer = ByteBuffer(bytes: bytes)
        var packets: [InboundPacket] = []
        while let packet = try decoder.next(from: &buffer) { packets.append(packet) }
        return packets
    }

    func testSplitsPacketsDeliveredByteByByte() throws {
        var decoder = ZooKeeperFrameDecoder(acceptsFourLetterWords: true)
        let stream: [UInt8] = [0, 0, 0, 2, 0xAA, 0xBB, 0, 0, 0, 0, 0, 0, 0, 1, 0xCC]
        var packets: [InboundPacket] = []
        var buffer = ByteBuffer()
        for byte in stream {
            buffer.writeInteger(byte)
            while let packet = try decoder.next(from: &buffer) { packets.append(packet) }
        }
        XCTAssertEqual(
            packets,
            [
                .packet(ByteBuffer(bytes: [0xAA, 0xBB])), .packet(ByteBuffer()), .packet(ByteBuffer(bytes: [0xCC])),
            ])
    }

    func testFourLetterWordOnlyAsTheFirstPacket() throws {
        var server = ZooKeeperFrameDecoder(acceptsFourLetterWords: true)
        XCTAssertEqual(try self.decodeAll(Array("ruok".utf8), decoder: &server), [.fourLetterWord("ruok")])
        var client = ZooKeeperFrameDecoder()
        XCTAssertThrowsError(try self.decodeAll(Array("ruok".utf8), decoder: &client))
    }

    func testLengthsOutsideTheLimitAreErrors() {
        var decoder = ZooKeeperFrameDecoder(maximumLength: 100)
        XCTAssertThrowsError(try self.decodeAll([0, 0, 0, 101], decoder: &decoder)) { error in
            XCTAssertEqual(error as? FrameError, .invalidLength(101, maximum: 100))
        }
        var negative = ZooKeeperFrameDecoder()
        XCTAssertThrowsError(try self.decodeAll([0xFF, 0xFF, 0xFF, 0xFF], decoder: &negative))
    }

    func testWritePacketPrefixesTheLength() {
        var buffer = ByteBuffer()
        let written = buffer.writeZooKeeperPacket { $0.writeJuteInt(7) }
        XCTAssertEqual(written, 8)
        XCTAssertEqual(Array(buffer.readableBytesView), [0, 0, 0, 4, 0, 0, 0, 7])
    }
}
