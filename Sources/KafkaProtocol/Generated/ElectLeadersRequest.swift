// DO NOT EDIT: generated from ElectLeadersRequest.json by samsa-codegen

import NIOCore

/// The ElectLeaders request body (API key 43), versions 0-2 (flexible 2+). Generated from
/// ElectLeadersRequest.json.
public struct ElectLeadersRequest: KafkaRequest, Hashable {
    public typealias Response = ElectLeadersResponse
    public static let apiKey: ApiKey = .electLeaders  // 43
    public static let validVersions: ClosedRange<Int16> = 0...2
    public static let flexibleVersions: PartialRangeFrom<Int16>? = 2...

    @inlinable
    public static func isFlexible(version: Int16) -> Bool { version >= 2 }

    /// Type of elections to conduct for the partition. A value of '0' elects the preferred replica. A value
    /// of '1' elects the first live replica if there are no in-sync replica. (versions 1+)
    public var electionType: Int8 = 0

    /// The topic partitions to elect leaders. (versions 0+; nullable 0+)
    public var topicPartitions: [TopicPartitions]? = nil

    /// The time in ms to wait for the election to complete. (versions 0+)
    public var timeoutMs: Int32 = 60000

    public init(
        electionType: Int8 = 0,
        topicPartitions: [TopicPartitions]? = nil,
        timeoutMs: Int32 = 60000
    ) {
        self.electionType = electionType
        self.topicPartitions = topicPartitions
        self.timeoutMs = timeoutMs
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
        guard Self.validVersions.contains(version) else {
            throw .unsupportedVersion("ElectLeadersRequest", version, Self.validVersions)
        }
        let flexible = version >= 2
        if version >= 1 {
            self.electionType = try buffer.readInt8(field: "ElectLeadersRequest.electionType")
        }
        if let count = try buffer.readKafkaNullableArrayCount(compact: flexible, field: "ElectLeadersRequest.topicPartitions") {
            var items: [TopicPartitions] = []
            items.reserveCapacity(Swift.min(count, 1024))
            for _ in 0..<count {
                items.append(try TopicPartitions(from: &buffer, version: version))
            }
            self.topicPartitions = items
        } else {
            self.topicPartitions = nil
        }
        self.timeoutMs = try buffer.readInt32(field: "ElectLeadersRequest.timeoutMs")
        if flexible {
            try buffer.skipTaggedFields(field: "ElectLeadersRequest tagged fields")
        }
    }

    public func write(to buffer: inout ByteBuffer, version: Int16) {
        let flexible = version >= 2
        if version >= 1 {
            buffer.writeInt8(self.electionType)
        }
        buffer.writeKafkaNullableArrayCount(self.topicPartitions?.count, compact: flexible)
        for element in self.topicPartitions ?? [] {
            element.write(to: &buffer, version: version)
        }
        buffer.writeInt32(self.timeoutMs)
        if flexible {
            buffer.writeEmptyTaggedFields()
        }
    }
}

extension ElectLeadersRequest {
    /// The topic partitions to elect leaders.
    public struct TopicPartitions: Sendable, Hashable {
        /// The name of a topic. (versions 0+)
        public var topic: String = ""

        /// The partitions of this topic whose leader should be elected. (versions 0+)
        public var partitions: [Int32] = []

        public init(
            topic: String = "",
            partitions: [Int32] = []
        ) {
            self.topic = topic
            self.partitions = partitions
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError) {
            let flexible = version >= 2
            self.topic = try buffer.readKafkaString(compact: flexible, field: "TopicPartitions.topic")
            do {
                let count = try buffer.readKafkaArrayCount(compact: flexible, field: "TopicPartitions.partitions")
                var items: [Int32] = []
                items.reserveCapacity(Swift.min(count, 1024))
                for _ in 0..<count {
                    items.append(try buffer.readInt32(field: "TopicPartitions.partitions"))
                }
                self.partitions = items
            }
            if flexible {
                try buffer.skipTaggedFields(field: "TopicPartitions tagged fields")
            }
        }

        public func write(to buffer: inout ByteBuffer, version: Int16) {
            let flexible = version >= 2
            buffer.writeKafkaString(self.topic, compact: flexible)
            buffer.writeKafkaArrayCount(self.partitions.count, compact: flexible)
            for element in self.partitions {
                buffer.writeInt32(element)
            }
            if flexible {
                buffer.writeEmptyTaggedFields()
            }
        }
    }
}
