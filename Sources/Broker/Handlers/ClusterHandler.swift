import KafkaProtocol

/// DescribeCluster and FindCoordinator for a cluster of one: this broker is the controller and
/// the coordinator of every group and transaction.
struct ClusterHandler {
    let state: BrokerState

    func describeCluster(_ request: DescribeClusterRequest, context: RequestContext) -> DescribeClusterResponse {
        let endpoint = self.state.advertisedEndpoint
        return DescribeClusterResponse(
            clusterId: self.state.clusterId, controllerId: self.state.brokerId,
            brokers: [.init(brokerId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port))])
    }

    func findCoordinator(_ request: FindCoordinatorRequest, context: RequestContext) -> FindCoordinatorResponse {
        let endpoint = self.state.advertisedEndpoint
        let keys = context.apiVersion >= 4 ? request.coordinatorKeys : [request.key]
        return FindCoordinatorResponse(
            errorCode: 0, nodeId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port),
            coordinators: keys.map {
                .init(key: $0, nodeId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port), errorCode: 0)
            })
    }
}
