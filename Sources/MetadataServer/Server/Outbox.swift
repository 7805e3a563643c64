import NIOCore
import Synchronization

/// What the server hands a connection's writer task.
enum OutboundItem: Sendable {
    case bytes(ByteBuffer)
    /// Write what came before, then close the connection.
    case close
}

/// A connection's outgoing queue. The server actor never waits on a socket: it enqueues here,
/// and the connection's writer drains at the client's pace. A client that stops reading is
/// noticed by the queued byte count and dropped, so it cannot exhaust the server's memory.
final class Outbox: Sendable {
    private let continuation: AsyncStream<OutboundItem>.Continuation
    private let queuedBytes = Atomic<Int>(0)
    private let limit: Int

    init(continuation: AsyncStream<OutboundItem>.Continuation, limit: Int) {
        self.continuation = continuation
        self.limit = limit
    }

    /// Queues bytes; false when the client is too far behind and should be disconnected.
    func send(_ buffer: ByteBuffer) -> Bool {
        let (_, queued) = self.queuedBytes.wrappingAdd(buffer.readableBytes, ordering: .relaxed)
        guard queued <= self.limit else { return false }
        self.continuation.yield(.bytes(buffer))
        return true
    }

    func didWrite(_ count: Int) {
        self.queuedBytes.wrappingSubtract(count, ordering: .relaxed)
    }

    var queued: Int { self.queuedBytes.load(ordering: .relaxed) }

    func close() {
        self.continuation.yield(.close)
        self.continuation.finish()
    }
}
