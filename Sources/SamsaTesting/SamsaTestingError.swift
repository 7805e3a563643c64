import Foundation

/// Why a test helper could not do its job. Each description says what went wrong and, where it
/// helps, the tail of the process log, so a CI failure can be read without the temp dir.
public enum SamsaTestingError: Error, CustomStringConvertible, Sendable {
    /// An executable product (e.g. `samsa-broker`) was not found beside the test bundle.
    case productNotFound(name: String, searched: [String])
    /// `Process.run()` failed: the file is not executable, the directory does not exist, ...
    case launchFailed(executable: String, reason: String)
    /// Nothing accepted TCP connections on 127.0.0.1:`port` within the wait.
    case portNotOpen(port: Int, waited: Duration, process: String?, logTail: String)
    /// The process ended while the helper still needed it (e.g. before it opened its port).
    case processExited(name: String, status: Int32, logTail: String)
    /// A socket call failed while looking for a free port or probing one.
    case socket(call: String, errno: Int32)
    /// A third-party tool the test needs is absent; under `CI=true` that is a failure.
    case toolMissing(tool: String, hint: String)
    /// A helper already recorded the failure at the caller's `file:line:`; this only stops the test.
    case reported(String)

    public var description: String {
        switch self {
        case .productNotFound(let name, let searched):
            return "executable '\(name)' not found in \(searched); build it (swift build) or set SAMSA_PRODUCTS_DIR"
        case .launchFailed(let executable, let reason):
            return "could not launch \(executable): \(reason)"
        case .portNotOpen(let port, let waited, let process, let logTail):
            let who = process.map { " (\($0))" } ?? ""
            return "nothing listened on 127.0.0.1:\(port)\(who) within \(waited)" + Self.tail(logTail)
        case .processExited(let name, let status, let logTail):
            return "\(name) exited with status \(status) before it was ready" + Self.tail(logTail)
        case .socket(let call, let errno):
            return "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .toolMissing(let tool, let hint):
            return "\(tool) is missing; \(hint)"
        case .reported(let what):
            return "\(what) (failure reported above)"
        }
    }

    private static func tail(_ log: String) -> String {
        log.isEmpty ? "" : "\n--- last lines of its output ---\n\(log)"
    }
}
