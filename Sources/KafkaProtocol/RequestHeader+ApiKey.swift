extension RequestHeader {
    /// A header for `apiVersion` of `apiKey`.
    public init(apiKey: ApiKey, apiVersion: Int16, correlationId: Int32, clientId: String?) {
        self.init(
            requestApiKey: apiKey.rawValue, requestApiVersion: apiVersion, correlationId: correlationId,
            clientId: clientId)
    }

    /// The API this request is for; `nil` for a key Kafka does not define.
    public var apiKey: ApiKey? { ApiKey(rawValue: self.requestApiKey) }

    /// The header version this header is encoded with, from its own API key and version.
    ///
    /// An unknown API key is read as v1 (no tagged fields), so the correlation id can still be answered.
    public var headerVersion: Int16 {
        self.apiKey?.requestHeaderVersion(for: self.requestApiVersion) ?? 1
    }
}
