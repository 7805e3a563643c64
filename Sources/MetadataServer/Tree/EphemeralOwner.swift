/// How ZooKeeper encodes node kinds in `ephemeralOwner` (`EphemeralType`): a session id for
/// ephemerals, the high bit alone for containers, 0xff in the high byte plus the TTL for TTL nodes.
public enum EphemeralOwner {
    public static let container = Int64(bitPattern: 0x8000_0000_0000_0000)
    static let extendedMask = Int64(bitPattern: 0xFF00_0000_0000_0000)
    static let reservedMask: Int64 = 0x00FF_FF00_0000_0000
    public static let maximumTTL: Int64 = ~(extendedMask | reservedMask)

    public static func ttl(_ milliseconds: Int64) -> Int64 { extendedMask | milliseconds }

    public static func isContainer(_ owner: Int64) -> Bool { owner == container }
    public static func isTTL(_ owner: Int64) -> Bool { owner & extendedMask == extendedMask }
    public static func ttlValue(_ owner: Int64) -> Int64 { owner & maximumTTL }
    /// True for an owner that is a real session (a normal ephemeral).
    public static func isSession(_ owner: Int64) -> Bool { owner != 0 && !isContainer(owner) && !isTTL(owner) }
}
