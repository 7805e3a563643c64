import KafkaProtocol

/// snappy (Kafka codec 2) from `libsnappy.so.1`, in the xerial framing Kafka's Java client writes (a 16-byte
/// header, then blocks each prefixed by a big-endian length). Plain unframed snappy, as some clients send, is
/// read too.
///
/// `@unchecked Sendable`: only immutable C function pointers, resolved once.
struct Snappy: @unchecked Sendable {
    static let xerialMagic: [UInt8] = [0x82, 0x53, 0x4E, 0x41, 0x50, 0x50, 0x59, 0x00]
    /// Java's `SnappyOutputStream` default block size.
    static let blockSize = 32 * 1024

    private let compressRaw:
        @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?) -> Int32
    private let uncompressRaw:
        @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?) -> Int32
    private let maxCompressedLength: @convention(c) (Int) -> Int
    private let uncompressedLength: @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32

    static let shared: Result<Snappy, SamsaClientError> = Result { () throws(SamsaClientError) -> Snappy in try Snappy()
    }

    private init() throws(SamsaClientError) {
        let library = try DynamicLibrary(
            codec: .snappy, names: ["libsnappy.so.1", "libsnappy.so", "libsnappy.dylib"], debianPackage: "libsnappy1v5")
        typealias Raw =
            @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?) ->
            Int32
        self.compressRaw = try library.function("snappy_compress", as: Raw.self, codec: .snappy)
        self.uncompressRaw = try library.function("snappy_uncompress", as: Raw.self, codec: .snappy)
        self.maxCompressedLength = try library.function(
            "snappy_max_compressed_length", as: (@convention(c) (Int) -> Int).self, codec: .snappy)
        self.uncompressedLength = try library.function(
            "snappy_uncompressed_length",
            as: (@convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32).self, codec: .snappy)
    }

    func compress(_ input: [UInt8]) throws(SamsaClientError) -> [UInt8] {
        var output = Self.xerialMagic
        output.append(contentsOf: [0, 0, 0, 1, 0, 0, 0, 1])  // version 1, compatible version 1
        var start = 0
        while start < input.count || (start == 0 && input.isEmpty) {
            let end = min(input.count, start + Self.blockSize)
            let block = try self.compressBlock(input[start..<end])
            let length = UInt32(block.count)
            output.append(contentsOf: [
                UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF),
            ])
            output.append(contentsOf: block)
            if input.isEmpty { break }
            start = end
        }
        return output
    }

    private func compressBlock(_ input: ArraySlice<UInt8>) throws(SamsaClientError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: self.maxCompressedLength(input.count))
        var length = output.count
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                self.compressRaw(source.baseAddress, source.count, target.baseAddress, &length)
            }
        }
        guard status == 0 else {
            throw .compressionFailed(codec: .snappy, reason: "snappy_compress returned \(status)")
        }
        output.removeLast(output.count - length)
        return output
    }

    func decompress(_ input: [UInt8], limit: Int) throws(SamsaClientError) -> [UInt8] {
        guard input.count >= 16, Array(input[0..<8]) == Self.xerialMagic else {
            return try self.decompressBlock(input[...], limit: limit)
        }
        var output: [UInt8] = []
        var index = 16
        while index < input.count {
            guard index + 4 <= input.count else {
                throw .compressionFailed(codec: .snappy, reason: "xerial block length cut short")
            }
            let length =
                Int(input[index]) << 24 | Int(input[index + 1]) << 16 | Int(input[index + 2]) << 8
                | Int(input[index + 3])
            index += 4
            guard length >= 0, index + length <= input.count else {
                throw .compressionFailed(codec: .snappy, reason: "xerial block of \(length) bytes runs past the data")
            }
            output.append(
                contentsOf: try self.decompressBlock(input[index..<(index + length)], limit: limit - output.count))
            index += length
        }
        return output
    }

    private func decompressBlock(_ input: ArraySlice<UInt8>, limit: Int) throws(SamsaClientError) -> [UInt8] {
        var length = 0
        let status = input.withUnsafeBufferPointer { self.uncompressedLength($0.baseAddress, $0.count, &length) }
        guard status == 0 else { throw .compressionFailed(codec: .snappy, reason: "not snappy data") }
        guard length <= limit else {
            throw .compressionFailed(codec: .snappy, reason: "decompressed data exceeds \(limit) bytes")
        }
        var output = [UInt8](repeating: 0, count: length)
        let result = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                self.uncompressRaw(source.baseAddress, source.count, target.baseAddress, &length)
            }
        }
        guard result == 0 else {
            throw .compressionFailed(codec: .snappy, reason: "snappy_uncompress returned \(result)")
        }
        return output
    }
}
