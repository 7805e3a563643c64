import CourseLanguage
import Foundation
import Ink

/// Turns a parsed deck and its session outputs into one self-contained HTML page: Markdown through
/// Ink, images inlined as data URIs, styles and script from `DeckTemplate`.
public struct DeckRenderer {
    public var language: Language
    /// Where relative image paths in the deck resolve (the deck's folder).
    public var baseDirectory: URL
    public var file: String

    public init(language: Language, baseDirectory: URL, file: String) {
        self.language = language
        self.baseDirectory = baseDirectory
        self.file = file
    }

    /// `outputs[slide][part]` holds what each session printed (empty for Markdown parts).
    public func render(_ deck: DeckSource, outputs: [[[SessionOutput]]], fingerprint: String = "") throws -> String {
        let parser = MarkdownParser()
        var sections: [String] = []
        for (index, slide) in deck.slides.enumerated() {
            var body = ""
            for (partIndex, part) in slide.parts.enumerated() {
                switch part {
                case .markdown(let text):
                    body += try self.inlineImages(parser.html(from: text), line: slide.line) + "\n"
                case .session(let block):
                    guard !block.hidden else { continue }
                    let printed =
                        outputs.indices.contains(index) && outputs[index].indices.contains(partIndex)
                        ? outputs[index][partIndex] : []
                    body += Self.sessionHTML(block, outputs: printed, language: self.language) + "\n"
                }
            }
            let notes = slide.notes.isEmpty ? "" : parser.html(from: slide.notes)
            let kind = index == 0 ? " title" : ""
            sections.append(
                """
                <section class="slide\(kind)" id="\(index + 1)" data-notes="\(notes.isEmpty ? "no" : "yes")">
                <div class="frame"><div class="content">
                \(body)</div>
                <footer><span>\(Self.escape(deck.title))</span><span>\(index + 1) / \(deck.slides.count)</span></footer></div>
                <aside class="notes">\(notes)</aside>
                </section>
                """)
        }
        return DeckTemplate.page(
            title: deck.title, language: self.language, fingerprint: fingerprint,
            sections: sections.joined(separator: "\n"))
    }

    /// A session as a terminal transcript: prompt, command, the lines of its real output that
    /// matter (`TerminalTranscript`).
    static func sessionHTML(_ block: SessionBlock, outputs: [SessionOutput], language: Language) -> String {
        var html =
            outputs.isEmpty ? "<pre class=\"session\" data-draft=\"yes\"><code>" : "<pre class=\"session\"><code>"
        let prompt = block.terminal ? "<span class=\"prompt\">$</span> " : "<span class=\"prompt\">samsa&gt;</span> "
        if outputs.isEmpty {
            // Built without running (--no-run): the commands alone.
            html += block.commands.map { prompt + "<b>\(escape($0.text))</b>" }.joined(separator: "\n")
        } else {
            var chunks: [String] = []
            for output in outputs {
                var chunk = output.commands.map { prompt + "<b>\(escape($0))</b>" }.joined(separator: "\n")
                if !output.output.isEmpty {
                    // The expectations of the commands shown here (all of a `together` block's).
                    let expectations = block.commands.filter { output.commands.contains($0.text) }.flatMap(
                        \.expectations)
                    let transcript = TerminalTranscript(language: language, expectations: expectations)
                    let shown = transcript.lines(of: output.output, commands: output.commands).joined(separator: "\n")
                    chunk += "\n<span class=\"\(output.failed ? "error" : "out")\">\(escape(shown))</span>"
                }
                chunks.append(chunk)
            }
            html += chunks.joined(separator: "\n")
        }
        return html + "</code></pre>"
    }

    /// Every `<img src="relative">` becomes a data URI, so the page needs no other file; a missing
    /// image stops the build here rather than showing a broken picture.
    func inlineImages(_ html: String, line: Int) throws -> String {
        let regex = try NSRegularExpression(pattern: #"<img src="([^"]+)""#)
        var result = html
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).reversed() {
            guard let range = Range(match.range(at: 1), in: html) else { continue }
            let source = String(html[range])
            if source.hasPrefix("data:") { continue }
            guard !source.contains("://") else {
                throw SlidesError.source(
                    file: self.file, line: line,
                    message:
                        "image \(source) is on the network; decks work offline, so put the file in slides/src/diagrams/"
                )
            }
            let url = self.baseDirectory.appendingPathComponent(source)
            guard var data = FileManager.default.contents(atPath: url.path) else {
                throw SlidesError.source(
                    file: self.file, line: line,
                    message: "image \(source) not found (looked for \(url.standardizedFileURL.path))")
            }
            if url.pathExtension.lowercased() == "svg" {
                data = Data(Self.localize(svg: String(decoding: data, as: UTF8.self), to: self.language).utf8)
            }
            let mime = Self.mimeType(of: url.pathExtension)
            let resultRange = Range(match.range(at: 1), in: result)!
            result.replaceSubrange(resultRange, with: "data:\(mime);base64,\(data.base64EncodedString())")
        }
        return result
    }

    /// One SVG serves both languages: a label written `{es=productor|en=producer}` becomes the
    /// text of the deck's language.
    static func localize(svg: String, to language: Language) -> String {
        guard let regex = try? NSRegularExpression(pattern: #"\{es=([^|}]*)\|en=([^}]*)\}"#) else { return svg }
        let template = language == .es ? "$1" : "$2"
        return regex.stringByReplacingMatches(
            in: svg, range: NSRange(svg.startIndex..., in: svg), withTemplate: template)
    }

    static func mimeType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: "application/octet-stream"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
