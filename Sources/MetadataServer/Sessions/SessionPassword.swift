/// Session passwords as ZooKeeper makes them: `new Random(sessionId ^ superSecret).nextBytes(16)`.
/// Deriving rather than storing them lets a restarted server check a resuming client's password.
public enum SessionPassword {
    static let superSecret: Int64 = 0xB341_5C00

    public static func make(for sessionId: Int64) -> [UInt8] {
        var random = JavaRandom(seed: sessionId ^ Self.superSecret)
        return random.nextBytes(16)
    }
}

/// `java.util.Random`'s 48-bit linear congruential generator.
struct JavaRandom {
    private var seed: Int64
    private static let multiplier: Int64 = 0x5_DEEC_E66D
    private static let mask: Int64 = (1 << 48) - 1

    init(seed: Int64) {
        self.seed = (seed ^ Self.multiplier) & Self.mask
    }

    mutating func next(bits: Int) -> Int32 {
        self.seed = (self.seed &* Self.multiplier &+ 0xB) & Self.mask
        return Int32(truncatingIfNeeded: self.seed >> Int64(48 - bits))
    }

    mutating func nextBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            var random = self.next(bits: 32)
            for _ in 0..<min(count - bytes.count, 4) {
                bytes.append(UInt8(truncatingIfNeeded: random))
                random >>= 8
            }
        }
        return bytes
    }
}
