import Foundation

/// Emits `Generated/ApiKey.swift`: one case per request schema, with each API's versions.
struct ApiKeyEmitter {
    struct Entry {
        var spec: MessageSpec
        var validVersions: Versions
        var flexibleVersions: Versions?
        /// Whether this API's request and response are generated (on the allow-list).
        var hasCodec: Bool
    }

    let entries: [Entry]

    func emit() -> String {
        let entries = self.entries.sorted { ($0.spec.apiKey ?? 0) < ($1.spec.apiKey ?? 0) }
        let writer = SourceWriter()
        writer.line("\(SwiftEmitter.generatedMarker) the apiKey of every schemas/kafka/*Request.json by samsa-codegen")
        writer.line()
        writer.doc(
            "Kafka's API keys, one for every request schema (Kafka 4.0), whether or not Samsa implements it; "
                + "`hasCodec` tells which have generated request and response types."
        )
        writer.block("public enum ApiKey: Int16, Sendable, CaseIterable, CustomStringConvertible") {
            for entry in entries {
                writer.line("case \(apiKeyCaseName(for: entry.spec.name)) = \(entry.spec.apiKey ?? 0)")
            }
            writer.line()
            writer.doc("Kafka's name for the API, e.g. `Produce`, as in its schemas and logs.")
            self.switchProperty("public var name: String", writer: writer, entries: entries) { entry in
                swiftStringLiteral(apiName(for: entry.spec.name))
            }
            writer.line()
            writer.line("public var description: String { self.name }")
            writer.line()
            writer.doc("The versions the schema defines.")
            self.switchProperty("public var validVersions: ClosedRange<Int16>", writer: writer, entries: entries) {
                "\($0.validVersions.lowest)...\($0.validVersions.highest)"
            }
            writer.line()
            writer.doc(
                "The versions to advertise in ApiVersions: `validVersions` without a latest version the schema "
                    + "marks unstable (Kafka only offers those when `unstable.api.versions.enable` is set)."
            )
            self.switchProperty("public var stableVersions: ClosedRange<Int16>", writer: writer, entries: entries) {
                let valid = $0.validVersions
                let highest =
                    $0.spec.latestVersionUnstable == true && valid.highest > valid.lowest
                    ? valid.highest - 1 : valid.highest
                return "\(valid.lowest)...\(highest)"
            }
            writer.line()
            writer.doc("The flexible versions (KIP-482): compact encodings, tagged fields, request header v2.")
            self.switchProperty(
                "public var flexibleVersions: PartialRangeFrom<Int16>?",
                writer: writer,
                entries: entries
            ) { entry in
                entry.flexibleVersions.map { "\($0.lowest)..." } ?? "nil"
            }
            writer.line()
            writer.doc(
                "Whether `version` of this API is flexible. Versions above `validVersions` count too, as in "
                    + "Kafka, so a newer client's header can still be parsed."
            )
            writer.block("public func isFlexible(version: Int16) -> Bool") {
                writer.line("self.flexibleVersions?.contains(version) ?? false")
            }
            writer.line()
            writer.doc("Whether Samsa generates this API's request and response types.")
            self.switchProperty("public var hasCodec: Bool", writer: writer, entries: entries) {
                $0.hasCodec ? "true" : "false"
            }
            writer.line()
            writer.doc(
                "The generated request type, for decoding a body by its header's API key; `nil` without a codec.")
            self.switchProperty("public var requestType: (any KafkaRequest.Type)?", writer: writer, entries: entries) {
                $0.hasCodec ? "\($0.spec.name).self" : "nil"
            }
            writer.line()
            writer.doc("The generated response type; `nil` without a codec.")
            self.switchProperty("public var responseType: (any KafkaResponse.Type)?", writer: writer, entries: entries)
            {
                $0.hasCodec ? "\(apiName(for: $0.spec.name))Response.self" : "nil"
            }
        }
        return writer.text
    }

    private func switchProperty(
        _ declaration: String,
        writer: SourceWriter,
        entries: [Entry],
        value: (Entry) -> String
    ) {
        writer.block(declaration) {
            writer.block("switch self") {
                for entry in entries {
                    writer.line("case .\(apiKeyCaseName(for: entry.spec.name)): return \(value(entry))")
                }
            }
        }
    }
}
