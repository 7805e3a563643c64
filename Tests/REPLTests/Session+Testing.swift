import Foundation
import LocalCluster
import SamsaTesting

@testable import REPL

extension Session {
    /// A session whose cluster lives in `directory` and runs the built samsa-meta and samsa-broker,
    /// printing into a capturing console `width` columns wide; the caller calls `finish()`.
    static func forClusterTests(in directory: TemporaryDirectory, width: Int) throws -> (Session, Console) {
        let products = try Products.executable("samsa").deletingLastPathComponent()
        let console = Console.capturing(width: width)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [products]), usesWatchdog: false),
            console: console)
        return (session, console)
    }

    /// A session that finds no server executables (they are looked for in `directory` only): for
    /// commands that must answer without a cluster.
    static func withoutServers(in directory: TemporaryDirectory, width: Int = 80) -> (Session, Console) {
        let console = Console.capturing(width: width)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [directory.url]), usesWatchdog: false),
            console: console)
        return (session, console)
    }
}
