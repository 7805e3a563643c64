import CourseLanguage
import Foundation

/// Typed-in measurements held against what the student's own tools printed (issue 15, "measured,
/// not claimed"). A check whose spec has `patterns` accepts a number in answers.properties only
/// when one of the logged measurements of that command agrees with it (within `tolerance`, or the
/// same whole number once rounded); invented numbers fail, naming the command to run again and
/// never the value wanted. Relations are then decided on the measurements the answers matched.
enum MeasuredAnswers {
    /// 5 %: copying a printed number, rounded or not, stays inside it; a guess rarely does.
    static let defaultTolerance = 0.05
    /// `measurement` for bytes on disk of an uncompressed topic: estimated from the records the
    /// perf tests writing it logged (`CommandLog.uncompressedLogBytes`).
    static let uncompressedLogBytes = "uncompressed.log.bytes"

    enum Backing {
        /// The logged measurement the answer agrees with.
        case measured(Double)
        /// Why the answer is not backed by the log.
        case refused(Verdict)
    }

    /// Whether `spec` backs its answers with the log.
    static func isMeasured(_ spec: CheckSpec) -> Bool { (spec.patterns ?? []).contains { !$0.isEmpty } }

    /// The logged measurement backing `given`, the answer for `spec.keys[index]` (or `spec.key`).
    static func backing(
        _ given: Double, index: Int, _ spec: CheckSpec, log: CommandLog, language: Language
    ) -> Backing {
        let es = language == .es
        let key = (spec.kind == .answer ? spec.key : spec.keys.flatMap { index < $0.count ? $0[index] : nil }) ?? ""
        let pattern = Self.element(index, of: spec.patterns) ?? ""
        let command = Self.element(index, of: spec.commands) ?? CommandLogChecks.commandName(pattern)
        let step = spec.step.map { es ? " (paso \($0))" : " (step \($0))" } ?? ""
        // An empty pattern: this key is not backed by the log (a relation compares it as typed).
        guard !pattern.isEmpty else { return .measured(given) }
        let measured: [Double]
        if let fact = spec.measurement, fact != Self.uncompressedLogBytes {
            measured = log.measuredFacts(fact, matching: pattern)
        } else if spec.measurement == Self.uncompressedLogBytes {
            measured = log.uncompressedLogBytes(matching: pattern).map { [$0] } ?? []
        } else {
            measured = log.throughputs(matching: pattern)
        }
        guard !measured.isEmpty else {
            let ran = !log.commands(matching: pattern).isEmpty
            return .refused(
                .failed(
                    ran
                        ? (es
                            ? "`\(key)`: `\(command)` está en commands.log, pero ninguna ejecución terminó bien con su medida: ejecútalo otra vez\(step) con el laboratorio iniciado, deja que termine y copia lo que imprime"
                            : "`\(key)`: `\(command)` is in commands.log, but no run of it ended well with its measurement: run it again\(step) while the lab is started, let it finish and copy what it prints")
                        : (es
                            ? "`\(key)`: commands.log no tiene ninguna medida de `\(command)` que lo respalde: ejecútalo\(step) con el laboratorio iniciado y copia lo que imprime"
                            : "`\(key)`: commands.log holds no measurement by `\(command)` to back it: run it\(step) while the lab is started and copy what it prints")
                ))
        }
        let tolerance = spec.tolerance ?? Self.defaultTolerance
        let closest = measured.min { abs($0 - given) < abs($1 - given) } ?? 0
        if Self.agrees(given, closest, tolerance: tolerance) { return .measured(closest) }
        let percent = Self.number(tolerance * 100)
        return .refused(
            .failed(
                es
                    ? "`\(key)` = \(Self.number(given)) no es lo que imprimió `\(command)` en ninguna de tus ejecuciones de commands.log (tolerancia \(percent) %, o redondeado a entero): ejecútalo otra vez\(step) y copia lo que imprime"
                    : "`\(key)` = \(Self.number(given)) is not what `\(command)` printed in any of your runs in commands.log (tolerance \(percent) %, or rounded to a whole number): run it again\(step) and copy what it prints"
            ))
    }

    /// Within `tolerance` of `measured`, or the same whole number once both are rounded.
    static func agrees(_ given: Double, _ measured: Double, tolerance: Double) -> Bool {
        abs(given - measured) <= tolerance * abs(measured) || (given == given.rounded() && given == measured.rounded())
    }

    /// `list[index]`, or its last element when it is shorter (one pattern for every key).
    private static func element(_ index: Int, of list: [String]?) -> String? {
        guard let list, !list.isEmpty else { return nil }
        return list[min(index, list.count - 1)]
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
