// DO NOT EDIT: generated from ApiVersionsResponse.json by samsa-codegen

import NIOCore

/// The ApiVersions response body (API key 18), versions 0-4 (flexible 3+). Generated from
/// ApiVersionsResponse.json.
public struct ApiVersionsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .apiVersions  // 18
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The top-level error code. (versions 0+)
    public var errorCode: Int16 = 0

    /// The APIs supported by the broker. (versions 0+)
    public var apiKeys: [ApiVersion] = []

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted.
    /// (versions 3+; tagged 3+, tag 0)
    public var supportedFeatures: [SupportedFeatureKey] = []

    /// The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A
    /// value of -1 is special and represents unknown epoch. (versions 3+; tagged 3+, tag 1)
    public var finalizedFeaturesEpoch: Int64 = -1

    /// List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >=
    /// 0. (versions 3+; tagged 3+, tag 2)
    public var finalizedFeatures: [FinalizedFeatureKey] = []

    /// Set by a KRaft controller if the required configurations for ZK migration are present. (versions 3+;
    /// tagged 3+, tag 3)
    public var zkMigrationReady: Bool = false

    public init(
        errorCode: Int16 = 0,
        apiKeys: [ApiVersion] = [],
        throttleTimeMs: Int32 = 0,
        supportedFeatures: [SupportedFeatureKey] = [],
        finalizedFeaturesEpoch: Int64 = -1,
        finalizedFeatures: [FinalizedFeatureKey] = [],
        zkMigrationReady: Bool = false
    ) {
        self.errorCode = errorCode
        self.apiKeys = apiKeys
        self.throttleTimeMs = throttleTimeMs
        self.supportedFeatures = supportedFeatures
        self.finalizedFeaturesEpoch = finalizedFeaturesEpoch
        self.finalizedFeatures = finalizedFeatures
        self.zkMigrationReady = zkMigrationReady
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ApiVersionsResponse", version, Self.validVersions)
        }
        let flexible = version >= 3
        self.errorCode = try buffer.readInt16(field: "ApiVersionsResponse.errorCode")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "ApiVersionsResponse.apiKeys")
            var items: [ApiVersion] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try ApiVersion(from: &buffer, version: version))
            }
            self.apiKeys = items
        }
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "ApiVersionsResponse.throttleTimeMs")
        }
        if flexible {
            let taggedFieldCount = try buffer.readUnsignedVarint(field: "ApiVersionsResponse tagged fields")
            for _ in 0..<taggedFieldCount {
                let tag = try buffer.readUnsignedVarint(field: "ApiVersionsResponse tagged fields")
                var value = try buffer.readTaggedFieldValue(field: "ApiVersionsResponse tagged fields")
                switch tag {
                case 0:
                    do {
                        let count = try value.readKafkaArrayCount(compact: true, field: "ApiVersionsResponse.supportedFeatures")
                        var items: [SupportedFeatureKey] = []
                        items.reserveCapacity(Swift.min(count, 1024))
                        for _ in 0..<count {
                            items.append(try SupportedFeatureKey(from: &value, version: version))
                        }
                        self.supportedFeatures = items
                    }
                case 1:
                    self.finalizedFeaturesEpoch = try value.readInt64(field: "ApiVersionsResponse.finalizedFeaturesEpoch")
                case 2:
                    do {
                        let count = try value.readKafkaArrayCount(compact: true, field: "ApiVersionsResponse.finalizedFeatures")
                        var items: [FinalizedFeatureKey] = []
                        items.reserveCapacity(Swift.min(count, 1024))
                        for _ in 0..<count {
                            items.append(try FinalizedFeatureKey(from: &value, version: version))
                        }
                        self.finalizedFeatures = items
                    }
                case 3:
                    self.zkMigrationReady = try value.readBool(field: "ApiVersionsResponse.zkMigrationReady")
                default:
                    break
                }
            }
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        buffer.writeInt16(self.errorCode)
        buffer.writeKafkaArrayCount(self.apiKeys.count, compact: flexible)
        for element in self.apiKeys {
            element.write(to: &buffer, version: version)
        }
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        if flexible {
            var taggedFieldCount: UInt32 = 0
            if !self.supportedFeatures.isEmpty { taggedFieldCount += 1 }
            if self.finalizedFeaturesEpoch != -1 { taggedFieldCount += 1 }
            if !self.finalizedFeatures.isEmpty { taggedFieldCount += 1 }
            if self.zkMigrationReady { taggedFieldCount += 1 }
            buffer.writeUnsignedVarint(taggedFieldCount)
            if !self.supportedFeatures.isEmpty {
                buffer.writeTaggedField(tag: 0) { value in
                    value.writeKafkaArrayCount(self.supportedFeatures.count, compact: true)
                    for element in self.supportedFeatures {
                        element.write(to: &value, version: version)
                    }
                }
            }
            if self.finalizedFeaturesEpoch != -1 {
                buffer.writeTaggedField(tag: 1) { value in
                    value.writeInt64(self.finalizedFeaturesEpoch)
                }
            }
            if !self.finalizedFeatures.isEmpty {
                buffer.writeTaggedField(tag: 2) { value in
                    value.writeKafkaArrayCount(self.finalizedFeatures.count, compact: true)
                    for element in self.finalizedFeatures {
                        element.write(to: &value, version: version)
                    }
                }
            }
            if self.zkMigrationReady {
                buffer.writeTaggedField(tag: 3) { value in
                    value.writeBool(self.zkMigrationReady)
                }
            }
        }
    }
}

