/// A broker's `host:port`, as written in `bootstrap.servers` and returned by Metadata.
public struct BrokerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { "\(self.host):\(self.port)" }

    /// Parses `host:port[,host:port...]`; a missing port means 9092, Kafka's default.
    public static func parseList(_ text: String) throws(SamsaClientError) -> [BrokerAddress] {
        var result: [BrokerAddress] = []
        for part in text.split(separator: ",") {
            var entry = part.trimmingSpaces()
            if let scheme = entry.firstIndex(of: "/"), entry[scheme...].hasPrefix("//"), entry[..<scheme].hasSuffix(":")
            {
                entry = String(entry[entry.index(scheme, offsetBy: 2)...])
            }
            guard !entry.isEmpty else { continue }
            if let colon = entry.lastIndex(of: ":") {
                let host = String(entry[..<colon])
                guard let port = Int(entry[entry.index(after: colon)...]), (1...65535).contains(port), !host.isEmpty
                else { throw .invalidBootstrap(text) }
                result.append(BrokerAddress(host: host, port: port))
            } else {
                result.append(BrokerAddress(host: entry, port: 9092))
            }
        }
        guard !result.isEmpty else { throw .invalidBootstrap(text) }
        return result
    }
}

extension Substring {
    /// Drops spaces and tabs at both ends (the client avoids Foundation).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
