import KafkaProtocol

/// zstd (Kafka codec 4, KIP-110) from `libzstd.so.1`. Decompression streams, so frames without a content size
/// (as Java's zstd-jni output stream writes) are read too.
///
/// `@unchecked Sendable`: only immutable C function pointers, resolved once.
struct Zstd: @unchecked Sendable {
    /// `ZSTD_inBuffer` / `ZSTD_outBuffer`: pointer, size, position.
    private struct Buffer {
        var pointer: UnsafeRawPointer?
        var size: Int
        var position: Int
    }

    private let compressBound: @convention(c) (Int) -> Int
    private let compressRaw: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32) -> Int
    private let isError: @convention(c) (Int) -> UInt32
    private let createStream: @convention(c) () -> OpaquePointer?
    private let freeStream: @convention(c) (OpaquePointer?) -> Int
    private let decompressStream:
        @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int

    static let shared: Result<Zstd, SamsaClientError> = Result { () throws(SamsaClientError) -> Zstd in try Zstd() }

    private init() throws(SamsaClientError) {
        let library = try DynamicLibrary(
            codec: .zstd, names: ["libzstd.so.1", "libzstd.so", "libzstd.dylib"], debianPackage: "libzstd1")
        self.compressBound = try library.function(
            "ZSTD_compressBound", as: (@convention(c) (Int) -> Int).self, codec: .zstd)
        self.compressRaw = try library.function(
            "ZSTD_compress",
            as: (@convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32) -> Int).self,
            codec: .zstd)
        self.isError = try library.function("ZSTD_isError", as: (@convention(c) (Int) -> UInt32).self, codec: .zstd)
        self.createStream = try library.function(
            "ZSTD_createDStream", as: (@convention(c) () -> OpaquePointer?).self, codec: .zstd)
        self.freeStream = try library.function(
            "ZSTD_freeDStream", as: (@convention(c) (OpaquePointer?) -> Int).self, codec: .zstd)
        self.decompressStream = try library.function(
            "ZSTD_decompressStream",
            as: (@convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int).self,
            codec: .zstd)
    }

    /// Level 3 is zstd's (and Kafka's) default.
    func compress(_ input: [UInt8], level: Int32 = 3) throws(SamsaClientError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: self.compressBound(input.count))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                self.compressRaw(target.baseAddress, target.count, source.baseAddress, source.count, level)
            }
        }
        guard self.isError(written) == 0 else { throw .compressionFailed(codec: .zstd, reason: "ZSTD_compress failed") }
        output.removeLast(output.count - written)
        return output
    }

    func decompress(_ input: [UInt8], limit: Int) throws(SamsaClientError) -> [UInt8] {
        guard let stream = self.createStream() else {
            throw .compressionFailed(codec: .zstd, reason: "ZSTD_createDStream failed")
        }
        defer { _ = self.freeStream(stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var failed = false
        var lastHint = 0
        input.withUnsafeBytes { source in
            var inBuffer = Buffer(pointer: source.baseAddress, size: source.count, position: 0)
            while output.count <= limit {
                let (hint, produced) = chunk.withUnsafeMutableBytes { target in
                    var outBuffer = Buffer(
                        pointer: UnsafeRawPointer(target.baseAddress), size: target.count, position: 0)
                    let hint = self.decompressStream(stream, &outBuffer, &inBuffer)
                    return (hint, outBuffer.position)
                }
                if self.isError(hint) != 0 {
                    failed = true
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                lastHint = hint
                // Done when all input is used and the decoder has nothing more to flush.
                if inBuffer.position == inBuffer.size && produced < chunk.count { return }
            }
        }
        guard !failed else { throw .compressionFailed(codec: .zstd, reason: "not valid zstd data") }
        guard output.count <= limit else {
            throw .compressionFailed(codec: .zstd, reason: "decompressed data exceeds \(limit) bytes")
        }
        guard lastHint == 0 else { throw .compressionFailed(codec: .zstd, reason: "zstd frame is cut short") }
        return output
    }
}
