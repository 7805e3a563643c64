import KafkaProtocol

/// ApiVersions: the first request of every connection; tells the client which versions of each
/// API this broker speaks.
enum ApiVersionsHandler {
    static func handle(_ request: ApiVersionsRequest, context: RequestContext) -> ApiVersionsResponse {
        Self.response(errorCode: .none)
    }

    static func response(errorCode: ErrorCode) -> ApiVersionsResponse {
        let keys = SupportedApis.versions.sorted { $0.key.rawValue < $1.key.rawValue }.map { key, range in
            ApiVersionsResponse.ApiVersion(
                apiKey: key.rawValue, minVersion: range.lowerBound, maxVersion: range.upperBound)
        }
        // No tagged fields (features): librdkafka before 2.2 misreads them (reference/README.md).
        return ApiVersionsResponse(errorCode: errorCode.rawValue, apiKeys: keys, throttleTimeMs: 0)
    }
}
