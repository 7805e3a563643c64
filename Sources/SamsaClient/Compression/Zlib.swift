import KafkaProtocol

/// gzip (Kafka codec 1) through zlib's deflate/inflate, loaded from `libz.so.1` at run time.
///
/// `@unchecked Sendable`: only immutable C function pointers, resolved once.
struct Zlib: @unchecked Sendable {
    /// zlib's `z_stream` on LP64 platforms (112 bytes), declared field by field in C order.
    struct Stream {
        var nextIn: UnsafeMutablePointer<UInt8>? = nil
        var availIn: UInt32 = 0
        var totalIn: UInt = 0
        var nextOut: UnsafeMutablePointer<UInt8>? = nil
        var availOut: UInt32 = 0
        var totalOut: UInt = 0
        var msg: UnsafePointer<CChar>? = nil
        var state: UnsafeMutableRawPointer? = nil
        var zalloc: UnsafeMutableRawPointer? = nil
        var zfree: UnsafeMutableRawPointer? = nil
        var opaque: UnsafeMutableRawPointer? = nil
        var dataType: Int32 = 0
        var adler: UInt = 0
        var reserved: UInt = 0
    }

    typealias StreamPointer = UnsafeMutablePointer<Stream>
    private let version: @convention(c) () -> UnsafePointer<CChar>?
    private let deflateInit2:
        @convention(c) (UnsafeMutableRawPointer, Int32, Int32, Int32, Int32, Int32, UnsafePointer<CChar>?, Int32) ->
            Int32
    private let deflate: @convention(c) (UnsafeMutableRawPointer, Int32) -> Int32
    private let deflateEnd: @convention(c) (UnsafeMutableRawPointer) -> Int32
    private let deflateBound: @convention(c) (UnsafeMutableRawPointer, UInt) -> UInt
    private let inflateInit2: @convention(c) (UnsafeMutableRawPointer, Int32, UnsafePointer<CChar>?, Int32) -> Int32
    private let inflate: @convention(c) (UnsafeMutableRawPointer, Int32) -> Int32
    private let inflateEnd: @convention(c) (UnsafeMutableRawPointer) -> Int32

    static let shared: Result<Zlib, SamsaClientError> = Result { () throws(SamsaClientError) -> Zlib in try Zlib() }

    private init() throws(SamsaClientError) {
        let library = try DynamicLibrary(
            codec: .gzip, names: ["libz.so.1", "libz.so", "libz.dylib"], debianPackage: "zlib1g")
        self.version = try library.function(
            "zlibVersion", as: (@convention(c) () -> UnsafePointer<CChar>?).self, codec: .gzip)
        self.deflateInit2 = try library.function(
            "deflateInit2_",
            as: (@convention(c) (
                UnsafeMutableRawPointer, Int32, Int32, Int32, Int32, Int32, UnsafePointer<CChar>?, Int32
            ) -> Int32).self,
            codec: .gzip)
        self.deflate = try library.function(
            "deflate", as: (@convention(c) (UnsafeMutableRawPointer, Int32) -> Int32).self, codec: .gzip)
        self.deflateEnd = try library.function(
            "deflateEnd", as: (@convention(c) (UnsafeMutableRawPointer) -> Int32).self, codec: .gzip)
        self.deflateBound = try library.function(
            "deflateBound", as: (@convention(c) (UnsafeMutableRawPointer, UInt) -> UInt).self, codec: .gzip)
        self.inflateInit2 = try library.function(
            "inflateInit2_",
            as: (@convention(c) (UnsafeMutableRawPointer, Int32, UnsafePointer<CChar>?, Int32) -> Int32).self,
            codec: .gzip)
        self.inflate = try library.function(
            "inflate", as: (@convention(c) (UnsafeMutableRawPointer, Int32) -> Int32).self, codec: .gzip)
        self.inflateEnd = try library.function(
            "inflateEnd", as: (@convention(c) (UnsafeMutableRawPointer) -> Int32).self, codec: .gzip)
    }

    /// gzip-framed deflate (window bits 15 + 16), as Java's `GZIPOutputStream`.
    ///
    /// The stream lives on the heap: zlib keeps a pointer back to it and checks it on every call.
    func compress(_ input: [UInt8], level: Int32 = -1) throws(SamsaClientError) -> [UInt8] {
        let stream = StreamPointer.allocate(capacity: 1)
        stream.initialize(to: Stream())
        defer { stream.deallocate() }
        guard
            self.deflateInit2(
                UnsafeMutableRawPointer(stream), level, 8, 31, 8, 0, self.version(), Int32(MemoryLayout<Stream>.size))
                == 0
        else {
            throw .compressionFailed(codec: .gzip, reason: "deflateInit2 failed")
        }
        defer { _ = self.deflateEnd(UnsafeMutableRawPointer(stream)) }
        let bound = Int(self.deflateBound(UnsafeMutableRawPointer(stream), UInt(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var input = input
        let result: Int32 = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.nextIn = source.baseAddress
                stream.pointee.availIn = UInt32(source.count)
                stream.pointee.nextOut = target.baseAddress
                stream.pointee.availOut = UInt32(target.count)
                return self.deflate(UnsafeMutableRawPointer(stream), 4)  // Z_FINISH
            }
        }
        guard result == 1 else { throw .compressionFailed(codec: .gzip, reason: "deflate returned \(result)") }
        output.removeLast(output.count - Int(stream.pointee.totalOut))
        return output
    }

    /// Inflates gzip or zlib data (window bits 15 + 32: detect the header), concatenated gzip members included.
    func decompress(_ input: [UInt8], limit: Int) throws(SamsaClientError) -> [UInt8] {
        let stream = StreamPointer.allocate(capacity: 1)
        stream.initialize(to: Stream())
        defer { stream.deallocate() }
        let size = Int32(MemoryLayout<Stream>.size)
        guard self.inflateInit2(UnsafeMutableRawPointer(stream), 47, self.version(), size) == 0 else {
            throw .compressionFailed(codec: .gzip, reason: "inflateInit2 failed")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(64 * 1024, min(limit, input.count * 4)))
        var input = input
        var status: Int32 = 0
        input.withUnsafeMutableBufferPointer { source in
            stream.pointee.nextIn = source.baseAddress
            stream.pointee.availIn = UInt32(source.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    stream.pointee.nextOut = target.baseAddress
                    stream.pointee.availOut = UInt32(target.count)
                    status = self.inflate(UnsafeMutableRawPointer(stream), 0)
                    return target.count - Int(stream.pointee.availOut)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == 1 && stream.pointee.availIn > 0 {
                    // Another gzip member follows; Java's GZIPInputStream reads them all.
                    let next = stream.pointee.nextIn
                    let available = stream.pointee.availIn
                    _ = self.inflateEnd(UnsafeMutableRawPointer(stream))
                    stream.pointee = Stream()
                    guard self.inflateInit2(UnsafeMutableRawPointer(stream), 47, self.version(), size) == 0 else {
                        status = -2
                        return
                    }
                    stream.pointee.nextIn = next
                    stream.pointee.availIn = available
                    continue
                }
                if status != 0 || output.count > limit { return }
                if produced == 0 && stream.pointee.availIn == 0 {
                    status = -5
                    return
                }
            }
        }
        _ = self.inflateEnd(UnsafeMutableRawPointer(stream))
        guard output.count <= limit else {
            throw .compressionFailed(codec: .gzip, reason: "decompressed data exceeds \(limit) bytes")
        }
        guard status == 1 else { throw .compressionFailed(codec: .gzip, reason: "inflate returned \(status)") }
        return output
    }
}
