import Foundation

/// One deck as written in `slides/src/LANG/NN-name.md`: slides separated by a line `---`, each with
/// optional speaker notes after a line `Note:` (or `Notas:`), and fenced ```samsa blocks that the
/// builder runs on a real cluster.
public struct DeckSource: Sendable, Equatable {
    public var title: String
    public var slides: [SlideSource]

    public init(title: String, slides: [SlideSource]) {
        self.title = title
        self.slides = slides
    }
}

public struct SlideSource: Sendable, Equatable {
    /// The slide's body in order: Markdown, and the sessions the builder runs.
    public var parts: [SlidePart]
    /// Speaker notes, Markdown.
    public var notes: String
    /// 1-based line of the slide's first line in its file, for error messages.
    public var line: Int
}

public enum SlidePart: Sendable, Equatable {
    case markdown(String)
    case session(SessionBlock)
}

extension DeckSource {
    /// Splits a deck's text into slides, notes and session blocks. Separators and note markers
    /// inside a fenced code block are text, not structure.
    public static func parse(_ text: String, file: String) throws -> DeckSource {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var slides: [SlideSource] = []
        var parts: [SlidePart] = []
        var markdown: [String] = []
        var notes: [String] = []
        var inNotes = false
        var slideLine = 1
        var index = 0

        func flushMarkdown() {
            let text = markdown.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { parts.append(.markdown(text)) }
            markdown = []
        }
        func finishSlide() {
            flushMarkdown()
            let noteText = notes.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !parts.isEmpty || !noteText.isEmpty {
                slides.append(SlideSource(parts: parts, notes: noteText, line: slideLine))
            }
            parts = []
            notes = []
            inNotes = false
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" {
                finishSlide()
                index += 1
                slideLine = index + 1
                continue
            }
            if trimmed == "Note:" || trimmed == "Notas:" {
                flushMarkdown()
                inNotes = true
                index += 1
                continue
            }
            if trimmed.hasPrefix("```") {
                // A fenced block: copied whole, or parsed as a session when its info says samsa.
                let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                let start = index
                var body: [String] = []
                index += 1
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "```" {
                    body.append(lines[index])
                    index += 1
                }
                guard index < lines.count else {
                    throw SlidesError.source(
                        file: file, line: start + 1, message: "this ``` block is never closed; end it with a line ```")
                }
                index += 1
                let words = info.split(separator: " ").map(String.init)
                if words.first == "samsa", !inNotes {
                    flushMarkdown()
                    parts.append(
                        .session(
                            try SessionBlock.parse(body, options: Array(words.dropFirst()), file: file, line: start + 1)
                        ))
                } else if inNotes {
                    notes.append(contentsOf: [line] + body + ["```"])
                } else {
                    markdown.append(contentsOf: [line] + body + ["```"])
                }
                continue
            }
            if inNotes { notes.append(line) } else { markdown.append(line) }
            index += 1
        }
        finishSlide()

        guard let first = slides.first else {
            throw SlidesError.source(file: file, line: 1, message: "a deck needs at least one slide")
        }
        let title = first.parts.compactMap { part -> String? in
            guard case .markdown(let text) = part else { return nil }
            return text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        }.first
        guard let title else {
            throw SlidesError.source(
                file: file, line: first.line, message: "the first slide names the deck with a heading line `# Title`")
        }
        return DeckSource(title: title, slides: slides)
    }
}
