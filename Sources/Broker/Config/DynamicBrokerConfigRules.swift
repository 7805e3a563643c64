import LogStorage

/// Which broker configs Kafka 3.x lets AlterConfigs change at runtime (`DynamicBrokerConfig`),
/// which only per broker, and how it refuses the rest, with Kafka's sentences.
enum DynamicBrokerConfigRules {
    /// The `log.*` defaults of topic configs (`DynamicLogConfig`); `log.message.format.version`
    /// stays static in Kafka 3.x.
    static let logKeys: Set<String> = Set(
        TopicConfigCatalog.all.compactMap(\.brokerSynonym).filter { $0 != "log.message.format.version" })

    /// Listener and security configs: dynamic, but only for one broker.
    static let perBrokerOnly: Set<String> = [
        "advertised.listeners", "listeners", "listener.security.protocol.map",
        "ssl.keystore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password", "ssl.keystore.key",
        "ssl.keystore.certificate.chain", "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password",
        "ssl.truststore.certificates", "ssl.protocol", "ssl.provider", "ssl.cipher.suites", "ssl.enabled.protocols",
        "ssl.keymanager.algorithm", "ssl.trustmanager.algorithm", "ssl.endpoint.identification.algorithm",
        "ssl.secure.random.implementation", "ssl.client.auth", "ssl.engine.factory.class",
        "sasl.mechanism.inter.broker.protocol", "sasl.jaas.config", "sasl.enabled.mechanisms",
        "sasl.kerberos.service.name", "sasl.kerberos.kinit.cmd", "sasl.kerberos.ticket.renew.window.factor",
        "sasl.kerberos.ticket.renew.jitter", "sasl.kerberos.min.time.before.relogin",
        "sasl.kerberos.principal.to.local.rules", "sasl.login.refresh.window.factor",
        "sasl.login.refresh.window.jitter",
        "sasl.login.refresh.min.period.seconds", "sasl.login.refresh.buffer.seconds",
    ]

    /// Everything else Kafka reconfigures at runtime: threads, the cleaner, connection limits,
    /// replication quotas, metrics reporters, producer id expiry.
    static let otherDynamic: Set<String> = [
        "num.io.threads", "num.network.threads", "num.replica.fetchers", "num.recovery.threads.per.data.dir",
        "background.threads", "log.cleaner.threads", "log.cleaner.dedupe.buffer.size",
        "log.cleaner.io.buffer.load.factor",
        "log.cleaner.io.buffer.size", "log.cleaner.io.max.bytes.per.second", "log.cleaner.backoff.ms",
        "max.connections", "max.connections.per.ip", "max.connections.per.ip.overrides", "max.connection.creation.rate",
        "metric.reporters", "leader.replication.throttled.rate", "follower.replication.throttled.rate",
        "replica.alter.log.dirs.io.max.bytes.per.second", "producer.id.expiration.ms",
        "transaction.partition.verification.enable",
    ]

    /// Kafka broker configs that exist but can only be set in `server.properties`.
    static let staticOnly: Set<String> = [
        "broker.id", "node.id", "log.dirs", "log.dir", "zookeeper.connect", "zookeeper.session.timeout.ms",
        "zookeeper.connection.timeout.ms", "num.partitions", "default.replication.factor", "auto.create.topics.enable",
        "delete.topic.enable", "socket.request.max.bytes", "socket.send.buffer.bytes", "socket.receive.buffer.bytes",
        "log.retention.check.interval.ms", "log.flush.scheduler.interval.ms", "log.flush.offset.checkpoint.interval.ms",
        "replica.lag.time.max.ms", "replica.fetch.max.bytes", "replica.fetch.wait.max.ms",
        "offsets.topic.num.partitions",
        "offsets.topic.replication.factor", "offsets.retention.minutes", "offsets.retention.check.interval.ms",
        "offsets.commit.timeout.ms", "offset.metadata.max.bytes", "group.initial.rebalance.delay.ms",
        "group.min.session.timeout.ms", "group.max.session.timeout.ms", "group.max.size",
        "auto.leader.rebalance.enable",
        "controlled.shutdown.enable", "controlled.shutdown.max.retries", "controlled.shutdown.retry.backoff.ms",
        "leader.imbalance.check.interval.seconds", "leader.imbalance.per.broker.percentage", "broker.rack",
        "inter.broker.listener.name", "inter.broker.protocol.version", "log.message.format.version",
        "log.retention.hours", "log.retention.minutes", "log.roll.hours", "log.roll.jitter.hours", "log.cleaner.enable",
        "transaction.state.log.replication.factor", "transaction.state.log.min.isr", "transactional.id.expiration.ms",
        "queued.max.requests", "broker.id.generation.enable", "reserved.broker.max.id", "process.roles",
        "controller.quorum.voters", "controller.listener.names", "queued.max.request.bytes", "request.timeout.ms",
    ]

    static func isDynamic(_ name: String) -> Bool {
        Self.logKeys.contains(name) || Self.perBrokerOnly.contains(name) || Self.otherDynamic.contains(name)
            || name.hasPrefix("listener.name.")
    }

    /// Checks a new set of dynamic configs as Kafka's `DynamicBrokerConfig.validate` does and
    /// returns the sentence Kafka puts after "Invalid config value for resource ...: ".
    /// Names Kafka does not know are accepted and stored, as Kafka does.
    static func problem(in configs: [String: String], perBroker: Bool) -> String? {
        let names = configs.keys.sorted()
        let readOnly = names.filter { Self.staticOnly.contains($0) }
        if !readOnly.isEmpty { return "Cannot update these configs dynamically: \(Self.scalaSet(readOnly))" }
        let unprefixedSecurity = names.filter { $0.hasPrefix("ssl.") && Self.perBrokerOnly.contains($0) }
        if !unprefixedSecurity.isEmpty {
            return
                "These security configs can be dynamically updated only per-listener using the listener prefix: \(Self.scalaSet(unprefixedSecurity))"
        }
        for name in names {
            guard let definition = TopicConfigCatalog.all.first(where: { $0.brokerSynonym == name }) else { continue }
            do {
                _ = try definition.parse(configs[name]!)
            } catch {
                guard case .invalidValue(_, let value, let reason) = error else { return error.description }
                return TopicConfigRejection.invalidValue(name: name, value: value, reason: reason).description
            }
        }
        if !perBroker {
            let brokerOnly = names.filter { Self.perBrokerOnly.contains($0) || $0.hasPrefix("listener.name.") }
            if !brokerOnly.isEmpty {
                return
                    "Cannot update these configs at default cluster level, broker id must be specified: \(Self.scalaSet(brokerOnly))"
            }
        }
        return nil
    }

    private static func scalaSet(_ names: [String]) -> String { "Set(\(names.joined(separator: ", ")))" }
}
