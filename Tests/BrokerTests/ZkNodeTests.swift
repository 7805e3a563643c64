import KafkaProtocol
import KafkaZkModel
import XCTest

/// `ZkNode(path:)` reads back what `ZkPaths` writes (Kafka's `kafka.zk.ZkData` layout), and
/// nothing else: the REPL's event watcher sorts every change in the tree with it.
final class ZkNodeTests: XCTestCase {
    func testEveryWatchedPathReadsBackToItsNode() {
        let tp = TopicPartition("orders", 12)
        XCTAssertEqual(ZkNode(path: ZkPaths.controller), .controller)
        XCTAssertEqual(ZkNode(path: ZkPaths.controllerEpoch), .controllerEpoch)
        XCTAssertEqual(ZkNode(path: ZkPaths.broker(3)), .broker(3))
        XCTAssertEqual(ZkNode(path: ZkPaths.partitionState(tp)), .partitionState(tp))
        XCTAssertEqual(ZkPaths.partitionState(tp), "/brokers/topics/orders/partitions/12/state")
    }

    func testOtherPathsAreNotWatchedNodes() {
        for path in [
            "/", "/brokers", ZkPaths.brokerIds, "/brokers/ids/x", ZkPaths.topic("orders"), ZkPaths.partitions("orders"),
            "/brokers/topics/orders/partitions/x/state", "/brokers/topics/orders/other/0/state", "/controller/extra",
            ZkPaths.topicConfig("orders"), "controller",
        ] {
            XCTAssertNil(ZkNode(path: path), path)
        }
    }

    func testPartitionStateJSONIsKafkas() throws {
        let json = #"{"controller_epoch":1,"isr":[2,1],"leader":2,"leader_epoch":3,"version":1}"#
        let state = try XCTUnwrap(ZkJSON.decode(PartitionStateZNode.self, from: Array(json.utf8)))
        XCTAssertEqual(state, PartitionStateZNode(leader: 2, leaderEpoch: 3, controllerEpoch: 1, isr: [2, 1]))
        XCTAssertEqual(String(decoding: ZkJSON.encode(state), as: UTF8.self), json)
    }
}
