import KafkaProtocol

/// lz4 (Kafka codec 3) from `liblz4.so.1`: the LZ4 frame format (KIP-57), with independent 64 KiB blocks as
/// Kafka's `KafkaLZ4BlockOutputStream` writes them, since Java's reader decompresses each block on its own.
///
/// `@unchecked Sendable`: only immutable C function pointers, resolved once.
struct LZ4: @unchecked Sendable {
    private let compressFrameBound: @convention(c) (Int, UnsafeRawPointer?) -> Int
    private let compressFrame:
        @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, UnsafeRawPointer?) -> Int
    private let isError: @convention(c) (Int) -> UInt32
    private let createDecompressionContext: @convention(c) (UnsafeMutablePointer<OpaquePointer?>?, UInt32) -> Int
    private let freeDecompressionContext: @convention(c) (OpaquePointer?) -> Int
    private let decompressFrame:
        @convention(c) (
            OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeRawPointer?,
            UnsafeMutablePointer<Int>?,
            UnsafeRawPointer?
        ) -> Int

    static let shared: Result<LZ4, SamsaClientError> = Result { () throws(SamsaClientError) -> LZ4 in try LZ4() }

    private init() throws(SamsaClientError) {
        let library = try DynamicLibrary(
            codec: .lz4, names: ["liblz4.so.1", "liblz4.so", "liblz4.dylib"], debianPackage: "liblz4-1")
        self.compressFrameBound = try library.function(
            "LZ4F_compressFrameBound", as: (@convention(c) (Int, UnsafeRawPointer?) -> Int).self, codec: .lz4)
        self.compressFrame = try library.function(
            "LZ4F_compressFrame",
            as: (@convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, UnsafeRawPointer?) -> Int).self,
            codec: .lz4)
        self.isError = try library.function("LZ4F_isError", as: (@convention(c) (Int) -> UInt32).self, codec: .lz4)
        self.createDecompressionContext = try library.function(
            "LZ4F_createDecompressionContext",
            as: (@convention(c) (UnsafeMutablePointer<OpaquePointer?>?, UInt32) -> Int).self, codec: .lz4)
        self.freeDecompressionContext = try library.function(
            "LZ4F_freeDecompressionContext", as: (@convention(c) (OpaquePointer?) -> Int).self, codec: .lz4)
        self.decompressFrame = try library.function(
            "LZ4F_decompress",
            as: (@convention(c) (
                OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeRawPointer?,
                UnsafeMutablePointer<Int>?, UnsafeRawPointer?
            ) -> Int).self, codec: .lz4)
    }

    /// `LZ4F_preferences_t` (56 bytes): blockSizeID 4 (64 KiB) at 0, blockMode 1 (independent) at 4, rest 0.
    private static func withPreferences<T>(_ body: (UnsafeRawPointer?) -> T) -> T {
        withUnsafeTemporaryAllocation(byteCount: 56, alignment: 8) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer.storeBytes(of: Int32(4), toByteOffset: 0, as: Int32.self)
            buffer.storeBytes(of: Int32(1), toByteOffset: 4, as: Int32.self)
            return body(UnsafeRawPointer(buffer.baseAddress))
        }
    }

    func compress(_ input: [UInt8]) throws(SamsaClientError) -> [UInt8] {
        let written: Int
        var output: [UInt8]
        (written, output) = Self.withPreferences { preferences in
            var output = [UInt8](repeating: 0, count: self.compressFrameBound(input.count, preferences))
            let written = input.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    self.compressFrame(target.baseAddress, target.count, source.baseAddress, source.count, preferences)
                }
            }
            return (written, output)
        }
        guard self.isError(written) == 0 else {
            throw .compressionFailed(codec: .lz4, reason: "LZ4F_compressFrame failed")
        }
        output.removeLast(output.count - written)
        return output
    }

    func decompress(_ input: [UInt8], limit: Int) throws(SamsaClientError) -> [UInt8] {
        var context: OpaquePointer?
        guard self.isError(self.createDecompressionContext(&context, 100)) == 0, let context else {
            throw .compressionFailed(codec: .lz4, reason: "LZ4F_createDecompressionContext failed")
        }
        defer { _ = self.freeDecompressionContext(context) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var consumed = 0
        var failed = false
        var finished = false
        input.withUnsafeBytes { source in
            while consumed < source.count && output.count <= limit {
                var sourceSize = source.count - consumed
                var targetSize = chunk.count
                let hint = chunk.withUnsafeMutableBytes { target in
                    self.decompressFrame(
                        context, target.baseAddress, &targetSize, source.baseAddress.map { $0 + consumed }, &sourceSize,
                        nil)
                }
                if self.isError(hint) != 0 {
                    failed = true
                    return
                }
                output.append(contentsOf: chunk[0..<targetSize])
                consumed += sourceSize
                if hint == 0 { finished = true }
                if sourceSize == 0 && targetSize == 0 { break }
            }
        }
        guard !failed else { throw .compressionFailed(codec: .lz4, reason: "not a valid LZ4 frame") }
        guard output.count <= limit else {
            throw .compressionFailed(codec: .lz4, reason: "decompressed data exceeds \(limit) bytes")
        }
        guard finished else { throw .compressionFailed(codec: .lz4, reason: "LZ4 frame is cut short") }
        return output
    }
}
