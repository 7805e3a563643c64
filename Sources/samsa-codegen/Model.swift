import Foundation

/// A schema turned into what the emitter needs: Swift names, parsed version ranges, defaults, and for each
/// struct the versions it can be encoded in (so that version tests it always passes are left out).
struct MessageModel {
    var spec: MessageSpec
    var validVersions: Versions
    var flexibleVersions: Versions?
    /// The message itself: `spec.name`, with the top-level fields.
    var message: StructModel
    /// Nested struct types in the order the schema defines them (inline structs, then `commonStructs`).
    var nested: [StructModel]
}

struct StructModel {
    var name: String
    var about: String
    var fields: [FieldModel]
    /// The versions in which this struct can appear (the hull over the fields that use it).
    var context: Versions
}

struct FieldModel {
    var jsonName: String
    /// The property name, backticked if it is a Swift keyword.
    var swiftName: String
    var type: FieldType
    var versions: Versions?
    var nullableVersions: Versions?
    var taggedVersions: Versions?
    var tag: Int?
    /// The versions that use compact encodings for this field.
    var flexibleVersions: Versions?
    var about: String
    /// Whether the property is Optional: nullable in some version, or `records`.
    var isOptional: Bool
    /// The property's default, as a Swift expression.
    var defaultExpression: String
    /// What an Optional's `nil` is written as in a version where the field is not nullable.
    var nonNullDefaultExpression: String

    var swiftType: String { self.isOptional ? "\(self.type.swiftType)?" : self.type.swiftType }
    /// The name without backticks, for error messages.
    var plainName: String { self.swiftName.replacingOccurrences(of: "`", with: "") }
}

private let swiftKeywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
    "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
    "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
    "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "Any", "Self", "Type",
]

/// Type names the generated code uses unqualified; a nested struct with one of these names would shadow it.
private let reservedTypeNames: Set<String> = [
    "Response", "ApiKey", "ByteBuffer", "KafkaUUID", "KafkaProtocolError", "String", "Bool", "Double", "Int8",
    "Int16", "Int32", "Int64", "UInt16", "UInt32", "UInt8", "Int", "Swift", "Array", "Optional",
]

/// `TransactionalId` → `transactionalId`.
func lowerCamelCase(_ name: String) -> String {
    guard let first = name.first else { return name }
    return first.lowercased() + name.dropFirst()
}

func buildModel(_ spec: MessageSpec) throws -> MessageModel {
    guard let valid = try Versions.parse(spec.validVersions) else {
        throw CodegenError("\(spec.name): validVersions is none")
    }
    let flexible = try Versions.parse(spec.flexibleVersions)

    var order: [String] = []
    var specs: [String: (about: String, fields: [FieldSpec])] = [:]

    func collect(_ fields: [FieldSpec], owner: String) throws {
        for field in fields {
            let type = try FieldType(parsing: field.type)
            guard let nested = field.fields else { continue }
            guard let name = type.structName else {
                throw CodegenError("\(owner).\(field.name) has fields but type \(field.type)")
            }
            guard specs[name] == nil, name != spec.name else {
                throw CodegenError("\(spec.name) defines struct \(name) twice")
            }
            specs[name] = (field.about ?? "", nested)
            order.append(name)
            try collect(nested, owner: name)
        }
    }
    try collect(spec.fields, owner: spec.name)
    for common in spec.commonStructs ?? [] {
        guard specs[common.name] == nil else { throw CodegenError("\(spec.name) defines struct \(common.name) twice") }
        specs[common.name] = ("", common.fields)
        order.append(common.name)
        try collect(common.fields, owner: common.name)
    }
    for name in order where reservedTypeNames.contains(name) {
        throw CodegenError("\(spec.name) has a struct named \(name), which would shadow a type the code uses")
    }

    // Versions each struct can appear in: hull over the fields that use it, to a fixed point.
    var contexts: [String: Versions] = [spec.name: valid]
    var changed = true
    while changed {
        changed = false
        let owners: [(String, [FieldSpec])] = [(spec.name, spec.fields)] + order.map { ($0, specs[$0]!.fields) }
        for (owner, fields) in owners {
            guard let context = contexts[owner] else { continue }
            for field in fields {
                guard let name = try FieldType(parsing: field.type).structName else { continue }
                let versions = try field.versions.flatMap { try Versions.parse($0) }
                guard let used = versions?.intersection(context) else { continue }
                let merged = contexts[name].map { $0.hull(used) } ?? used
                if contexts[name] != merged {
                    contexts[name] = merged
                    changed = true
                }
            }
        }
    }

    func fieldModels(_ fields: [FieldSpec], owner: String) throws -> [FieldModel] {
        var names: Set<String> = []
        return try fields.map { field in
            let model = try buildField(field, owner: owner, messageFlexible: flexible, knownStructs: specs)
            guard names.insert(model.swiftName).inserted else {
                throw CodegenError("\(owner) has two fields named \(model.swiftName)")
            }
            return model
        }
    }

    let message = StructModel(
        name: spec.name,
        about: "",
        fields: try fieldModels(spec.fields, owner: spec.name),
        context: valid
    )
    let nested = try order.map { name in
        StructModel(
            name: name,
            about: specs[name]!.about,
            fields: try fieldModels(specs[name]!.fields, owner: name),
            context: contexts[name] ?? valid
        )
    }
    return MessageModel(spec: spec, validVersions: valid, flexibleVersions: flexible, message: message, nested: nested)
}

