/// The entries, in the order `explain` lists them (the first ones as the REPL has long listed them). Checked against Kafka's documentation
/// (configuration reference, design section) and the KIPs named. Each ends with related terms.
extension Glossary {
    public static let entries: [Entry] = [
        Entry(
            term: "offset", aliases: ["offsets"], name: LocalizedText(es: "offset", en: "offset"),
            avoid: ["desplazamiento"],
            es: """
                Un offset es la posición de un mensaje en su partición: 0 para el primero, luego 1, 2, ...
                Los offsets nunca cambian ni se reutilizan, ni siquiera cuando la retención borra mensajes viejos,
                así que un consumidor retoma exactamente donde lo dejó recordando un número por partición.
                Ver: partition, lag.
                """,
            en: """
                An offset is a record's position in its partition: 0 for the first record, then 1, 2, ...
                Offsets never change and are never reused, even after retention deletes old records, so a
                consumer can resume exactly by remembering one number per partition. See: partition, lag.
                """),
        Entry(
            term: "partition", aliases: ["partitions", "particion", "particiones"],
            name: LocalizedText(es: "partición", en: "partition"),
            es: """
                Un topic se parte en particiones. Cada una es un log ordenado en el que solo se añade, guardado en
                brokers, y cada mensaje cae en exactamente una (la elige el hash de la clave, o el productor). El
                orden solo se garantiza dentro de una partición. Más particiones reparten la carga entre más
                brokers y dejan leer en paralelo a más consumidores de un grupo. Ver: offset, leader.
                """,
            en: """
                A topic is split into partitions. Each is an ordered, append-only log kept on brokers, and
                every record lands in exactly one of them (chosen by the key's hash, or by the producer).
                Order is guaranteed only within a partition. More partitions spread the load over more
                brokers and let more consumers of a group read in parallel. See: offset, leader.
                """),
        Entry(
            term: "leader", aliases: ["follower", "followers", "replica", "replicas", "lider", "réplica"],
            name: LocalizedText(es: "líder", en: "leader"), avoid: ["seguidor", "seguidores"],
            es: """
                Cada partición tiene una réplica líder, en un broker. Los productores escriben en el líder y los
                consumidores leen de él; las demás réplicas, los followers, le hacen fetch para copiar su log. Si
                cae el broker del líder, el controller elige líder a un follower sincronizado.
                Ver: isr, controller, leader-epoch.
                """,
            en: """
                Each partition has one leader replica, on one broker. Producers write to the leader and
                consumers read from it; the other replicas, the followers, fetch from the leader to copy
                its log. If the leader's broker fails, the controller makes an in-sync follower the new
                leader. See: isr, controller, leader-epoch.
                """),
        Entry(
            term: "isr", aliases: ["in-sync-replicas", "in-sync"], name: LocalizedText(es: "ISR", en: "ISR"),
            es: """
                Las réplicas sincronizadas (ISR, in-sync replicas) son el líder más los followers que se han
                puesto a su altura dentro de replica.lag.time.max.ms. Un follower que se queda atrás sale del ISR
                y vuelve cuando se pone al día. Con acks=all una escritura solo se confirma cuando la tiene cada
                miembro del ISR, y solo un miembro del ISR puede ser líder (salvo con
                unclean.leader.election.enable=true). Ver: acks, min.insync.replicas, high-watermark.
                """,
            en: """
                The in-sync replicas (ISR) are the leader plus the followers that have caught up with it
                within replica.lag.time.max.ms. A follower that falls behind leaves the ISR and rejoins once
                it has caught up. With acks=all a write succeeds only when every ISR member has it, and only
                an ISR member can become leader (unless unclean.leader.election.enable=true).
                See: acks, min.insync.replicas, high-watermark.
                """),
        Entry(
            term: "high-watermark", aliases: ["hw", "watermark", "highwatermark"],
            name: LocalizedText(es: "high watermark", en: "high watermark"), avoid: ["marca de agua"],
            es: """
                El high watermark es el offset hasta el que todas las réplicas sincronizadas tienen los datos.
                Los consumidores solo leen por debajo de él, así que un mensaje que ven no puede desaparecer si
                muere un líder. Los mensajes por encima existen en el líder pero aún no están a salvo.
                Ver: isr, acks.
                """,
            en: """
                The high watermark is the offset up to which every in-sync replica has the data. Consumers
                read only below it, so a record they see cannot vanish when a leader dies. Records above
                it exist on the leader but are not yet safe. See: isr, acks.
                """),
        Entry(
            term: "leader-epoch", aliases: ["epoch"], name: LocalizedText(es: "leader epoch", en: "leader epoch"),
            es: """
                El leader epoch es un número que sube cada vez que una partición cambia de líder. Los líderes lo
                marcan en los lotes que escriben, así que una réplica que vuelve tras un cambio de líder puede
                preguntar al nuevo dónde acaba su propia historia y cortar lo que el nuevo líder nunca tuvo
                (KIP-101); las peticiones de una réplica con un epoch viejo se rechazan. Ver: leader, isr.
                """,
            en: """
                The leader epoch is a number that goes up each time a partition gets a new leader. Leaders
                stamp it on the batches they write, so a replica that returns after a failover can ask the
                new leader where its own history ends and cut off what the new leader never had (KIP-101),
                and requests from a replica with an old epoch are refused. See: leader, isr.
                """),
        Entry(
            term: "controller", aliases: ["controller-epoch", "controlador"],
            name: LocalizedText(es: "controller", en: "controller"),
            avoid: ["controlador"],
            es: """
                Un broker es el controller: en modo ZooKeeper, el primero que crea el znode efímero /controller.
                Asigna réplicas a los topics nuevos, elige los líderes de las particiones y actualiza el ISR en
                los metadatos cuando termina la sesión de un broker. Si el controller muere, otro broker toma el
                relevo y el controller epoch sube para que se ignoren las órdenes del anterior. Ver: leader, isr.
                """,
            en: """
                One broker is the controller: in ZooKeeper mode, the first one to create the ephemeral
                /controller znode. It assigns replicas to new topics, elects partition leaders and updates
                the ISR in the metadata when a broker's session ends. If the controller dies another broker
                takes over, and the controller epoch goes up so the old one's orders are ignored.
                See: leader, isr.
                """),
        Entry(
            term: "consumer-group", aliases: ["group", "groups", "consumer", "consumers", "grupo", "grupos"],
            name: LocalizedText(es: "grupo de consumidores", en: "consumer group"),
            avoid: ["grupo de consumo", "grupos de consumo"],
            es: """
                Los consumidores que comparten group.id forman un grupo de consumidores y se reparten las
                particiones de un topic: en cada momento, cada partición la lee exactamente un miembro del grupo.
                Cada grupo confirma sus propios offsets, así que dos grupos leen cada uno todos los mensajes. Los
                miembros que sobran respecto a las particiones se quedan sin trabajo. Ver: rebalance, lag.
                """,
            en: """
                Consumers that share a group.id form a consumer group and split a topic's partitions among
                them: at any moment each partition is read by exactly one member of the group. Each group
                commits its own offsets, so two groups each read all the records. Members beyond the
                partition count sit idle. See: rebalance, lag.
                """),
        Entry(
            term: "rebalance", aliases: ["rebalancing", "generation", "rebalanceo", "generacion"],
            name: LocalizedText(es: "rebalanceo", en: "rebalance"), avoid: ["reequilibrio", "reequilibrado"],
            es: """
                Un rebalanceo vuelve a repartir las particiones de un grupo. Ocurre cuando un miembro entra, sale
                o no envía heartbeats durante session.timeout.ms, y cuando cambian los topics suscritos. Cada
                rebalanceo abre una nueva generación del grupo; con el protocolo clásico los miembros dejan de
                leer hasta que termina. Ver: consumer-group.
                """,
            en: """
                A rebalance hands out a group's partitions again. It happens when a member joins, leaves,
                or sends no heartbeat for session.timeout.ms, and when the subscribed topics change. Each
                rebalance starts a new generation of the group; with the classic protocol members stop
                reading until it completes. See: consumer-group.
                """),
        Entry(
            term: "lag", aliases: ["consumer-lag"], name: LocalizedText(es: "lag", en: "lag"),
            es: """
                El lag es cuánto va por detrás un grupo de consumidores, por partición: el log end offset menos
                el offset confirmado del grupo (current offset), tal como lo muestra kafka-consumer-groups. Ahí
                el log end offset es el high watermark, el final de lo que pueden leer los consumidores. Un lag
                que no para de crecer significa que se lee más despacio de lo que se escribe.
                Ver: offset, consumer-group.
                """,
            en: """
                Lag is how far a consumer group is behind, per partition: the log end offset minus the
                group's committed offset (current offset), as kafka-consumer-groups prints it. The log end
                offset there is the high watermark, the end of what consumers can read. Lag that keeps
                growing means the consumers read more slowly than producers write. See: offset, consumer-group.
                """),
        Entry(
            term: "acks", aliases: ["ack", "acknowledgement", "acknowledgements"],
            name: LocalizedText(es: "acks", en: "acks"),
            es: """
                acks dice cuántas réplicas deben tener una escritura antes de que el líder conteste al productor.
                acks=0: no se espera respuesta, así que un mensaje perdido pasa desapercibido. acks=1: el líder lo
                ha escrito; se pierde si el líder muere antes de que un follower lo copie. acks=all (-1): lo tiene
                cada miembro del ISR. Ver: isr, min.insync.replicas.
                """,
            en: """
                acks says how many replicas must have a write before the leader answers the producer.
                acks=0: no answer is awaited, so a lost record goes unnoticed. acks=1: the leader has written
                it; lost if the leader dies before a follower copies it. acks=all (-1): every ISR member has
                it. See: isr, min.insync.replicas.
                """),
        Entry(
            term: "min.insync.replicas", aliases: ["min-insync-replicas", "mininsyncreplicas"],
            name: LocalizedText(es: "min.insync.replicas", en: "min.insync.replicas"),
            es: """
                Con acks=all, un líder rechaza escrituras (NOT_ENOUGH_REPLICAS) mientras el ISR tenga menos de
                min.insync.replicas miembros. Hace que acks=all signifique «al menos tantas copias» aunque se
                hayan caído followers; factor de replicación 3 con min.insync.replicas=2 aguanta la pérdida de
                un broker sin perder datos confirmados. No afecta a acks=0 ni a acks=1. Ver: acks, isr.
                """,
            en: """
                With acks=all, a leader refuses writes (NOT_ENOUGH_REPLICAS) while the ISR has fewer than
                min.insync.replicas members. It makes acks=all mean "at least this many copies" even when
                followers have dropped out; replication factor 3 with min.insync.replicas=2 survives the loss
                of one broker without losing acknowledged data. No effect on acks=0 or 1. See: acks, isr.
                """),
        Entry(
            term: "retention", aliases: ["retention.ms", "log.retention.hours", "retencion"],
            name: LocalizedText(es: "retención", en: "retention"),
            es: """
                Kafka guarda los mensajes un tiempo (log.retention.hours, 168 por defecto; retention.ms por topic)
                o hasta un tamaño (retention.bytes), los haya leído alguien o no. Se borran segmentos enteros, así
                que el offset más antiguo avanza mientras los offsets en sí nunca cambian. Si han caducado todos,
                también el activo, el broker abre antes un segmento activo nuevo y vacío y borra los demás.
                Ver: segment, offset.
                """,
            en: """
                Kafka keeps records for a time (log.retention.hours, 168 by default; retention.ms per topic)
                or up to a size (retention.bytes), whether or not anyone has read them. Deletion removes
                whole segments, so the earliest offset moves forward while offsets themselves never change.
                When every segment has expired, the active one too, the broker first rolls a new empty
                active segment, then deletes the others. See: segment, offset.
                """),
        Entry(
            term: "segment", aliases: ["segments", "log-segment", "segmento", "segmentos"],
            name: LocalizedText(es: "segmento", en: "segment"),
            es: """
                El log de una partición es una serie de ficheros de segmento: .log guarda los lotes, .index y
                .timeindex localizan offsets y horas dentro de él, y cada uno se llama como su primer offset. Solo
                se escribe en el más nuevo (el activo); se abre otro al llegar a log.segment.bytes (1 GiB) o
                log.roll.hours. La retención borra segmentos enteros. Ver: retention.
                """,
            en: """
                A partition's log is a series of segment files: .log holds the batches, .index and
                .timeindex find offsets and times in it, and each is named by its first offset. Only the
                newest (active) segment is written to; a new one starts at log.segment.bytes (1 GiB) or
                log.roll.hours. Retention deletes whole segments. See: retention.
                """),
        Entry(
            term: "page-cache", aliases: ["pagecache", "cache"],
            name: LocalizedText(es: "page cache", en: "page cache"),
            avoid: ["caché de páginas"],
            es: """
                Kafka no tiene caché de mensajes propia: escribe en ficheros y deja que la page cache del sistema
                operativo guarde en RAM los datos recientes. Los consumidores cerca del final de un log se sirven
                desde memoria sin leer el disco, y el broker puede mandar los bytes del fichero directamente al
                socket (sendfile, «zero-copy»). Ver: segment, batching.
                """,
            en: """
                Kafka keeps no record cache of its own: it writes to files and lets the operating system's
                page cache keep recent data in RAM. Consumers near the end of a log are served from memory
                without reading the disk, and the broker can send file bytes straight to the socket
                (sendfile, "zero-copy"). See: segment, batching.
                """),
        Entry(
            term: "compression", aliases: ["compression.type", "gzip", "lz4", "snappy", "zstd", "compresion"],
            name: LocalizedText(es: "compresión", en: "compression"),
            es: """
                Los productores pueden comprimir lotes enteros (compression.type: gzip, snappy, lz4 o zstd). Los
                brokers guardan y sirven el lote comprimido tal como llegó, salvo que el topic pida otro códec, y
                los consumidores lo descomprimen: menos red y disco, más CPU en los clientes. Los lotes grandes se
                comprimen mejor. Ver: batching.
                """,
            en: """
                Producers can compress whole batches (compression.type: gzip, snappy, lz4 or zstd). Brokers
                store and serve a batch compressed as it came, unless the topic asks for another codec,
                and consumers decompress it: less network and disk, more CPU on the clients. Bigger
                batches compress better. See: batching.
                """),
        Entry(
            term: "fault", aliases: ["faults", "fault-injection", "nemesis", "heal", "fallo", "fallos"],
            name: LocalizedText(es: "fallo", en: "fault"),
            es: """
                `fault` rompe el clúster local a propósito, como se rompen los clústeres reales: cut-replication
                (un broker deja de replicar), slow-replication (los fetches de sus followers esperan), isolate
                (pierde su sesión de metadatos pero sigue atendiendo a sus clientes). `fault list` los muestra,
                `fault heal` los termina; un broker que se reinicia arranca sano. Los clientes de Kafka no notan
                nada distinto. Ver: cut-replication, isolate, acks.
                """,
            en: """
                `fault` breaks the local cluster on purpose, the way real clusters break: cut-replication
                (a broker stops replicating), slow-replication (its follower fetches wait), isolate (it loses
                its metadata session but still serves clients). `fault list` shows them, `fault heal` ends them;
                a restarted broker starts healthy. Kafka clients see nothing different.
                See: cut-replication, isolate, acks.
                """),
        Entry(
            term: "cut-replication", aliases: ["slow-replication", "replication", "replicacion", "replicación"],
            name: LocalizedText(es: "replicación", en: "replication"),
            es: """
                Los followers copian a su líder haciendo fetch. Cuando dejan de recibir datos, siguen en el ISR
                hasta replica.lag.time.max.ms después de que el log del líder los adelantara (la regla de Kafka).
                En ese intervalo una escritura acks=1 se confirma pero solo existe en el líder: si el líder muere,
                se elige limpiamente a un follower sincronizado y la escritura se pierde. acks=all habría
                esperado a los followers. Ver: acks, isr, high-watermark.
                """,
            en: """
                Followers copy their leader by fetching. When they stop getting data, they stay in the ISR
                until replica.lag.time.max.ms after the leader's log moved ahead of them (Kafka's rule). In
                that window an acks=1 write is acknowledged but exists on the leader only: if the leader dies,
                an in-sync follower is elected cleanly and the write is gone. acks=all would have waited
                for the followers. See: acks, isr, high-watermark.
                """),
        Entry(
            term: "isolate",
            aliases: [
                "isolation", "zombie", "zombie-leader", "network-partition", "partition-from-metadata", "zombi",
                "aislar",
            ],
            name: LocalizedText(es: "aislamiento", en: "isolation"),
            es: """
                Un broker aislado del servidor de metadatos sigue atendiendo a sus clientes. Su sesión expira y el
                controller elige nuevos líderes con un leader epoch mayor, pero el líder viejo no se entera: es un
                zombi que aún acepta escrituras acks=1 de clientes con metadatos desfasados. Al reconectar se
                registra de nuevo, pasa a follower y trunca su log a la historia del nuevo líder (KIP-101): las
                escrituras del zombi se pierden. Ver: leader-epoch, controller, acks.
                """,
            en: """
                A broker cut off from the metadata server keeps serving clients. Its session expires, the
                controller elects new leaders with a higher leader epoch, but the old leader does not know:
                a zombie that still accepts acks=1 writes from clients with stale metadata. When it
                reconnects it registers again, becomes a follower, and truncates to the new leader's
                history (KIP-101): the zombie's writes are lost. See: leader-epoch, controller, acks.
                """),
        Entry(
            term: "batching", aliases: ["batch", "batches", "linger.ms", "batch.size", "lote", "lotes"],
            name: LocalizedText(es: "lote", en: "batch"),
            es: """
                Los productores juntan los mensajes de una misma partición en lotes (hasta batch.size bytes,
                esperando hasta linger.ms a que lleguen más) y envían lotes de muchas particiones en una sola
                petición. Menos peticiones y más grandes, y escrituras secuenciales en disco, suben el
                rendimiento a cambio de algo de latencia. Ver: compression, acks.
                """,
            en: """
                Producers collect records for the same partition into batches (up to batch.size bytes,
                waiting up to linger.ms for more) and send batches for many partitions in one request.
                Fewer, larger requests and sequential disk writes raise throughput at the cost of a little
                latency. See: compression, acks.
                """),
        Entry(
            term: "znode", aliases: ["znodes", "zookeeper", "metadata-tree"],
            name: LocalizedText(es: "znode", en: "znode"),
            es: """
                Un znode es un nodo del árbol de ZooKeeper, con nombre de ruta (/brokers/ids/1). Guarda pocos datos
                (Kafka escribe JSON) y un stat: versiones, zxids y dueño efímero. El modo ZooKeeper de Kafka guarda
                ahí los brokers, los topics (/brokers/topics), /controller y configuraciones. Los znodes
                persistentes duran hasta que se borran; los efímeros acaban con su sesión. `meta ls|get|stat`
                los leen. Ver: ephemeral, session.
                """,
            en: """
                A znode is a node of ZooKeeper's tree, named by its path (/brokers/ids/1). It holds a little
                data (Kafka writes JSON) and a stat: versions, zxids, ephemeral owner. Kafka's ZooKeeper mode
                keeps brokers, topics (/brokers/topics), /controller and configs there. Persistent znodes
                stay until deleted; ephemeral ones end with their session. `meta ls|get|stat` read them.
                See: ephemeral, session.
                """),
        Entry(
            term: "ephemeral",
            aliases: ["ephemeral-znode", "ephemeral-node", "ephemeralowner", "ephemeral-owner", "efimero", "efímero"],
            name: LocalizedText(es: "znode efímero", en: "ephemeral znode"),
            es: """
                Un znode efímero pertenece a la sesión que lo creó (su dueño efímero: «ephemeral owner» en
                `meta stat`, ephemeralOwner en el stat de ZooKeeper): cuando esa sesión termina, cerrada o
                expirada, el znode se borra. Cada broker se registra como /brokers/ids/N efímero, así que un broker
                muerto sale solo de la lista; /controller también es efímero. Los znodes efímeros no pueden tener
                hijos. Ver: session, znode.
                """,
            en: """
                An ephemeral znode belongs to the session that created it (its ephemeral owner, ephemeralOwner
                in ZooKeeper's stat): when that session ends, closed or expired, the znode is deleted. Each
                broker registers as ephemeral /brokers/ids/N, so a dead broker leaves the list by itself;
                /controller is ephemeral too. Ephemeral znodes cannot have children. See: session, znode.
                """),
        Entry(
            term: "session",
            aliases: [
                "sessions", "zookeeper-session", "zookeeper.session.timeout.ms", "session-id", "sesion", "sesión",
            ],
            name: LocalizedText(es: "sesión", en: "session"),
            es: """
                Un cliente de ZooKeeper mantiene una sesión: un id (0x...) y un timeout, que se mantiene viva con
                heartbeats. Si el servidor no oye nada durante el timeout, la sesión expira y sus znodes efímeros
                desaparecen. El timeout de un broker es zookeeper.session.timeout.ms (18000 en Kafka 3.x): un
                broker parado cierra su sesión y sale de /brokers/ids en el acto; uno matado sigue ahí hasta que
                expira. Ver: ephemeral, znode, session.timeout.ms.
                """,
            en: """
                A client of ZooKeeper holds a session: an id (0x...) and a timeout, kept alive by heartbeats.
                If the server hears nothing for the timeout, the session expires and its ephemeral znodes go.
                A broker's timeout is zookeeper.session.timeout.ms (18000 in Kafka 3.x): a stopped broker
                closes its session and leaves /brokers/ids at once; a killed one stays until it expires.
                See: ephemeral, znode, session.timeout.ms.
                """),
        Entry(
            term: "session.timeout.ms",
            aliases: ["session-timeout", "session-timeout-ms", "heartbeat.interval.ms", "heartbeat"],
            name: LocalizedText(es: "session.timeout.ms", en: "session.timeout.ms"),
            es: """
                Un miembro de un grupo de consumidores que no envía heartbeats durante session.timeout.ms (45000
                por defecto en Kafka 3.x, 10000 antes de 3.0) se da por muerto en el coordinador del grupo, y el
                grupo rebalancea. Los heartbeats salen cada heartbeat.interval.ms (3000). El broker acepta valores
                entre group.min.session.timeout.ms y group.max.session.timeout.ms. Ver: rebalance, consumer-group.
                """,
            en: """
                A consumer group member that sends no heartbeat for session.timeout.ms (45000 by default in
                Kafka 3.x, 10000 before 3.0) is declared dead by the group coordinator, and the group
                rebalances. Heartbeats go every heartbeat.interval.ms (3000). The broker accepts values from
                group.min.session.timeout.ms to group.max.session.timeout.ms. See: rebalance, consumer-group.
                """),
        Entry(
            term: "key", aliases: ["keys", "record-key", "message-key", "clave", "claves"],
            name: LocalizedText(es: "clave", en: "key"),
            es: """
                La clave de un mensaje son bytes opcionales que pone el productor, por ejemplo un id de cliente. El
                particionador por defecto manda todos los mensajes con la misma clave a la misma partición
                (murmur2 de la clave, módulo el número de particiones), así que los mensajes de una clave
                conservan su orden. Añadir particiones cambia el módulo: una clave puede pasar a otra partición.
                Ver: murmur2, partitioner, sticky.
                """,
            en: """
                A record's key is optional bytes set by the producer, e.g. a customer id. The default
                partitioner sends every record with the same key to the same partition (murmur2 of the key,
                modulo the partition count), so one key's records keep their order. Adding partitions
                changes the modulo: keys can move to another partition. See: murmur2, partitioner, sticky.
                """),
        Entry(
            term: "murmur2", aliases: ["murmur", "hash", "key-hash"], name: LocalizedText(es: "murmur2", en: "murmur2"),
            es: """
                murmur2 es el hash que aplica el productor Java de Kafka a los bytes de la clave: partición =
                (murmur2(clave) & 0x7fffffff) % particiones, el hash en positivo, módulo el número de particiones.
                Los clientes que lo usan coinciden en adónde va una clave; el de librdkafka por defecto
                (consistent_random, CRC32) no, salvo con partitioner=murmur2_random. Ver: key, partitioner.
                """,
            en: """
                murmur2 is the hash Kafka's Java producer applies to a key's bytes: partition =
                (murmur2(key) & 0x7fffffff) % partitions, the hash made positive, modulo the partition count.
                Clients that use it agree on where a key goes; librdkafka's default (consistent_random, CRC32)
                does not unless you set partitioner=murmur2_random. See: key, partitioner.
                """),
        Entry(
            term: "partitioner", aliases: ["partitioners", "partitioner.class", "partitioning", "particionador"],
            name: LocalizedText(es: "particionador", en: "partitioner"),
            es: """
                El particionador del productor elige la partición de cada mensaje. El de Kafka 3.x por defecto: si
                el mensaje trae partición, esa manda; un mensaje con clave va a murmur2(clave) módulo el número de
                particiones; uno sin clave va a la partición sticky. Ver: key, murmur2, sticky.
                """,
            en: """
                The producer's partitioner picks each record's partition. Kafka 3.x's default: a partition
                set on the record wins; a record with a key goes to murmur2(key) modulo the partition count;
                a record without a key goes to the sticky partition. See: key, murmur2, sticky.
                """),
        Entry(
            term: "sticky", aliases: ["sticky-partitioner", "sticky-partitioning", "keyless", "null-key"],
            name: LocalizedText(es: "particionador sticky", en: "sticky partitioner"),
            es: """
                Los mensajes sin clave usan el particionador sticky (KIP-480): el productor los manda a una
                partición hasta que su lote se llena o se envía, y entonces elige otra. Salen menos lotes y más
                llenos que con round robin, pero una ráfaga corta de mensajes sin clave puede caer entera en una
                partición. Desde 3.3 (KIP-794) cambia tras unos batch.size bytes. Ver: partitioner, batching, key.
                """,
            en: """
                Records without a key use the sticky partitioner (KIP-480): the producer sends them to one
                partition until its batch is full or sent, then picks another. Fewer, fuller batches than
                round robin, but a short burst of keyless records can all land in one partition. Since 3.3
                (KIP-794) it switches after about batch.size bytes. See: partitioner, batching, key.
                """),
        Entry(
            term: "topic", aliases: ["topics"], name: LocalizedText(es: "topic", en: "topic"),
            avoid: ["tema", "temas"],
            es: """
                Un topic es un flujo de mensajes con nombre (orders, payments): los productores escriben en él
                y los consumidores leen de él. Se parte en particiones repartidas por los brokers, y guarda los
                mensajes según su retención, los haya leído alguien o no. Ver: partition, retention.
                """,
            en: """
                A topic is a named stream of records (orders, payments): producers write to it and consumers
                read from it. It is split into partitions spread over the brokers, and keeps records for its
                retention whether or not anyone has read them. See: partition, retention.
                """),
        Entry(
            term: "broker", aliases: ["brokers", "broker.id"], name: LocalizedText(es: "broker", en: "broker"),
            es: """
                Un broker es un servidor de Kafka: guarda réplicas de particiones en su disco y atiende a
                productores, consumidores y a los demás brokers. Cada uno tiene un broker.id único en el clúster;
                en modo ZooKeeper se registra como /brokers/ids/N mientras su sesión vive. Ver: controller, session.
                """,
            en: """
                A broker is a Kafka server: it keeps partition replicas on its disk and serves producers,
                consumers and the other brokers. Each has a broker.id unique in the cluster; in ZooKeeper mode
                it registers as /brokers/ids/N while its session lives. See: controller, session.
                """),
    ]
}
