/// A Java-style `.properties` file, the format of Kafka's `server.properties` and ZooKeeper's
/// `zookeeper.properties`, so students can use the files they will meet in real deployments.
///
/// Supported: `key=value`, `key: value` and `key value`; `#` and `!` comments; blank lines;
/// a trailing `\` continues a line; `\t`, `\n`, `\r`, `\f`, `\uXXXX` and `\<char>` escapes.
/// Later keys override earlier ones, as in `java.util.Properties`.
public struct PropertiesFile: Sendable, Equatable {
    /// Key/value pairs in file order (last definition wins in `values`).
    public private(set) var entries: [(key: String, value: String, line: Int)]
    public private(set) var values: [String: String]

    public init() {
        self.entries = []
        self.values = [:]
    }

    public init(parsing text: String) {
        self.init()
        var logicalLine = ""
        var startLine = 0
        var isContinuing = false
        // "\r\n" is one Character in Swift, so it needs naming as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
            if !isContinuing {
                if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("!") { continue }
                startLine = index + 1
                logicalLine = ""
            }
            if Self.endsWithContinuation(trimmed) {
                logicalLine += trimmed.dropLast()
                isContinuing = true
                continue
            }
            logicalLine += trimmed
            isContinuing = false
            self.append(logicalLine: logicalLine, line: startLine)
        }
        if isContinuing { self.append(logicalLine: logicalLine, line: startLine) }
    }

    public subscript(key: String) -> String? {
        get { self.values[key] }
        set {
            if let newValue {
                self.entries.append((key, newValue, 0))
                self.values[key] = newValue
            } else {
                self.entries.removeAll { $0.key == key }
                self.values[key] = nil
            }
        }
    }

    public static func == (lhs: PropertiesFile, rhs: PropertiesFile) -> Bool {
        lhs.values == rhs.values
    }

    /// Renders `key=value` lines, escaping what needs it, in the order given by `keys` (or sorted).
    public func rendered(keys: [String]? = nil) -> String {
        (keys ?? self.values.keys.sorted()).compactMap { key in
            self.values[key].map { "\(Self.escape(key, isKey: true))=\(Self.escape($0, isKey: false))" }
        }.joined(separator: "\n") + "\n"
    }

    private mutating func append(logicalLine: String, line: Int) {
        let (key, value) = Self.split(logicalLine)
        self.entries.append((key, value, line))
        self.values[key] = value
    }

    /// An odd number of trailing backslashes means the line continues.
    private static func endsWithContinuation(_ line: Substring) -> Bool {
        line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1
    }

    private static func split(_ line: String) -> (String, String) {
        var key = ""
        var rest = Substring(line)
        var isEscaped = false
        while let character = rest.first {
            if isEscaped {
                key.append(character)
                isEscaped = false
            } else if character == "\\" {
                isEscaped = true
                key.append(character)
            } else if character == "=" || character == ":" || character == " " || character == "\t" {
                break
            } else {
                key.append(character)
            }
            rest = rest.dropFirst()
        }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        if let separator = rest.first, separator == "=" || separator == ":" {
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        return (Self.unescape(Substring(key)), Self.unescape(rest))
    }

    private static func unescape(_ text: Substring) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard let escaped = iterator.next() else { break }
            switch escaped {
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "f": result.append("\u{0C}")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = iterator.next() { hex.append(digit) } }
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    result.append(Character(scalar))
                }
            default: result.append(escaped)
            }
        }
        return result
    }

    private static func escape(_ text: String, isKey: Bool) -> String {
        // Only what the parser would misread is escaped: a separator or comment mark inside a key,
        // a space that starts a value. `listeners=PLAINTEXT://127.0.0.1:9092` stays readable.
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "=", ":", "#", "!", " ":
                let needsEscape = isKey || (character == " " && result.isEmpty)
                result += needsEscape ? "\\\(character)" : String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
