import CourseLanguage
import Foundation

/// Checks on the commands a student ran (`commands.log`): did they do the step, and did it work.
/// Only commands whose outcome is a success count (a line from an older log, without outcome, does
/// not); `outcome` and `distinct` check what the command meant. Failure messages name the command
/// and the step, never a value the check expects.
public enum CommandLogChecks {
    public static func check(_ spec: CheckSpec, log: CommandLog, language: Language) -> Verdict {
        let es = language == .es
        let patterns = spec.patterns ?? []
        let needed = Int(spec.minimum ?? 1)
        let example = spec.expected ?? patterns.first ?? ""
        // A failure names the command, not the arguments the step asks for (nor the values wanted).
        let name = Self.commandName(example)
        let step = spec.step.map { es ? "el paso \($0)" : "step \($0)" } ?? (es ? "el paso" : "the step")
        let ran = log.commands(matchingAny: patterns)
        if ran.isEmpty {
            return .notAttempted(
                es
                    ? "no hay rastro en commands.log de `\(example)`: ejecútalo con el laboratorio iniciado (`lab start`)"
                    : "commands.log shows no `\(example)`: run it while the lab is started (`lab start`)")
        }
        let succeeded = ran.filter(\.outcome.isSuccess)
        if succeeded.isEmpty {
            let failures = ran.compactMap { entry -> String? in
                if case .failed(let reason) = entry.outcome { return reason }
                return nil
            }
            guard let lastError = failures.last else {
                return .failed(
                    es
                        ? "`\(name)` está en commands.log sin su resultado (un log de una versión anterior de samsa): repite \(step) con el laboratorio iniciado"
                        : "`\(name)` is in commands.log without its outcome (a log from an older samsa): do \(step) again while the lab is started"
                )
            }
            let shown = lastError.isEmpty ? "" : (es ? " (último error: \(lastError))" : " (last error: \(lastError))")
            return .failed(
                es
                    ? "`\(name)` está en commands.log, pero falló cada vez\(shown): lee el error, corrígelo y repite \(step)"
                    : "`\(name)` is in commands.log, but it failed every time\(shown): read the error, fix it and do \(step) again"
            )
        }
        let meant = succeeded.filter { entry in Self.outcome(entry.outcome, matches: spec.outcome) }
        if meant.isEmpty {
            return .failed(
                es
                    ? "`\(name)` funcionó, pero no hizo lo que pide \(step)"
                    : "`\(name)` succeeded, but did not do what \(step) asks")
        }
        if let key = spec.distinct {
            let values = Set(meant.flatMap { $0.outcome.values(of: key) })
            if values.count >= needed {
                return .passed(
                    es
                        ? "ejecutaste `\(example)` (\(values.count) \(key) distintos)"
                        : "you ran `\(example)` (\(values.count) different \(key))")
            }
            return .failed(
                es
                    ? "tus `\(name)` que funcionaron dan \(values.count) \(key) distinto(s); \(step) pide más, cada uno diferente"
                    : "your successful `\(name)` runs give \(values.count) different \(key); \(step) asks for more, each a different one"
            )
        }
        if meant.count >= needed {
            return .passed(es ? "ejecutaste `\(example)`" : "you ran `\(example)`")
        }
        return .failed(
            es
                ? "`\(name)` funcionó \(meant.count) vez/veces en commands.log; \(step) pide \(needed)"
                : "`\(name)` succeeded \(meant.count) time(s) in commands.log; \(step) asks for \(needed)")
    }

    /// The words that name a command (`samsa kafka-server-start`, `broker kill`), without the
    /// arguments a step asks for: up to the first option, path, number or placeholder.
    static func commandName(_ command: String) -> String {
        let words = command.split(separator: " ").prefix { word in
            !word.hasPrefix("-") && !word.contains { $0.isNumber || "/<…=.".contains($0) }
        }
        return words.isEmpty ? command : words.joined(separator: " ")
    }

    /// Whether a successful outcome matches `pattern` (case-insensitive, searched in `ok key=value…`).
    static func outcome(_ outcome: CommandOutcome, matches pattern: String?) -> Bool {
        guard let pattern else { return true }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return false }
        return CommandLog.matches(regex, outcome.description)
    }

    /// Two measured throughputs from the log, compared by `relation` (see `CheckSpec.Kind.measuredRelation`).
    public static func measuredRelation(_ spec: CheckSpec, log: CommandLog, language: Language) -> Verdict {
        let es = language == .es
        let patterns = spec.patterns ?? []
        let names = spec.keys ?? patterns
        guard patterns.count == 2, names.count == 2 else {
            return .failed("internal: a measured relation needs two patterns")
        }
        let values = patterns.map { log.lastThroughput(matching: $0) }
        let ran = patterns.map { !log.commands(matching: $0).isEmpty }
        if values.allSatisfy({ $0 == nil }) && !ran.contains(true) {
            return .notAttempted(
                es
                    ? "no hay en commands.log ninguna medida de `\(names[0])` ni de `\(names[1])`: ejecuta las dos con el laboratorio iniciado"
                    : "commands.log holds no measurement of `\(names[0])` or `\(names[1])`: run both while the lab is started"
            )
        }
        for index in 0..<2 where values[index] == nil {
            return .failed(
                ran[index]
                    ? (es
                        ? "`\(names[index])` aparece en commands.log sin su resultado: ejecútalo otra vez con `samsa` y deja que termine"
                        : "`\(names[index])` is in commands.log without its result: run it again through `samsa` and let it finish")
                    : (es
                        ? "falta la medida de `\(names[index])` en commands.log"
                        : "commands.log has no measurement of `\(names[index])`"))
        }
        let left = values[0] ?? 0
        let right = values[1] ?? 0
        let shown = "\(Self.rate(left)) vs \(Self.rate(right)) records/sec"
        let holds: Bool
        let symbol: String
        switch spec.relation ?? .greaterThan {
        case .greaterThan: (holds, symbol) = (left > right, ">")
        case .lessThan: (holds, symbol) = (left < right, "<")
        }
        if holds {
            return .passed(
                es
                    ? "medido: \(names[0]) \(symbol) \(names[1]) (\(shown))"
                    : "measured: \(names[0]) \(symbol) \(names[1]) (\(shown))")
        }
        return .failed(
            es
                ? "tus medidas no dan \(names[0]) \(symbol) \(names[1]) (\(shown)): repítelas sin otra carga en la máquina"
                : "your measurements do not give \(names[0]) \(symbol) \(names[1]) (\(shown)): repeat them with nothing else running"
        )
    }

    static func rate(_ value: Double) -> String { String(format: "%.1f", value) }
}
