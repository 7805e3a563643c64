import CourseLanguage

/// `explain TERM`: the course glossary (`Glossary`, shared with the sheets and slides) in the
/// session's language.
public enum Explanations {
    public static var entries: [Glossary.Entry] { Glossary.entries }

    public static func normalise(_ term: String) -> String { Glossary.normalise(term) }

    public static func entry(for term: String) -> Glossary.Entry? { Glossary.entry(for: term) }

    /// The explanation, or `unknownTerm` with the closest term.
    public static func explain(_ term: String, _ language: Language = .en) throws(REPLError) -> String {
        guard let entry = Glossary.entry(for: term) else {
            let key = Glossary.normalise(term)
            throw .unknownTerm(term, suggestion: EditDistance.closest(to: key, among: Glossary.entries.map(\.term)))
        }
        return entry.text.text(language)
    }

    /// `explain` with no term.
    public static func listing(_ language: Language = .en) -> String {
        let terms = Glossary.entries.map(\.term).joined(separator: ", ")
        return language == .es
            ? "Términos: \(terms)\nPor ejemplo: `explain high watermark`."
            : "Terms: \(terms)\nFor example: `explain high watermark`."
    }
}
