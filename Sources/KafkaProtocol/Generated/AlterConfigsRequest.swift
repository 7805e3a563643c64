// DO NOT EDIT: generated from AlterConfigsRequest.json by samsa-codegen

import NIOCore

/// The AlterConfigs request body (API key 33), versions 0-2 (flexible 2+). Generated from
/// AlterConfigsRequest.json.
public struct AlterConfigsRequest: KafkaRequest, Hashable {
    public typealias Response = AlterConfigsResponse
    public static let apiKey: ApiKey = .alterConfigs  // 33
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// The updates for each resource. (versions 0+)
    public var resources: [AlterConfigsResource] = []

    /// True if we should validate the request, but not change the configurations. (versions 0+)
    public var validateOnly: Bool = false

    public init(
        resources: [AlterConfigsResource] = [],
        validateOnly: Bool = false
    ) {
        self.resources = resources
        self.validateOnly = validateOnly
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("AlterConfigsRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        do {
            let count = try buffer.readKafkaArrayCount(compact: flexible, field: "AlterConfigsRequest.resources")
            var items: [AlterConfigsResource] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try AlterConfigsResource(from: &buffer, version: version))
            }
            self.resources = items
        }
        self.validateOnly = try buffer.readBool(field: "AlterConfigsRequest.validateOnly")
        if flexible {
            try buffer.skipTaggedFields(field: "AlterConfigsRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        buffer.writeKafkaArrayCount(self.resources.count, compact: flexible)
        for element in self.resources {
            element.write(to: &buffer, version: version)
        }
        buffer.writeBool(self.validateOnly)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension AlterConfigsRequest {
    /// The updates for each resource.
    public struct AlterConfigsResource: Sendable, Hashable {
        /// The resource type. (versions 0+)
        public var resourceType: Int8 = 0

        /// The resource name. (versions 0+)
        public var resourceName: String = ""

        /// The configurations. (versions 0+)
        public var configs: [AlterableConfig] = []

        public init(
            resourceType: Int8 = 0,
            resourceName: String = "",
            configs: [AlterableConfig] = []
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.configs = configs
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.resourceType = try buffer.readInt8(field: "AlterConfigsResource.resourceType")
            self.resourceName = try buffer.readKafkaString(compact: flexible, field: "AlterConfigsResource.resourceName")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "AlterConfigsResource.configs")
                var items: [AlterableConfig] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try AlterableConfig(from: &buffer, version: version))
                }
                self.configs = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "AlterConfigsResource tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
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

extension AlterConfigsRequest {
    /// The configurations.
    public struct AlterableConfig: Sendable, Hashable {
        /// The configuration key name. (versions 0+)
        public var name: String = ""

        /// The value to set for the configuration key. (versions 0+; nullable 0+)
        public var value: String? = nil

        public init(
            name: String = "",
            value: String? = nil
        ) {
            self.name = name
            self.value = value
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.name = try buffer.readKafkaString(compact: flexible, field: "AlterableConfig.name")
            self.value = try buffer.readKafkaNullableString(compact: flexible, field: "AlterableConfig.value")
            if flexible {
                try buffer.skipTaggedFields(field: "AlterableConfig tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeKafkaNullableString(self.value, compact: flexible)
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
