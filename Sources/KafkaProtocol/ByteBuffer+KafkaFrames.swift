import NIOCore

/// Kafka's framing, as both ends of a connection see it: every request and response is an `int32` size, then
/// a header, then the body. These helpers pick the header version so callers cannot get it wrong.
extension ByteBuffer {
    /// Kafka's default `socket.request.max.bytes` (100 MiB), the largest frame accepted by default.
    public static let kafkaDefaultMaxFrameLength = 104_857_600

    /// Reads one size-prefixed frame and returns its payload (a slice: header and body), or `nil` if the
    /// whole frame has not arrived yet, consuming nothing in that case.
    ///
    /// Throws `invalidLength` for a negative size or one above `maxLength`, which Kafka answers by closing
    /// the connection.
    public mutating func readKafkaFrame(
        maxLength: Int = ByteBuffer.kafkaDefaultMaxFrameLength
    ) throws(KafkaProtocolError) -> ByteBuffer? {
        guard let size = self.getInteger(at: self.readerIndex, endianness: .big, as: Int32.self) else { return nil }
        guard size >= 0, Int(size) <= maxLength else { throw .invalidLength(Int(size), "frame size") }
        guard self.readableBytes >= 4 + Int(size) else { return nil }
        self.moveReaderIndex(forwardBy: 4)
        return self.readSlice(length: Int(size))
    }

    /// Reads a request header (the start of a request frame after its size), choosing the header version from
    /// the API key and version it starts with, as a Kafka broker does.
    ///
    /// An unknown API key is read as header v1; answer it (or close the connection, as Kafka does).
    public mutating func readKafkaRequestHeader() throws(KafkaProtocolError) -> RequestHeader {
        guard let apiKey = self.getInteger(at: self.readerIndex, endianness: .big, as: Int16.self) else {
            throw .truncated("RequestHeader.requestApiKey")
        }
        guard let apiVersion = self.getInteger(at: self.readerIndex + 2, endianness: .big, as: Int16.self) else {
            throw .truncated("RequestHeader.requestApiVersion")
        }
        let headerVersion = ApiKey(rawValue: apiKey)?.requestHeaderVersion(for: apiVersion) ?? 1
        return try RequestHeader(from: &self, version: headerVersion)
    }

    /// Decodes the request body that follows `header` with the generated type for its API key.
    ///
    /// Throws `invalidValue` for an API without a codec and `unsupportedVersion` for a version the schema
    /// lacks; a broker checks `ApiKey.hasCodec` and its advertised versions first and answers those with
    /// `ErrorCode.unsupportedVersion`.
    public mutating func readKafkaRequestBody(for header: RequestHeader) throws(KafkaProtocolError) -> any KafkaRequest
    {
        guard let apiKey = header.apiKey, let type = apiKey.requestType else {
            throw .invalidValue("API key \(header.requestApiKey) has no request codec in Samsa")
        }
        do {
            return try type.init(from: &self, version: header.requestApiVersion)
        } catch let error as KafkaProtocolError {
            throw error
        } catch {
            throw .invalidValue("\(error)")
        }
    }

    /// Reads a response header (the start of a response frame after its size) for a request of `apiVersion`
    /// of `apiKey`: the client knows which request a correlation id belongs to.
    public mutating func readKafkaResponseHeader(
        apiKey: ApiKey,
        apiVersion: Int16
    ) throws(KafkaProtocolError) -> ResponseHeader {
        try ResponseHeader(from: &self, version: apiKey.responseHeaderVersion(for: apiVersion))
    }

    /// Writes a whole response frame: size, `ResponseHeader` of the right version, then the body as `version`.
    @discardableResult
    public mutating func writeKafkaResponse<Response: KafkaResponse>(
        _ response: Response,
        version: Int16,
        correlationId: Int32
    ) -> Int {
        self.writeKafkaFrame { buffer in
            ResponseHeader(correlationId: correlationId)
                .write(to: &buffer, version: Response.apiKey.responseHeaderVersion(for: version))
            response.write(to: &buffer, version: version)
        }
    }

    /// Writes a whole request frame: size, `RequestHeader` of the right version, then the body as `version`.
    @discardableResult
    public mutating func writeKafkaRequest<Request: KafkaRequest>(
        _ request: Request,
        version: Int16,
        correlationId: Int32,
        clientId: String?
    ) -> Int {
        self.writeKafkaFrame { buffer in
            let header = RequestHeader(
                apiKey: Request.apiKey,
                apiVersion: version,
                correlationId: correlationId,
                clientId: clientId
            )
            header.write(to: &buffer, version: header.headerVersion)
            request.write(to: &buffer, version: version)
        }
    }

    /// Writes an `int32` size, then what `body` writes, then patches the size in.
    @discardableResult
    public mutating func writeKafkaFrame(_ body: (inout ByteBuffer) -> Void) -> Int {
        let sizeIndex = self.writerIndex
        self.writeInteger(0 as Int32)
        body(&self)
        let size = self.writerIndex - sizeIndex - 4
        self.setInteger(Int32(truncatingIfNeeded: size), at: sizeIndex, endianness: .big)
        return size + 4
    }
}
