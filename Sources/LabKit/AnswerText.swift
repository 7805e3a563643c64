import Foundation

/// What counts as the same word in a typed answer. Students write in Spanish or English, with or
/// without accents, capitals, quotes or a final period: `partición`, `"Partition".` and
/// `particiones` all mean the partition. Checks compare `canonical` forms, so a right answer in
/// the student's words passes and the message for a wrong one never needs the wanted spelling.
public enum AnswerText {
    /// Words the labs ask for, each group one meaning, Spanish and English, singular and plural.
    /// The first word of a group is its canonical form.
    public static let synonyms: [[String]] = [
        [
            "partition", "partitions", "particion", "particiones", "per partition", "por particion",
            "within a partition", "within the partition", "in a partition", "en una particion", "en la particion",
            "dentro de una particion", "dentro de la particion",
        ],
        ["topic", "topics", "tema", "temas", "topico", "topicos"],
        ["yes", "y", "si", "s", "true", "cierto", "verdadero"],
        ["no", "n", "false", "falso"],
        [
            "memory", "memoria", "ram", "page cache", "the page cache", "os page cache", "cache", "cache de paginas",
            "la cache de paginas", "la cache", "en memoria", "in memory", "from memory", "de memoria",
        ],
        ["disk", "disco", "from disk", "del disco", "de disco", "en disco", "on disk"],
        ["leader", "lider", "el lider", "the leader"],
        ["follower", "seguidor", "replica seguidora"],
    ]

    private static let canonicalByWord: [String: String] = {
        var table: [String: String] = [:]
        for group in Self.synonyms {
            for word in group { table[Self.normalized(word)] = Self.normalized(group[0]) }
        }
        return table
    }()

    /// Lowercased, accents removed (`partición` → `particion`), spaces collapsed, and stripped of
    /// surrounding quotes, backticks and guillemets and of a final `.`, `!` or `;`.
    public static func normalized(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX")
        )
        .lowercased()
        var words = folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let wrappers: Set<Character> = ["\"", "'", "`", "«", "»", "“", "”", "‘", "’"]
        while let last = words.last, ".!;".contains(last) || wrappers.contains(last) {
            words.removeLast()
            words = words.trimmingCharacters(in: .whitespaces)
        }
        while let first = words.first, wrappers.contains(first) || first == "¡" {
            words.removeFirst()
            words = words.trimmingCharacters(in: .whitespaces)
        }
        return words
    }

    /// The normalized text, replaced by its group's first word when it is a known synonym.
    public static func canonical(_ text: String) -> String {
        let normal = Self.normalized(text)
        return Self.canonicalByWord[normal] ?? normal
    }

    /// Whether `given` says the same as `expected`, in either language and any reasonable spelling.
    public static func same(_ given: String, _ expected: String) -> Bool {
        Self.canonical(given) == Self.canonical(expected)
    }
}
