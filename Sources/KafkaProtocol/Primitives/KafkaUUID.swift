/// Kafka's 128-bit identifier (topic ids, directory ids, cluster ids), sent as 16 raw bytes.
///
/// Kafka shows it as 22 characters of URL-safe base64 without padding (`Uuid.toString()`), for example in
/// `kafka-topics --describe` and in ZooKeeper's `/brokers/topics/<t>` (`"topic_id"`), so that is `description`.
public struct KafkaUUID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first 8 bytes, big-endian (Java's `getMostSignificantBits`).
    public var mostSignificantBits: UInt64
    /// The last 8 bytes, big-endian.
    public var leastSignificantBits: UInt64

    public init(mostSignificantBits: UInt64, leastSignificantBits: UInt64) {
        self.mostSignificantBits = mostSignificantBits
        self.leastSignificantBits = leastSignificantBits
    }

    /// All zeros: Kafka's "no id" sentinel (`Uuid.ZERO_UUID`), the default of every `uuid` field.
    public static let zero = KafkaUUID(mostSignificantBits: 0, leastSignificantBits: 0)

    /// Kafka's reserved id for the KRaft metadata topic (`Uuid.ONE_UUID`); `random()` never returns it.
    public static let one = KafkaUUID(mostSignificantBits: 0, leastSignificantBits: 1)

    /// A random version-4 id, as `Uuid.randomUuid()`: never `zero` or `one`, and never starting with '-'
    /// (which would look like a command-line flag).
    public static func random() -> KafkaUUID {
        var generator = SystemRandomNumberGenerator()
        return KafkaUUID.random(using: &generator)
    }

    /// A random version-4 id from `generator`, for reproducible tests.
    public static func random<Generator: RandomNumberGenerator>(using generator: inout Generator) -> KafkaUUID {
        while true {
            var msb = generator.next() as UInt64
            var lsb = generator.next() as UInt64
            msb = (msb & ~0xF000) | 0x4000  // version 4
            lsb = (lsb & ~(0xC000 << 48)) | (0x8000 << 48)  // IETF variant
            let uuid = KafkaUUID(mostSignificantBits: msb, leastSignificantBits: lsb)
            if uuid != .zero, uuid != .one, !uuid.base64URLString.hasPrefix("-") {
                return uuid
            }
        }
    }

    /// The 16 bytes, big-endian.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for shift in stride(from: 56, through: 0, by: -8) {
            result.append(UInt8(truncatingIfNeeded: self.mostSignificantBits >> UInt64(shift)))
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            result.append(UInt8(truncatingIfNeeded: self.leastSignificantBits >> UInt64(shift)))
        }
        return result
    }

    /// Builds an id from exactly 16 bytes; `nil` for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var msb: UInt64 = 0
        var lsb: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                msb = (msb << 8) | UInt64(byte)
            } else {
                lsb = (lsb << 8) | UInt64(byte)
            }
        }
        self.init(mostSignificantBits: msb, leastSignificantBits: lsb)
    }

    /// Kafka's text form: 22 characters of URL-safe base64 (`A–Z a–z 0–9 - _`), no padding.
    public var base64URLString: String {
        let bytes = self.bytes
        var characters: [UInt8] = []
        characters.reserveCapacity(22)
        var index = 0
        while index < 16 {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < 16 ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < 16 ? UInt32(bytes[index + 2]) : 0
            let group = (b0 << 16) | (b1 << 8) | b2
            let available = Swift.min(16 - index, 3)  // 3 bytes → 4 characters, 1 byte → 2
            for position in 0...available {
                let sextet = Int((group >> UInt32(18 - 6 * position)) & 0x3F)
                characters.append(KafkaUUID.alphabet[sextet])
            }
            index += 3
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Parses Kafka's 22-character text form (`"=="` padding is accepted too); `nil` if it is not one.
    public init?(base64URLString string: String) {
        var utf8 = Array(string.utf8)
        if utf8.count == 24, utf8[22] == UInt8(ascii: "="), utf8[23] == UInt8(ascii: "=") {
            utf8.removeLast(2)
        }
        guard utf8.count == 22 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in utf8 {
            guard let sextet = KafkaUUID.sextet(of: character) else { return nil }
            accumulator = (accumulator << 6) | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // 22 characters carry 132 bits: 16 bytes and 4 spare bits, which must be zero for a canonical id.
        guard bytes.count == 16, accumulator & 0xF == 0 else { return nil }
        self.init(bytes: bytes)
    }

    public var description: String { self.base64URLString }

    public static func < (lhs: KafkaUUID, rhs: KafkaUUID) -> Bool {
        (lhs.mostSignificantBits, lhs.leastSignificantBits) < (rhs.mostSignificantBits, rhs.leastSignificantBits)
    }

    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func sextet(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
