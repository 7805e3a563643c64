import Foundation

/// Emits one file per jute class: a `JuteRecord` struct with a memberwise init whose every
/// parameter has a default, `init(from:) throws(JuteError)` and `write(to:)`, fields in jute order.
///
/// One file per record, not per module, as for the Kafka messages: the file is named after its one
/// type (STYLE.md), a schema change shows up as a diff of that record only, and a student looking
/// for `Stat` opens `Generated/Stat.swift`.
struct JuteEmitter {
    let record: JuteClass
    /// Swift type names of every generated class, by the names jute code may use for them.
    let typeNames: [String: String]
    let sourceFileName: String

    /// The Swift files, by name, for the classes of `classes` not in `skippedJuteClasses`; checks that
    /// the choices in JuteChoices.swift name classes and fields that exist.
    static func emitAll(_ classes: [JuteClass], sourceFileName: String) throws -> [String: String] {
        let byName = Dictionary(grouping: classes, by: \.name)
        if let (name, duplicates) = byName.first(where: { $0.value.count > 1 }) {
            let modules = duplicates.map(\.module).joined(separator: ", ")
            throw CodegenError("class \(name) is in \(modules); Swift names must be unique, skip all but one")
        }
        for name in skippedJuteClasses.keys.sorted() + juteRecordDocs.keys.sorted() where byName[name] == nil {
            throw CodegenError("JuteChoices.swift names class \(name), which \(sourceFileName) does not have")
        }
        for entry in nonNullJuteBuffers.sorted() {
            let parts = entry.split(separator: ".").map(String.init)
            let field = byName[parts[0]]?.first?.fields.first { $0.name == parts.last }
            guard parts.count == 2, field?.type == .buffer else {
                throw CodegenError(
                    "nonNullJuteBuffers names \(entry), which is not a buffer field of \(sourceFileName)")
            }
        }

        let generated = classes.filter { skippedJuteClasses[$0.name] == nil }
        var typeNames: [String: String] = [:]
        for record in generated {
            typeNames[record.qualifiedName] = record.name
        }
        var outputs: [String: String] = [:]
        for record in generated {
            // Jute resolves an unqualified name in the class's own module.
            var names = typeNames
            for other in generated where other.module == record.module { names[other.name] = other.name }
            let emitter = JuteEmitter(record: record, typeNames: names, sourceFileName: sourceFileName)
            outputs["\(record.name).swift"] = try emitter.emit()
        }
        return outputs
    }

    func emit() throws -> String {
        let writer = SourceWriter()
        let fields = try self.record.fields.map { field in
            (name: Self.identifier(field.name), field: field, swift: try self.swiftType(field))
        }
        writer.line(
            "\(SwiftEmitter.generatedMarker) `class \(self.record.name)` in module `\(self.record.module)` "
                + "of schemas/\(self.sourceFileName) by samsa-codegen"
        )
        writer.line()
        writer.line("import NIOCore")
        writer.line()
        writer.doc(juteRecordDocs[self.record.name] ?? "The `\(self.record.name)` record of `\(self.record.module)`.")
        try writer.block("public struct \(self.record.name): JuteRecord") {
            for field in fields {
                writer.line("public var \(field.name): \(field.swift.type)")
            }
            writer.line()

            let parameters = fields.map { "\($0.name): \($0.swift.type) = \($0.swift.defaultValue)" }
            let oneLine = "public init(\(parameters.joined(separator: ", "))) {"
            if oneLine.count + 4 <= 120 {
                writer.line(oneLine)
            } else {
                writer.line("public init(")
                writer.indent {
                    for (index, parameter) in parameters.enumerated() {
                        writer.line(parameter + (index < parameters.count - 1 ? "," : ""))
                    }
                }
                writer.line(") {")
            }
            writer.indent {
                for field in fields { writer.line("self.\(field.name) = \(field.name)") }
            }
            writer.line("}")
            writer.line()

            try writer.block("public init(from buffer: inout ByteBuffer) throws(JuteError)") {
                for field in fields {
                    writer.line("self.\(field.name) = \(try self.reader(field.field))")
                }
            }
            writer.line()
            try writer.block("public func write(to buffer: inout ByteBuffer)") {
                for field in fields {
                    writer.line(try self.writer(field.field, value: "self.\(field.name)"))
                }
            }
        }
        return writer.text
    }

