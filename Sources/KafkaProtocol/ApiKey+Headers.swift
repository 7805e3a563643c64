/// Which header version goes with which API version (KIP-482, KIP-511).
extension ApiKey {
    /// The `RequestHeader` version in front of a request of `apiVersion`: 2 (with tagged fields) when the
    /// version is flexible, else 1 (with a client id). ControlledShutdown v0 alone uses v0, without a client id.
    public func requestHeaderVersion(for apiVersion: Int16) -> Int16 {
        if self == .controlledShutdown && apiVersion == 0 { return 0 }
        return self.isFlexible(version: apiVersion) ? 2 : 1
    }

    /// The `ResponseHeader` version in front of a response of `apiVersion`: 1 (with tagged fields) when the
    /// version is flexible, else 0.
    ///
    /// ApiVersions responses always use v0, even for v3+: a client that does not yet know which versions the
    /// broker speaks must still be able to read the reply (KIP-511). librdkafka fails on a tag byte here.
    public func responseHeaderVersion(for apiVersion: Int16) -> Int16 {
        if self == .apiVersions { return 0 }
        return self.isFlexible(version: apiVersion) ? 1 : 0
    }
}
