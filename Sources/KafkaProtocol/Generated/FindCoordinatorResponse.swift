// DO NOT EDIT: generated from FindCoordinatorResponse.json by samsa-codegen

import NIOCore

/// The FindCoordinator response body (API key 10), versions 0-6 (flexible 3+). Generated from
/// FindCoordinatorResponse.json.
public struct FindCoordinatorResponse: KafkaResponse, Hashable {
    public static let apiKey: ApiKey = .findCoordinator  // 10
    public static let validVersions: ClosedRange<Int16> = 0...6
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 3...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 3 }

    /// The duration in milliseconds for which the request was throttled due to a quota violation, or zero
    /// if the request did not violate any quota. (versions 1+)
    public var throttleTimeMs: Int32 = 0

    /// The error code, or 0 if there was no error. (versions 0-3)
    public var errorCode: Int16 = 0

    /// The error message, or null if there was no error. (versions 1-3; nullable 1-3)
    public var errorMessage: String? = nil

    /// The node id. (versions 0-3)
    public var nodeId: Int32 = 0

    /// The host name. (versions 0-3)
    public var host: String = ""

    /// The port. (versions 0-3)
    public var port: Int32 = 0

    /// Each coordinator result in the response. (versions 4+)
    public var coordinators: [Coordinator] = []

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        nodeId: Int32 = 0,
        host: String = "",
        port: Int32 = 0,
        coordinators: [Coordinator] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.nodeId = nodeId
        self.host = host
        self.port = port
        self.coordinators = coordinators
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("FindCoordinatorResponse", version, Self.validVersions)
        }
        let flexible = version >= 3
        if version >= 1 {
            self.throttleTimeMs = try buffer.readInt32(field: "FindCoordinatorResponse.throttleTimeMs")
        }
        if version <= 3 {
            self.errorCode = try buffer.readInt16(field: "FindCoordinatorResponse.errorCode")
        }
        if version >= 1 && version <= 3 {
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "FindCoordinatorResponse.errorMessage")
        }
        if version <= 3 {
            self.nodeId = try buffer.readInt32(field: "FindCoordinatorResponse.nodeId")
        }
        if version <= 3 {
            self.host = try buffer.readKafkaString(compact: flexible, field: "FindCoordinatorResponse.host")
        }
        if version <= 3 {
            self.port = try buffer.readInt32(field: "FindCoordinatorResponse.port")
        }
        if version >= 4 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "FindCoordinatorResponse.coordinators")
                var items: [Coordinator] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try Coordinator(from: &buffer, version: version))
                }
                self.coordinators = items
            }
        }
        if flexible {
            try buffer.skipTaggedFields(field: "FindCoordinatorResponse tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 3
        if version >= 1 {
            buffer.writeInt32(self.throttleTimeMs)
        }
        if version <= 3 {
            buffer.writeInt16(self.errorCode)
        }
        if version >= 1 && version <= 3 {
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        }
        if version <= 3 {
            buffer.writeInt32(self.nodeId)
        }
        if version <= 3 {
            buffer.writeKafkaString(self.host, compact: flexible)
        }
        if version <= 3 {
            buffer.writeInt32(self.port)
        }
        if version >= 4 {
            buffer.writeKafkaArrayCount(self.coordinators.count, compact: true)
            for element in self.coordinators {
                element.write(to: &buffer, version: version)
            }
        }
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension FindCoordinatorResponse {
    /// Each coordinator result in the response
    public struct Coordinator: Sendable, Hashable {
        /// The coordinator key. (versions 4+)
        public var key: String = ""

        /// The node id. (versions 4+)
        public var nodeId: Int32 = 0

        /// The host name. (versions 4+)
        public var host: String = ""

        /// The port. (versions 4+)
        public var port: Int32 = 0

        /// The error code, or 0 if there was no error. (versions 4+)
        public var errorCode: Int16 = 0

        /// The error message, or null if there was no error. (versions 4+; nullable 4+)
        public var errorMessage: String? = nil

        public init(
            key: String = "",
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil
        ) {
            self.key = key
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.key = try buffer.readKafkaString(compact: true, field: "Coordinator.key")
            self.nodeId = try buffer.readInt32(field: "Coordinator.nodeId")
            self.host = try buffer.readKafkaString(compact: true, field: "Coordinator.host")
            self.port = try buffer.readInt32(field: "Coordinator.port")
            self.errorCode = try buffer.readInt16(field: "Coordinator.errorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: true, field: "Coordinator.errorMessage")
            try buffer.skipTaggedFields(field: "Coordinator tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.key, compact: true)
            buffer.writeInt32(self.nodeId)
            buffer.writeKafkaString(self.host, compact: true)
            buffer.writeInt32(self.port)
            buffer.writeInt16(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: true)
            buffer.writeEmptyTaggedFields()
        }
    }
}
