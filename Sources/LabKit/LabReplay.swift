import Foundation
import LocalCluster

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replays the REPL commands a student recorded in `commands.log` on a fresh cluster, so the
/// cluster tasks are graded on what those commands do, not on whatever cluster the grader has.
///
/// The replay runs `samsa --keep-going --script` in a temporary folder: commands that failed for
/// the student fail again without stopping the rest, the cluster is started detached so it
/// outlives the script, and `destroy` removes it afterwards.
///
/// Every REPL line is replayed whatever its logged outcome: a command that failed may still have
/// changed the cluster (a produce whose acknowledgement timed out left its records on the leader),
/// so skipping it would grade a different cluster than the student's.
public struct LabReplay: Sendable {
    /// The `samsa` executable (the REPL) that runs the script.
    public let samsa: URL
    /// Longest a replay may take; a script still running then is killed.
    public var timeout: Duration = .seconds(300)

    public init(samsa: URL) {
        self.samsa = samsa
    }

    /// `samsa` next to the running executable (both are SwiftPM products of one build), or
    /// `SAMSA_EXECUTABLE` when set.
    public static func locateSamsa() -> URL? {
        if let path = ProcessInfo.processInfo.environment["SAMSA_EXECUTABLE"],
            FileManager.default.isExecutableFile(atPath: path)
        {
            return URL(fileURLWithPath: path)
        }
        guard let own = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let sibling = own.deletingLastPathComponent().appendingPathComponent("samsa")
        return FileManager.default.isExecutableFile(atPath: sibling.path) ? sibling : nil
    }

    /// REPL commands that only show things, or that would undo the state being graded.
    /// `consumer list` stays: its "read twice" column is Lab 5's reprocessing, seen in a transcript.
    static let skippedCommands: [[String]] = [
        ["lab"], ["quit"], ["exit"], ["help"], ["explain"], ["watch"], ["source"], ["broker", "logs"],
        ["cluster", "stop"], ["cluster", "destroy"], ["cluster", "status"], ["topic", "list"], ["topic", "describe"],
        ["meta"], ["group", "list"], ["group", "describe"], ["fault", "list"], ["ui"],
    ]

    /// The script a replay runs: the student's REPL lines minus the skipped ones, every
    /// `cluster start` detached (and without `--name`: the replay names its cluster), and a
    /// `cluster start` for the lab's cluster first if the student never typed one (`lab start`
    /// started it for them).
    public static func script(from log: CommandLog, cluster: LabManifest.ClusterNeed) -> [String] {
        var lines: [String] = []
        var startsCluster = false
        for entry in log.entries where entry.source == "repl" {
            var words = entry.command.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else { continue }
            if Self.skippedCommands.contains(where: { words.starts(with: $0) }) { continue }
            if words.starts(with: ["cluster", "start"]) {
                if let name = words.firstIndex(of: "--name") { words.removeSubrange(name..<min(words.count, name + 2)) }
                if !words.contains("--detach") { words.append("--detach") }
                startsCluster = true
                lines.append(words.joined(separator: " "))
                continue
            }
            lines.append(entry.command)
        }
        if !startsCluster {
            // A lab whose servers the student starts by hand (0 brokers) gets the REPL's default cluster.
            var start = cluster.brokers > 0 ? "cluster start --brokers \(cluster.brokers)" : "cluster start"
            if cluster.standalone { start += " --standalone" }
            lines.insert(start + " --detach", at: 0)
        }
        return lines
    }

    /// A cluster a replay left running, for the checks; `destroy` stops it and deletes its folder.
    public struct ReplayedCluster: Sendable {
        public let bootstrap: String
        public let directory: URL
        /// What the replayed script printed (stdout and stderr), for the grader's log.
        public let transcript: String
        let layout: ClusterLayout

        public func destroy() {
            if let cluster = try? LocalCluster(layout: self.layout, watchdog: nil) { try? cluster.destroy() }
            try? FileManager.default.removeItem(at: self.directory)
        }
    }

    static let clusterName = "replay"

    /// Runs the replay script for `log` and returns the cluster it left running.
    public func run(_ log: CommandLog, lab: LabManifest) throws(LabError) -> ReplayedCluster {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samsa-replay-\(UUID().uuidString)")
        let layout = ClusterLayout(name: Self.clusterName, baseDirectory: directory)
        let script = directory.appendingPathComponent("replay.samsa")
        let output = directory.appendingPathComponent("replay.out")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (Self.script(from: log, cluster: lab.cluster).joined(separator: "\n") + "\n").write(
                to: script, atomically: true, encoding: .utf8)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        } catch {
            throw .io("cannot prepare the replay in \(directory.path): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = self.samsa
        process.arguments = [
            "--directory", directory.path, "--cluster", Self.clusterName, "--keep-going", "--script", script.path,
        ]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { _, new in new }
        do {
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        } catch {
            throw .io("cannot run \(self.samsa.path) for the replay: \(error.localizedDescription)")
        }
        let deadline = ContinuousClock.now + self.timeout
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let transcript = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let brokers = ((try? ClusterState.load(from: layout.stateFile)) ?? nil)?.brokers ?? []
        let replayed = ReplayedCluster(
            bootstrap: brokers.map(\.address).joined(separator: ","), directory: directory, transcript: transcript,
            layout: layout)
        guard !brokers.isEmpty else {
            replayed.destroy()
            throw .io("the replay started no cluster; its output:\n\(transcript.suffix(2_000))")
        }
        return replayed
    }
}
