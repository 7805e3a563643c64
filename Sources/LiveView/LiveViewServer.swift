import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The live view's HTTP server: the page, its snapshot and its event stream, on 127.0.0.1 only,
/// behind a random token. Whoever owns it calls `publish` when something changed; the server keeps
/// no timer of its own, so an idle cluster costs nothing.
public final class LiveViewServer: Sendable {
    public enum Error: Swift.Error, CustomStringConvertible {
        case cannotListen(port: Int, reason: String)

        public var description: String {
            switch self {
            case .cannotListen(let port, let reason):
                "the live view cannot listen on 127.0.0.1:\(port) (\(reason)); give another port or 0 for any free one"
            }
        }
    }

    /// Loopback only: the page shows a cluster that belongs to whoever sits at this machine.
    public static let host = "127.0.0.1"

    public let token: AccessToken
    public let language: LiveViewLanguage
    private let broadcaster = SnapshotBroadcaster()
    private let page: String
    private let channel = Mutex<(any Channel)?>(nil)

    /// `glossary`: the REPL's `explain` entries (term → text), shown at the bottom of the page and linked from events.
    public init(
        language: LiveViewLanguage, glossary: [(term: String, text: String)] = [], token: AccessToken = AccessToken()
    ) {
        self.token = token
        self.language = language
        self.page = LiveViewPage.html(language: language, token: token, glossary: glossary)
    }

    /// Starts listening (`port` 0: any free port) and returns the page's address, token included.
    @discardableResult
    public func start(port: Int = 0) throws -> URL {
        let token = self.token
        let page = self.page
        let broadcaster = self.broadcaster
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        LiveViewHTTPHandler(token: token, page: page, broadcaster: broadcaster))
                }
            }
        let listening: any Channel
        do {
            listening = try bootstrap.bind(host: Self.host, port: port).wait()
        } catch {
            throw Error.cannotListen(port: port, reason: "\(error)")
        }
        self.channel.withLock { $0 = listening }
        return self.url(port: listening.localAddress?.port ?? port)
    }

    /// The port it listens on; nil before `start` and after `stop`.
    public var port: Int? { self.channel.withLock { $0?.localAddress?.port } }

    /// The address to open, with the token; nil when not listening.
    public var url: URL? { self.port.map { self.url(port: $0) } }

    private func url(port: Int) -> URL {
        URL(string: "http://\(Self.host):\(port)/?token=\(self.token.hex)")!
    }

    /// Pages open now (event streams connected).
    public var openPages: Int { self.broadcaster.streamCount }

    /// The last snapshot published, as sent (JSON).
    public var latestJSON: String? { self.broadcaster.latestJSON }

    /// Sends `snapshot` to every open page, and to pages opened later until the next one.
    public func publish(_ snapshot: LiveSnapshot) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(snapshot) else { return }
        self.broadcaster.publish(json: String(decoding: data, as: UTF8.self))
    }

    /// Closes the streams and stops listening.
    public func stop() {
        let listening = self.channel.withLock { channel in
            defer { channel = nil }
            return channel
        }
        self.broadcaster.closeAll()
        try? listening?.close().wait()
    }
}
