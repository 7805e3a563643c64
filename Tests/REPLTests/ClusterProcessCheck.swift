import Foundation
import LocalCluster
import SamsaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The suite-level promise of issue 7: after every test no Samsa process is left running. Tests
/// that start clusters take their folder from `makeClusterDirectory()`; when the test ends, every
/// PID recorded in any `.samsa/*/cluster.json` under it, and every process whose command line
/// names the folder, must be gone (waited for up to 15 s). A leftover fails the test; recorded
/// PIDs that still run this folder's executables are then SIGKILLed, so one failure does not leak
/// into the next test. Processes are never looked up by name.
extension XCTestCase {
    func makeClusterDirectory(file: StaticString = #filePath, line: UInt = #line) throws -> TemporaryDirectory {
        let directory = try self.makeTemporaryDirectory(file: file, line: line)
        // Teardown blocks run last-registered first: this check runs before the folder is removed.
        self.addTeardownBlock { ClusterProcessCheck.assertNothingLeft(in: directory, file: file, line: line) }
        return directory
    }
}

enum ClusterProcessCheck {
    static func assertNothingLeft(in directory: TemporaryDirectory, file: StaticString, line: UInt) {
        let recorded = self.recordedPIDs(in: directory.url)
        let deadline = Date().addingTimeInterval(15)
        var left: [Int32] = []
        repeat {
            left = Array(Set(recorded.filter(self.isAlive) + self.processesNaming(directory.path))).sorted()
            if left.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        let described = left.map { "\($0) (\(self.commandLine($0).prefix(120)))" }.joined(separator: ", ")
        XCTFail("Samsa processes outlived the test: \(described)", file: file, line: line)
        for pid in recorded where self.commandLine(pid).contains(directory.path) { kill(pid, SIGKILL) }
    }

    /// PIDs in every cluster state file under `root/.samsa/`.
    static func recordedPIDs(in root: URL) -> [Int32] {
        let clusters = root.appendingPathComponent(".samsa", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: clusters.path)) ?? []
        return names.flatMap { name -> [Int32] in
            let stateFile = clusters.appendingPathComponent(name).appendingPathComponent("cluster.json")
            guard let state = try? ClusterState.load(from: stateFile) else { return [] }
            return state.processes.compactMap(\.pid)
        }
    }

    /// Running (a zombie has exited; its parent just has not reaped it yet).
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].first(where: { $0 != " " }) != "Z"
    }

    /// Live processes whose command line names `path` (the test's own temporary folder).
    static func processesNaming(_ path: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            pid != getpid() && self.isAlive(pid) && self.commandLine(pid).contains(path)
        }
    }

    static func commandLine(_ pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
