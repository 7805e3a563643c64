/// The page's language. The REPL passes its own language setting; `es` and `en` are the course's two.
public enum LiveViewLanguage: String, Sendable, CaseIterable, Codable {
    case es
    case en

    /// `"es"` or `"en"` (any case); nil for anything else.
    public init?(code: String) {
        self.init(rawValue: code.lowercased())
    }
}
