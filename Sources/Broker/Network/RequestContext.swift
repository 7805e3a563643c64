import KafkaProtocol

/// Who sent a request and how: the parsed request header plus the connection it came on.
struct RequestContext: Sendable {
    var apiKey: ApiKey
    var apiVersion: Int16
    var correlationId: Int32
    var clientId: String?
    var peer: String
}
