import CourseLanguage
import Foundation

/// Renders lab results as text (terminal), JUnit XML (CI) or Gradescope's `results.json`.
public enum GradeReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, junit, gradescope
    }

    public static func render(_ results: [LabResult], format: Format, language: Language = .en) -> String {
        switch format {
        case .text: Self.text(results, language: language)
        case .junit: Self.junit(results)
        case .gradescope: Self.gradescope(results)
        }
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    public static func text(_ results: [LabResult], language: Language) -> String {
        var lines: [String] = []
        for result in results {
            lines.append(
                "Lab \(result.lab.number) · \(result.lab.title.text(language)) — \(Self.points(result.score))/\(Self.points(result.maxScore))"
            )
            for task in result.tasks {
                let mark =
                    switch task.status {
                    case .passed: "✓"
                    case .failed: "✗"
                    case .notAttempted: "·"
                    }
                let status =
                    language == .es
                    ? (task.status == .passed ? "superada" : task.status == .failed ? "fallida" : "sin intentar")
                    : task.status.rawValue
                lines.append(
                    "  \(mark) \(task.taskID) (\(Self.points(task.score))/\(Self.points(task.maxScore))) \(status): \(task.reason)"
                )
            }
        }
        if results.count > 1 {
            let score = results.reduce(0) { $0 + $1.score }
            let max = results.reduce(0) { $0 + $1.maxScore }
            lines.append("Total \(Self.points(score))/\(Self.points(max))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func junit(_ results: [LabResult]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for result in results {
            let failures = result.tasks.filter { $0.status != .passed }.count
            xml +=
                "  <testsuite name=\"\(Self.escape("lab\(result.lab.number)-\(result.lab.slug)"))\" tests=\"\(result.tasks.count)\" failures=\"\(failures)\">\n"
            for task in result.tasks {
                xml += "    <testcase classname=\"Lab\(result.lab.number)\" name=\"\(Self.escape(task.taskID))\""
                if task.status == .passed {
                    xml += "/>\n"
                } else {
                    xml +=
                        ">\n      <failure message=\"\(Self.escape(task.status.rawValue + ": " + task.reason))\"/>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Gradescope's autograder format: score, max_score, and per test name, score, max_score,
    /// output (what the student reads) and visibility.
    public static func gradescope(_ results: [LabResult]) -> String {
        struct Test: Encodable {
            var name: String
            var score: Double
            // swift-format-ignore: AlwaysUseLowerCamelCase
            // Gradescope's results.json key.
            var max_score: Double
            var output: String
            var visibility: String
        }
        struct Results: Encodable {
            var score: Double
            // swift-format-ignore: AlwaysUseLowerCamelCase
            // Gradescope's results.json key.
            var max_score: Double
            var visibility: String
            var tests: [Test]
        }
        let tests = results.flatMap { result in
            result.tasks.map { task in
                Test(
                    name: "Lab \(result.lab.number) · \(task.taskID): \(task.title)", score: task.score,
                    max_score: task.maxScore, output: "\(task.status.rawValue): \(task.reason)", visibility: "visible")
            }
        }
        let all = Results(
            score: results.reduce(0) { $0 + $1.score }, max_score: results.reduce(0) { $0 + $1.maxScore },
            visibility: "visible", tests: tests)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(all)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
