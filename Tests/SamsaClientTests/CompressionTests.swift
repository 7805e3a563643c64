import Foundation
import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

@testable import SamsaClient

final class CompressionTests: XCTestCase {
    private func requireCodec(_ codec: CompressionCodec) throws {
        if !RecordCompression.isAvailable(codec) {
            // scripts/test.sh installs the codec libraries; under CI=true a missing one fails.
            if ExternalTool.isCI { XCTFail("\(codec) library missing on CI; scripts/test.sh installs it") }
            throw XCTSkip("\(codec) library is not installed here")
        }
    }

    private var sample: [UInt8] {
        var bytes: [UInt8] = []
        for index in 0..<100_000 { bytes.append(UInt8(truncatingIfNeeded: index % 251 == 0 ? index : index % 7)) }
        return bytes
    }

    private func roundTrip(_ codec: CompressionCodec) throws {
        try self.requireCodec(codec)
        for input in [self.sample, [], Array("hello kafka".utf8)] {
            let compressed = try RecordCompression.compress(input, codec: codec)
            let restored = try RecordCompression.decompress(compressed, codec: codec)
            XCTAssertEqual(restored, input, "\(codec) round trip of \(input.count) bytes")
        }
        let compressed = try RecordCompression.compress(self.sample, codec: codec)
        XCTAssertLessThan(compressed.count, self.sample.count / 2, "\(codec) should shrink repetitive data")
    }

    func testGzipRoundTrip() throws { try self.roundTrip(.gzip) }
    func testSnappyRoundTrip() throws { try self.roundTrip(.snappy) }
    func testLZ4RoundTrip() throws { try self.roundTrip(.lz4) }
    func testZstdRoundTrip() throws { try self.roundTrip(.zstd) }

    func testGzipOutputHasGzipMagic() throws {
        try self.requireCodec(.gzip)
        let compressed = try RecordCompression.compress(Array("x".utf8), codec: .gzip)
        XCTAssertEqual(Array(compressed.prefix(2)), [0x1F, 0x8B])
    }

    func testSnappyUsesXerialFramingAndReadsRawSnappy() throws {
        try self.requireCodec(.snappy)
        let compressed = try RecordCompression.compress(self.sample, codec: .snappy)
        XCTAssertEqual(Array(compressed.prefix(8)), Snappy.xerialMagic)
        // Raw (unframed) snappy: the single block after the 16-byte header and 4-byte length, when small.
        let small = try RecordCompression.compress(Array("abcabcabc".utf8), codec: .snappy)
        let raw = Array(small.dropFirst(20))
        XCTAssertEqual(try RecordCompression.decompress(raw, codec: .snappy), Array("abcabcabc".utf8))
    }

    func testLZ4FrameMagic() throws {
        try self.requireCodec(.lz4)
        let compressed = try RecordCompression.compress(Array("x".utf8), codec: .lz4)
        XCTAssertEqual(Array(compressed.prefix(4)), [0x04, 0x22, 0x4D, 0x18])
    }

    func testMissingLibraryNamesTheDebianPackage() {
        XCTAssertThrowsError(
            try DynamicLibrary(codec: .zstd, names: ["libsamsa-no-such-library.so.9"], debianPackage: "libzstd1")
        ) { error in
            XCTAssertEqual(
                (error as? SamsaClientError)?.description,
                "zstd compression needs libsamsa-no-such-library.so.9, which is not installed; install the Debian "
                    + "package libzstd1 (apt-get install libzstd1)")
        }
    }

    func testGarbageIsAnErrorNotACrash() throws {
        for codec in [CompressionCodec.gzip, .snappy, .lz4, .zstd] where RecordCompression.isAvailable(codec) {
            XCTAssertThrowsError(
                try RecordCompression.decompress([1, 2, 3, 4, 5, 6, 7, 8, 9], codec: codec), "\(codec)")
        }
    }

    func testDecompressionLimitStopsABomb() throws {
        try self.requireCodec(.zstd)
        let compressed = try RecordCompression.compress([UInt8](repeating: 0, count: 1 << 20), codec: .zstd)
        XCTAssertThrowsError(try RecordCompression.decompress(compressed, codec: .zstd, limit: 1000))
    }

    /// A batch built by the producer with each codec is read back by the consumer's decoder.
    func testCompressedBatchesDecode() throws {
        for codec in CompressionCodec.allCases where RecordCompression.isAvailable(codec) {
            var writer = RecordBatchWriter()
            for index in 0..<50 {
                writer.append(
                    key: ByteBuffer(string: "k\(index)"),
                    value: ByteBuffer(string: String(repeating: "v", count: index)),
                    headers: [Record.Header(key: "h", value: ByteBuffer(string: "\(index)"))],
                    timestamp: 1000 + Int64(index))
            }
            let batch = try writer.build(producerId: 7, producerEpoch: 0, baseSequence: 3, codec: codec)
            XCTAssertNoThrow(try RecordBatches.validate(batch), "\(codec)")
            let decoded = try FetchedRecordsDecoder.decode(batch, partition: TopicPartition("t", 0))
            XCTAssertEqual(decoded.count, 1)
            XCTAssertEqual(decoded.first?.header.attributes.compression, codec)
            XCTAssertEqual(decoded.first?.header.baseSequence, 3)
            let records = decoded.first?.records ?? []
            XCTAssertEqual(records.count, 50, "\(codec)")
            XCTAssertEqual(
                records.last.map { String(buffer: $0.value ?? ByteBuffer()) }, String(repeating: "v", count: 49))
            XCTAssertEqual(records.last?.offset, 49)
            XCTAssertEqual(records.last?.timestamp, 1049)
            XCTAssertEqual(records.last?.headers.first?.key, "h")
        }
    }
}
