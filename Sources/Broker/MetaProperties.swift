import Foundation
import KafkaProtocol
import PropertiesFile

/// `meta.properties` in each log dir, as Kafka writes it: the cluster id and broker id the data
/// belongs to, so a log dir is never attached to the wrong broker or cluster by mistake.
struct MetaProperties: Sendable, Equatable {
    var clusterId: String
    var brokerId: Int32

    enum Error: Swift.Error, CustomStringConvertible {
        case mismatch(path: String, found: String, expected: String)
        case unreadable(path: String)

        var description: String {
            switch self {
            case .mismatch(let path, let found, let expected):
                "\(path) says \(found) but this broker is configured with \(expected); use another log.dirs or fix broker.id"
            case .unreadable(let path):
                "\(path) cannot be read; delete it only if the log dir is meant to start afresh"
            }
        }
    }

    /// Reads the first existing `meta.properties`; otherwise creates them with a new cluster id.
    /// `broker.id=-1` takes the id on disk, or 1001 as Kafka's id generation starts.
    /// In cluster mode `clusterId` is the metadata server's `/cluster/id`: log dirs from another
    /// cluster are refused.
    /// The cluster id already recorded in a log dir, if any.
    static func existingClusterId(in logDirs: [String]) -> String? {
        for directory in logDirs {
            guard let text = try? String(contentsOfFile: "\(directory)/meta.properties", encoding: .utf8) else {
                continue
            }
            if let id = PropertiesFile(parsing: text)["cluster.id"] { return id }
        }
        return nil
    }

    static func loadOrCreate(in logDirs: [String], brokerId: Int32, clusterId expected: String? = nil) throws
        -> MetaProperties
    {
        var found: MetaProperties?
        for directory in logDirs {
            let path = "\(directory)/meta.properties"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Error.unreadable(path: path)
            }
            let properties = PropertiesFile(parsing: text)
            guard let clusterId = properties["cluster.id"], let id = properties["broker.id"].flatMap(Int32.init) else {
                throw Error.unreadable(path: path)
            }
            if brokerId >= 0, id != brokerId {
                throw Error.mismatch(path: path, found: "broker.id=\(id)", expected: "broker.id=\(brokerId)")
            }
            if let found, found.clusterId != clusterId {
                throw Error.mismatch(
                    path: path, found: "cluster.id=\(clusterId)", expected: "cluster.id=\(found.clusterId)")
            }
            found = MetaProperties(clusterId: clusterId, brokerId: id)
        }
        if let expected, let found, found.clusterId != expected {
            throw Error.mismatch(
                path: "\(logDirs[0])/meta.properties", found: "cluster.id=\(found.clusterId)",
                expected: "the metadata server's cluster.id=\(expected)")
        }
        let meta =
            found
            ?? MetaProperties(
                clusterId: expected ?? KafkaUUID.random().base64URLString, brokerId: brokerId >= 0 ? brokerId : 1001)
        for directory in logDirs {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = "\(directory)/meta.properties"
            if FileManager.default.fileExists(atPath: path) { continue }
            let text = "#\n#\(Date())\ncluster.id=\(meta.clusterId)\nversion=0\nbroker.id=\(meta.brokerId)\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return meta
    }
}
