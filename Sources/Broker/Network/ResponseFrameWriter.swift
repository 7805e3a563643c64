import LogStorage
import NIOCore
import Synchronization

/// Writes a `ResponseFrame` to the socket in order: memory parts as buffers, file parts as
/// `FileRegion`s, which NIO sends with `sendfile(2)`, so fetched records go from the page cache to
/// the socket without entering the process (Kafka's `FileRecords.writeTo` → `transferTo`).
///
/// Each region owns a duplicate of the segment's descriptor, closed when its write completes or
/// fails; the `FileRecords` is kept until then so a truncation of the segment moves it aside
/// rather than cutting bytes still to be sent. `sendfile` reads the page cache on the event loop,
/// as Kafka's network threads do: a cold read waits for the disk there.
final class ResponseFrameWriter: ChannelOutboundHandler {
    typealias OutboundIn = ResponseFrame
    typealias OutboundOut = IOData

    private let counters: FetchTransferCounters

    init(counters: FetchTransferCounters) {
        self.counters = counters
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = Self.unwrapOutboundIn(data)
        for (index, part) in frame.parts.enumerated() {
            let isLast = index == frame.parts.count - 1
            switch part {
            case .bytes(let buffer):
                context.write(Self.wrapOutboundOut(.byteBuffer(buffer)), promise: isLast ? promise : nil)
            case .file(let records):
                guard self.writeRegion(of: records, context: context, promise: isLast ? promise : nil) else {
                    if !isLast { promise?.fail(ChannelError.ioOnClosedChannel) }
                    return
                }
            }
        }
    }

    /// False when the region could not be made; the connection is then closed.
    private func writeRegion(
        of records: FileRecords, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?
    ) -> Bool {
        let made: (region: FileRegion, handle: NIOFileHandle)
        do {
            made = try records.makeFileRegion()
        } catch {
            // Out of descriptors: the announced size can no longer be met, so the connection goes
            // (the client retries the fetch), as Kafka closes one whose send failed.
            promise?.fail(error)
            context.close(promise: nil)
            return false
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        let counters = self.counters
        written.futureResult.whenComplete { result in
            try? made.handle.close()
            withExtendedLifetime(records) {}
            if case .success = result { counters.sentWithSendfile(records.length) }
        }
        if let promise { written.futureResult.cascade(to: promise) }
        context.write(Self.wrapOutboundOut(.fileRegion(made.region)), promise: written)
        return true
    }
}

@available(*, unavailable)
extension ResponseFrameWriter: Sendable {}
