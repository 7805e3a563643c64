import CourseLanguage
import Foundation
import LiveView

extension CommandTable {
    static let uiCommand = CommandSpec(
        ["ui"], positionals: [.init("stop", .choice(["stop"]), isRequired: false)],
        options: [
            .init("--lang", .choice(["es", "en"]), "the page's language (default: the REPL's)"),
            .init("--port", .number, "port on 127.0.0.1 (default: any free one)"),
        ],
        summary: "a live picture of the cluster in the browser; `ui stop` closes it",
        details: """
            Serves a page on 127.0.0.1 that shows brokers, controller, partitions (leader, ISR, log end
            offset, high watermark), consumer groups with lag, and the events as they happen. The
            address carries a secret token: only someone who sees it can open the page. The page only
            reads; every action stays in the REPL.
            """,
        spanish: CommandHelp(
            summary: "una imagen en vivo del clúster en el navegador; `ui stop` la cierra",
            details: """
                Sirve en 127.0.0.1 una página con los brokers, el controller, las particiones (líder, ISR, log end
                offset, high watermark), los grupos de consumidores con su lag y los eventos según ocurren. La
                dirección lleva un token secreto: solo quien la ve puede abrir la página. La página solo lee;
                todas las acciones siguen en el REPL.
                """,
            options: [
                "--lang": "el idioma de la página (por defecto, el del REPL)",
                "--port": "puerto en 127.0.0.1 (por defecto, uno libre cualquiera)",
            ]),
        run: { session, arguments throws(REPLError) in try session.runLiveViewCommand(arguments) })
}

/// `ui`: the live view of this REPL's cluster, served on 127.0.0.1 while the session lasts.
extension Session {
    func runLiveViewCommand(_ arguments: ParsedArguments) throws(REPLError) {
        if arguments.positionals.first == "stop" {
            guard self.liveView != nil else {
                self.console.print(
                    self.language.pick(
                        es: "La vista en directo no está abierta; `ui` la abre.",
                        en: "The live view is not running; `ui` starts it."))
                return
            }
            self.stopLiveView()
            self.console.print(self.language.pick(es: "Vista en directo cerrada.", en: "Live view closed."))
            return
        }
        if let running = self.liveView, let url = running.server.url {
            self.console.print(
                self.language.pick(
                    es: "La vista en directo ya está abierta en \(url.absoluteString)",
                    en: "The live view is already open at \(url.absoluteString)"))
            return
        }
        let language =
            arguments.value("--lang").flatMap(LiveViewLanguage.init(code:))
            ?? LiveViewLanguage(code: self.language.rawValue) ?? .en
        let port = try arguments.int("--port", in: 0...65535) ?? 0
        let url = try self.startLiveView(language: language, port: port)
        self.console.print(self.language.pick(es: "Vista en directo: ", en: "Live view: ") + url.absoluteString)
        self.console.print(
            self.language.pick(
                es: "Ábrela en un navegador de esta máquina; el token de la dirección es lo que te deja entrar. "
                    + "`ui stop` la cierra.",
                en: "Open it in a browser on this machine; the token in the address is what lets you in. "
                    + "`ui stop` closes it."))
        if Self.openInBrowser(url) {
            self.console.print(
                self.language.pick(es: "(Abriéndola en tu navegador.)", en: "(Opening it in your browser.)"))
        }
    }

    /// Starts the server and the publisher; events go to the page from now on.
    @discardableResult
    func startLiveView(language: LiveViewLanguage, port: Int = 0) throws(REPLError) -> URL {
        let server = LiveViewServer(language: language, glossary: Self.liveViewGlossary(language))
        let url: URL
        do {
            url = try server.start(port: port)
        } catch {
            throw .usage("\(error)", usage: "ui [--lang es|en] [--port N]")
        }
        let publisher = LiveViewPublisher(
            server: server,
            reader: LiveSnapshotReader(
                source: self.attached.map { .remote(bootstrap: $0.bootstrap, metadataServer: $0.zookeeper) }
                    ?? .local(self.liveViewCluster),
                consumers: self.consumers))
        self.liveView = publisher
        self.events.onEvent = { [weak publisher] line, english in publisher?.record(event: line, english: english) }
        self.syncEventWatcher()
        self.liveView?.watcher = self.eventWatcher?.watcher
        self.syncLiveView()
        return url
    }

    /// After each command: the cluster it acts on now, and a fresh read for the page.
    func syncLiveView() {
        guard let publisher = self.liveView else { return }
        self.liveViewCluster.value = self.cluster
        publisher.refresh()
    }

    func stopLiveView() {
        guard let publisher = self.liveView else { return }
        self.liveView = nil
        self.events.onEvent = nil
        publisher.stop()
        self.syncEventWatcher()
    }

    /// Opens `url` with the desktop's browser when there is a desktop; false when there is none.
    static func openInBrowser(_ url: URL) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        #if os(macOS)
            let opener = "/usr/bin/open"
        #else
            guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else { return false }
            let opener = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/xdg-open" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let opener else { return false }
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return (try? process.run()) != nil
    }

    /// The glossary entries the page links to, worded in the page's language.
    static func liveViewGlossary(_ language: LiveViewLanguage) -> [(term: String, text: String)] {
        let worded = Language(code: language.rawValue) ?? .en
        return Explanations.entries.map { (term: $0.term, text: $0.text.text(worded)) }
    }
}
