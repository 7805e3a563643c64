import CourseLanguage

/// Splits a typed line into words like a shell does, so values with spaces can be quoted:
/// `produce orders --key alice "first order"`. Single quotes keep everything literally; inside
/// double quotes and bare words a backslash escapes the next character. No variables, no globs.
public enum CommandLineSplitter {
    /// The words of `line`; `#` at the start of a word begins a comment to the end of the line.
    public static func split(_ line: String, language: Language = .en) throws(REPLError) -> [String] {
        var words: [String] = []
        var current = ""
        var hasWord = false
        var quote: Character?
        var isEscaped = false
        for character in line {
            if isEscaped {
                current.append(character)
                isEscaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    isEscaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                isEscaped = true
                hasWord = true
            case "\"", "'":
                quote = character
                hasWord = true
            case " ", "\t":
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            case "#" where !hasWord:
                return words
            default:
                current.append(character)
                hasWord = true
            }
        }
        if let quote {
            throw .syntax(
                language.pick(
                    es: "las comillas \(quote) no se cierran; ciérralas o escápalas con \\\(quote)",
                    en: "the quote \(quote) is not closed; close it or escape it with \\\(quote)"))
        }
        if isEscaped {
            throw .syntax(
                language.pick(
                    es: "la línea acaba en una \\ suelta; quítala o escápala como \\\\",
                    en: "the line ends with a lone \\; remove it or escape it as \\\\"))
        }
        if hasWord { words.append(current) }
        return words
    }

    /// Whether `line` ends inside a word (for completion: the word being typed).
    public static func endsInWord(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return last != " " && last != "\t"
    }
}
