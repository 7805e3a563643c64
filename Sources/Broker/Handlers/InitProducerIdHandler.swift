import KafkaProtocol
import Logging

/// InitProducerId for idempotent producers: a fresh producer id with epoch 0. Transactions
/// (a non-null transactional id) are outside the course and refused.
struct InitProducerIdHandler {
    let state: BrokerState

    func handle(_ request: InitProducerIdRequest, context: RequestContext) async -> InitProducerIdResponse {
        guard request.transactionalId == nil else {
            return InitProducerIdResponse(errorCode: ErrorCode.transactionalIdAuthorizationFailed.rawValue)
        }
        do {
            let id = try await self.state.producerIds.nextProducerId()
            return InitProducerIdResponse(errorCode: 0, producerId: id, producerEpoch: 0)
        } catch {
            self.state.logger.error("cannot allocate a producer id", metadata: ["error": "\(error)"])
            return InitProducerIdResponse(errorCode: ErrorCode.kafkaStorageError.rawValue)
        }
    }
}
