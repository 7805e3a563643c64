import CourseLanguage

extension CommandSpec {
    /// Why a command works only on a cluster this REPL runs on this machine (`cluster start`). On a
    /// cluster attached with `cluster attach` Samsa holds no process and no file, only Kafka's
    /// protocol (and ZooKeeper's, with `--zookeeper`), so such a command is refused with one
    /// sentence saying why and what works instead.
    public enum LocalNeed: Sendable, Equatable {
        /// Starts or stops the processes: `cluster start|stop|destroy`, `lab start`.
        case processLifecycle
        /// Sends a signal to a broker process Samsa started: `broker kill|stop|start|pause|resume`.
        case processSignals
        /// Reads files the brokers write on this machine: `broker logs`, `topic segments`,
        /// `topic compaction`, `broker evict-cache`.
        case localFiles
        /// Injects faults through files only Samsa's brokers read: `fault ...`.
        case faultFiles

        /// The refusal of `command` on the cluster attached at `bootstrap`, in one sentence.
        func refusal(command: String, attachedTo bootstrap: String) -> LocalizedText {
            switch self {
            case .processLifecycle:
                LocalizedText(
                    es: "`\(command)` arranca y para los procesos de un clúster que lleva Samsa, y el clúster de "
                        + "\(bootstrap) lo arrancó otro: `cluster detach` vuelve a «sin clúster» (\(bootstrap) sigue en marcha).",
                    en: "`\(command)` starts and stops the processes of a cluster Samsa runs, and the cluster at "
                        + "\(bootstrap) was started elsewhere: `cluster detach` returns to no cluster (\(bootstrap) keeps running)."
                )
            case .processSignals:
                LocalizedText(
                    es:
                        "`\(command)` manda una señal a un proceso broker que arrancó Samsa, y el clúster de \(bootstrap) "
                        + "lo arrancó otro: hazlo donde corren sus brokers, o `cluster detach` y `cluster start` para tener uno propio.",
                    en:
                        "`\(command)` sends a signal to a broker process Samsa started, and the cluster at \(bootstrap) "
                        + "was started elsewhere: do it where its brokers run, or `cluster detach` and `cluster start` for one of your own."
                )
            case .localFiles:
                LocalizedText(
                    es:
                        "`\(command)` lee los ficheros de los brokers en esta máquina, y el clúster de \(bootstrap) los "
                        + "guarda donde corre, fuera del alcance del protocolo de Kafka: `topic offsets` y `topic describe` muestran lo que este sí dice.",
                    en:
                        "`\(command)` reads the brokers' files on this machine, and the cluster at \(bootstrap) keeps them "
                        + "where it runs, out of reach of Kafka's protocol: `topic offsets` and `topic describe` show what the protocol does tell."
                )
            case .faultFiles:
                LocalizedText(
                    es: "`\(command)` inyecta fallos con ficheros que solo leen los brokers de Samsa, y el clúster de "
                        + "\(bootstrap) lo arrancó otro: `cluster detach` y `cluster start` te dan un clúster que romper.",
                    en: "`\(command)` injects faults through files only Samsa's brokers read, and the cluster at "
                        + "\(bootstrap) was started elsewhere: `cluster detach` and `cluster start` give you a cluster to break."
                )
            }
        }
    }
}
