/// Which process of a local cluster: the metadata server (`samsa-meta`) or broker N.
public enum ClusterRole: Hashable, Sendable, CustomStringConvertible, Comparable {
    case metadataServer
    case broker(Int)

    /// Human name used in every message: "metadata server", "broker 2".
    public var description: String {
        switch self {
        case .metadataServer: return "metadata server"
        case .broker(let id): return "broker \(id)"
        }
    }

    /// The executable that plays this role.
    public var executableName: String {
        switch self {
        case .metadataServer: return "samsa-meta"
        case .broker: return "samsa-broker"
        }
    }

    public var brokerID: Int? {
        if case .broker(let id) = self { return id }
        return nil
    }

    /// Metadata server first, then brokers by id: the order processes start in.
    public static func < (lhs: ClusterRole, rhs: ClusterRole) -> Bool {
        switch (lhs, rhs) {
        case (.metadataServer, .broker): return true
        case (.broker(let a), .broker(let b)): return a < b
        default: return false
        }
    }
}

/// In `cluster.json` a role is one readable string: `"metadata-server"` or `"broker-2"`.
extension ClusterRole: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == "metadata-server" {
            self = .metadataServer
        } else if text.hasPrefix("broker-"), let id = Int(text.dropFirst("broker-".count)) {
            self = .broker(id)
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "role '\(text)' is not metadata-server or broker-N"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .metadataServer: try container.encode("metadata-server")
        case .broker(let id): try container.encode("broker-\(id)")
        }
    }
}
