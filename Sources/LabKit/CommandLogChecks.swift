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
}
