/// One `host:port` of a connect string.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port[,host:port...]` (port defaults to 2181), as ZooKeeper's clients do.
    public static func parse(connectString: String) throws(ZooKeeperClientError) -> [ServerAddress] {
        var result: [ServerAddress] = []
        for part in connectString.split(separator: ",") {
            let trimmed = part.filter { $0 != " " }
            guard !trimmed.isEmpty, !trimmed.contains("/") else { throw .badConnectString(connectString) }
            if let colon = trimmed.lastIndex(of: ":") {
                guard let port = Int(trimmed[trimmed.index(after: colon)...]), (1...65535).contains(port) else {
                    throw .badConnectString(connectString)
                }
                result.append(ServerAddress(host: String(trimmed[..<colon]), port: port))
            } else {
                result.append(ServerAddress(host: String(trimmed), port: 2181))
            }
        }
        guard !result.isEmpty else { throw .badConnectString(connectString) }
        return result
    }

    public var description: String { "\(self.host):\(self.port)" }
}
