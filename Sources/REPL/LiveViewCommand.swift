import CourseLanguage
import Foundation
import LiveView

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `samsa ui`: the live view of a cluster started elsewhere (Kafka's own scripts, another
/// terminal). Brokers come from the metadata watch, partitions and groups from the brokers; it runs
/// until Ctrl-C. Its command line is `samsa`'s to parse (`LiveViewUICommand`).
public enum LiveViewCommand {
    /// Serves the view of the cluster at `bootstrap` (its metadata server at `zookeeper`) on `port`
    /// (0: any free one); returns only when it cannot start, with exit status 1.
    public static func run(bootstrap: String, zookeeper: String, language worded: Language, port: Int) -> Int32 {
        let language: LiveViewLanguage = worded == .es ? .es : .en
        let server = LiveViewServer(language: language, glossary: Session.liveViewGlossary(language))
        let url: URL
        do {
            url = try server.start(port: port)
        } catch {
            Self.fail("\(error)")
            return 1
        }
        let publisher = LiveViewPublisher(
            server: server,
            reader: LiveSnapshotReader(source: .remote(bootstrap: bootstrap, metadataServer: zookeeper), consumers: nil)
        )
        let watcher = ClusterEventWatcher(
            connectString: zookeeper,
            report: { [weak publisher] event in
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
        FileHandle.standardError.write(Data("samsa ui: \(message)\n".utf8))
    }
}
