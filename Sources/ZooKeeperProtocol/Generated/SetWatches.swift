// DO NOT EDIT: generated from `class SetWatches` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Re-registers a reconnecting client's one-shot watches, with the last zxid it saw so missed changes
/// fire at once.
public struct SetWatches: JuteRecord {
    public var relativeZxid: Int64
    public var dataWatches: [String]
    public var existWatches: [String]
    public var childWatches: [String]

    public init(
        relativeZxid: Int64 = 0,
        dataWatches: [String] = [],
        existWatches: [String] = [],
        childWatches: [String] = []
    ) {
        self.relativeZxid = relativeZxid
        self.dataWatches = dataWatches
        self.existWatches = existWatches
        self.childWatches = childWatches
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.relativeZxid = try buffer.readJuteLong()
        self.dataWatches = try buffer.readJuteStringVector()
        self.existWatches = try buffer.readJuteStringVector()
        self.childWatches = try buffer.readJuteStringVector()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteLong(self.relativeZxid)
        buffer.writeJuteStringVector(self.dataWatches)
        buffer.writeJuteStringVector(self.existWatches)
        buffer.writeJuteStringVector(self.childWatches)
    }
}
