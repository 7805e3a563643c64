/// Why the server could not start or had to stop.
public enum MetadataServerError: Error, CustomStringConvertible {
    case cannotBind(address: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotBind(let address, let port, let reason):
            return
                "cannot listen on \(address):\(port) (\(reason)); stop whatever uses the port or set clientPort to a free one"
        }
    }
}
