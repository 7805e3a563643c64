import Foundation
import KafkaProtocol
import NIOCore
import SamsaClient

/// Kafka's `DefaultMessageFormatter`: what `kafka-console-consumer` prints per record, in Kafka's
/// order (timestamp, partition, offset, headers, key, value), joined by `key.separator`.
struct MessageFormatter: Sendable {
    var printTimestamp = false
    var printPartition = false
    var printOffset = false
    var printHeaders = false
    var printKey = false
    var printValue = true
    var keySeparator = "\t"
    var lineSeparator = "\n"
    var headersSeparator = ","
    var headersKeySeparator = ":"
    var nullLiteral = "null"

    init(properties: [(String, String)]) {
        for (key, value) in properties {
            let isTrue = value.trimmingCharacters(in: .whitespaces).lowercased() == "true"
            switch key {
            case "print.timestamp": self.printTimestamp = isTrue
            case "print.partition": self.printPartition = isTrue
            case "print.offset": self.printOffset = isTrue
            case "print.headers": self.printHeaders = isTrue
            case "print.key": self.printKey = isTrue
            case "print.value": self.printValue = isTrue
            case "key.separator": self.keySeparator = value
            case "line.separator": self.lineSeparator = value
            case "headers.separator": self.headersSeparator = value
            case "headers.key.separator": self.headersKeySeparator = value
            case "null.literal": self.nullLiteral = value
            default: continue
            }
        }
    }

    func format(_ record: ConsumerRecord) -> String {
        var text = ""
        if self.printTimestamp {
            text +=
                record.timestamp < 0
                ? "NO_TIMESTAMP"
                : "\(record.timestampType == .logAppendTime ? "LogAppendTime" : "CreateTime"):\(record.timestamp)"
            text += self.keySeparator
        }
        if self.printPartition { text += "Partition:\(record.partition)" + self.keySeparator }
        if self.printOffset { text += "Offset:\(record.offset)" + self.keySeparator }
        if self.printHeaders {
            if record.headers.isEmpty {
                text += "NO_HEADERS"
            } else {
                text += record.headers.map { header in
                    header.key + self.headersKeySeparator
                        + (header.value.map { String(buffer: $0) } ?? self.nullLiteral)
                }.joined(separator: self.headersSeparator)
            }
            text += self.keySeparator
        }
        if self.printKey { text += (record.key.map { String(buffer: $0) } ?? self.nullLiteral) + self.keySeparator }
        if self.printValue {
            text += (record.value.map { String(buffer: $0) } ?? self.nullLiteral) + self.lineSeparator
        }
        return text
    }
}
