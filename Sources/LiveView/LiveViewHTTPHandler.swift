import NIOCore
import NIOHTTP1

/// One connection: answers the page and the snapshot, or turns the connection into an event
/// stream the broadcaster writes to until the page closes it.
final class LiveViewHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let token: AccessToken
    private let page: String
    private let broadcaster: SnapshotBroadcaster
    private var head: HTTPRequestHead?
    private var isStreaming = false

    init(token: AccessToken, page: String, broadcaster: SnapshotBroadcaster) {
        self.token = token
        self.page = page
        self.broadcaster = broadcaster
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            return
        case .end:
            guard let head = self.head, !self.isStreaming else { return }
            self.head = nil
            self.respond(to: head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if self.isStreaming { self.broadcaster.unsubscribe(context.channel) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        switch LiveViewRoute(method: request.method.rawValue, uri: request.uri, token: self.token) {
        case .page:
            self.send(.ok, type: "text/html; charset=utf-8", body: self.page, request: request, context: context)
        case .snapshot:
            self.send(
                .ok, type: "application/json", body: self.broadcaster.latestJSON ?? "null", request: request,
                context: context)
        case .events:
            self.startStream(context: context)
        case .forbidden:
            self.send(
                .forbidden, type: "text/plain; charset=utf-8",
                body: "403: this page needs the token from the URL the REPL printed.\n", request: request,
                context: context)
        case .notFound:
            self.send(.notFound, type: "text/plain; charset=utf-8", body: "404\n", request: request, context: context)
        case .methodNotAllowed:
            self.send(
                .methodNotAllowed, type: "text/plain; charset=utf-8", body: "405: the page only reads.\n",
                request: request, context: context)
        }
    }

    /// Headers every answer carries: nothing may load from anywhere but this server.
    private static func headers(type: String) -> HTTPHeaders {
        HTTPHeaders([
            ("Content-Type", type),
            ("Cache-Control", "no-store"),
            (
                "Content-Security-Policy",
                "default-src 'none'; connect-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:"
            ),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
        ])
    }

    private func send(
        _ status: HTTPResponseStatus, type: String, body: String, request: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        var headers = Self.headers(type: type)
        let buffer = context.channel.allocator.buffer(string: body)
        headers.add(name: "Content-Length", value: String(buffer.readableBytes))
        let keepAlive = request.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(
            self.wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
            promise: nil)
        if request.method != .HEAD { context.write(self.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil) }
        let done = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { [channel = context.channel] _ in channel.close(promise: nil) } }
    }

    /// Server-sent events: the head now, then one `data:` event per snapshot, written by the broadcaster.
    private func startStream(context: ChannelHandlerContext) {
        self.isStreaming = true
        var headers = Self.headers(type: "text/event-stream; charset=utf-8")
        headers.add(name: "Connection", value: "keep-alive")
        let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)
        context.writeAndFlush(self.wrapOutboundOut(.head(head)), promise: nil)
        // Retry after 1 s when the connection drops (the REPL restarting the view).
        context.writeAndFlush(
            self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: "retry: 1000\n\n")))),
            promise: nil)
        self.broadcaster.subscribe(context.channel)
    }
}

@available(*, unavailable)
extension LiveViewHTTPHandler: Sendable {}
