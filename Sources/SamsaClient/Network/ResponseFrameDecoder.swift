import KafkaProtocol
import NIOCore

/// Splits the byte stream from a broker into response frames (int32 size + header + body).
final class ResponseFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try buffer.readKafkaFrame() else { return .needMoreData }
        context.fireChannelRead(self.wrapInboundOut(frame))
        return .continue
    }
}

@available(*, unavailable)
extension ResponseFrameDecoder: Sendable {}
