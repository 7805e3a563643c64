import Foundation
import Logging
import SamsaClient

/// Clients for the tools: `--bootstrap-server` (default `localhost:9092`, as the course uses) and
/// client properties from `--command-config` / `--producer-property` / `--consumer-property`.
enum ClientFactory {
    static let defaultBootstrap = "localhost:9092"

    static func client(_ options: ParsedOptions, clientId: String, option: String = "bootstrap-server") throws
        -> KafkaClient
    {
        let bootstrap = options.value(option) ?? Self.defaultBootstrap
        var logger = Logger(label: "samsa.cli")
        logger.logLevel = .error
        do {
            let configuration = try ClientConfiguration(
                bootstrapServers: bootstrap, clientId: clientId, requestTimeout: .seconds(30), retries: 5,
                logger: logger)
            return KafkaClient(configuration: configuration)
        } catch {
            throw ToolError.usage("\(error.description)")
        }
    }

    static func admin(_ options: ParsedOptions) throws -> KafkaAdmin {
        KafkaAdmin(client: try self.client(options, clientId: "adminclient-1"))
    }
}

/// Runs `body` with an admin client and always closes it.
func withAdmin<T>(_ options: ParsedOptions, _ body: (KafkaAdmin) async throws -> T) async throws -> T {
    let admin = try ClientFactory.admin(options)
    do {
        let result = try await body(admin)
        await admin.close()
        return result
    } catch {
        await admin.close()
        throw error
    }
}
