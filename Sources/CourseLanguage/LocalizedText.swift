/// Text in the course's language (Spanish) and in English: the one way the kit keeps a message in
/// both, so a missing spelling is a compile error rather than an English line in a Spanish session.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var es: String
    public var en: String

    public init(es: String, en: String) {
        self.es = es
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .es ? self.es : self.en }
}
