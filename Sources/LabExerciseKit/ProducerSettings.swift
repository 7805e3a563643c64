import KafkaProtocol
import SamsaClient

/// Lab 6: the producer settings a student chooses, with Kafka's config names.
public struct ProducerSettings: Sendable, Hashable, CustomStringConvertible {
    /// `acks`: "0", "1" or "all".
    public var acks: String
    /// `linger.ms`.
    public var lingerMs: Int
    /// `batch.size` in bytes.
    public var batchSize: Int
    /// `compression.type`: "none", "gzip", "snappy", "lz4" or "zstd".
    public var compression: String

    public init(acks: String = "all", lingerMs: Int = 5, batchSize: Int = 16_384, compression: String = "none") {
        self.acks = acks
        self.lingerMs = lingerMs
        self.batchSize = batchSize
        self.compression = compression
    }

    public var description: String {
        "acks=\(self.acks) linger.ms=\(self.lingerMs) batch.size=\(self.batchSize) compression.type=\(self.compression)"
    }

    /// The SamsaClient configuration these settings describe; nil names the setting that is not valid.
    public func producerConfiguration() -> Result<ProducerConfiguration, InvalidProducerSetting> {
        var configuration = ProducerConfiguration()
        switch self.acks.lowercased() {
        case "0": configuration.acks = .none
        case "1": configuration.acks = .leader
        case "all", "-1": configuration.acks = .all
        default: return .failure(InvalidProducerSetting(name: "acks", value: self.acks))
        }
        guard self.lingerMs >= 0 else {
            return .failure(InvalidProducerSetting(name: "linger.ms", value: "\(self.lingerMs)"))
        }
        configuration.linger = .milliseconds(self.lingerMs)
        guard self.batchSize > 0 else {
            return .failure(InvalidProducerSetting(name: "batch.size", value: "\(self.batchSize)"))
        }
        configuration.batchSize = self.batchSize
        guard let codec = CompressionCodec.allCases.first(where: { "\($0)" == self.compression.lowercased() }) else {
            return .failure(InvalidProducerSetting(name: "compression.type", value: self.compression))
        }
        configuration.compression = codec
        return .success(configuration)
    }
}

public struct InvalidProducerSetting: Error, Sendable, Hashable {
    public var name: String
    public var value: String
}
