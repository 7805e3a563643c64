import Foundation

/// Checks on the commands a student ran (`commands.log`): did they do the step at all.
public enum CommandLogChecks {
    public static func check(_ spec: CheckSpec, log: CommandLog, language: LabLanguage) -> Verdict {
        let patterns = spec.patterns ?? []
        let needed = Int(spec.minimum ?? 1)
        let found = patterns.reduce(0) { $0 + log.count(matching: $1) }
        let example = spec.expected ?? patterns.first ?? ""
        if found >= needed {
            return .passed(language == .es ? "ejecutaste `\(example)`" : "you ran `\(example)`")
        }
        if found == 0 {
            return .notAttempted(
                language == .es
                    ? "no hay rastro en commands.log de `\(example)`: ejecútalo con el laboratorio iniciado (`lab start`)"
                    : "commands.log shows no `\(example)`: run it while the lab is started (`lab start`)")
        }
        return .failed(
            language == .es
                ? "`\(example)` aparece \(found) vez/veces en commands.log; el paso pide \(needed)"
                : "`\(example)` appears \(found) time(s) in commands.log; the step asks for \(needed)")
    }

    /// Two measured throughputs from the log, compared by `relation` (see `CheckSpec.Kind.measuredRelation`).
    public static func measuredRelation(_ spec: CheckSpec, log: CommandLog, language: LabLanguage) -> Verdict {
        let es = language == .es
        let patterns = spec.patterns ?? []
        let names = spec.keys ?? patterns
        guard patterns.count == 2, names.count == 2 else { return .failed("internal: a measured relation needs two patterns") }
        let values = patterns.map { log.lastThroughput(matching: $0) }
        let ran = patterns.map { log.count(matching: $0) > 0 }
        if values.allSatisfy({ $0 == nil }) && !ran.contains(true) {
            return .notAttempted(
                es ? "no hay en commands.log ninguna medida de `\(names[0])` ni de `\(names[1])`: ejecuta las dos con el laboratorio iniciado"
                    : "commands.log holds no measurement of `\(names[0])` or `\(names[1])`: run both while the lab is started")
        }
        for index in 0..<2 where values[index] == nil {
            return .failed(
                ran[index]
                    ? (es ? "`\(names[index])` aparece en commands.log sin su resultado: ejecútalo otra vez con `samsa` y deja que termine"
                        : "`\(names[index])` is in commands.log without its result: run it again through `samsa` and let it finish")
                    : (es ? "falta la medida de `\(names[index])` en commands.log" : "commands.log has no measurement of `\(names[index])`"))
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
            return .passed(es ? "medido: \(names[0]) \(symbol) \(names[1]) (\(shown))" : "measured: \(names[0]) \(symbol) \(names[1]) (\(shown))")
        }
        return .failed(
            es ? "tus medidas no dan \(names[0]) \(symbol) \(names[1]) (\(shown)): repítelas sin otra carga en la máquina"
                : "your measurements do not give \(names[0]) \(symbol) \(names[1]) (\(shown)): repeat them with nothing else running")
    }

    static func rate(_ value: Double) -> String { String(format: "%.1f", value) }
}
