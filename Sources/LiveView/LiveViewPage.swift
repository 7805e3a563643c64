import Foundation

/// The page: one self-contained HTML document (style and script inline, system fonts, no network
/// but its own event stream), so it works offline and loads nothing from outside 127.0.0.1.
enum LiveViewPage {
    static func html(language: LiveViewLanguage, token: AccessToken, glossary: [(term: String, text: String)]) -> String
    {
        let text = LiveViewText.strings(language)
        let configuration: [String: Any] = [
            "token": token.hex,
            "language": language.rawValue,
            "text": text,
            "glossary": glossary.map { ["term": $0.term, "text": $0.text] },
            "glossaryTerms": Self.glossaryTerms(known: Set(glossary.map(\.term))),
        ]
        let json =
            (try? JSONSerialization.data(withJSONObject: configuration, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // Inside <script>, "</" would end the element early.
        let embedded = json.replacingOccurrences(of: "</", with: "<\\/")
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(text["title"] ?? "Samsa")</title>
            <style>\(LiveViewPage.style)</style>
            </head>
            <body>
            <header>
              <h1 id="title">\(text["title"] ?? "Samsa")</h1>
              <p id="connection" data-state="connecting">\(text["connecting"] ?? "")</p>
            </header>
            <main>
              <div id="left">
                <section id="servers" aria-labelledby="servers-title"><h2 id="servers-title"></h2><div id="server-list"></div></section>
                <section id="topics" aria-labelledby="topics-title"><h2 id="topics-title"></h2><div id="topic-list"></div></section>
                <section id="groups" aria-labelledby="groups-title"><h2 id="groups-title"></h2><div id="group-list"></div></section>
              </div>
              <section id="timeline" aria-labelledby="timeline-title"><h2 id="timeline-title"></h2><ol id="event-list"></ol></section>
            </main>
            <details id="glossary"><summary id="glossary-title"></summary><dl id="glossary-list"></dl></details>
            <script id="configuration" type="application/json">\(embedded)</script>
            <script>\(LiveViewPage.script)</script>
            </body>
            </html>
            """
    }

    /// Event kind → glossary term, for the terms the glossary has (a link never points nowhere).
    static func glossaryTerms(known: Set<String>) -> [String: String] {
        var terms: [String: String] = [:]
        for kind in TimelineEventKind.allCases {
            if let term = kind.glossaryTerm, known.contains(term) { terms[kind.rawValue] = term }
        }
        return terms
    }
}
