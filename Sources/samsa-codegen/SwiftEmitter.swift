import Foundation

/// Builds Swift source text with indentation.
final class SourceWriter {
    private(set) var text = ""
    private var level = 0

    func line(_ text: String = "") {
        if text.isEmpty {
            self.text += "\n"
        } else {
            self.text += String(repeating: "    ", count: self.level) + text + "\n"
        }
    }

    func indent(_ body: () throws -> Void) rethrows {
        self.level += 1
        try body()
        self.level -= 1
    }

    /// `header {`, the body indented, `}`.
    func block(_ header: String, _ body: () throws -> Void) rethrows {
        self.line(header + " {")
        try self.indent(body)
        self.line("}")
    }

    /// Runs `body` only when `condition` can hold, wrapped in `if` when it is not always true.
    func guarded(_ condition: Condition, _ body: () throws -> Void) rethrows {
        switch condition {
        case .never: return
        case .always: try body()
        case .when(let test): try self.block("if \(test)", body)
        }
    }

    /// `if test {` … `} else {` … `}`.
    func ifElse(_ test: String, then: () -> Void, otherwise: () -> Void) {
        self.line("if \(test) {")
        self.indent(then)
        self.line("} else {")
        self.indent(otherwise)
        self.line("}")
    }

    /// `/// text`, wrapped to fit the line length.
    func doc(_ text: String, width: Int = 100) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !words.isEmpty else { return }
        var current = ""
        for word in words {
            if !current.isEmpty && current.count + 1 + word.count > width {
                self.line("/// " + current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { self.line("/// " + current) }
    }
}

/// Emits one generated file per message: the message struct, its nested structs, and their codecs.
struct SwiftEmitter {
    static let generatedMarker = "// DO NOT EDIT: generated from"

    let model: MessageModel
    let sourceFileName: String

    func emit() throws -> String {
        let writer = SourceWriter()
        let spec = self.model.spec
        writer.line("\(SwiftEmitter.generatedMarker) \(self.sourceFileName) by samsa-codegen")
        writer.line()
        writer.line("import NIOCore")
        writer.line()
        var conformances: String
        switch spec.type {
        case "request": conformances = "KafkaRequest, Hashable"
        case "response": conformances = "KafkaResponse, Hashable"
        default: conformances = "KafkaMessage, Hashable"
        }
        writer.doc(self.messageDocumentation())
        try writer.block("public struct \(spec.name): \(conformances)") {
            if spec.type == "request" {
                let responseName = String(spec.name.dropLast("Request".count)) + "Response"
                writer.line("public typealias Response = \(responseName)")
            }
            if spec.type == "request" || spec.type == "response" {
                guard let apiKey = spec.apiKey else { throw CodegenError("\(spec.name) has no apiKey") }
                writer.line("public static let apiKey: ApiKey = .\(apiKeyCaseName(for: spec.name))  // \(apiKey)")
            }
            let valid = self.model.validVersions
            writer.line("public static let validVersions: ClosedRange<Int16> = \(valid.lowest)...\(valid.highest)")
            if let flexible = self.model.flexibleVersions {
                writer.line("public static let flexibleVersions: PartialRangeFrom<Int16>? = \(flexible.lowest)...")
                writer.line()
                writer.line("@inlinable")
                writer.line("public static func isFlexible(version: Int16) -> Bool { version >= \(flexible.lowest) }")
            } else {
                writer.line("public static let flexibleVersions: PartialRangeFrom<Int16>? = nil")
                writer.line()
                writer.line("@inlinable")
                writer.line("public static func isFlexible(version: Int16) -> Bool { false }")
            }
            try self.emitBody(of: self.model.message, isMessage: true, writer: writer)
        }
        for nested in self.model.nested {
            writer.line()
            try writer.block("extension \(spec.name)") {
                writer.doc(nested.about)
                try writer.block("public struct \(nested.name): Sendable, Hashable") {
                    try self.emitBody(of: nested, isMessage: false, writer: writer)
                }
            }
        }
        return writer.text
    }

    private func messageDocumentation() -> String {
        let spec = self.model.spec
        var text: String
        switch spec.type {
        case "request", "response":
            let api = String(spec.name.dropLast(spec.type == "request" ? "Request".count : "Response".count))
            text = "The \(api) \(spec.type) body (API key \(spec.apiKey ?? -1))"
        case "header":
            text = "The \(spec.name)"
        default:
            text = "\(spec.name), a Kafka data schema"
        }
        text += ", versions \(self.model.validVersions)"
        if let flexible = self.model.flexibleVersions { text += " (flexible \(flexible))" }
        if spec.latestVersionUnstable == true { text += "; the latest version is unstable" }
        return text + ". Generated from \(self.sourceFileName)."
    }

    // MARK: Struct body

    private func emitBody(of structure: StructModel, isMessage: Bool, writer: SourceWriter) throws {
        for (index, field) in structure.fields.enumerated() {
            if isMessage || index > 0 { writer.line() }
            writer.doc(self.fieldDocumentation(field))
            writer.line("public var \(field.swiftName): \(field.swiftType) = \(field.defaultExpression)")
        }
        writer.line()
        if structure.fields.isEmpty {
            writer.line("public init() {}")
        } else {
            writer.line("public init(")
            writer.indent {
                for (index, field) in structure.fields.enumerated() {
                    let comma = index == structure.fields.count - 1 ? "" : ","
                    writer.line("\(field.swiftName): \(field.swiftType) = \(field.defaultExpression)\(comma)")
                }
            }
            writer.block(")") {
                for field in structure.fields {
                    writer.line("self.\(field.swiftName) = \(field.swiftName)")
                }
            }
        }
        writer.line()
        try self.emitDecoder(of: structure, isMessage: isMessage, writer: writer)
        writer.line()
        try self.emitEncoder(of: structure, writer: writer)
    }

    private func fieldDocumentation(_ field: FieldModel) -> String {
        var notes: [String] = []
        notes.append("versions \(field.versions.map(\.description) ?? "none")")
        if let nullable = field.nullableVersions { notes.append("nullable \(nullable)") }
        if let tagged = field.taggedVersions, let tag = field.tag { notes.append("tagged \(tagged), tag \(tag)") }
        var about = field.about.trimmingCharacters(in: .whitespacesAndNewlines)
        if !about.isEmpty && !about.hasSuffix(".") { about += "." }
        return (about.isEmpty ? "" : about + " ") + "(\(notes.joined(separator: "; ")))"
    }

    /// The versions in which `field` is written in the struct body rather than the tag section.
    private func regularVersions(of field: FieldModel, in structure: StructModel) throws -> Versions? {
        guard let present = field.versions?.intersection(structure.context) else { return nil }
        guard let tagged = field.taggedVersions else { return present }
        return try present.subtracting(tagged.intersection(self.model.flexibleVersions))
    }

    /// The versions (within the struct's tag sections) in which `field` is a tagged field.
    private func taggedVersions(of field: FieldModel, in structure: StructModel) -> Versions? {
        guard let tagged = field.taggedVersions else { return nil }
        return field.versions?.intersection(structure.context)?.intersection(tagged)?
            .intersection(self.model.flexibleVersions)
    }

    /// `flexible` if the struct-level flag decides, a literal if the answer is fixed, else an inline test.
    private func compactExpression(for field: FieldModel, within context: Versions, usesFlag: inout Bool) -> String {
        switch Condition.of(field.flexibleVersions, within: context) {
        case .always: return "true"
        case .never: return "false"
        case .when(let test):
            if field.flexibleVersions == self.model.flexibleVersions {
                usesFlag = true
                return "flexible"
            }
            return "(\(test))"
        }
    }

    // MARK: Decoding

    private func emitDecoder(of structure: StructModel, isMessage: Bool, writer: SourceWriter) throws {
        let body = SourceWriter()
        var usesFlag = false
        let context = structure.context
        for field in structure.fields {
            guard let regular = try self.regularVersions(of: field, in: structure) else { continue }
            let compact = self.compactExpression(for: field, within: regular, usesFlag: &usesFlag)
            let nullable = Condition.of(field.nullableVersions, within: regular)
            body.guarded(Condition.of(regular, within: context)) {
                self.emitRead(
                    field,
                    owner: structure.name,
                    into: "self.\(field.swiftName)",
                    from: "buffer",
                    compact: compact,
                    nullable: nullable,
                    writer: body
                )
            }
        }
        let tagSection = Condition.of(self.model.flexibleVersions, within: context)
        if tagSection != .never {
            if case .when = tagSection { usesFlag = true }
            let taggedFields = structure.fields
                .compactMap { field in self.taggedVersions(of: field, in: structure).map { (field, $0) } }
                .sorted { ($0.0.tag ?? 0) < ($1.0.tag ?? 0) }
            let flexibleContext = context.intersection(self.model.flexibleVersions) ?? context
            body.guarded(tagSection == .always ? .always : .when("flexible")) {
                if taggedFields.isEmpty {
                    body.line("try buffer.skipTaggedFields(field: \"\(structure.name) tagged fields\")")
                    return
                }
                body.line(
                    "let taggedFieldCount = try buffer.readUnsignedVarint(field: \"\(structure.name) tagged fields\")")
                body.block("for _ in 0..<taggedFieldCount") {
                    body.line("let tag = try buffer.readUnsignedVarint(field: \"\(structure.name) tagged fields\")")
                    body.line("var value = try buffer.readTaggedFieldValue(field: \"\(structure.name) tagged fields\")")
                    body.line("switch tag {")
                    do {
                        for (field, versions) in taggedFields {
                            let tag = field.tag ?? 0
                            switch Condition.of(versions, within: flexibleContext) {
                            case .never: continue
                            case .always: body.line("case \(tag):")
                            case .when(let test): body.line("case \(tag) where \(test):")
                            }
                            body.indent {
                                self.emitRead(
                                    field,
                                    owner: structure.name,
                                    into: "self.\(field.swiftName)",
                                    from: "value",
                                    compact: "true",
                                    nullable: Condition.of(field.nullableVersions, within: versions),
                                    writer: body
                                )
                            }
                        }
                        body.line("default:")
                        body.indent { body.line("break") }
                    }
                    body.line("}")
                }
            }
        }

        let access = "public"
        writer.block("\(access) init(from buffer: inout ByteBuffer, version: Int16) throws(KafkaProtocolError)") {
            if isMessage {
                writer.block("guard Self.validVersions.contains(version) else") {
                    writer.line("throw .unsupportedVersion(\"\(structure.name)\", version, Self.validVersions)")
                }
            }
            if usesFlag, let flexible = self.model.flexibleVersions {
                writer.line("let flexible = version >= \(flexible.lowest)")
            }
            for line in body.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                writer.line(String(line))
            }
        }
    }

    /// Statements that decode `field` from `buffer` into `target`.
    private func emitRead(
        _ field: FieldModel,
        owner: String,
        into target: String,
        from buffer: String,
        compact: String,
        nullable: Condition,
        writer: SourceWriter
    ) {
        let path = "\(owner).\(field.plainName)"
        switch field.type {
        case .array(let element):
            let arrayRead = { (isNullable: Bool) in
                if isNullable {
                    writer.ifElse(
                        "let count = try \(buffer).readKafkaNullableArrayCount(compact: \(compact), field: \"\(path)\")",
                        then: {
                            self.emitArrayElements(
                                element, path: path, into: target, from: buffer, compact: compact, writer: writer)
                        },
                        otherwise: { writer.line("\(target) = nil") }
                    )
                } else {
                    writer.block("do") {
                        writer.line(
                            "let count = try \(buffer).readKafkaArrayCount(compact: \(compact), field: \"\(path)\")"
                        )
                        self.emitArrayElements(
                            element, path: path, into: target, from: buffer, compact: compact, writer: writer)
                    }
                }
            }
            self.branch(on: nullable, writer: writer, then: { arrayRead(true) }, otherwise: { arrayRead(false) })
        default:
            self.branch(
                on: nullable,
                writer: writer,
                then: {
                    writer.line(
                        "\(target) = \(self.readExpression(field.type, path: path, from: buffer, compact: compact, nullable: true))"
                    )
                },
                otherwise: {
                    writer.line(
                        "\(target) = \(self.readExpression(field.type, path: path, from: buffer, compact: compact, nullable: false))"
                    )
                }
            )
        }
    }

    private func emitArrayElements(
        _ element: FieldType,
        path: String,
        into target: String,
        from buffer: String,
        compact: String,
        writer: SourceWriter
    ) {
        writer.line("var items: [\(element.swiftType)] = []")
        writer.line("items.reserveCapacity(Swift.min(count, 1024))")
        writer.block("for _ in 0..<count") {
            let read = self.readExpression(element, path: path, from: buffer, compact: compact, nullable: false)
            writer.line("items.append(\(read))")
        }
        writer.line("\(target) = items")
    }

    /// `then` when the condition holds, `otherwise` when not; an `if`/`else` when it depends on the version.
    private func branch(on condition: Condition, writer: SourceWriter, then: () -> Void, otherwise: () -> Void) {
        switch condition {
        case .always: then()
        case .never: otherwise()
        case .when(let test):
            writer.ifElse(test, then: then, otherwise: otherwise)
        }
    }

    private func readExpression(
        _ type: FieldType,
        path: String,
        from buffer: String,
        compact: String,
        nullable: Bool
    ) -> String {
        let field = "field: \"\(path)\""
        switch type {
        case .bool: return "try \(buffer).readBool(\(field))"
        case .int8: return "try \(buffer).readInt8(\(field))"
        case .int16: return "try \(buffer).readInt16(\(field))"
        case .int32: return "try \(buffer).readInt32(\(field))"
        case .int64: return "try \(buffer).readInt64(\(field))"
        case .uint16: return "try \(buffer).readUInt16(\(field))"
        case .uint32: return "try \(buffer).readUInt32(\(field))"
        case .float64: return "try \(buffer).readFloat64(\(field))"
        case .uuid: return "try \(buffer).readKafkaUUID(\(field))"
        case .string:
            let method = nullable ? "readKafkaNullableString" : "readKafkaString"
            return "try \(buffer).\(method)(compact: \(compact), \(field))"
        case .bytes, .records:
            let method = nullable ? "readKafkaNullableBytes" : "readKafkaBytes"
            return "try \(buffer).\(method)(compact: \(compact), \(field))"
        case .structure(let name):
            return "try \(name)(from: &\(buffer), version: version)"
        case .array:
            fatalError("arrays are read by emitRead")
        }
    }

    // MARK: Encoding

    private func emitEncoder(of structure: StructModel, writer: SourceWriter) throws {
        let body = SourceWriter()
        var usesFlag = false
        let context = structure.context
        for field in structure.fields {
            guard let regular = try self.regularVersions(of: field, in: structure) else { continue }
            let compact = self.compactExpression(for: field, within: regular, usesFlag: &usesFlag)
            let nullable = Condition.of(field.nullableVersions, within: regular)
            body.guarded(Condition.of(regular, within: context)) {
                self.emitWrite(field, to: "buffer", compact: compact, nullable: nullable, writer: body)
            }
        }
        let tagSection = Condition.of(self.model.flexibleVersions, within: context)
        if tagSection != .never {
            if case .when = tagSection { usesFlag = true }
            let flexibleContext = context.intersection(self.model.flexibleVersions) ?? context
            let taggedFields = structure.fields
                .compactMap { field in self.taggedVersions(of: field, in: structure).map { (field, $0) } }
                .sorted { ($0.0.tag ?? 0) < ($1.0.tag ?? 0) }
                .compactMap { (field, versions) -> (FieldModel, Versions, String)? in
                    let nonDefault = self.nonDefaultTest(field)
                    switch Condition.of(versions, within: flexibleContext) {
                    case .never: return nil
                    case .always: return (field, versions, nonDefault)
                    case .when(let test): return (field, versions, "\(test), \(nonDefault)")
                    }
                }
            body.guarded(tagSection == .always ? .always : .when("flexible")) {
                if taggedFields.isEmpty {
                    body.line("buffer.writeEmptyTaggedFields()")
                    return
                }
                body.line("var taggedFieldCount: UInt32 = 0")
                for (_, _, test) in taggedFields {
                    body.line("if \(test) { taggedFieldCount += 1 }")
                }
                body.line("buffer.writeUnsignedVarint(taggedFieldCount)")
                for (field, versions, test) in taggedFields {
                    body.block("if \(test)") {
                        body.line("buffer.writeTaggedField(tag: \(field.tag ?? 0)) { value in")
                        body.indent {
                            self.emitWrite(
                                field,
                                to: "value",
                                compact: "true",
                                nullable: Condition.of(field.nullableVersions, within: versions),
                                writer: body
                            )
                        }
                        body.line("}")
                    }
                }
            }
        }

        writer.block("public func write(to buffer: inout ByteBuffer, version: Int16)") {
            if usesFlag, let flexible = self.model.flexibleVersions {
                writer.line("let flexible = version >= \(flexible.lowest)")
            }
            for line in body.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                writer.line(String(line))
            }
        }
    }

