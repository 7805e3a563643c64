import CourseLanguage
import Foundation

/// Checks on the answers file: pure functions of the answers and the task's parameters.
public enum AnswerChecks {
    /// `log` backs typed-in measurements when the spec names the commands that print them (`patterns`).
    public static func check(
        _ spec: CheckSpec, answers: AnswersFile, language: Language, log: CommandLog = CommandLog(entries: [])
    ) -> Verdict {
        switch spec.kind {
        case .answer: return Self.answer(spec, answers: answers, language: language, log: log)
        case .answerRelation: return Self.relation(spec, answers: answers, language: language, log: log)
        default: return .failed("internal: not an answer check")
        }
    }

    static func answer(_ spec: CheckSpec, answers: AnswersFile, language: Language, log: CommandLog) -> Verdict {
        let key = spec.key ?? ""
        guard let given = answers[key] else {
            return .notAttempted(Words.unanswered(key, language))
        }
        let expected = spec.expected ?? ""
        let ok: Bool
        switch spec.match ?? .text {
        case .text:
            ok = AnswerText.same(given, expected)
        case .integer:
            guard let value = Int(given) else { return .failed(Words.notInteger(key, given, language)) }
            ok = value == Int(expected)
        case .oneOf:
            ok = expected.split(separator: ",").contains { AnswerText.same(given, String($0)) }
        case .range:
            guard let value = Double(given) else { return .failed(Words.notNumber(key, given, language)) }
            ok = value >= (spec.minimum ?? -.infinity) && value <= (spec.maximum ?? .infinity)
        case .integerSet:
            guard let values = Self.integerSet(given) else {
                return .failed(Words.notIntegerList(key, given, language))
            }
            ok = values == Self.integerSet(expected)
        case .segmentOfOffset:
            let offsetKey = spec.keys?.first ?? ""
            guard let offsetText = answers[offsetKey] else {
                return .notAttempted(Words.unanswered(offsetKey, language))
            }
            guard let offset = Int64(offsetText) else {
                return .failed(Words.notInteger(offsetKey, offsetText, language))
            }
            guard let base = Self.segmentBaseOffset(given) else {
                return .failed(Words.notSegmentName(key, given, language))
            }
            ok = base == offset
        }
        guard ok else { return .failed(Words.wrong(key, given, language)) }
        if MeasuredAnswers.isMeasured(spec) {
            guard let value = Double(given) else { return .failed(Words.notNumber(key, given, language)) }
            if case .refused(let verdict) = MeasuredAnswers.backing(value, index: 0, spec, log: log, language: language)
            {
                return verdict
            }
            return .passed(Words.agreesWithLog(key, language))
        }
        return .passed(Words.correct(key, language))
    }

    static func relation(_ spec: CheckSpec, answers: AnswersFile, language: Language, log: CommandLog) -> Verdict {
        let keys = spec.keys ?? []
        guard keys.count == 2 else { return .failed("internal: a relation needs two keys") }
        let missing = keys.filter { answers[$0] == nil }
        if missing.count == 2 { return .notAttempted(Words.unanswered(missing.joined(separator: ", "), language)) }
        if let first = missing.first { return .failed(Words.unanswered(first, language)) }
        guard let left = Double(answers[keys[0]]!) else {
            return .failed(Words.notNumber(keys[0], answers[keys[0]]!, language))
        }
        guard let right = Double(answers[keys[1]]!) else {
            return .failed(Words.notNumber(keys[1], answers[keys[1]]!, language))
        }
        guard left >= 0, right >= 0 else { return .failed(Words.negative(language)) }
        guard MeasuredAnswers.isMeasured(spec) else {
            return Self.compare(left, right, spec, keys: keys, measured: false, language: language)
        }
        // The relation is decided on the logged measurements the answers agree with, so numbers
        // nudged within the tolerance cannot turn a measured "no" into a "yes".
        var measured: [Double] = []
        for (index, value) in [left, right].enumerated() {
            switch MeasuredAnswers.backing(value, index: index, spec, log: log, language: language) {
            case .measured(let logged): measured.append(logged)
            case .refused(let verdict): return verdict
            }
        }
        return Self.compare(measured[0], measured[1], spec, keys: keys, measured: true, language: language)
    }

