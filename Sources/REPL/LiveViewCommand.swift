import CourseLanguage
import Foundation
import LiveView

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `samsa ui --bootstrap HOST:PORT --zookeeper HOST:PORT [--lang es|en] [--port N]`: the live view
/// of a cluster started elsewhere (Kafka's own scripts, another terminal). Brokers come from the
/// metadata watch, partitions and groups from the brokers; it runs until Ctrl-C.
public enum LiveViewCommand {
    public static let usage = "usage: samsa ui --bootstrap HOST:PORT[,HOST:PORT...] --zookeeper HOST:PORT [--lang es|en] [--port N]"

    public static func run(arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--help" || word == "-h" {
                Self.say(Self.usage)
                return 0
            }
            guard ["--bootstrap", "--bootstrap-server", "--zookeeper", "--lang", "--port"].contains(word), index + 1 < arguments.count else {
                Self.fail("unexpected \(word)")
                return 2
            }
            options[word == "--bootstrap-server" ? "--bootstrap" : word] = arguments[index + 1]
            index += 2
        }
        guard let bootstrap = options["--bootstrap"], let zookeeper = options["--zookeeper"] else {
            Self.fail("--bootstrap and --zookeeper are both needed")
            return 2
        }
        guard let language = LiveViewLanguage(code: options["--lang"] ?? Language.preferred.rawValue) else {
            Self.fail("--lang takes es or en")
            return 2
        }
        guard let port = Int(options["--port"] ?? "0"), (0...65535).contains(port) else {
            Self.fail("--port takes a number from 0 to 65535")
            return 2
        }
        let server = LiveViewServer(language: language, glossary: Session.liveViewGlossary(language))
        let url: URL
        do {
            url = try server.start(port: port)
        } catch {
            Self.fail("\(error)")
            return 1
        }
        let publisher = LiveViewPublisher(
            server: server, reader: LiveSnapshotReader(source: .remote(bootstrap: bootstrap, metadataServer: zookeeper), consumers: nil))
        let watcher = ClusterEventWatcher(
            connectString: zookeeper,
            report: { [weak publisher] event in
                let worded = Language(code: language.rawValue) ?? .en
                Self.say(event.text(worded))
                publisher?.record(event: event.text(worded), english: event.text(.en))
            },
            controllerChanged: { _ in })
        do {
            try AsyncBridge.run { try await watcher.start() }
        } catch {
            server.stop()
            Self.fail("cannot watch the metadata server at \(zookeeper): \(error)")
            return 1
        }
        publisher.watcher = watcher
        publisher.refresh()
        Self.say("Live view of \(bootstrap): \(url.absoluteString)")
        Self.say("Open it in a browser on this machine; Ctrl-C stops it.")
        if Session.openInBrowser(url) { Self.say("(Opening it in your browser.)") }
        // Runs until a signal ends the process; the server and the watch end with it.
        while true { pause() }
    }

    /// Unbuffered, so a pipe or a file sees each line at once (the process then only waits).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("samsa ui: \(message)\n\(Self.usage)\n".utf8))
    }
}
