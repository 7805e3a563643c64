import NIOCore

/// Splits a ZooKeeper byte stream into packets (i32 length + payload). On a server connection the
/// first 4 bytes may instead be a four-letter word; ZooKeeper checks only the first packet.
public struct ZooKeeperFrameDecoder: ByteToMessageDecoder, Sendable {
    public typealias InboundOut = InboundPacket

    /// The words ZooKeeper 3.8 knows (`FourLetterCommands`); anything else is read as a length.
    public static let fourLetterWords: Set<String> = [
        "conf", "cons", "crst", "dirs", "dump", "envi", "gtmk", "ruok", "stmk", "srst", "srvr", "stat",
        "wchc", "wchp", "wchs", "mntr", "isro", "hash",
    ]

    private enum State {
        case waitingForFirstHeader
        case waitingForHeader
        case waitingForFrame(length: Int)
        case finished
    }

    private var state: State
    public let maximumLength: Int

    /// - Parameters:
    ///   - maximumLength: the largest payload accepted (ZooKeeper's `jute.maxbuffer`, 1 MiB - 1,
    ///     plus 1 KiB of request overhead).
    ///   - acceptsFourLetterWords: true on the server side.
    public init(maximumLength: Int = 0xFFFFF + 1024, acceptsFourLetterWords: Bool = false) {
        self.maximumLength = maximumLength
        self.state = acceptsFourLetterWords ? .waitingForFirstHeader : .waitingForHeader
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let packet = try self.next(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(packet))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try self.decode(context: context, buffer: &buffer)
    }

    /// The decoding step without a channel, for tests and the fuzz target.
    public mutating func next(from buffer: inout ByteBuffer) throws(FrameError) -> InboundPacket? {
        switch self.state {
        case .finished:
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return nil
        case .waitingForFirstHeader:
            guard let bytes = buffer.getBytes(at: buffer.readerIndex, length: 4) else { return nil }
            let word = String(decoding: bytes, as: UTF8.self)
            if Self.fourLetterWords.contains(word) {
                buffer.moveReaderIndex(forwardBy: 4)
                // The server answers and closes; later bytes are ignored.
                self.state = .finished
                return .fourLetterWord(word)
            }
            self.state = .waitingForHeader
            return try self.next(from: &buffer)
        case .waitingForHeader:
            guard let length = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else { return nil }
            guard length >= 0, Int(length) <= self.maximumLength else {
                throw .invalidLength(length, maximum: self.maximumLength)
            }
            buffer.moveReaderIndex(forwardBy: 4)
            self.state = .waitingForFrame(length: Int(length))
            return try self.next(from: &buffer)
        case .waitingForFrame(let length):
            guard let frame = buffer.readSlice(length: length) else { return nil }
            self.state = .waitingForHeader
            return .packet(frame)
        }
    }
}