    /// A test that is true when a tagged field differs from its default (and so must be sent).
    private func nonDefaultTest(_ field: FieldModel) -> String {
        let property = "self.\(field.swiftName)"
        if field.defaultExpression == "nil" { return "\(property) != nil" }
        if case .array = field.type { return "!\(property).isEmpty" }
        switch field.type {
        case .bool: return field.defaultExpression == "true" ? "!\(property)" : property
        case .bytes: return "\(property).readableBytes != 0"
        default: return "\(property) != \(field.defaultExpression)"
        }
    }

    private func emitWrite(
        _ field: FieldModel, to buffer: String, compact: String, nullable: Condition, writer: SourceWriter
    ) {
        let property = "self.\(field.swiftName)"
        switch field.type {
        case .array(let element):
            if field.isOptional {
                self.branch(
                    on: nullable,
                    writer: writer,
                    then: {
                        writer.line("\(buffer).writeKafkaNullableArrayCount(\(property)?.count, compact: \(compact))")
                    },
                    otherwise: {
                        writer.line("\(buffer).writeKafkaArrayCount(\(property)?.count ?? 0, compact: \(compact))")
                    }
                )
                writer.block("for element in \(property) ?? []") {
                    writer.line(
                        self.writeStatement(element, value: "element", to: buffer, compact: compact, nullable: false))
                }
            } else {
                writer.line("\(buffer).writeKafkaArrayCount(\(property).count, compact: \(compact))")
                writer.block("for element in \(property)") {
                    writer.line(
                        self.writeStatement(element, value: "element", to: buffer, compact: compact, nullable: false))
                }
            }
        default:
            if field.isOptional {
                self.branch(
                    on: nullable,
                    writer: writer,
                    then: {
                        writer.line(
                            self.writeStatement(
                                field.type, value: property, to: buffer, compact: compact, nullable: true))
                    },
                    otherwise: {
                        let value = "(\(property) ?? \(field.nonNullDefaultExpression))"
                        writer.line(
                            self.writeStatement(field.type, value: value, to: buffer, compact: compact, nullable: false)
                        )
                    }
                )
            } else {
                writer.line(
                    self.writeStatement(field.type, value: property, to: buffer, compact: compact, nullable: false))
            }
        }
    }

