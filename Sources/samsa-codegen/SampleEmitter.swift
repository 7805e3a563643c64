import Foundation

/// Emits test fixtures: for every generated type, `sample(version:)` builds a value with a non-default value
/// in every field present at that version, so round-trip tests cover every field of every version.
struct SampleEmitter {
    let models: [MessageModel]

    func emit() -> String {
        let writer = SourceWriter()
        writer.line("\(SwiftEmitter.generatedMarker) the allow-listed schemas/kafka/*.json by samsa-codegen")
        writer.line()
        writer.line("import KafkaProtocol")
        writer.line("import NIOCore")
        writer.line()
        writer.doc("Every generated top-level message type, for tests that loop over all of them.")
        writer.line("let allSampleMessageTypes: [any SampleMessage.Type] = [")
        writer.indent {
            for model in self.models {
                writer.line("\(model.spec.name).self,")
            }
        }
        writer.line("]")
        for model in self.models {
            writer.line()
            writer.block("extension \(model.spec.name): SampleMessage") {
                writer.line("static func makeDefault() -> \(model.spec.name) { \(model.spec.name)() }")
                writer.line()
                self.emitSample(of: model.message, qualifiedName: model.spec.name, model: model, writer: writer)
            }
            for nested in model.nested {
                writer.line()
                writer.block("extension \(model.spec.name).\(nested.name)") {
                    self.emitSample(
                        of: nested,
                        qualifiedName: "\(model.spec.name).\(nested.name)",
                        model: model,
                        writer: writer
                    )
                }
            }
        }
        return writer.text
    }

    private func emitSample(of structure: StructModel, qualifiedName: String, model: MessageModel, writer: SourceWriter)
    {
        writer.block("static func sample(version: Int16) -> \(qualifiedName)") {
            if structure.fields.isEmpty {
                writer.line("\(qualifiedName)()")
                return
            }
            writer.line("var value = \(qualifiedName)()")
            for (index, field) in structure.fields.enumerated() {
                let sample = self.sampleExpression(field.type, field: field, index: index, model: model)
                let test = self.presenceTest(field.versions)
                if let test {
                    writer.line("if \(test) { value.\(field.swiftName) = \(sample) }")
                } else {
                    writer.line("value.\(field.swiftName) = \(sample)")
                }
            }
            writer.line("return value")
        }
    }

    private func presenceTest(_ versions: Versions?) -> String? {
        guard let versions else { return "false" }
        var parts: [String] = []
        if versions.lowest > 0 { parts.append("version >= \(versions.lowest)") }
        if !versions.isOpenEnded { parts.append("version <= \(versions.highest)") }
        return parts.isEmpty ? nil : parts.joined(separator: " && ")
    }

    private func sampleExpression(_ type: FieldType, field: FieldModel, index: Int, model: MessageModel) -> String {
        func avoiding(_ candidate: Int64) -> String {
            let defaultValue = Int64(field.defaultExpression) ?? Int64(field.defaultExpression.dropFirst(2), radix: 16)
            return String(candidate == defaultValue ? candidate + 1 : candidate)
        }
        switch type {
        case .bool: return field.defaultExpression == "true" ? "false" : "true"
        case .int8: return avoiding(Int64(3 + index % 100))
        case .int16: return avoiding(Int64(300 + index))
        case .int32: return avoiding(Int64(70_000 + index))
        case .int64: return avoiding(Int64(5_000_000_000) + Int64(index))
        case .uint16: return avoiding(Int64(40_000 + index))
        case .uint32: return avoiding(Int64(3_000_000_000) + Int64(index))
        case .float64: return "\(Double(index) + 0.5)"
        case .string: return swiftStringLiteral("\(field.jsonName)-\(index)")
        case .bytes: return "ByteBuffer(bytes: [0xCA, 0xFE, \(index % 256)])"
        case .records: return "ByteBuffer(bytes: [0x00, 0x01, 0x02, 0x03, 0x04])"
        case .uuid: return "KafkaUUID(mostSignificantBits: 0x0123_4567_89AB_CDEF, leastSignificantBits: \(index + 1))"
        case .structure(let name):
            return "\(model.spec.name).\(name).sample(version: version)"
        case .array(let element):
            let first = self.sampleExpression(element, field: field, index: index, model: model)
            let second = self.sampleExpression(element, field: field, index: index + 1, model: model)
            return "[\(first), \(second)]"
        }
    }
}
