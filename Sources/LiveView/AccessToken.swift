/// The secret in the page's URL: 128 random bits as 32 hex digits. Other users of a shared machine
/// can reach 127.0.0.1 too; without the token they get 403.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    public let hex: String

    /// A new token from the system's random number generator.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// A known token (tests).
    public init(hex: String) {
        self.hex = hex
    }

    public var description: String { self.hex }

    /// Compares every character whatever the first difference, so the time taken says nothing about the token.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let expected = Array(self.hex.utf8)
        let given = Array(candidate.utf8)
        var difference = UInt8(expected.count == given.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
