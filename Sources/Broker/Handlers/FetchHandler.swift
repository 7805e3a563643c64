import KafkaProtocol
import LogStorage
import NIOCore

/// Fetch: serve ranges of the segment files up to the high watermark, without decoding records;
/// the socket takes them straight from the files (`FetchReply`, `ResponseFrameWriter`). If fewer than `min_bytes` are ready, wait (up to `max_wait_ms`) for a produce to any
/// of the partitions: this long poll is why an idle consumer costs the broker nothing.
struct FetchHandler {
    let state: BrokerState

    func handle(_ request: FetchRequest, context: RequestContext) async -> FetchReply {
        let isFollowerFetch = request.replicaId >= 0 && self.state.cluster != nil
        if isFollowerFetch {
            // `fault slow-replication`: a follower's fetch waits before it is served.
            await self.state.faults.delayReplication()
        }
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, request.maxWaitMs)))
        if isFollowerFetch, self.state.faults.isReplicationCut {
            return await self.withholdFromFollower(until: deadline)
        }
        let partitions = Set(
            request.topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, $0.partition) } })
        if request.replicaId >= 0, let cluster = self.state.cluster {
            // A follower's fetch offset is its log end offset: the leader's view of its progress.
            for topic in request.topics {
                for partition in topic.partitions {
                    let tp = TopicPartition(topic.topic, partition.partition)
                    if let replica = cluster.replicaManager.partition(tp), replica.isLeader {
                        await cluster.replicaManager.followerFetched(
                            replica, replicaId: request.replicaId, offset: partition.fetchOffset)
                    }
                }
            }
        }
        var response = self.readAll(request)
        // Bounded: each pass either returns or waits until an append or the deadline.
        for _ in 0..<1_000 {
            let hasError = response.response.responses.contains { $0.partitions.contains { $0.errorCode != 0 } }
            if response.recordBytes >= Int(request.minBytes) || hasError || ContinuousClock.now >= deadline { break }
            await self.state.appendWaiters.wait(for: partitions, timeout: deadline - ContinuousClock.now)
            if Task.isCancelled { break }
            response = self.readAll(request)
        }
        // Replication was cut while this fetch waited for data: the follower gets none of it.
        if isFollowerFetch, self.state.faults.isReplicationCut {
            return FetchReply(response: FetchResponse(errorCode: 0, sessionId: 0))
        }
        return response
    }

    /// `fault cut-replication` on this leader: a follower's fetch is held until its max wait and
    /// answered with no partitions, and its progress is not recorded. The follower then stays in
    /// the ISR exactly as long as Kafka's rule allows (`PartitionReplica.laggingFollowers`): while
    /// its log end offset equals the leader's, and for `replica.lag.time.max.ms` after the leader's
    /// log moved ahead of it. That window is when an acks=1 write is acknowledged but on one
    /// broker only.
    private func withholdFromFollower(until deadline: ContinuousClock.Instant) async -> FetchReply {
        let remaining = deadline - ContinuousClock.now
        if remaining > .zero { try? await Task.sleep(for: remaining) }
        return FetchReply(response: FetchResponse(errorCode: 0, sessionId: 0))
    }

    /// The log to serve `tp` from: only its leader serves fetches (consumers and followers alike).
    private func leaderLog(for tp: TopicPartition, currentLeaderEpoch: Int32) -> (PartitionLog?, ErrorCode) {
        guard let cluster = self.state.cluster else {
            return (self.state.logManager.log(for: tp), .unknownTopicOrPartition)
        }
        guard let replica = cluster.replicaManager.partition(tp), replica.isLeader else {
            return (nil, cluster.metadata.partition(tp) == nil ? .unknownTopicOrPartition : .notLeaderOrFollower)
        }
        let epoch = replica.snapshot.leaderEpoch
        if currentLeaderEpoch >= 0, currentLeaderEpoch < epoch { return (nil, .fencedLeaderEpoch) }
        if currentLeaderEpoch > epoch { return (nil, .unknownLeaderEpoch) }
        return (replica.log, .none)
    }

    private func readAll(_ request: FetchRequest) -> FetchReply {
        var remaining = Int(request.maxBytes)
        var reply = FetchReply(response: FetchResponse(errorCode: 0, sessionId: 0))
        for topic in request.topics {
            var partitions: [FetchResponse.PartitionData] = []
            var files: [FileRecords?] = []
            for partition in topic.partitions {
                let tp = TopicPartition(topic.topic, partition.partition)
                // Empty, never null, records on every path, errors included: Kafka's
                // `FetchResponse.partitionResponse` sets `MemoryRecords.EMPTY`, and librdkafka rejects a whole
                // v12+ response with a null records field (its test 0034).
                var data = FetchResponse.PartitionData(
                    partitionIndex: partition.partition, highWatermark: -1, records: ByteBuffer())
                var file: FileRecords?
                let (found, refusal) = self.leaderLog(for: tp, currentLeaderEpoch: partition.currentLeaderEpoch)
                if let log = found {
                    do {
                        // KIP-74: the first partition with data may exceed the limits by one batch.
                        let isFirst = remaining == Int(request.maxBytes)
                        let limit = max(0, min(Int(partition.partitionMaxBytes), remaining))
                        let read = try log.slice(
                            from: partition.fetchOffset, maxBytes: limit,
                            maxOffset: request.replicaId >= 0 ? nil : log.highWatermark, minOneBatch: isFirst)
                        remaining -= read.records?.length ?? 0
                        data.highWatermark = read.highWatermark
                        data.lastStableOffset = read.highWatermark
                        data.logStartOffset = read.logStartOffset
                        file = read.records
                    } catch {
                        data.errorCode = ProduceHandler.errorCode(for: error).rawValue
                        data.highWatermark = log.highWatermark
                        data.lastStableOffset = log.highWatermark
                        data.logStartOffset = log.logStartOffset
                    }
                } else {
                    data.errorCode = refusal.rawValue
                }
                partitions.append(data)
                files.append(file)
            }
            reply.response.responses.append(.init(topic: topic.topic, partitions: partitions))
            reply.files.append(files)
        }
        return reply
    }
}