    private func writeStatement(_ type: FieldType, value: String, to buffer: String, compact: String, nullable: Bool)
        -> String
    {
        switch type {
        case .bool: return "\(buffer).writeBool(\(value))"
        case .int8: return "\(buffer).writeInt8(\(value))"
        case .int16: return "\(buffer).writeInt16(\(value))"
        case .int32: return "\(buffer).writeInt32(\(value))"
        case .int64: return "\(buffer).writeInt64(\(value))"
        case .uint16: return "\(buffer).writeUInt16(\(value))"
        case .uint32: return "\(buffer).writeUInt32(\(value))"
        case .float64: return "\(buffer).writeFloat64(\(value))"
        case .uuid: return "\(buffer).writeKafkaUUID(\(value))"
        case .string:
            let method = nullable ? "writeKafkaNullableString" : "writeKafkaString"
            return "\(buffer).\(method)(\(value), compact: \(compact))"
        case .bytes, .records:
            let method = nullable ? "writeKafkaNullableBytes" : "writeKafkaBytes"
            return "\(buffer).\(method)(\(value), compact: \(compact))"
        case .structure:
            return "\(value).write(to: &\(buffer), version: version)"
        case .array:
            fatalError("arrays are written by emitWrite")
        }
    }
}

/// `FetchRequest` → `fetch`, `LeaderAndIsrRequest` → `leaderAndIsr`.
func apiKeyCaseName(for messageName: String) -> String {
    var base = messageName
    for suffix in ["Request", "Response"] where base.hasSuffix(suffix) {
        base = String(base.dropLast(suffix.count))
    }
    return lowerCamelCase(base)
}

func apiName(for messageName: String) -> String {
    var base = messageName
    for suffix in ["Request", "Response"] where base.hasSuffix(suffix) {
        base = String(base.dropLast(suffix.count))
    }
    return base
}
