import KafkaProtocol
import Logging
import NIOCore

/// Turns one request frame into one response frame: parses the header, checks the version,
/// decodes the body with the generated codec, runs the handler and encodes the answer with the
/// right response header. What it cannot parse closes the connection, as Kafka does.
struct RequestDispatcher: Sendable {
    enum Outcome: Sendable {
        case respond(ResponseFrame)
        /// acks=0 produce: the client expects nothing back.
        case noResponse
        /// The frame cannot be answered; the reason is logged and the connection closed.
        case close(String)
    }

    let state: BrokerState
    private let allocator = ByteBufferAllocator()

    init(state: BrokerState) {
        self.state = state
    }

    /// Requests answered from the cluster metadata cache (see `MetadataCache.firstUpdate`).
    static let answersFromMetadataCache: Set<ApiKey> = [.metadata, .findCoordinator, .describeCluster, .createTopics]

    func dispatch(_ frame: ByteBuffer, peer: String) async -> Outcome {
        var frame = frame
        guard let rawKey = frame.getInteger(at: frame.readerIndex, as: Int16.self),
            let version = frame.getInteger(at: frame.readerIndex + 2, as: Int16.self),
            let correlationId = frame.getInteger(at: frame.readerIndex + 4, as: Int32.self)
        else { return .close("request of \(frame.readableBytes) bytes is shorter than a request header (8 bytes)") }
        guard let apiKey = ApiKey(rawValue: rawKey), SupportedApis.versions[apiKey] != nil else {
            return .close("unknown or unsupported API key \(rawKey)")
        }
        // Kafka's rule (KIP-511): an ApiVersions request of a version we do not know is answered
        // in v0 format with UNSUPPORTED_VERSION and our range, so the client can retry lower.
        if apiKey == .apiVersions, !SupportedApis.supports(.apiVersions, version: version) {
            return .respond(ResponseFrame(self.unsupportedApiVersionsResponse(correlationId: correlationId)))
        }
        guard SupportedApis.supports(apiKey, version: version) else {
            return .close("\(apiKey.name) v\(version) is not supported (supported: \(SupportedApis.versions[apiKey]!))")
        }
        let header: RequestHeader
        do {
            header = try RequestHeader(from: &frame, version: apiKey.requestHeaderVersion(for: version))
        } catch {
            return .close("malformed \(apiKey.name) request header: \(error)")
        }
        let context = RequestContext(
            apiKey: apiKey, apiVersion: version, correlationId: correlationId, clientId: header.clientId, peer: peer)
        if Self.answersFromMetadataCache.contains(apiKey), let cluster = self.state.cluster {
            // A broker that just joined knows no topics until the controller's first
            // UpdateMetadata: answering before it would tell clients their topics do not exist.
            await cluster.metadata.firstUpdate.wait()
        }
        switch apiKey {
        case .apiVersions:
            return await self.serve(ApiVersionsRequest.self, &frame, context) { request, context in
                ApiVersionsHandler.handle(request, context: context)
            }
        case .metadata:
            return await self.serve(MetadataRequest.self, &frame, context) { request, context in
                await MetadataHandler(state: self.state).handle(request, context: context)
            }
        case .produce:
            return await self.serve(ProduceRequest.self, &frame, context) { request, context in
                await ProduceHandler(state: self.state).handle(request, context: context)
            }
        case .fetch:
            return await self.serveFetch(&frame, context)
        case .listOffsets:
            return await self.serve(ListOffsetsRequest.self, &frame, context) { request, context in
                await ListOffsetsHandler(state: self.state).handle(request, context: context)
            }
        case .createTopics:
            return await self.serve(CreateTopicsRequest.self, &frame, context) { request, context in
                await TopicAdminHandler(state: self.state).createTopics(request, context: context)
            }
        case .deleteTopics:
            return await self.serve(DeleteTopicsRequest.self, &frame, context) { request, context in
                await TopicAdminHandler(state: self.state).deleteTopics(request, context: context)
            }
        case .createPartitions:
            return await self.serve(CreatePartitionsRequest.self, &frame, context) { request, context in
                await TopicAdminHandler(state: self.state).createPartitions(request, context: context)
            }
        case .describeConfigs:
            return await self.serve(DescribeConfigsRequest.self, &frame, context) { request, context in
                await ConfigsHandler(state: self.state).describeConfigs(request, context: context)
            }
        case .alterConfigs:
            return await self.serve(AlterConfigsRequest.self, &frame, context) { request, context in
                await ConfigsHandler(state: self.state).alterConfigs(request, context: context)
            }
        case .incrementalAlterConfigs:
            return await self.serve(IncrementalAlterConfigsRequest.self, &frame, context) { request, context in
                await ConfigsHandler(state: self.state).incrementalAlterConfigs(request, context: context)
            }
        case .describeCluster:
            return await self.serve(DescribeClusterRequest.self, &frame, context) { request, context in
                ClusterHandler(state: self.state).describeCluster(request, context: context)
            }
        case .findCoordinator:
            return await self.serve(FindCoordinatorRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).findCoordinator(request, context: context)
            }
        case .initProducerId:
            return await self.serve(InitProducerIdRequest.self, &frame, context) { request, context in
                await InitProducerIdHandler(state: self.state).handle(request, context: context)
            }
        case .joinGroup:
            return await self.serve(JoinGroupRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).joinGroup(request, context: context)
            }
        case .syncGroup:
            return await self.serve(SyncGroupRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).syncGroup(request, context: context)
            }
        case .heartbeat:
            return await self.serve(HeartbeatRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).heartbeat(request, context: context)
            }
        case .leaveGroup:
            return await self.serve(LeaveGroupRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).leaveGroup(request, context: context)
            }
        case .offsetCommit:
            return await self.serve(OffsetCommitRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).offsetCommit(request, context: context)
            }
        case .offsetFetch:
            return await self.serve(OffsetFetchRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).offsetFetch(request, context: context)
            }
        case .listGroups:
            return await self.serve(ListGroupsRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).listGroups(request, context: context)
            }
        case .describeGroups:
            return await self.serve(DescribeGroupsRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).describeGroups(request, context: context)
            }
        case .deleteGroups:
            return await self.serve(DeleteGroupsRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).deleteGroups(request, context: context)
            }
        case .offsetDelete:
            return await self.serve(OffsetDeleteRequest.self, &frame, context) { request, context in
                await GroupRequestHandler(state: self.state).offsetDelete(request, context: context)
            }
        case .leaderAndIsr:
            return await self.serve(LeaderAndIsrRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).leaderAndIsr(request, context: context)
            }
        case .updateMetadata:
            return await self.serve(UpdateMetadataRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).updateMetadata(request, context: context)
            }
        case .stopReplica:
            return await self.serve(StopReplicaRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).stopReplica(request, context: context)
            }
        case .controlledShutdown:
            return await self.serve(ControlledShutdownRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).controlledShutdown(request, context: context)
            }
        case .offsetForLeaderEpoch:
            return await self.serve(OffsetForLeaderEpochRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).offsetForLeaderEpoch(request, context: context)
            }
        case .electLeaders:
            return await self.serve(ElectLeadersRequest.self, &frame, context) { request, context in
                await InterBrokerHandler(state: self.state).electLeaders(request, context: context)
            }
        default:
            return .close("\(apiKey.name) is not handled by this broker")
        }
    }

    /// Decodes the body, runs `handle`, encodes the response with its header.
    private func serve<Request: KafkaRequest>(
        _ type: Request.Type, _ frame: inout ByteBuffer, _ context: RequestContext,
        _ handle: (Request, RequestContext) async -> Request.Response?
    ) async -> Outcome {
        let request: Request
        do {
            request = try Request(from: &frame, version: context.apiVersion)
        } catch {
            return .close("malformed \(context.apiKey.name) v\(context.apiVersion) request: \(error)")
        }
        // Bytes left after a complete body are ignored, as Kafka's RequestContext does: librdkafka
        // sends a few extra zero bytes after some Metadata v12 requests.
        guard let response = await handle(request, context) else { return .noResponse }
        return .respond(ResponseFrame(self.encode(response, context: context)))
    }

    /// Fetch: records stay in the segment files until the socket sends them (`ResponseFrameWriter`);
    /// with `samsa.fetch.zero.copy=false` they are read into the frame here, off the event loop.
    private func serveFetch(_ frame: inout ByteBuffer, _ context: RequestContext) async -> Outcome {
        let request: FetchRequest
        do {
            request = try FetchRequest(from: &frame, version: context.apiVersion)
        } catch {
            return .close("malformed Fetch v\(context.apiVersion) request: \(error)")
        }
        let reply = await FetchHandler(state: self.state).handle(request, context: context)
        let response = reply.frame(
            correlationId: context.correlationId,
            headerVersion: context.apiKey.responseHeaderVersion(for: context.apiVersion), version: context.apiVersion)
        guard !self.state.config.fetchZeroCopy else { return .respond(response) }
        do {
            let copied = try response.flattened()
            self.state.fetchTransfers.copied(response.fileBytes)
            return .respond(ResponseFrame(copied))
        } catch {
            return .close("reading fetched records failed: \(error)")
        }
    }

    private func encode(_ response: some KafkaMessage, context: RequestContext) -> ByteBuffer {
        var buffer = self.allocator.buffer(capacity: 256)
        buffer.moveWriterIndex(forwardBy: 4)  // size, set below
        let header = ResponseHeader(correlationId: context.correlationId)
        header.write(to: &buffer, version: context.apiKey.responseHeaderVersion(for: context.apiVersion))
        response.write(to: &buffer, version: context.apiVersion)
        buffer.setInteger(Int32(buffer.readableBytes - 4), at: buffer.readerIndex)
        return buffer
    }

    private func unsupportedApiVersionsResponse(correlationId: Int32) -> ByteBuffer {
        let body = ApiVersionsHandler.response(errorCode: .unsupportedVersion)
        var buffer = self.allocator.buffer(capacity: 256)
        buffer.moveWriterIndex(forwardBy: 4)
        ResponseHeader(correlationId: correlationId).write(to: &buffer, version: 0)
        body.write(to: &buffer, version: 0)
        buffer.setInteger(Int32(buffer.readableBytes - 4), at: buffer.readerIndex)
        return buffer
    }
}
