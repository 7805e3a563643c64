import CourseLanguage
import Foundation

/// Builds decks: `slides/src/LANG/NN-name.md` → `OUTPUT/LANG/NN-name.html`, running every samsa
/// block on a fresh cluster per deck (unless `samsa` is nil), plus `OUTPUT/index.html`.
public struct DeckBuilder {
    public var sourceRoot: URL
    public var outputRoot: URL
    /// The `samsa` executable that runs the examples; nil renders commands without output.
    public var samsa: URL?
    public var log: @Sendable (String) -> Void

    public init(sourceRoot: URL, outputRoot: URL, samsa: URL?, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.sourceRoot = sourceRoot
        self.outputRoot = outputRoot
        self.samsa = samsa
        self.log = log
    }

    /// The deck files of `language`, in syllabus order.
    public func deckFiles(_ language: Language) throws -> [URL] {
        let folder = self.sourceRoot.appendingPathComponent(language.rawValue, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw SlidesError.io("no decks in \(folder.path); decks live in slides/src/es/ and slides/src/en/")
        }
        return names.filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Builds `file` and returns the page written.
    @discardableResult
    public func build(_ file: URL, language: Language) throws -> URL {
        let name = "\(language.rawValue)/\(file.lastPathComponent)"
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw SlidesError.io("cannot read \(file.path): \(error)")
        }
        let deck = try DeckSource.parse(text, file: name)
        var outputs: [[[SessionOutput]]] = deck.slides.map { $0.parts.map { _ in [] } }
        if let samsa = self.samsa,
            deck.slides.contains(where: { $0.parts.contains { if case .session = $0 { true } else { false } } })
        {
            let runner = try SessionRunner(samsa: samsa, file: name, language: language)
            defer { runner.finish() }
            for (slideIndex, slide) in deck.slides.enumerated() {
                for (partIndex, part) in slide.parts.enumerated() {
                    guard case .session(let block) = part else { continue }
                    self.log("  \(name):\(block.line): \(block.commands.count) command(s)")
                    outputs[slideIndex][partIndex] = try runner.run(block)
                }
            }
        }
        let renderer = DeckRenderer(language: language, baseDirectory: file.deletingLastPathComponent(), file: name)
        let html = try renderer.render(deck, outputs: outputs, fingerprint: try self.fingerprint(of: file))
        let folder = self.outputRoot.appendingPathComponent(language.rawValue, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        return page
    }

    /// Names the sources a page was built from (the deck and every diagram), so a test can tell a
    /// checked-in page that is older than its source. FNV-1a, 64 bits: a change detector, not security.
    public func fingerprint(of deckFile: URL) throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ data: Data) {
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        mix(try Data(contentsOf: deckFile))
        let diagrams = self.sourceRoot.appendingPathComponent("diagrams")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: diagrams.path)) ?? []).sorted() {
            mix(Data(name.utf8))
            mix(try Data(contentsOf: diagrams.appendingPathComponent(name)))
        }
        return String(hash, radix: 16)
    }

    /// `OUTPUT/index.html`: links to every built deck, both languages.
    @discardableResult
    public func writeIndex() throws -> URL {
        var rows = ""
        for language in Language.allCases {
            let folder = self.outputRoot.appendingPathComponent(language.rawValue)
            let pages = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                $0.hasSuffix(".html")
            }.sorted()
            guard !pages.isEmpty else { continue }
            rows += "<h2>\(language == .es ? "Español" : "English")</h2>\n<ol start=\"0\">\n"
            for page in pages {
                let html = (try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)) ?? ""
                let title =
                    html.range(of: "<title>").flatMap { start in
                        html.range(of: "</title>", range: start.upperBound..<html.endIndex).map {
                            String(html[start.upperBound..<$0.lowerBound])
                        }
                    } ?? page
                rows += "<li><a href=\"\(language.rawValue)/\(page)\">\(title)</a></li>\n"
            }
            rows += "</ol>\n"
        }
        let index = """
            <!DOCTYPE html>
            <html lang="es"><head><meta charset="utf-8"><title>Samsa — diapositivas / slides</title>
            <style>body{font-family:system-ui,"DejaVu Sans",sans-serif;max-width:760px;margin:40px auto;line-height:1.5;color:#1d2430}h1{color:#c2410c}a{color:#0f766e}</style>
            </head><body><h1>Samsa — diapositivas del curso / course slides</h1>
            <p>← → para avanzar · n notas · s vista del ponente · Ctrl+P para PDF.<br>← → to move · n notes · s speaker view · Ctrl+P for PDF.</p>
            \(rows)</body></html>

            """
        let url = self.outputRoot.appendingPathComponent("index.html")
        try index.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
