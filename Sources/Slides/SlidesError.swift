import Foundation

/// Why a build stopped. Each case names the file and line to fix.
public enum SlidesError: Error, CustomStringConvertible, Equatable {
    case source(file: String, line: Int, message: String)
    case example(file: String, line: Int, command: String, message: String, output: String)
    case usage(String)
    case io(String)

    public var description: String {
        switch self {
        case .source(let file, let line, let message):
            return "\(file):\(line): \(message)"
        case .example(let file, let line, let command, let message, let output):
            let shown = output.isEmpty ? "(no output)" : output
            return "\(file):\(line): `\(command)`: \(message)\n--- what samsa printed ---\n\(shown)"
        case .usage(let message):
            return message
        case .io(let message):
            return message
        }
    }
}
