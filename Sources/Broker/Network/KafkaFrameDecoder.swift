import NIOCore

/// Splits the byte stream of a Kafka connection into requests: each is an int32 size followed by
/// that many bytes. A size below zero or above `socket.request.max.bytes` closes the connection,
/// as Kafka's `NetworkReceive` does: there is no way to answer a frame that cannot be read.
final class KafkaFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    enum Error: Swift.Error, CustomStringConvertible {
        case invalidSize(Int32, max: Int)

        var description: String {
            switch self {
            case .invalidSize(let size, let max):
                "request size \(size) is outside 0...\(max) (socket.request.max.bytes); closing the connection"
            }
        }
    }

    private enum State {
        case waitingForHeader
        case waitingForFrame(length: Int)
    }

    private let maxFrameSize: Int
    private var state: State = .waitingForHeader

    init(maxFrameSize: Int) {
        self.maxFrameSize = maxFrameSize
    }

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch self.state {
        case .waitingForHeader:
            guard let size = buffer.readInteger(as: Int32.self) else { return .needMoreData }
            guard size >= 0, Int(size) <= self.maxFrameSize else {
                throw Error.invalidSize(size, max: self.maxFrameSize)
            }
            self.state = .waitingForFrame(length: Int(size))
            return .continue
        case .waitingForFrame(let length):
            guard let frame = buffer.readSlice(length: length) else { return .needMoreData }
            self.state = .waitingForHeader
            context.fireChannelRead(Self.wrapInboundOut(frame))
            return .continue
        }
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try self.decode(context: context, buffer: &buffer)
    }
}

@available(*, unavailable)
extension KafkaFrameDecoder: Sendable {}
