// DO NOT EDIT: generated from DescribeProducersRequest.json by samsa-codegen

import NIOCore

/// The DescribeProducers request body (API key 61), versions 0 (flexible 0+). Generated from
/// DescribeProducersRequest.json.
public struct DescribeProducersRequest: KafkaRequest, Hashable {
    public typealias Response = DescribeProducersResponse
    public static let apiKey: ApiKey = .describeProducers  // 61
    public static let validVersions: ClosedRange<Int16> = 0...0
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 0...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 0 }

    /// (versions 0+)
    public var topics: [TopicRequest] = []

    public init(
        topics: [TopicRequest] = []
    ) {
        self.topics = topics
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("DescribeProducersRequest", version, Self.validVersions)
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: true, field: "DescribeProducersRequest.topics")
            var items: [TopicRequest] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicRequest(from: &buffer, version: version))
            }
            self.topics = items
        }
        try buffer.skipTaggedFields(field: "DescribeProducersRequest tagged fields")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeKafkaArrayCount(self.topics.count, compact: true)
        for element in self.topics {
            element.write(to: &buffer, version: version)
        }
        buffer.writeEmptyTaggedFields()
    }
}

extension DescribeProducersRequest {
    public struct TopicRequest: Sendable, Hashable {
        /// The topic name. (versions 0+)
        public var name: String = ""

        /// The indexes of the partitions to list producers for. (versions 0+)
        public var partitionIndexes: [Int32] = []

        public init(
            name: String = "",
            partitionIndexes: [Int32] = []
        ) {
            self.name = name
            self.partitionIndexes = partitionIndexes
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.name = try buffer.readKafkaString(compact: true, field: "TopicRequest.name")
            do {
                let count = try buffer.readKafkaArrayCount(compact: true, field: "TopicRequest.partitionIndexes")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "TopicRequest.partitionIndexes"))
                }
                self.partitionIndexes = items
            }
            try buffer.skipTaggedFields(field: "TopicRequest tagged fields")
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.name, compact: true)
            buffer.writeKafkaArrayCount(self.partitionIndexes.count, compact: true)
            for element in self.partitionIndexes {
                buffer.writeInt32(element)
            }
            buffer.writeEmptyTaggedFields()
        }
    }
}
