import CourseLanguage
import Foundation

/// Who a lab is graded for: the id an instructor knows a student by (`lab id set …`, the
/// `student_id` line of answers.properties, `samsa grade --student-id`). Ids are compared in lower
/// case, so `A123` and `a123` are the same student.
public struct StudentID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    /// The answers.properties key that holds it.
    public static let answersKey = "student_id"
    static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@+"))

    public init(_ text: String) throws(LabError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard (1...64).contains(trimmed.count), trimmed.unicodeScalars.allSatisfy({ Self.allowed.contains($0) }) else {
            throw .usage(
                "a student id is 1 to 64 letters, digits or . _ - @ + (for example a university login or e-mail), not \"\(text)\""
            )
        }
        self.value = trimmed
    }

    public var description: String { self.value }
}

/// One set of alternatives in a lab's `variables`: a variant takes exactly one choice from each
/// group. A choice names the values of some placeholders (`⟨NAME⟩` in lab.json, the reference
/// solution and the sheets); values that belong together (a partition, its leader, the leader
/// after the election) sit in the same choice, so every combination is a lab that works.
public struct VariableGroup: Codable, Sendable, Hashable {
    public var name: String
    public var choices: [[String: String]]
}

/// A student's own values for a lab, chosen from its variable groups by a hash of the lab number,
/// the group name and the student id: the same id always gets the same values, on any machine.
/// Without an id, every group's first choice (the lab's worked example).
public struct LabVariant: Sendable, Equatable {
    public let studentID: StudentID?
    public let values: [String: String]

    /// `⟨STUDENT_ID⟩` is always defined: the id, or empty without one.
    public static let studentIDName = "STUDENT_ID"

    public init(groups: [VariableGroup], lab: Int, studentID: StudentID?) {
        self.studentID = studentID
        var values: [String: String] = [Self.studentIDName: studentID?.value ?? ""]
        for group in groups where !group.choices.isEmpty {
            let index =
                studentID.map { Int(Self.hash("\(lab)|\(group.name)|\($0.value)") % UInt64(group.choices.count)) } ?? 0
            values.merge(group.choices[index]) { _, new in new }
        }
        self.values = values
    }

    /// `text` with every `⟨NAME⟩` this variant defines replaced by its value; others stay.
    public func fill(_ text: String) -> String {
        guard text.contains(Self.open) else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: Self.open) {
            result += rest[..<start]
            guard let end = rest[start...].firstIndex(of: Self.close) else { break }
            let name = String(rest[rest.index(after: start)..<end])
            result += self.values[name] ?? String(rest[start...end])
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    static let open: Character = "⟨"
    static let close: Character = "⟩"

    /// FNV-1a, then SplitMix64's finalizer so nearby ids spread over all choices. Not Swift's
    /// `Hasher`: its seed changes with every process.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}

extension LabManifest {
    /// The values `id` gets in this lab.
    public func variant(for id: StudentID?) -> LabVariant {
        LabVariant(groups: self.variables ?? [], lab: self.number, studentID: id)
    }

    /// True when students get different values (the lab declares variables).
    public var hasVariants: Bool { !(self.variables ?? []).isEmpty }

    /// This lab as `id` sees it: every placeholder in steps, hints and checks filled with the
    /// student's values. Without variables, the lab itself.
    public func forStudent(_ id: StudentID?) throws(LabError) -> LabManifest {
        guard self.hasVariants, let template = self.template else { return self }
        return try Self.decode(template, for: id, source: "lab \(self.number)")
    }

    /// Decodes lab.json after filling its placeholders with `id`'s values (the worked example's
    /// without an id). A string that is exactly one placeholder in a numeric field
    /// (`"minimum": "⟨LEFT⟩"`) becomes that number.
    static func decode(_ template: Data, for id: StudentID?, source: String) throws(LabError) -> LabManifest {
        struct Header: Decodable {
            var number: Int
            var variables: [VariableGroup]?
        }
        do {
            let header = try JSONDecoder().decode(Header.self, from: template)
            let variant = LabVariant(groups: header.variables ?? [], lab: header.number, studentID: id)
            let tree = try JSONSerialization.jsonObject(with: template)
            let data = try JSONSerialization.data(withJSONObject: Self.fill(tree, variant, key: nil))
            var manifest = try JSONDecoder().decode(LabManifest.self, from: data)
            manifest.template = template
            manifest.studentID = id
            let tasks = (tree as? [String: Any])?["tasks"] as? [[String: Any]] ?? []
            manifest.variantTaskIDs = Set(
                tasks.filter { task in
                    guard let json = try? JSONSerialization.data(withJSONObject: task) else { return false }
                    return String(decoding: json, as: UTF8.self).contains(LabVariant.open)
                }.compactMap { $0["id"] as? String })
            return manifest
        } catch let error as LabError {
            throw error
        } catch {
            throw .badManifest(source, "\(error)")
        }
    }

    static let numericFields: Set<String> = ["minimum", "maximum", "partitions", "replicationFactor"]

    private static func fill(_ value: Any, _ variant: LabVariant, key: String?) -> Any {
        switch value {
        case let text as String:
            let filled = variant.fill(text)
            if let key, Self.numericFields.contains(key), filled != text, let number = Double(filled) { return number }
            return filled
        case let array as [Any]:
            return array.map { Self.fill($0, variant, key: key) }
        case let object as [String: Any]:
            // The variables themselves are values, not text to fill.
            return object.reduce(into: [String: Any]()) { result, pair in
                result[pair.key] = pair.key == "variables" ? pair.value : Self.fill(pair.value, variant, key: pair.key)
            }
        default:
            return value
        }
    }
}

/// Whose values a submission is graded with: the id the grader was given, else the one written
/// in answers.properties. An answers file that names another student is refused, never graded
/// with that student's values.
enum StudentIdentity: Equatable {
    case known(StudentID)
    case missing
    case invalid(String)
    case mismatch(written: StudentID, graded: StudentID)

    init(graded: StudentID?, written text: String?) {
        let written: StudentID?
        if let text {
            guard let id = try? StudentID(text) else {
                self = .invalid(text)
                return
            }
            written = id
        } else {
            written = nil
        }
        switch (graded, written) {
        case (let graded?, let written?) where graded != written: self = .mismatch(written: written, graded: graded)
        case (let graded?, _): self = .known(graded)
        case (nil, let written?): self = .known(written)
        case (nil, nil): self = .missing
        }
    }

    func verdict(_ language: Language) -> Verdict {
        let es = language == .es
        switch self {
        case .known: return .passed("")
        case .missing:
            return .notAttempted(
                es
                    ? "sin id de estudiante: cada estudiante tiene sus propios valores; `lab id set TU-ID` en el REPL lo escribe en `student_id` de answers.properties"
                    : "no student id: every student has their own values; `lab id set YOUR-ID` in the REPL writes it to `student_id` in answers.properties"
            )
        case .invalid(let text):
            return .failed(
                es
                    ? "`student_id` = \(text) no es un id válido (letras, cifras y . _ - @ +)"
                    : "`student_id` = \(text) is not a valid id (letters, digits and . _ - @ +)")
        case .mismatch(let written, let graded):
            return .failed(
                es
                    ? "estas respuestas son de otro estudiante (student_id = \(written)), no de \(graded): cada uno responde con lo que muestra su propio clúster"
                    : "these answers belong to another student (student_id = \(written)), not \(graded): everyone answers from what their own cluster shows"
            )
        }
    }
}
