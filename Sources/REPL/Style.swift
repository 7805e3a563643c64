/// ANSI colours, or plain text when colour is off; every colour use goes through here so
/// `NO_COLOR` and pipes get clean text.
public struct Style: Sendable, Equatable {
    public let isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    public static let plain = Style(isEnabled: false)

    public func green(_ text: String) -> String { self.wrap(text, "32") }
    public func yellow(_ text: String) -> String { self.wrap(text, "33") }
    public func red(_ text: String) -> String { self.wrap(text, "31") }
    public func bold(_ text: String) -> String { self.wrap(text, "1") }
    public func dim(_ text: String) -> String { self.wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        self.isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Columns `text` takes on screen: escape sequences take none.
    public static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            // Combining marks and zero-width joiners take no column.
            if scalar.properties.generalCategory == .nonspacingMark || scalar == "\u{200D}" { continue }
            width += scalar.properties.isEmojiPresentation || Self.isWide(scalar) ? 2 : 1
        }
        return width
    }

    /// East Asian wide ranges, enough for topic names and values students type.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
