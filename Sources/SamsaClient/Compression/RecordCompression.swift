import KafkaProtocol

/// The four Kafka compression codecs behind one switch. The libraries load on first use of their codec.
public enum RecordCompression {
    /// Most a batch may inflate to; stops a corrupt or hostile batch from exhausting memory.
    public static let defaultDecompressionLimit = 256 * 1024 * 1024

    public static func compress(_ input: [UInt8], codec: CompressionCodec) throws(SamsaClientError) -> [UInt8] {
        switch codec {
        case .none: input
        case .gzip: try Zlib.shared.get().compress(input)
        case .snappy: try Snappy.shared.get().compress(input)
        case .lz4: try LZ4.shared.get().compress(input)
        case .zstd: try Zstd.shared.get().compress(input)
        }
    }

    public static func decompress(
        _ input: [UInt8], codec: CompressionCodec, limit: Int = Self.defaultDecompressionLimit
    ) throws(SamsaClientError) -> [UInt8] {
        switch codec {
        case .none: input
        case .gzip: try Zlib.shared.get().decompress(input, limit: limit)
        case .snappy: try Snappy.shared.get().decompress(input, limit: limit)
        case .lz4: try LZ4.shared.get().decompress(input, limit: limit)
        case .zstd: try Zstd.shared.get().decompress(input, limit: limit)
        }
    }

    /// Whether the library for `codec` loads here (tests skip a codec whose library is absent).
    public static func isAvailable(_ codec: CompressionCodec) -> Bool {
        switch codec {
        case .none: true
        case .gzip: (try? Zlib.shared.get()) != nil
        case .snappy: (try? Snappy.shared.get()) != nil
        case .lz4: (try? LZ4.shared.get()) != nil
        case .zstd: (try? Zstd.shared.get()) != nil
        }
    }
}
