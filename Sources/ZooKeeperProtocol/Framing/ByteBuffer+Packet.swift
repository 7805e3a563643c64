import NIOCore

extension ByteBuffer {
    /// Writes one length-prefixed packet whose payload `body` writes, filling in the length after.
    @discardableResult
    public mutating func writeZooKeeperPacket(_ body: (inout ByteBuffer) -> Void) -> Int {
        let start = self.writerIndex
        self.writeInteger(Int32(0))
        body(&self)
        let length = self.writerIndex - start - 4
        self.setInteger(Int32(truncatingIfNeeded: length), at: start)
        return length + 4
    }
}
