import KafkaProtocol
import NIOCore

/// A request already written to a broker whose response has not been read yet.
public struct PendingResponse<Request: KafkaRequest>: Sendable {
    let future: EventLoopFuture<ByteBuffer>
    let version: Int16

    /// Waits for the response and decodes it.
    public func response() async throws -> Request.Response {
        var frame = try await Self.frame(from: self.future)
        do {
            _ = try frame.readKafkaResponseHeader(apiKey: Request.apiKey, apiVersion: self.version)
            return try Request.Response(from: &frame, version: self.version)
        } catch {
            throw SamsaClientError.malformedResponse(Request.apiKey, reason: "\(error)")
        }
    }

    static func frame(from future: EventLoopFuture<ByteBuffer>) async throws -> ByteBuffer {
        do {
            return try await future.get()
        } catch let error as SamsaClientError {
            throw error
        } catch {
            throw SamsaClientError.connectionClosed(broker: "?")
        }
    }
}
