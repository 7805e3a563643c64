import NIOCore

/// One unit read from a ZooKeeper connection: a length-delimited packet, or a four-letter
/// admin word (`ruok`, `srvr`, ...) which arrives as 4 raw bytes with no length prefix.
public enum InboundPacket: Sendable, Equatable {
    case packet(ByteBuffer)
    case fourLetterWord(String)
}