    private var location: String { "\(self.sourceFileName): class \(self.record.name)" }

    private func recordType(_ name: String, field: JuteField) throws -> String {
        guard let swiftName = self.typeNames[name] else {
            let skipped = skippedJuteClasses[name.split(separator: ".").last.map(String.init) ?? name]
            throw CodegenError(
                "\(self.location), field \(field.name): record \(name) "
                    + (skipped.map { "is skipped (\($0)); generate it too" } ?? "is not defined in any module")
            )
        }
        return swiftName
    }

    private func isNonNullBuffer(_ field: JuteField) -> Bool {
        nonNullJuteBuffers.contains("\(self.record.name).\(field.name)")
    }

    private func swiftType(_ field: JuteField) throws -> (type: String, defaultValue: String) {
        switch field.type {
        case .int: return ("Int32", "0")
        case .long: return ("Int64", "0")
        case .boolean: return ("Bool", "false")
        case .ustring: return ("String", "\"\"")
        case .buffer: return self.isNonNullBuffer(field) ? ("[UInt8]", "[]") : ("[UInt8]?", "nil")
        case .record(let name):
            let type = try self.recordType(name, field: field)
            return (type, "\(type)()")
        case .vector(.ustring): return ("[String]", "[]")
        case .vector(.record(let name)): return ("[\(try self.recordType(name, field: field))]", "[]")
        case .vector, .unsupported:
            throw CodegenError("\(self.location), field \(field.name): \(field.type) is not supported by samsa-codegen")
        }
    }

    private func reader(_ field: JuteField) throws -> String {
        switch field.type {
        case .int: return "try buffer.readJuteInt()"
        case .long: return "try buffer.readJuteLong()"
        case .boolean: return "try buffer.readJuteBool()"
        case .ustring: return "try buffer.readJuteString()"
        case .buffer: return "try buffer.readJuteBuffer()" + (self.isNonNullBuffer(field) ? " ?? []" : "")
        case .record(let name): return "try \(try self.recordType(name, field: field))(from: &buffer)"
        case .vector(.ustring): return "try buffer.readJuteStringVector()"
        case .vector(.record(let name)):
            return "try buffer.readJuteVector(of: \(try self.recordType(name, field: field)).self)"
        case .vector, .unsupported:
            throw CodegenError("\(self.location), field \(field.name): \(field.type) is not supported by samsa-codegen")
        }
    }

    private func writer(_ field: JuteField, value: String) throws -> String {
        switch field.type {
        case .int: return "buffer.writeJuteInt(\(value))"
        case .long: return "buffer.writeJuteLong(\(value))"
        case .boolean: return "buffer.writeJuteBool(\(value))"
        case .ustring: return "buffer.writeJuteString(\(value))"
        case .buffer: return "buffer.writeJuteBuffer(\(value))"
        case .record: return "\(value).write(to: &buffer)"
        case .vector(.ustring): return "buffer.writeJuteStringVector(\(value))"
        case .vector(.record): return "buffer.writeJuteVector(\(value))"
        case .vector, .unsupported:
            throw CodegenError("\(self.location), field \(field.name): \(field.type) is not supported by samsa-codegen")
        }
    }

    /// Swift keywords a jute field could be named; backquoted in the generated code.
    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "func", "import", "init", "inout", "internal",
        "let", "operator", "private", "protocol", "public", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil", "rethrows", "super",
        "self", "throw", "throws", "true", "try",
    ]

    private static func identifier(_ name: String) -> String {
        Self.keywords.contains(name) ? "`\(name)`" : name
    }
}
