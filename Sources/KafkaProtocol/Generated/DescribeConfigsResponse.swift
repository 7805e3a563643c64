// DO NOT EDIT: generated from DescribeConfigsResponse.json by samsa-codegen

import NIOCore

/// The DescribeConfigs response body (API key 32), versions 0-4 (flexible 4+). Generated from
/// DescribeConfigsResponse.json.
public struct DescribeConfigsResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .describeConfigs  // 32
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 0+)
    public var throttleTimeMs: Int32 = 0

    /// The results for each resource. (versions 0+)
    public var results: [DescribeConfigsResult] = []

    public init(
        throttleTimeMs: Int32 = 0,
        results: [DescribeConfigsResult] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeConfigsResponse", version, Self.validVersions)
        }
        let flexible = version >= 4
        self.throttleTimeMs = try buffer.readInt32(field: "DescribeConfigsResponse.throttleTimeMs")
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeConfigsResponse.results")
            var items: [DescribeConfigsResult] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DescribeConfigsResult(from: &buffer, version: version))
            }
            self.results = items
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DescribeConfigsResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeInt32(self.throttleTimeMs)
        buffer.writeKafkaArrayCount(self.results.count, compact: flexible)
        for element in self.results {
            element.write(to: &buffer, version: version)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DescribeConfigsResponse {
    /// The results for each resource.
    public struct DescribeConfigsResult: Sendable, Hashable {
        /// The error code, or 0 if we were able to successfully describe the configurations. (versions 0+)
        public var errorCode: Int16 = 0

        /// The error message, or null if we were able to successfully describe the configurations. (versions
        /// 0+; nullable 0+)
        public var errorMessage: String? = nil

        /// The resource type. (versions 0+)
        public var resourceType: Int8 = 0

        /// The resource name. (versions 0+)
        public var resourceName: String = ""

        /// Each listed configuration. (versions 0+)
        public var configs: [DescribeConfigsResourceResult] = []

        public init(
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            resourceType: Int8 = 0,
            resourceName: String = "",
            configs: [DescribeConfigsResourceResult] = []
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configs = configs
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.errorCode = try buffer.readInt16(field: "DescribeConfigsResult.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResult.errorMessage")
            self.resourceType = try buffer.readInt8(field: "DescribeConfigsResult.resourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResult.resourceName")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeConfigsResult.configs")
                var items: [DescribeConfigsResourceResult] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try DescribeConfigsResourceResult(from: &buffer, version: version))
                }
                self.configs = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DescribeConfigsResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeInt8(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeKafkaArrayCount(self.configs.count, compact: flexible)
            for element in self.configs {
                element.write(to: &buffer, version: version)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension DescribeConfigsResponse {
    /// Each listed configuration.
    public struct DescribeConfigsResourceResult: Sendable, Hashable {
        /// The configuration name. (versions 0+)
        public var name: String = ""

        /// The configuration value. (versions 0+; nullable 0+)
        public var value: String? = nil

        /// True if the configuration is read-only. (versions 0+)
        public var readOnly: Bool = false

        /// True if the configuration is not set. (versions 0)
        public var isDefault: Bool = false

        /// The configuration source. (versions 1+)
        public var configSource: Int8 = -1

        /// True if this configuration is sensitive. (versions 0+)
        public var isSensitive: Bool = false

        /// The synonyms for this configuration key. (versions 1+)
        public var synonyms: [DescribeConfigsSynonym] = []

        /// The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT,
        /// LONG, DOUBLE, LIST, CLASS, PASSWORD. (versions 3+)
        public var configType: Int8 = 0

        /// The configuration documentation. (versions 3+; nullable 0+)
        public var documentation: String? = nil

        public init(
            name: String = "",
            value: String? = nil,
            readOnly: Bool = false,
            isDefault: Bool = false,
            configSource: Int8 = -1,
            isSensitive: Bool = false,
            synonyms: [DescribeConfigsSynonym] = [],
            configType: Int8 = 0,
            documentation: String? = nil
        ) {
            self.name = name
            self.value = value
            self.readOnly = readOnly
            self.isDefault = isDefault
            self.configSource = configSource
            self.isSensitive = isSensitive
            self.synonyms = synonyms
            self.configType = configType
            self.documentation = documentation
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.name = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResourceResult.name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResourceResult.value")
            self.readOnly = try buffer.readBool(field: "DescribeConfigsResourceResult.readOnly")
            if version <= 0 {
                self.isDefault = try buffer.readBool(field: "DescribeConfigsResourceResult.isDefault")
            }
            if version >= 1 {
                self.configSource = try buffer.readInt8(field: "DescribeConfigsResourceResult.configSource")
            }
            self.isSensitive = try buffer.readBool(field: "DescribeConfigsResourceResult.isSensitive")
            if version >= 1 {
                do {
                    let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeConfigsResourceResult.synonyms")
                    var items: [DescribeConfigsSynonym] = []
                    items.reserveCapacity(Swift.min(count, 1024))
                    for _ in 0..<count {
                        items.append(try DescribeConfigsSynonym(from: &buffer, version: version))
                    }
                    self.synonyms = items
                }
            }
            if version >= 3 {
                self.configType = try buffer.readInt8(field: "DescribeConfigsResourceResult.configType")
            }
            if version >= 3 {
                self.documentation = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsResourceResult.documentation")
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DescribeConfigsResourceResult tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            buffer.writeBool(self.readOnly)
            if version <= 0 {
                buffer.writeBool(self.isDefault)
            }
            if version >= 1 {
                buffer.writeInt8(self.configSource)
            }
            buffer.writeBool(self.isSensitive)
            if version >= 1 {
                buffer.writeKafkaArrayCount(self.synonyms.count, compact: flexible)
                for element in self.synonyms {
                    element.write(to: &buffer, version: version)
                }
            }
            if version >= 3 {
                buffer.writeInt8(self.configType)
            }
            if version >= 3 {
                buffer.writeKafkaNullableString(self.documentation, compact: flexible)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}

extension DescribeConfigsResponse {
    /// The synonyms for this configuration key.
    public struct DescribeConfigsSynonym: Sendable, Hashable {
        /// The synonym name. (versions 1+)
        public var name: String = ""

        /// The synonym value. (versions 1+; nullable 0+)
        public var value: String? = nil

        /// The synonym source. (versions 1+)
        public var source: Int8 = 0

        public init(
            name: String = "",
            value: String? = nil,
            source: Int8 = 0
        ) {
            self.name = name
            self.value = value
            self.source = source
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.name = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsSynonym.name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeConfigsSynonym.value")
            self.source = try buffer.readInt8(field: "DescribeConfigsSynonym.source")
            if flexible {
                try buffer.skipTaggedFields(field: "DescribeConfigsSynonym tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            buffer.writeInt8(self.source)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
