// DO NOT EDIT: generated from ConsumerProtocolSubscription.json by samsa-codegen

import NIOCore

/// ConsumerProtocolSubscription, a Kafka data schema, versions 0-3. Generated from
/// ConsumerProtocolSubscription.json.
public struct ConsumerProtocolSubscription: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// (versions 0+)
    public var topics: [String] = []

    /// (versions 0+; nullable 0+)
    public var userData: ByteBuffer? = nil

    /// (versions 1+)
    public var ownedPartitions: [TopicPartition] = []

    /// (versions 2+)
    public var generationId: Int32 = -1

    /// (versions 3+; nullable 3+)
    public var rackId: String? = nil

    public init(
        topics: [String] = [],
        userData: ByteBuffer? = nil,
        ownedPartitions: [TopicPartition] = [],
        generationId: Int32 = -1,
        rackId: String? = nil
    ) {
        self.topics = topics
        self.userData = userData
        self.ownedPartitions = ownedPartitions
        self.generationId = generationId
        self.rackId = rackId
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ConsumerProtocolSubscription", version, Self.validVersions)
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: false, field: "ConsumerProtocolSubscription.topics")
            var items: [String] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try buffer.readKafkaString(compact: false, field: "ConsumerProtocolSubscription.topics"))
            }
            self.topics = items
        }
        self.userData = try buffer.readKafkaNullableBytes(compact: false, field: "ConsumerProtocolSubscription.userData")
        if version >= 1 {
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "ConsumerProtocolSubscription.ownedPartitions")
                var items: [TopicPartition] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try TopicPartition(from: &buffer, version: version))
                }
                self.ownedPartitions = items
            }
        }
        if version >= 2 {
            self.generationId = try buffer.readInt32(field: "ConsumerProtocolSubscription.generationId")
        }
        if version >= 3 {
            self.rackId = try buffer.readKafkaNullableString(compact: false, field: "ConsumerProtocolSubscription.rackId")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeKafkaArrayCount(self.topics.count, compact: false)
        for element in self.topics {
            buffer.writeKafkaString(element, compact: false)
        }
        buffer.writeKafkaNullableBytes(self.userData, compact: false)
        if version >= 1 {
            buffer.writeKafkaArrayCount(self.ownedPartitions.count, compact: false)
            for element in self.ownedPartitions {
                element.write(to: &buffer, version: version)
            }
        }
        if version >= 2 {
            buffer.writeInt32(self.generationId)
        }
        if version >= 3 {
            buffer.writeKafkaNullableString(self.rackId, compact: false)
        }
    }
}

extension ConsumerProtocolSubscription {
    public struct TopicPartition: Sendable, Hashable {
        /// (versions 1+)
        public var topic: String = ""

        /// (versions 1+)
        public var partitions: [Int32] = []

        public init(
            topic: String = "",
            partitions: [Int32] = []
        ) {
            self.topic = topic
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            self.topic = try buffer.readKafkaString(compact: false, field: "TopicPartition.topic")
            do {
                let count = try buffer.readKafkaArrayCount(compact: false, field: "TopicPartition.partitions")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "TopicPartition.partitions"))
                }
                self.partitions = items
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            buffer.writeKafkaString(self.topic, compact: false)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: false)
            for element in self.partitions {
                buffer.writeInt32(element)
            }
        }
    }
}
