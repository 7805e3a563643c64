import CourseLanguage
import Foundation
import SamsaTesting
import Slides
import XCTest

/// The decks as a person sees them: every slide opened in headless Chromium, screenshotted, and
/// measured by the page's own `#check` mode (overflow, broken images, dead links).
final class BrowserCheckTests: XCTestCase {
    static let slides = ExternalTool.packageRoot.appendingPathComponent("slides")
    static let screenshots = ExternalTool.packageRoot.appendingPathComponent(".build/slides-screenshots")

    /// Builds every deck into a temporary folder, running each samsa example on a real cluster
    /// (a failed command or a broken expectation fails here), then checks and screenshots every slide.
    func testEveryDeckBuildsWithItsExamplesAndEverySlideFitsItsFrame() throws {
        let chromium = try Self.requireChromium()
        let samsa = try Products.executable("samsa")
        let output = try TemporaryDirectory(prefix: "slides-build")
        defer { output.remove() }
        let builder = DeckBuilder(
            sourceRoot: Self.slides.appendingPathComponent("src"), outputRoot: output.url, samsa: samsa)
        var pages: [(Language, URL)] = []
        for language in Language.allCases {
            for file in try builder.deckFiles(language) {
                do {
                    pages.append((language, try builder.build(file, language: language)))
                } catch {
                    XCTFail("\(error)")
                }
            }
        }
        XCTAssertEqual(pages.count, 16, "decks 0–7 in Spanish and English")
        var shots: [(page: URL, slide: Int, png: URL)] = []
        for (language, page) in pages {
            let count = try self.check(page, chromium: chromium)
            let folder = Self.screenshots.appendingPathComponent(
                "\(language.rawValue)/\(page.deletingPathExtension().lastPathComponent)")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for slide in 1...max(count, 1) {
                shots.append((page, slide, folder.appendingPathComponent(String(format: "%02d.png", slide))))
            }
        }
        // Two browsers at a time, each with its own profile: most of the time is Chromium starting.
        let failures = LockedList()
        let jobs = shots
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for (page, slide, png) in jobs.enumerated().filter({ $0.offset % 2 == worker }).map(\.element) {
                do {
                    let profile = try TemporaryDirectory(prefix: "slides-shot")
                    defer { profile.remove() }
                    let result = try ExternalTool.run(
                        chromium,
                        arguments: Self.chromiumFlags + [
                            "--user-data-dir=\(profile.url.path)", "--screenshot=\(png.path)",
                            page.absoluteString + "#\(slide)",
                        ],
                        timeout: .seconds(90))
                    if !result.succeeded || !FileManager.default.fileExists(atPath: png.path) {
                        failures.append(
                            "no screenshot of slide \(slide) of \(page.lastPathComponent): \(result.summary)")
                    }
                } catch {
                    failures.append("slide \(slide) of \(page.lastPathComponent): \(error)")
                }
            }
        }
        for failure in failures.items { XCTFail(failure) }
    }

    /// The pages checked in under slides/build open without building: one per deck and language,
    /// built from the current sources, and they pass the same browser check.
    func testCheckedInPagesAreCurrentAndPassTheBrowserCheck() throws {
        let chromium = try Self.requireChromium()
        let builder = DeckBuilder(
            sourceRoot: Self.slides.appendingPathComponent("src"),
            outputRoot: Self.slides.appendingPathComponent("build"), samsa: nil)
        for language in Language.allCases {
            let files = try builder.deckFiles(language)
            XCTAssertEqual(files.count, 8, "decks 00–07 in slides/src/\(language.rawValue)")
            for file in files {
                let page = Self.slides.appendingPathComponent(
                    "build/\(language.rawValue)/\(file.deletingPathExtension().lastPathComponent).html")
                guard let html = try? String(contentsOf: page, encoding: .utf8) else {
                    XCTFail("\(page.path) is missing; run `samsa slides build` and commit slides/build")
                    continue
                }
                let fingerprint = try builder.fingerprint(of: file)
                XCTAssertTrue(
                    html.contains("<meta name=\"source-fingerprint\" content=\"\(fingerprint)\">"),
                    "\(page.lastPathComponent) is older than its source; run `samsa slides build --lang \(language.rawValue)` and commit slides/build"
                )
                XCTAssertFalse(
                    html.contains("data-draft=\"yes\""),
                    "\(page.lastPathComponent) was built with --no-run; build it with the examples")
                let slides = try self.check(page, chromium: chromium)
                try self.assertPrintsOneSlidePerPage(page, slides: slides, chromium: chromium)
            }
        }
    }

    static let chromiumFlags = [
        "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run", "--mute-audio",
        "--window-size=1280,720", "--virtual-time-budget=5000",
    ]

    /// Runs the page's `#check` mode and fails the test for each problem it reports; returns the slide count.
    func check(_ page: URL, chromium: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        guard let report = try self.report(page, chromium: chromium, file: file, line: line) else { return 0 }
        XCTAssertGreaterThan(report.slides, 1, "\(page.lastPathComponent) has slides", file: file, line: line)
        for problem in report.problems {
            XCTFail(
                "\(page.lastPathComponent) slide \(problem.slide): \(problem.kind): \(problem.detail)", file: file,
                line: line)
        }
        return report.slides
    }

    /// What the page's `#check` mode found, or nil (and a failure) when it did not run.
    func report(_ page: URL, chromium: URL, file: StaticString = #filePath, line: UInt = #line) throws -> CheckReport? {
        let profile = try TemporaryDirectory(prefix: "slides-chromium")
        defer { profile.remove() }
        let result = try ExternalTool.run(
            chromium,
            arguments: Self.chromiumFlags + [
                "--user-data-dir=\(profile.url.path)", "--dump-dom", page.absoluteString + "#check",
            ],
            timeout: .seconds(90))
        guard result.succeeded else {
            XCTFail("chromium could not open \(page.lastPathComponent): \(result.summary)", file: file, line: line)
            return nil
        }
        let dom = result.stdoutText
        guard let start = dom.range(of: "<pre id=\"check-result\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            XCTFail(
                "\(page.lastPathComponent): the page's check did not run (no #check-result)", file: file, line: line)
            return nil
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(CheckReport.self, from: Data(json.utf8))
    }

    /// Printing (or saving as PDF) gives one 1280×720 page per slide: 960×540 points.
    func assertPrintsOneSlidePerPage(
        _ page: URL, slides: Int, chromium: URL, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let scratch = try TemporaryDirectory(prefix: "slides-pdf")
        defer { scratch.remove() }
        let pdf = scratch.appending("deck.pdf")
        let result = try ExternalTool.run(
            chromium,
            arguments: Self.chromiumFlags + [
                "--user-data-dir=\(scratch.appending("profile").path)", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ],
            timeout: .seconds(90))
        guard result.succeeded, let data = FileManager.default.contents(atPath: pdf.path) else {
            return XCTFail(
                "chromium could not print \(page.lastPathComponent): \(result.summary)", file: file, line: line)
        }
        let text = String(decoding: data, as: UTF8.self)
        let pages = try NSRegularExpression(pattern: #"/Type\s*/Page(?![s\w])"#)
            .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        XCTAssertEqual(pages, slides, "\(page.lastPathComponent) prints one page per slide", file: file, line: line)
        let boxes = try NSRegularExpression(pattern: #"/MediaBox\s*\[0 0 960 540\]"#)
            .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        XCTAssertEqual(
            boxes, slides, "\(page.lastPathComponent): every printed page is one 1280×720 slide", file: file, line: line
        )
    }

    /// The check itself can fail: a slide too long for its frame, a link to another file and a
    /// link to a missing slide are all reported, and a clean slide is not.
    func testTheCheckReportsOverflowAndLinksThatCannotWork() throws {
        let chromium = try Self.requireChromium()
        let folder = try TemporaryDirectory(prefix: "slides-check")
        defer { folder.remove() }
        let longList = (1...40).map { "- line \($0)" }.joined(separator: "\n")
        let text = """
            # Fine

            A short title slide.

            ---

            ## Too long

            \(longList)

            ---

            ## Links

            [another file](other.html) and [a missing slide](#99) and [slide 1](#1)

            ---

            ## Too wide

            ```
            \(String(repeating: "wide ", count: 80))
            ```

            ---

            ## Small terminal

            ```samsa
            cluster status
            ```
            """
        let deck = try DeckSource.parse(text, file: "check.md")
        // Terminal text set back to the old 16 px, which the check must catch.
        let html = try DeckRenderer(language: .en, baseDirectory: folder.url, file: "check.md").render(
            deck, outputs: []
        )
        .replacingOccurrences(
            of: "pre.session { background:var(--term); color:#d7dde5; font-size:22px;",
            with: "pre.session { background:var(--term); color:#d7dde5; font-size:16px;")
        let page = folder.appending("check.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let report = try XCTUnwrap(try self.report(page, chromium: chromium))
        XCTAssertEqual(report.slides, 5)
        let found = report.problems.map { "\($0.slide) \($0.kind) \($0.detail)" }
        XCTAssertFalse(found.contains { $0.hasPrefix("1 ") }, "the title slide is clean: \(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("2 overflow content is") && $0.contains("tall") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("3 link") && $0.contains("other.html") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("3 link no target for #99") }, "\(found)")
        XCTAssertFalse(
            found.contains { $0.contains("#1") && !$0.contains("#99") }, "a link to an existing slide is fine: \(found)"
        )
        XCTAssertTrue(found.contains { $0.hasPrefix("4 overflow pre is") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("5 terminal terminal text is 16px") }, "\(found)")
        XCTAssertFalse(found.contains { $0.hasPrefix("5 ") && !$0.hasPrefix("5 terminal") }, "\(found)")
    }

    struct CheckReport: Decodable {
        struct Problem: Decodable {
            var slide: Int
            var kind: String
            var detail: String
        }
        var slides: Int
        var problems: [Problem]
    }

    /// `SAMSA_CHROMIUM`, else Debian's `chromium`: skipped when missing, a failure under CI=true.
    static func requireChromium() throws -> URL {
        let environment = ProcessInfo.processInfo.environment["SAMSA_CHROMIUM"] ?? ""
        let candidates =
            (environment.isEmpty ? [] : [environment]) + ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map {
            URL(fileURLWithPath: $0)
        }
        return try ExternalTool.require(
            "chromium", found, hint: "run scripts/test.sh (as root it installs Debian's chromium package)")
    }
}

/// Failures gathered from the screenshot workers, reported on the test's own thread.
private final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func append(_ item: String) {
        self.lock.lock()
        defer { self.lock.unlock() }
        self.list.append(item)
    }

    var items: [String] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.list
    }
}
