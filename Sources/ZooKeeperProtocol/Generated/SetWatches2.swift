// DO NOT EDIT: generated from `class SetWatches2` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Like `SetWatches`, plus the persistent and persistent-recursive watches of ZooKeeper 3.6+.
public struct SetWatches2: JuteRecord {
    public var relativeZxid: Int64
    public var dataWatches: [String]
    public var existWatches: [String]
    public var childWatches: [String]
    public var persistentWatches: [String]
    public var persistentRecursiveWatches: [String]

    public init(
        relativeZxid: Int64 = 0,
        dataWatches: [String] = [],
        existWatches: [String] = [],
        childWatches: [String] = [],
        persistentWatches: [String] = [],
        persistentRecursiveWatches: [String] = []
    ) {
        self.relativeZxid = relativeZxid
        self.dataWatches = dataWatches
        self.existWatches = existWatches
        self.childWatches = childWatches
        self.persistentWatches = persistentWatches
        self.persistentRecursiveWatches = persistentRecursiveWatches
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.relativeZxid = try buffer.readJuteLong()
        self.dataWatches = try buffer.readJuteStringVector()
        self.existWatches = try buffer.readJuteStringVector()
        self.childWatches = try buffer.readJuteStringVector()
        self.persistentWatches = try buffer.readJuteStringVector()
        self.persistentRecursiveWatches = try buffer.readJuteStringVector()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteLong(self.relativeZxid)
        buffer.writeJuteStringVector(self.dataWatches)
        buffer.writeJuteStringVector(self.existWatches)
        buffer.writeJuteStringVector(self.childWatches)
        buffer.writeJuteStringVector(self.persistentWatches)
        buffer.writeJuteStringVector(self.persistentRecursiveWatches)
    }
}
