/// Session passwords as ZooKeeper makes them: `new Random(sessionId ^ superSecret).nextBytes(16)`.
/// Deriving rather than storing them lets a restarted server check a resuming client's password.
public enum SessionPassword {
    static let superSecret: Int64 = 0xB341_5C00

    public static func make(for sessionId: Int64) -> [UInt8] {
        var random = JavaRandom(seed: sessionId ^ Self.superSecret)
        return random.nextBytes(16)
    }
}
