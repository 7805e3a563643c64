import NIOCore

/// One record of a RecordBatch v2, with its offset and timestamp resolved from the batch.
public struct Record: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public var key: String
        public var value: ByteBuffer?

        public init(key: String, value: ByteBuffer?) {
            self.key = key
            self.value = value
        }
    }

    public var offset: Int64
    public var timestamp: Int64
    public var key: ByteBuffer?
    public var value: ByteBuffer?
    public var headers: [Header]

    public init(offset: Int64 = 0, timestamp: Int64, key: ByteBuffer?, value: ByteBuffer?, headers: [Header] = []) {
        self.offset = offset
        self.timestamp = timestamp
        self.key = key
        self.value = value
        self.headers = headers
    }
}