private func buildField(
    _ field: FieldSpec,
    owner: String,
    messageFlexible: Versions?,
    knownStructs: [String: (about: String, fields: [FieldSpec])]
) throws -> FieldModel {
    let type = try FieldType(parsing: field.type)
    if let name = type.structName, knownStructs[name] == nil {
        throw CodegenError("\(owner).\(field.name) uses struct \(name), which is not defined")
    }
    guard let versionText = field.versions else { throw CodegenError("\(owner).\(field.name) has no versions") }
    let versions = try Versions.parse(versionText)
    let nullable = try field.nullableVersions.flatMap { try Versions.parse($0) }
    let tagged = try field.taggedVersions.flatMap { try Versions.parse($0) }
    if tagged != nil && field.tag == nil { throw CodegenError("\(owner).\(field.name) has taggedVersions but no tag") }
    let fieldFlexible = try field.flexibleVersions.map { try Versions.parse($0) } ?? messageFlexible

    var swiftName = lowerCamelCase(field.name)
    if swiftKeywords.contains(swiftName) { swiftName = "`\(swiftName)`" }

    if case .structure = type, nullable != nil {
        throw CodegenError("\(owner).\(field.name): nullable structs are not supported by samsa-codegen yet")
    }
    let isOptional = nullable != nil || type == .records
    let defaultText = field.default?.text
    let context = "\(owner).\(field.name)"

    var defaultExpression: String
    var nonNullDefault: String
    switch type {
    case .bool:
        defaultExpression = defaultText ?? "false"
        guard defaultExpression == "true" || defaultExpression == "false" else {
            throw CodegenError("\(context): bad bool default \(defaultExpression)")
        }
        nonNullDefault = defaultExpression
    case .int8, .int16, .int32, .int64, .uint16, .uint32:
        defaultExpression = try integerLiteral(defaultText ?? "0", context: context)
        nonNullDefault = defaultExpression
    case .float64:
        defaultExpression = defaultText ?? "0"
        guard Double(defaultExpression) != nil else { throw CodegenError("\(context): bad float default") }
        nonNullDefault = defaultExpression
    case .string:
        if defaultText == "null" {
            guard isOptional else { throw CodegenError("\(context): default null but not nullable") }
            defaultExpression = "nil"
            nonNullDefault = "\"\""
        } else if let defaultText {
            defaultExpression = swiftStringLiteral(defaultText)
            nonNullDefault = defaultExpression
        } else {
            defaultExpression = isOptional ? "nil" : "\"\""
            nonNullDefault = "\"\""
        }
    case .bytes, .records:
        if let defaultText, defaultText != "null" {
            throw CodegenError("\(context): bytes defaults other than null are not supported")
        }
        defaultExpression = isOptional ? "nil" : "ByteBuffer()"
        nonNullDefault = "ByteBuffer()"
    case .uuid:
        if let defaultText, defaultText != "AAAAAAAAAAAAAAAAAAAAAA" {
            throw CodegenError("\(context): uuid defaults other than zero are not supported")
        }
        defaultExpression = "KafkaUUID.zero"
        nonNullDefault = defaultExpression
    case .structure(let name):
        if defaultText != nil { throw CodegenError("\(context): struct defaults are not supported") }
        defaultExpression = "\(name)()"
        nonNullDefault = defaultExpression
    case .array:
        if let defaultText, defaultText != "null" {
            throw CodegenError("\(context): array defaults other than null are not supported")
        }
        defaultExpression = isOptional ? "nil" : "[]"
        nonNullDefault = "[]"
    }

    return FieldModel(
        jsonName: field.name,
        swiftName: swiftName,
        type: type,
        versions: versions,
        nullableVersions: nullable,
        taggedVersions: tagged,
        tag: field.tag?.value,
        flexibleVersions: fieldFlexible,
        about: field.about ?? "",
        isOptional: isOptional,
        defaultExpression: defaultExpression,
        nonNullDefaultExpression: nonNullDefault
    )
}

/// Checks a numeric default ("-1", "0x7fffffff") and returns it as a Swift literal.
private func integerLiteral(_ text: String, context: String) throws -> String {
    let lowered = text.lowercased()
    if lowered.hasPrefix("0x") || lowered.hasPrefix("-0x") {
        let negative = lowered.hasPrefix("-")
        let digits = lowered.dropFirst(negative ? 3 : 2)
        guard !digits.isEmpty, Int64(digits, radix: 16) != nil else {
            throw CodegenError("\(context): bad default \(text)")
        }
        return (negative ? "-0x" : "0x") + digits
    }
    guard Int64(text) != nil else { throw CodegenError("\(context): bad default \(text)") }
    return text
}

func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
