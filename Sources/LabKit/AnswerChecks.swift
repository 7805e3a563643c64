import Foundation

/// Checks on the answers file: pure functions of the answers and the task's parameters.
public enum AnswerChecks {
    public static func check(_ spec: CheckSpec, answers: AnswersFile, language: LabLanguage) -> Verdict {
        switch spec.kind {
        case .answer: return Self.answer(spec, answers: answers, language: language)
        case .answerRelation: return Self.relation(spec, answers: answers, language: language)
        default: return .failed("internal: not an answer check")
        }
    }

    static func answer(_ spec: CheckSpec, answers: AnswersFile, language: LabLanguage) -> Verdict {
        let key = spec.key ?? ""
        guard let given = answers[key] else {
            return .notAttempted(Words.unanswered(key, language))
        }
        let expected = spec.expected ?? ""
        let ok: Bool
        switch spec.match ?? .text {
        case .text:
            ok = given.lowercased() == expected.lowercased()
        case .integer:
            guard let value = Int(given) else { return .failed(Words.notInteger(key, given, language)) }
            ok = value == Int(expected)
        case .oneOf:
            let choices = expected.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            ok = choices.contains(given.lowercased())
        case .range:
            guard let value = Double(given) else { return .failed(Words.notNumber(key, given, language)) }
            ok = value >= (spec.minimum ?? -.infinity) && value <= (spec.maximum ?? .infinity)
        case .integerSet:
            guard let values = Self.integerSet(given) else { return .failed(Words.notIntegerList(key, given, language)) }
            ok = values == Self.integerSet(expected)
        case .segmentOfOffset:
            let offsetKey = spec.keys?.first ?? ""
            guard let offsetText = answers[offsetKey] else {
                return .notAttempted(Words.unanswered(offsetKey, language))
            }
            guard let offset = Int64(offsetText) else { return .failed(Words.notInteger(offsetKey, offsetText, language)) }
            guard let base = Self.segmentBaseOffset(given) else {
                return .failed(Words.notSegmentName(key, given, language))
            }
            ok = base == offset
        }
        return ok ? .passed(Words.correct(key, language)) : .failed(Words.wrong(key, given, language))
    }

    static func relation(_ spec: CheckSpec, answers: AnswersFile, language: LabLanguage) -> Verdict {
        let keys = spec.keys ?? []
        guard keys.count == 2 else { return .failed("internal: a relation needs two keys") }
        let missing = keys.filter { answers[$0] == nil }
        if missing.count == 2 { return .notAttempted(Words.unanswered(missing.joined(separator: ", "), language)) }
        if let first = missing.first { return .failed(Words.unanswered(first, language)) }
        guard let left = Double(answers[keys[0]]!) else { return .failed(Words.notNumber(keys[0], answers[keys[0]]!, language)) }
        guard let right = Double(answers[keys[1]]!) else { return .failed(Words.notNumber(keys[1], answers[keys[1]]!, language)) }
        guard left >= 0, right >= 0 else { return .failed(Words.negative(language)) }
        switch spec.relation ?? .greaterThan {
        case .greaterThan:
            return left > right
                ? .passed(Words.relationHolds(keys, ">", language)) : .failed(Words.relationFails(keys, ">", left, right, language))
        case .lessThan:
            return left < right
                ? .passed(Words.relationHolds(keys, "<", language)) : .failed(Words.relationFails(keys, "<", left, right, language))
        }
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
    static func unanswered(_ key: String, _ language: LabLanguage) -> String {
        language == .es
            ? "sin responder: escribe un valor para `\(key)` en answers.properties"
            : "not answered: write a value for `\(key)` in answers.properties"
    }
    static func notInteger(_ key: String, _ given: String, _ language: LabLanguage) -> String {
        language == .es
            ? "`\(key)` debe ser un número entero, no \"\(given)\""
            : "`\(key)` must be a whole number, not \"\(given)\""
    }
    static func notNumber(_ key: String, _ given: String, _ language: LabLanguage) -> String {
        language == .es ? "`\(key)` debe ser un número, no \"\(given)\"" : "`\(key)` must be a number, not \"\(given)\""
    }
    static func notIntegerList(_ key: String, _ given: String, _ language: LabLanguage) -> String {
        language == .es
            ? "`\(key)` debe ser una lista de ids separados por comas (p. ej. 2,3), no \"\(given)\""
            : "`\(key)` must be ids separated by commas (e.g. 2,3), not \"\(given)\""
    }
    static func notSegmentName(_ key: String, _ given: String, _ language: LabLanguage) -> String {
        language == .es
            ? "`\(key)` debe ser un nombre de segmento como 00000000000000000000.log, no \"\(given)\""
            : "`\(key)` must be a segment file name such as 00000000000000000000.log, not \"\(given)\""
    }
    static func correct(_ key: String, _ language: LabLanguage) -> String {
        language == .es ? "`\(key)` es correcto" : "`\(key)` is right"
    }
    static func wrong(_ key: String, _ given: String, _ language: LabLanguage) -> String {
        language == .es
            ? "`\(key)` = \(given) no es lo que muestra el clúster; repite el paso y vuelve a mirar"
            : "`\(key)` = \(given) is not what the cluster shows; redo the step and look again"
    }
    static func negative(_ language: LabLanguage) -> String {
        language == .es ? "las medidas no pueden ser negativas" : "measurements cannot be negative"
    }
    static func relationHolds(_ keys: [String], _ symbol: String, _ language: LabLanguage) -> String {
        language == .es
            ? "tus medidas cumplen \(keys[0]) \(symbol) \(keys[1])" : "your measurements show \(keys[0]) \(symbol) \(keys[1])"
    }
    static func relationFails(_ keys: [String], _ symbol: String, _ left: Double, _ right: Double, _ language: LabLanguage)
        -> String
    {
        language == .es
            ? "se esperaba \(keys[0]) \(symbol) \(keys[1]), pero anotaste \(left) y \(right): repite la medida con los parámetros del paso"
            : "expected \(keys[0]) \(symbol) \(keys[1]), but you wrote \(left) and \(right): measure again with the step's settings"
    }
}
