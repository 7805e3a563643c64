// DO NOT EDIT: generated from `class StatPersisted` in module `org.apache.zookeeper.data` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The part of a `Stat` that a server stores; `dataLength` and `numChildren` are derived.
public struct StatPersisted: JuteRecord {
    public var czxid: Int64
    public var mzxid: Int64
    public var ctime: Int64
    public var mtime: Int64
    public var version: Int32
    public var cversion: Int32
    public var aversion: Int32
    public var ephemeralOwner: Int64
    public var pzxid: Int64

    public init(
        czxid: Int64 = 0,
        mzxid: Int64 = 0,
        ctime: Int64 = 0,
        mtime: Int64 = 0,
        version: Int32 = 0,
        cversion: Int32 = 0,
        aversion: Int32 = 0,
        ephemeralOwner: Int64 = 0,
        pzxid: Int64 = 0
    ) {
        self.czxid = czxid
        self.mzxid = mzxid
        self.ctime = ctime
        self.mtime = mtime
        self.version = version
        self.cversion = cversion
        self.aversion = aversion
        self.ephemeralOwner = ephemeralOwner
        self.pzxid = pzxid
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.czxid = try buffer.readJuteLong()
        self.mzxid = try buffer.readJuteLong()
        self.ctime = try buffer.readJuteLong()
        self.mtime = try buffer.readJuteLong()
        self.version = try buffer.readJuteInt()
        self.cversion = try buffer.readJuteInt()
        self.aversion = try buffer.readJuteInt()
        self.ephemeralOwner = try buffer.readJuteLong()
        self.pzxid = try buffer.readJuteLong()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteLong(self.czxid)
        buffer.writeJuteLong(self.mzxid)
        buffer.writeJuteLong(self.ctime)
        buffer.writeJuteLong(self.mtime)
        buffer.writeJuteInt(self.version)
        buffer.writeJuteInt(self.cversion)
        buffer.writeJuteInt(self.aversion)
        buffer.writeJuteLong(self.ephemeralOwner)
        buffer.writeJuteLong(self.pzxid)
    }
}