extension ApiVersionsResponse {
    /// The APIs supported by the broker.
    public struct ApiVersion: Sendable, Hashable {
        /// The API index. (versions 0+)
        public var apiKey: Int16 = 0

        /// The minimum supported version, inclusive. (versions 0+)
        public var minVersion: Int16 = 0

        /// The maximum supported version, inclusive. (versions 0+)
        public var maxVersion: Int16 = 0

        public init(
            apiKey: Int16 = 0,
            minVersion: Int16 = 0,
            maxVersion: Int16 = 0
        ) {
            self.apiKey = apiKey
            self.minVersion = minVersion
            self.maxVersion = maxVersion
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 3
            self.apiKey = try buffer.readInt16(field: "ApiVersion.apiKey")
            self.minVersion = try buffer.readInt16(field: "ApiVersion.minVersion")
            self.maxVersion = try buffer.readInt16(field: "ApiVersion.maxVersion")
            if flexible {
                try buffer.skipTaggedFields(field: "ApiVersion tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 3
            buffer.writeInt16(self.apiKey)
            buffer.writeInt16(self.minVersion)
            buffer.writeInt16(self.maxVersion)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension ApiVersionsResponse {
    /// Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted.
    public struct SupportedFeatureKey: Sendable, Hashable {
        /// The name of the feature. (versions 3+)
        public var name: String = ""

        /// The minimum supported version for the feature. (versions 3+)
        public var minVersion: Int16 = 0

        /// The maximum supported version for the feature. (versions 3+)
        public var maxVersion: Int16 = 0

        public init(
            name: String = "",
            minVersion: Int16 = 0,
            maxVersion: Int16 = 0
        ) {
            self.name = name
            self.minVersion = minVersion
            self.maxVersion = maxVersion
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "SupportedFeatureKey.name")
            self.minVersion = try buffer.readInt16(field: "SupportedFeatureKey.minVersion")
            self.maxVersion = try buffer.readInt16(field: "SupportedFeatureKey.maxVersion")
            try buffer.skipTaggedFields(field: "SupportedFeatureKey tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeInt16(self.minVersion)
            buffer.writeInt16(self.maxVersion)
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ApiVersionsResponse {
    /// List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >=
    /// 0.
    public struct FinalizedFeatureKey: Sendable, Hashable {
        /// The name of the feature. (versions 3+)
        public var name: String = ""

        /// The cluster-wide finalized max version level for the feature. (versions 3+)
        public var maxVersionLevel: Int16 = 0

        /// The cluster-wide finalized min version level for the feature. (versions 3+)
        public var minVersionLevel: Int16 = 0

        public init(
            name: String = "",
            maxVersionLevel: Int16 = 0,
            minVersionLevel: Int16 = 0
        ) {
            self.name = name
            self.maxVersionLevel = maxVersionLevel
            self.minVersionLevel = minVersionLevel
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "FinalizedFeatureKey.name")
            self.maxVersionLevel = try buffer.readInt16(field: "FinalizedFeatureKey.maxVersionLevel")
            self.minVersionLevel = try buffer.readInt16(field: "FinalizedFeatureKey.minVersionLevel")
            try buffer.skipTaggedFields(field: "FinalizedFeatureKey tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeInt16(self.maxVersionLevel)
            buffer.writeInt16(self.minVersionLevel)
            buffer.writeEmptyTaggedFields()
        }
    }
}
