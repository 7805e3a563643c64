import NIOCore

/// What the server hands a connection's writer task.
enum OutboundItem: Sendable {
    case bytes(ByteBuffer)
    /// Write what came before, then close the connection.
    case close
}
