/// Kafka's murmur2 (apache/kafka `Utils.murmur2`), the hash behind the default partitioner: a keyed record
/// lands in `toPositive(murmur2(key)) % numPartitions`, so Samsa places keys exactly as Kafka's Java client.
public enum Murmur2 {
    private static let seed: UInt32 = 0x9747_b28c
    private static let m: UInt32 = 0x5bd1_e995
    private static let r: UInt32 = 24

    /// The signed 32-bit hash, as Java's `int`.
    public static func hash(_ bytes: some Collection<UInt8>) -> Int32 {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { Self.hash($0) }
    }

    public static func hash(_ data: UnsafeBufferPointer<UInt8>) -> Int32 {
        let length = data.count
        var h = Self.seed ^ UInt32(truncatingIfNeeded: length)
        let chunks = length / 4
        for index in 0..<chunks {
            let base = index * 4
            var k =
                UInt32(data[base]) | UInt32(data[base + 1]) << 8 | UInt32(data[base + 2]) << 16
                | UInt32(data[base + 3]) << 24
            k &*= Self.m
            k ^= k >> Self.r
            k &*= Self.m
            h &*= Self.m
            h ^= k
        }
        let tail = chunks * 4
        switch length % 4 {
        case 3:
            h ^= UInt32(data[tail + 2]) << 16
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h &*= Self.m
        case 2:
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h &*= Self.m
        case 1:
            h ^= UInt32(data[tail])
            h &*= Self.m
        default:
            break
        }
        h ^= h >> 13
        h &*= Self.m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// Kafka's `Utils.toPositive`: clears the sign bit (not `abs`, which overflows on Int32.min).
    public static func toPositive(_ value: Int32) -> Int32 { value & 0x7fff_ffff }

    /// The partition Kafka's default partitioner picks for `key`.
    public static func partition(forKey key: some Collection<UInt8>, partitionCount: Int) -> Int32 {
        guard partitionCount > 0 else { return 0 }
        return Self.toPositive(Self.hash(key)) % Int32(partitionCount)
    }
}