    static func compare(
        _ left: Double, _ right: Double, _ spec: CheckSpec, keys: [String], measured: Bool, language: Language
    ) -> Verdict {
        let (holds, symbol) = spec.relation == .lessThan ? (left < right, "<") : (left > right, ">")
        if holds { return .passed(Words.relationHolds(keys, symbol, language)) }
        return .failed(Words.relationFails(keys, symbol, left, right, measured: measured, language))
    }

    static func integerSet(_ text: String) -> Set<Int>? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "[" || $0 == "]" })
        let values = parts.compactMap { Int($0) }
        guard values.count == parts.count, !values.isEmpty else { return nil }
        return Set(values)
    }

    /// `00000000000000000042.log` → 42.
    static func segmentBaseOffset(_ name: String) -> Int64? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard file.hasSuffix(".log") else { return nil }
        let digits = file.dropLast(4)
        guard digits.count == 20, digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }
}

/// Student-facing sentences, in both languages. They name the answer key and say what to do.
enum Words {
    static func unanswered(_ key: String, _ language: Language) -> String {
        language == .es
            ? "sin responder: escribe un valor para `\(key)` en answers.properties"
            : "not answered: write a value for `\(key)` in answers.properties"
    }
    static func notInteger(_ key: String, _ given: String, _ language: Language) -> String {
        language == .es
            ? "`\(key)` debe ser un número entero, no \"\(given)\""
            : "`\(key)` must be a whole number, not \"\(given)\""
    }
    static func notNumber(_ key: String, _ given: String, _ language: Language) -> String {
        language == .es ? "`\(key)` debe ser un número, no \"\(given)\"" : "`\(key)` must be a number, not \"\(given)\""
    }
    static func notIntegerList(_ key: String, _ given: String, _ language: Language) -> String {
        language == .es
            ? "`\(key)` debe ser una lista de ids separados por comas (p. ej. 2,3), no \"\(given)\""
            : "`\(key)` must be ids separated by commas (e.g. 2,3), not \"\(given)\""
    }
    static func notSegmentName(_ key: String, _ given: String, _ language: Language) -> String {
        language == .es
            ? "`\(key)` debe ser un nombre de segmento como 00000000000000000000.log, no \"\(given)\""
            : "`\(key)` must be a segment file name such as 00000000000000000000.log, not \"\(given)\""
    }
    static func correct(_ key: String, _ language: Language) -> String {
        language == .es ? "`\(key)` es correcto" : "`\(key)` is right"
    }
    static func wrong(_ key: String, _ given: String, _ language: Language) -> String {
        language == .es
            ? "`\(key)` = \(given) no es lo que muestra el clúster; repite el paso y vuelve a mirar"
            : "`\(key)` = \(given) is not what the cluster shows; redo the step and look again"
    }
    static func negative(_ language: Language) -> String {
        language == .es ? "las medidas no pueden ser negativas" : "measurements cannot be negative"
    }
    static func relationHolds(_ keys: [String], _ symbol: String, _ language: Language) -> String {
        language == .es
            ? "tus medidas cumplen \(keys[0]) \(symbol) \(keys[1])"
            : "your measurements show \(keys[0]) \(symbol) \(keys[1])"
    }
    static func relationFails(
        _ keys: [String], _ symbol: String, _ left: Double, _ right: Double, measured: Bool, _ language: Language
    ) -> String {
        let shown = "\(MeasuredAnswers.number(left)), \(MeasuredAnswers.number(right))"
        if measured {
            return language == .es
                ? "tus medidas en commands.log no dan \(keys[0]) \(symbol) \(keys[1]) (\(shown)): repítelas con los parámetros del paso y sin otra carga en la máquina"
                : "your measurements in commands.log do not give \(keys[0]) \(symbol) \(keys[1]) (\(shown)): repeat them with the step's settings and nothing else running"
        }
        return language == .es
            ? "se esperaba \(keys[0]) \(symbol) \(keys[1]), pero anotaste \(shown): repite la medida con los parámetros del paso"
            : "expected \(keys[0]) \(symbol) \(keys[1]), but you wrote \(shown): measure again with the step's settings"
    }
    static func agreesWithLog(_ key: String, _ language: Language) -> String {
        language == .es
            ? "`\(key)` coincide con tu medida en commands.log"
            : "`\(key)` agrees with your measurement in commands.log"
    }
}
