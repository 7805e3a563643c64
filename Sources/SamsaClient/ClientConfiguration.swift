import Logging

/// Settings every SamsaClient part shares, named after Kafka's client configs.
public struct ClientConfiguration: Sendable {
    /// `bootstrap.servers`: where to ask for the cluster's metadata first.
    public var bootstrapServers: [BrokerAddress]
    /// `client.id`, sent in every request header so broker logs can tell clients apart.
    public var clientId: String
    /// `request.timeout.ms`: how long to wait for any one response before closing the connection.
    public var requestTimeout: Duration
    /// `socket.connection.setup.timeout.ms`.
    public var connectTimeout: Duration
    /// `metadata.max.age.ms`: metadata older than this is refreshed before use.
    public var metadataMaxAge: Duration
    /// `retry.backoff.ms`: pause between retries of a failed request.
    public var retryBackoff: Duration
    /// How many times metadata-level operations are retried on retriable errors.
    public var retries: Int
    public var logger: Logger

    public init(
        bootstrapServers: String,
        clientId: String = "samsa-client",
        requestTimeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        metadataMaxAge: Duration = .seconds(300),
        retryBackoff: Duration = .milliseconds(100),
        retries: Int = 10,
        logger: Logger = Logger(label: "samsa.client")
    ) throws(SamsaClientError) {
        self.bootstrapServers = try BrokerAddress.parseList(bootstrapServers)
        self.clientId = clientId
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.metadataMaxAge = metadataMaxAge
        self.retryBackoff = retryBackoff
        self.retries = retries
        self.logger = logger
    }
}
