// DO NOT EDIT: generated from ConsumerProtocolAssignment.json by samsa-codegen

import NIOCore

/// ConsumerProtocolAssignment, a Kafka data schema, versions 0-3. Generated from
/// ConsumerProtocolAssignment.json.
public struct ConsumerProtocolAssignment: KafkaMessage, Hashable {
    public static let validVersions: ClosedRange<Int16> = 0...3
    public static let flexibleVersions: PartialRangeFrom<Int16>? = nil

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { false }

    /// (versions 0+)
    public var assignedPartitions: [TopicPartition] = []

    /// (versions 0+; nullable 0+)
    public var userData: ByteBuffer? = nil

    public init(
        assignedPartitions: [TopicPartition] = [],
        userData: ByteBuffer? = nil
    ) {
        self.assignedPartitions = assignedPartitions
        self.userData = userData
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ConsumerProtocolAssignment", version, Self.validVersions)
        }
        do {
            let count = try buffer.readKafkaArrayCount(compact: false, field: "ConsumerProtocolAssignment.assignedPartitions")
            var items: [TopicPartition] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicPartition(from: &buffer, version: version))
            }
            self.assignedPartitions = items
        }
        self.userData = try buffer.readKafkaNullableBytes(compact: false, field: "ConsumerProtocolAssignment.userData")
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        buffer.writeKafkaArrayCount(self.assignedPartitions.count, compact: false)
        for element in self.assignedPartitions {
            element.write(to: &buffer, version: version)
        }
        buffer.writeKafkaNullableBytes(self.userData, compact: false)
    }
}

extension ConsumerProtocolAssignment {
    public struct TopicPartition: Sendable, Hashable {
        /// (versions 0+)
        public var topic: String = ""

        /// (versions 0+)
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
