import KafkaProtocol

/// DescribeCluster: a standalone broker is a cluster of one and its own controller; in cluster
/// mode the answer comes from the metadata cache.
struct ClusterHandler {
    let state: BrokerState

    func describeCluster(_ request: DescribeClusterRequest, context: RequestContext) -> DescribeClusterResponse {
        if let cluster = self.state.cluster {
            // Cluster mode: the brokers and controller the controller last announced.
            return DescribeClusterResponse(
                clusterId: self.state.clusterId, controllerId: cluster.metadata.controllerId,
                brokers: cluster.metadata.brokers.map {
                    .init(brokerId: $0.id, host: $0.host, port: $0.port, rack: $0.rack)
                })
        }
        let endpoint = self.state.advertisedEndpoint
        return DescribeClusterResponse(
            clusterId: self.state.clusterId, controllerId: self.state.brokerId,
            brokers: [.init(brokerId: self.state.brokerId, host: endpoint.host, port: Int32(endpoint.port))])
    }
}
