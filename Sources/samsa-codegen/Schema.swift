import Foundation

/// One Kafka message schema (`schemas/kafka/FetchRequest.json`), as Kafka's own generator reads it.
struct MessageSpec: Decodable {
    var apiKey: Int?
    /// "request", "response", "header" or "data".
    var type: String
    var name: String
    var validVersions: String
    var flexibleVersions: String
    var fields: [FieldSpec]
    var commonStructs: [StructSpec]?
    /// The highest valid version is still under development (not advertised by Kafka by default).
    var latestVersionUnstable: Bool?
}

/// A named struct shared by several fields of one message (`commonStructs`).
struct StructSpec: Decodable {
    var name: String
    var versions: String?
    var fields: [FieldSpec]
}

struct FieldSpec: Decodable {
    var name: String
    var type: String
    var versions: String?
    var nullableVersions: String?
    var taggedVersions: String?
    var tag: TagNumber?
    var `default`: DefaultValue?
    var fields: [FieldSpec]?
    /// Overrides the message's flexible versions for this field (RequestHeader.ClientId: "none").
    var flexibleVersions: String?
    var about: String?
}

/// A tagged field's number; a few schemas write it as a string ("0").
struct TagNumber: Decodable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            self.value = int
        } else if let text = try? container.decode(String.self), let int = Int(text) {
            self.value = int
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "tag is not a number")
        }
    }
}

/// A field's `default`, which the schemas write as a string ("-1", "null", "0x7fffffff"), a number or a bool.
enum DefaultValue: Decodable {
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            self = .text(string)
        } else if let int = try? container.decode(Int.self) {
            self = .text(String(int))
        } else if let bool = try? container.decode(Bool.self) {
            self = .text(bool ? "true" : "false")
        } else if let double = try? container.decode(Double.self) {
            self = .text(String(double))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unsupported default value")
        }
    }

    var text: String {
        switch self {
        case .text(let text): return text
        }
    }
}

/// A field's type, from the schema's type string.
indirect enum FieldType: Equatable {
    case bool, int8, int16, int32, int64, uint16, uint32, float64, string, bytes, records, uuid
    case structure(String)
    case array(FieldType)

    init(parsing text: String) throws {
        if text.hasPrefix("[]") {
            self = .array(try FieldType(parsing: String(text.dropFirst(2))))
            return
        }
        switch text {
        case "bool": self = .bool
        case "int8": self = .int8
        case "int16": self = .int16
        case "int32": self = .int32
        case "int64": self = .int64
        case "uint16": self = .uint16
        case "uint32": self = .uint32
        case "float64": self = .float64
        case "string": self = .string
        case "bytes": self = .bytes
        case "records": self = .records
        case "uuid": self = .uuid
        default:
            guard let first = text.first, first.isUppercase else { throw CodegenError("unknown field type '\(text)'") }
            self = .structure(text)
        }
    }

    /// The Swift type, without the Optional that nullable fields add.
    var swiftType: String {
        switch self {
        case .bool: return "Bool"
        case .int8: return "Int8"
        case .int16: return "Int16"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .uint16: return "UInt16"
        case .uint32: return "UInt32"
        case .float64: return "Double"
        case .string: return "String"
        case .bytes, .records: return "ByteBuffer"
        case .uuid: return "KafkaUUID"
        case .structure(let name): return name
        case .array(let element): return "[\(element.swiftType)]"
        }
    }

    var structName: String? {
        switch self {
        case .structure(let name): return name
        case .array(let element): return element.structName
        default: return nil
        }
    }
}

struct CodegenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Kafka's schemas are JSON with `//` line comments; drops the comments (not `//` inside strings).
func stripLineComments(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var inString = false
    var escaped = false
    var inComment = false
    var previous: Character? = nil
    for character in text {
        if inComment {
            if character == "\n" {
                inComment = false
                output.append(character)
            }
            continue
        }
        if inString {
            output.append(character)
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inString = false
            }
            continue
        }
        if character == "/" && previous == "/" {
            output.removeLast()
            inComment = true
            previous = nil
            continue
        }
        if character == "\"" { inString = true }
        output.append(character)
        previous = character
    }
    return output
}

func loadSchema(at url: URL) throws -> MessageSpec {
    let text = try String(contentsOf: url, encoding: .utf8)
    let json = stripLineComments(text)
    do {
        return try JSONDecoder().decode(MessageSpec.self, from: Data(json.utf8))
    } catch {
        throw CodegenError("\(url.lastPathComponent): \(error)")
    }
}
