import Foundation
import KafkaProtocol
import MetadataClient
import SamsaClient

/// Turns client errors into the text Kafka's tools show: the broker's own message when it sent
/// one ("Topic 'orders' already exists."), else Kafka's message for the error code.
enum ClientErrors {
    static func text(_ error: any Error) -> String {
        if let client = error as? SamsaClientError {
            if case .kafka(let code, let context) = client {
                return self.brokerMessage(in: context) ?? self.kafkaMessage(code)
            }
            return client.description
        }
        if let tool = error as? ToolError, case .failed(let text, _) = tool { return text }
        return "\(error)"
    }

    /// SamsaClient appends the broker's error message to its context in parentheses.
    static func brokerMessage(in context: String) -> String? {
        guard context.hasSuffix(")"), let open = context.range(of: " (") else { return nil }
        return String(context[open.upperBound..<context.index(before: context.endIndex)])
    }

    static func code(of error: any Error) -> ErrorCode? {
        (error as? SamsaClientError)?.kafkaCode
    }

    /// The message of the Java exception Kafka raises for `code`.
    static func kafkaMessage(_ code: ErrorCode) -> String {
        switch code {
        case .topicAlreadyExists: "Topic with this name already exists."
        case .unknownTopicOrPartition: "This server does not host this topic-partition."
        case .nonEmptyGroup: "The group is not empty."
        case .groupIdNotFound: "The group id does not exist."
        default: code.message
        }
    }

    /// Kafka's exception class for `code`, as its tools log it (`org.apache.kafka.common.errors.X`).
    static func exceptionName(_ error: any Error) -> String {
        guard let code = self.code(of: error) else { return "org.apache.kafka.common.KafkaException" }
        let special: [ErrorCode: String] = [
            .topicAlreadyExists: "TopicExistsException", .unknownTopicOrPartition: "UnknownTopicOrPartitionException",
            .invalidConfig: "InvalidConfigurationException", .nonEmptyGroup: "GroupNotEmptyException",
        ]
        let name =
            special[code] ?? code.name.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
            + "Exception"
        return "org.apache.kafka.common.errors." + name
    }
}
