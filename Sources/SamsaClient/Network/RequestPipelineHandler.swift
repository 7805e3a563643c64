import KafkaProtocol
import NIOCore

/// Matches response frames to pending requests by correlation id, so many requests can be in flight on one
/// connection (Kafka answers them in order, but matching by id catches a confused peer).
///
/// A request that gets no answer within its timeout fails and the connection is closed, as Kafka's Java client
/// does: later responses on that connection could no longer be trusted to line up.
final class RequestPipelineHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = OutgoingRequest
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var apiKey: ApiKey
        var promise: EventLoopPromise<ByteBuffer>
        var timeoutTask: Scheduled<Void>?
    }

    private let broker: String
    private var pending: [Int32: Pending] = [:]
    private var isClosed = false

    init(broker: String) {
        self.broker = broker
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = self.unwrapOutboundIn(data)
        if self.isClosed {
            let error = SamsaClientError.connectionClosed(broker: self.broker)
            request.response?.fail(error)
            promise?.fail(error)
            return
        }
        if let response = request.response {
            let correlationId = request.correlationId
            let timeout = request.timeout
            let apiKey = request.apiKey
            let broker = self.broker
            let task = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                guard let entry = self.pending.removeValue(forKey: correlationId) else { return }
                entry.promise.fail(
                    SamsaClientError.requestTimedOut(
                        api: apiKey, broker: broker, timeout: .nanoseconds(timeout.nanoseconds)))
                context.close(promise: nil)
            }
            self.pending[correlationId] = Pending(apiKey: apiKey, promise: response, timeoutTask: task)
        }
        context.write(self.wrapOutboundOut(request.frame), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = self.unwrapInboundIn(data)
        guard let correlationId = frame.getInteger(at: frame.readerIndex, as: Int32.self),
            let entry = self.pending.removeValue(forKey: correlationId)
        else {
            // A response nobody asked for: the stream is out of step.
            context.close(promise: nil)
            return
        }
        entry.timeoutTask?.cancel()
        entry.promise.succeed(frame)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.failAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.failAll()
        context.close(promise: nil)
    }

    private func failAll() {
        self.isClosed = true
        let pending = self.pending
        self.pending.removeAll()
        for entry in pending.values {
            entry.timeoutTask?.cancel()
            entry.promise.fail(SamsaClientError.connectionClosed(broker: self.broker))
        }
    }
}

@available(*, unavailable)
extension RequestPipelineHandler: Sendable {}
