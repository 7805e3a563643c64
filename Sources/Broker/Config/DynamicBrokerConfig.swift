import Foundation
import LogStorage
import PropertiesFile
import Synchronization

/// Broker configs changed at runtime, layered as Kafka's `DynamicBrokerConfig` layers them: this
/// broker's own (`/config/brokers/<id>`) over the cluster default (`/config/brokers/<default>`)
/// over `server.properties`. In a cluster the layers live in the metadata server; standalone in
/// `<first log dir>/samsa-broker-configs.json`. Of what it holds, the broker acts on the `log.*`
/// topic defaults and `message.max.bytes` (new logs, and existing logs without a topic override);
/// the other dynamic configs are stored and described only.
final class DynamicBrokerConfig: Sendable {
    struct Layers: Codable, Sendable, Equatable {
        var broker: [String: String] = [:]
        var clusterDefault: [String: String] = [:]
    }

    enum Source { case dynamicBroker, dynamicDefault, staticFile }

    let staticConfig: BrokerConfig
    private let state: Mutex<(layers: Layers, logDefaults: LogConfig)>
    /// Standalone only: where the layers are saved.
    private let file: String?

    init(staticConfig: BrokerConfig, file: String?) {
        self.staticConfig = staticConfig
        self.file = file
        let saved =
            file.flatMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
            .flatMap { try? JSONDecoder().decode(Layers.self, from: $0) } ?? Layers()
        self.state = Mutex<(layers: Layers, logDefaults: LogConfig)>(
            (layers: saved, logDefaults: Self.computeLogDefaults(staticConfig, saved)))
    }

    var layers: Layers { self.state.withLock { $0.layers } }

    /// The topic-config defaults new logs get: `log.*` keys from every layer.
    var logDefaults: LogConfig { self.state.withLock { $0.logDefaults } }

    /// Replaces one layer (AlterConfigs replaces, IncrementalAlterConfigs passes the merged set).
    func replace(perBroker: Bool, with configs: [String: String]) throws {
        var layers = self.layers
        if perBroker { layers.broker = configs } else { layers.clusterDefault = configs }
        try self.adopt(layers)
    }

    /// Takes layers read from the metadata server, or changed here, and saves them standalone.
    func adopt(_ layers: Layers) throws {
        let defaults = Self.computeLogDefaults(self.staticConfig, layers)
        self.state.withLock { $0 = (layers: layers, logDefaults: defaults) }
        if let file {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(layers).write(to: URL(fileURLWithPath: file), options: .atomic)
        }
    }

    /// A broker key's value and where it comes from, nil when no layer sets it.
    func value(of name: String) -> (String, Source)? {
        let layers = self.layers
        if let value = layers.broker[name] { return (value, .dynamicBroker) }
        if let value = layers.clusterDefault[name] { return (value, .dynamicDefault) }
        if let value = self.staticConfig.originals[name] { return (value, .staticFile) }
        return nil
    }

    private static func computeLogDefaults(_ staticConfig: BrokerConfig, _ layers: Layers) -> LogConfig {
        var merged = staticConfig.originals
        for (key, value) in layers.clusterDefault where DynamicBrokerConfigRules.logKeys.contains(key) {
            merged[key] = value
        }
        for (key, value) in layers.broker where DynamicBrokerConfigRules.logKeys.contains(key) { merged[key] = value }
        return (try? BrokerConfig(properties: PropertiesFile(), overrides: merged).logConfig) ?? staticConfig.logConfig
    }
}
