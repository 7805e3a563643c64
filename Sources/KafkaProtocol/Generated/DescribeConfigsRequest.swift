// DO NOT EDIT: generated from DescribeConfigsRequest.json by samsa-codegen

import NIOCore

/// The DescribeConfigs request body (API key 32), versions 0-4 (flexible 4+). Generated from
/// DescribeConfigsRequest.json.
public struct DescribeConfigsRequest: KafkaRequest, Hashable {
    public typealias Response = DescribeConfigsResponse
    public static let apiKey: ApiKey = .describeConfigs  // 32
    public static let validVersions: ClosedRange<Int16> = 0...4
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 4...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 4 }

    /// The resources whose configurations we want to describe. (versions 0+)
    public var resources: [DescribeConfigsResource] = []

    /// True if we should include all synonyms. (versions 1+)
    public var includeSynonyms: Bool = false

    /// True if we should include configuration documentation. (versions 3+)
    public var includeDocumentation: Bool = false

    public init(
        resources: [DescribeConfigsResource] = [],
        includeSynonyms: Bool = false,
        includeDocumentation: Bool = false
    ) {
        self.resources = resources
        self.includeSynonyms = includeSynonyms
        self.includeDocumentation = includeDocumentation
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeConfigsRequest", version, Self.validVersions)
        }
        let flexible = version >= 4
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "DescribeConfigsRequest.resources")
            var items: [DescribeConfigsResource] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try DescribeConfigsResource(from: &buffer, version: version))
            }
            self.resources = items
        }
        if version >= 1 {
            self.includeSynonyms = try buffer.readBool(field: "DescribeConfigsRequest.includeSynonyms")
        }
        if version >= 3 {
            self.includeDocumentation = try buffer.readBool(field: "DescribeConfigsRequest.includeDocumentation")
        }
        if flexible {
            try buffer.skipTaggedFields(field: "DescribeConfigsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 4
        buffer.writeKafkaArrayCount(self.resources.count, compact: flexible)
        for element in self.resources {
            element.write(to: &buffer, version: version)
        }
        if version >= 1 {
            buffer.writeBool(self.includeSynonyms)
        }
        if version >= 3 {
            buffer.writeBool(self.includeDocumentation)
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension DescribeConfigsRequest {
    /// The resources whose configurations we want to describe.
    public struct DescribeConfigsResource: Sendable, Hashable {
        /// The resource type. (versions 0+)
        public var resourceType: Int8 = 0

        /// The resource name. (versions 0+)
        public var resourceName: String = ""

        /// The configuration keys to list, or null to list all configuration keys. (versions 0+; nullable 0+)
        public var configurationKeys: [String]? = nil

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            configurationKeys: [String]? = nil
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configurationKeys = configurationKeys
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 4
            self.resourceType = try buffer.readInt8(field: "DescribeConfigsResource.resourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResource.resourceName")
            if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "DescribeConfigsResource.configurationKeys") {
                var items: [String] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "DescribeConfigsResource.configurationKeys"))
                }
                self.configurationKeys = items
            } else {
                self.configurationKeys = nil
            }
            if flexible {
                try buffer.skipTaggedFields(field: "DescribeConfigsResource tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 4
            buffer.writeInt8(self.resourceType)
            buffer.writeKafkaString(self.resourceName, compact: flexible)
            buffer.writeKafkaNullableArrayCount(self.configurationKeys?.count, compact: flexible)
            for element in self.configurationKeys ?? [] {
                buffer.writeKafkaString(element, compact: flexible)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
