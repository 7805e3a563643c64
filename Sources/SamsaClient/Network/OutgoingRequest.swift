import KafkaProtocol
import NIOCore

/// One encoded request on its way to a broker. `response` is nil when the broker sends no reply
/// (Produce with acks=0).
struct OutgoingRequest: Sendable {
    var frame: ByteBuffer
    var apiKey: ApiKey
    var correlationId: Int32
    var response: EventLoopPromise<ByteBuffer>?
    var timeout: TimeAmount
}
