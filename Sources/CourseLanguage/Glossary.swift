/// The course's glossary: one entry per concept, its name and a short, exact explanation in both
/// languages. The REPL's `explain` reads it; the sheets and slides use its Spanish names and no
/// other (`GlossaryTests` reads labs/ and slides/ against it).
public enum Glossary {
    public struct Entry: Sendable {
        /// The key `explain` and completion use, e.g. `high-watermark`.
        public let term: String
        /// Other spellings accepted (`hw`, `isr`, Spanish names), compared after `normalise`.
        public let aliases: [String]
        /// What the concept is called in each language: the one term the kit uses for it.
        public let name: LocalizedText
        /// Spanish words the course does not use for this concept (sheets, slides and the REPL say
        /// `name.es` instead), e.g. "tema" for topic.
        public let avoid: [String]
        public let text: LocalizedText

        init(term: String, aliases: [String] = [], name: LocalizedText, avoid: [String] = [], es: String, en: String) {
            self.term = term
            self.aliases = aliases
            self.name = name
            self.avoid = avoid
            self.text = LocalizedText(es: es, en: en)
        }
    }

    /// Lower case, spaces and underscores as hyphens: "High Watermark" → "high-watermark".
    public static func normalise(_ term: String) -> String {
        term.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" }).joined(separator: "-")
    }

    /// The entry a term names: its key, an alias, or its name in either language.
    public static func entry(for term: String) -> Entry? {
        let key = self.normalise(term)
        return self.entries.first {
            $0.term == key || $0.aliases.contains(key) || self.normalise($0.name.es) == key
                || self.normalise($0.name.en) == key
        }
    }
}
