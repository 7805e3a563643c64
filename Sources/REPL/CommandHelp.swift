import CourseLanguage

/// A command's help in Spanish: its summary, its details and each option's help. The English
/// stays in the command's own `CommandSpec` (one place to read what a command does); this table
/// holds the Spanish beside it, and `CommandHelpTests` fails when a command or option lacks it.
struct CommandHelp: Sendable {
    var summary: String
    var details: String = ""
    /// Option name → its help.
    var options: [String: String] = [:]
}

extension CommandSpec {
    /// One line for `help`, in `language`.
    public func summary(_ language: Language) -> String {
        language == .es ? CommandHelp.spanish[self.name]?.summary ?? self.summary : self.summary
    }

    /// More for `help <command>`, in `language`.
    public func details(_ language: Language) -> String {
        language == .es ? CommandHelp.spanish[self.name]?.details ?? self.details : self.details
    }

    /// An option's help, in `language`.
    public func help(for option: Option, _ language: Language) -> String {
        language == .es ? CommandHelp.spanish[self.name]?.options[option.name] ?? option.help : option.help
    }
}

extension CommandHelp {
    /// By command name (`broker kill`). Vocabulary: docs/glossary (`Glossary`): topic, líder,
    /// follower, grupo de consumidores, offset, high watermark, ISR.
    static let spanish: [String: CommandHelp] = [
        "cluster start": CommandHelp(
            summary: "arranca un servidor de metadatos y brokers en esta máquina",
            details: """
                Escribe zookeeper.properties y server-N.properties en .samsa/NAME/config/, arranca samsa-meta
                en 127.0.0.1:2181 y los brokers en 9092, 9093, ... (un puerto ocupado se cambia por uno libre,
                y se te avisa). Cada proceso escribe su log en .samsa/NAME/logs/. Un clúster parado arranca de
                nuevo con sus datos. Sin --detach, el clúster se para al salir de samsa.
                """,
            options: [
                "--brokers": "cuántos brokers (3 por defecto; un clúster que ya existe conserva los suyos)",
                "--name": "nombre del clúster y de su carpeta .samsa/NAME/ (lab por defecto)",
                "--standalone": "brokers sin servidor de metadatos, cada uno su propio controller",
                "--detach": "deja el clúster en marcha al salir de samsa",
            ]),
        "cluster stop": CommandHelp(summary: "para cada broker limpiamente y después el servidor de metadatos (los datos se conservan)"),
        "cluster destroy": CommandHelp(summary: "para el clúster y borra su carpeta: datos, logs y configuración"),
        "cluster status": CommandHelp(
            summary: "brokers en marcha, caídos o en pausa; particiones, líderes e ISR",
            details: """
                Los procesos (estado, dirección, pid, tiempo en marcha, memoria) y el controller; en modo clúster
                también el líder, las réplicas y el ISR de cada partición, su log end offset (ListOffsets con
                replica id -2) y su high watermark (ListOffsets latest, lo que pueden leer los consumidores).
                """),
        "broker kill": CommandHelp(
            summary: "SIGKILL a un broker: muere en el acto, como en un fallo",
            details: "Nadie avisa al clúster: su sesión de metadatos tiene que expirar antes de que se elija un nuevo líder."),
        "broker stop": CommandHelp(
            summary: "SIGTERM a un broker: se apaga limpiamente (controlled shutdown)",
            details: "Un apagado limpio cede a otros brokers las particiones que lidera antes de terminar."),
        "broker start": CommandHelp(summary: "arranca de nuevo un broker parado, con su puerto y sus datos"),
        "broker pause": CommandHelp(summary: "SIGSTOP a un broker: se congela con sus sockets abiertos, como en una pausa larga de GC"),
        "broker resume": CommandHelp(summary: "SIGCONT a un broker en pausa"),
        "broker logs": CommandHelp(
            summary: "el final del log de un broker",
            options: ["--lines": "cuántas líneas desde el final (20 por defecto)"]),
        "fault cut-replication": CommandHelp(
            summary: "un broker deja de replicar: las escrituras acks=1 que lidera viven solo en él",
            details: """
                Como follower no envía fetches; como líder retiene los fetches de sus followers y los contesta
                vacíos. Sus clientes y su sesión de metadatos siguen igual. Los followers siguen en el ISR hasta
                replica.lag.time.max.ms después de que su log los adelantara: si lo matas en ese intervalo, un
                follower sincronizado pasa a líder limpiamente, sin los mensajes acks=1 ya confirmados.
                """),
        "fault slow-replication": CommandHelp(
            summary: "cada fetch de follower desde o hacia un broker espera MS milisegundos",
            details: """
                Los followers se quedan atrás mientras los productores siguen: verás el high watermark ir por
                detrás del log end, acks=all más lento, y el ISR encoger cuando un follower se retrasa
                replica.lag.time.max.ms. MS va de 1 a 60000; darlo otra vez cambia el retraso.
                """),
        "fault isolate": CommandHelp(
            summary: "aísla un broker del servidor de metadatos; sigue atendiendo a sus clientes",
            details: """
                Su sesión deja de enviar heartbeats y no se restablece hasta curarlo, así que expira y el
                controller mueve los liderazgos del broker. El broker no se entera: como líder zombi aún acepta
                escrituras acks=1 de clientes con metadatos viejos. Una vez curado se registra de nuevo, ve el
                leader epoch más alto, pasa a follower y trunca lo que escribió a solas.
                """),
        "fault list": CommandHelp(summary: "los fallos inyectados ahora, por broker"),
        "broker evict-cache": CommandHelp(
            summary: "saca de la page cache del sistema los segmentos de un broker, para que la próxima lectura sea en frío",
            details: """
                Escribe a disco y expulsa de memoria cada fichero .log, .index y .timeindex del directorio de logs
                del broker con posix_fadvise(POSIX_FADV_DONTNEED); no hace falta ser root. Compara un consume justo
                después (lee del disco) con el mismo consume otra vez (lee de memoria); `topic segments` muestra la
                diferencia.
                """),
        "topic offsets": CommandHelp(
            summary: "de cada partición, el primer offset, el high watermark y el log end offset del líder",
            details: """
                Un consumidor lee desde el primer offset hasta el high watermark, sin incluirlo: los mensajes
                que ya han copiado todas las réplicas del ISR. El log end offset del líder va por delante
                mientras los followers siguen copiando (pruébalo con `fault slow-replication`).
                """),
        "topic segments": CommandHelp(
            summary: "los ficheros de segmento de una partición en cada broker y cuánto de cada uno está en la page cache",
            details: """
                Lee los directorios de logs de los brokers en esta máquina: de cada segmento, su fichero, su offset
                base, su tamaño y los bytes que el sistema operativo tiene ahora en memoria (mincore). Los mensajes
                recientes están ahí; por eso los consumidores que van al día no tocan el disco.
                `broker evict-cache ID` la vacía.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        "topic compaction": CommandHelp(
            summary: "los segmentos de una partición compactada: mensajes, claves y tombstones de cada uno, y el checkpoint del cleaner",
            details: """
                Lee los directorios de logs de los brokers en esta máquina. En un topic con cleanup.policy=compact, el log
                cleaner del broker (cada log.cleaner.backoff.ms) deja el último mensaje de cada clave en los segmentos
                anteriores al activo, con sus offsets. Ejecútalo antes y después de una pasada para ver qué se fue.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        "topic compact": CommandHelp(
            summary: "pasa el log cleaner por una partición ahora y muestra sus segmentos antes y después",
            details: """
                Pide una pasada del cleaner ya a cada broker que tiene la partición, diga lo que diga
                min.cleanable.dirty.ratio. Solo se limpian los segmentos anteriores al activo, y los mensajes más
                recientes que min.compaction.lag.ms esperan. Los tombstones duran delete.retention.ms desde su
                primera limpieza.
                """,
            options: ["--partition": "qué partición (0 por defecto)"]),
        "ui": CommandHelp(
            summary: "una imagen en vivo del clúster en el navegador; `ui stop` la cierra",
            details: """
                Sirve en 127.0.0.1 una página con los brokers, el controller, las particiones (líder, ISR, log end
                offset, high watermark), los grupos de consumidores con su lag y los eventos según ocurren. La
                dirección lleva un token secreto: solo quien la ve puede abrir la página. La página solo lee;
                todas las acciones siguen en el REPL.
                """,
            options: [
                "--lang": "el idioma de la página (por defecto, el del REPL)",
                "--port": "puerto en 127.0.0.1 (por defecto, uno libre cualquiera)",
            ]),
        "fault heal": CommandHelp(
            summary: "acaba con los fallos de un broker, o con todos si no das ID",
            details: """
                `cluster stop` y `quit` también lo curan todo. Un broker arrancado de nuevo con `broker start`
                arranca sano: los fallos no sobreviven a un reinicio.
                """),
        "topic create": CommandHelp(
            summary: "crea un topic",
            options: [
                "--partitions": "número de particiones (num.partitions por defecto)",
                "--replication-factor": "copias de cada partición, cada una en un broker distinto",
                "--config": "una configuración del topic, como retention.ms=60000",
            ]),
        "topic list": CommandHelp(summary: "lista los topics"),
        "topic describe": CommandHelp(summary: "particiones, líderes, réplicas e ISR de un topic"),
        "topic alter": CommandHelp(
            summary: "añade particiones o cambia configuraciones",
            options: [
                "--partitions": "sube el número de particiones (nunca puede bajar)",
                "--config": "cambia una configuración del topic, clave=valor",
            ]),
        "topic delete": CommandHelp(summary: "borra un topic y sus datos"),
        "produce": CommandHelp(
            summary: "escribe mensajes, uno por VALUE; muestra la partición y el offset de cada uno",
            details: """
                Los mensajes salen de uno en uno. En el primero que no se confirma el comando se detiene: se
                muestran los confirmados antes y después el error. Con --timeout S cada mensaje tiene un
                intento de S segundos (acks=all: REQUEST_TIMED_OUT si las réplicas sincronizadas no lo han
                copiado para entonces).
                """,
            options: [
                "--key": "clave del mensaje; la misma clave va siempre a la misma partición",
                "--partition": "escribe en esta partición en vez de la que elija el particionador",
                "--acks": "cuántas réplicas deben tenerlo antes de dar la escritura por buena",
                "--count": "escribe N mensajes numerados",
                "--round-robin": "reparte los mensajes entre las particiones por turno: el mensaje i a la partición i módulo el número de particiones",
                "--file": "escribe un mensaje por cada línea de un fichero",
                "--timeout": "segundos de espera de cada confirmación (15 por defecto, con reintentos)",
            ]),
        "consume": CommandHelp(
            summary: "lee mensajes: partición, offset, clave y valor (para tras 2 s sin nada nuevo)",
            options: [
                "--from-beginning": "empieza en el offset más antiguo que se conserva",
                "--partition": "lee solo esta partición",
                "--offset": "empieza en este offset (con --partition)",
                "--max-messages": "para tras N mensajes",
                "--group": "lee como miembro de este grupo de consumidores",
            ]),
        "consumer start": CommandHelp(
            summary: "lanza un miembro de grupo en segundo plano; los rebalanceos se muestran al ocurrir",
            details: """
                El miembro entra en el grupo (JoinGroup, SyncGroup), lee sus particiones desde los offsets
                confirmados (desde el más antiguo si no hay ninguno), confirma cada segundo y envía un heartbeat
                cada segundo. Cada rebalanceo muestra la generación y qué partición tiene cada miembro.
                """,
            options: [
                "--group": "el grupo de consumidores al que se une",
                "--topic": "el topic al que se suscribe",
                "--session-timeout-ms": "cuánto espera el coordinador sus heartbeats (10000 por defecto)",
            ]),
        "consumer stop": CommandHelp(summary: "para un miembro limpiamente: confirma y sale del grupo en el acto (LeaveGroup)"),
        "consumer kill": CommandHelp(
            summary: "para un miembro sin salir del grupo: el grupo lo nota cuando expira su sesión",
            details: "Como un proceso caído: sin commit ni LeaveGroup. Sus particiones esperan a que se agote session.timeout.ms."),
        "consumer commits": CommandHelp(
            summary: "para (off) o reanuda (on) los commits de un miembro; sigue leyendo",
            details: "Sin commits el miembro no confirma nada, ni siquiera antes de un rebalanceo: si lo matas entonces, el siguiente dueño de sus particiones lee otra vez lo que leyó desde su último commit (`consumer list` los cuenta)."),
        "consumer list": CommandHelp(summary: "los consumidores en segundo plano de este REPL: generación, particiones, mensajes leídos y leídos dos veces"),
        "group list": CommandHelp(summary: "los grupos de consumidores que conoce el clúster, con su estado"),
        "group describe": CommandHelp(summary: "estado, asignador, miembros y sus particiones, offsets confirmados y lag"),
        "wait leader": CommandHelp(
            summary: "espera a que una partición tenga líder (tras caer un broker: uno nuevo)",
            options: [
                "--not": "espera a un líder distinto de este broker",
                "--timeout": "se rinde tras estos segundos (30 por defecto)",
            ]),
        "wait isr": CommandHelp(
            summary: "espera a que el ISR de una partición tenga N réplicas (encogido tras un fallo, crecido tras ponerse al día)",
            options: [
                "--size": "el número de réplicas sincronizadas que esperar",
                "--timeout": "se rinde tras estos segundos (30 por defecto)",
            ]),
        "wait group": CommandHelp(
            summary: "espera a que un grupo esté Stable con N miembros (ha terminado un rebalanceo)",
            options: [
                "--members": "el número de miembros que esperar",
                "--caught-up": "espera también a que el grupo haya confirmado hasta cada high watermark (lag 0)",
                "--all-read": "espera también a que los miembros del grupo en este REPL hayan leído todo lo que tienen sus particiones, confirmado o no",
                "--timeout": "se rinde tras estos segundos (30 por defecto)",
            ]),
        "meta ls": CommandHelp(summary: "los hijos de un znode del árbol de metadatos"),
        "meta get": CommandHelp(summary: "los datos de un znode (el JSON, bien presentado)"),
        "meta stat": CommandHelp(summary: "la versión, la sesión dueña y las horas de un znode"),
        "explain": CommandHelp(summary: "una explicación breve de un término de Kafka (`explain` los lista)"),
        "watch": CommandHelp(
            summary: "repite una vista cada segundo hasta que pulses una tecla",
            details: """
                Vistas: `cluster status`, `topic list`, `topic describe`, `group list`, `group describe`. En un
                script muestra la vista una vez.
                """),
        "source": CommandHelp(summary: "ejecuta los comandos de un fichero, hasta el primer error"),
        "help": CommandHelp(summary: "lista los comandos, o explica uno"),
        "quit": CommandHelp(summary: "sale de samsa (un clúster arrancado aquí se para, salvo con --detach)"),
        "lab list": CommandHelp(summary: "los seis laboratorios, su duración y tu última nota"),
        "lab start": CommandHelp(
            summary: "empieza el laboratorio N: arranca el clúster que necesita (si necesita uno) y muestra el paso 1",
            details: """
                Un clúster con la forma del laboratorio se deja como lo espera el paso 1: se arrancan los brokers
                caídos, se reanudan los que están en pausa y se curan los fallos inyectados; se te dice qué se ha
                hecho. Mientras hay un laboratorio empezado, los comandos que escribes quedan en commands.log, en
                su carpeta.
                """),
        "lab id": CommandHelp(
            summary: "muestra o fija tu identificador de estudiante (`lab id set ID`): elige tus valores en cada laboratorio",
            details: """
                Tu profesor corrige cada laboratorio con tu identificador: de él salen los tamaños de los topics,
                el número de mensajes y el broker que falla. También se escribe en student_id en el
                answers.properties de cada laboratorio.
                """),
        "lab step": CommandHelp(summary: "muestra otra vez el paso actual del laboratorio"),
        "lab next": CommandHelp(summary: "pasa al paso siguiente"),
        "lab hint": CommandHelp(summary: "una pista para el paso actual"),
        "lab check": CommandHelp(
            summary: "comprueba tus respuestas, tu código y tu clúster: cada tarea aprobada, fallida o sin hacer"),
        "language": CommandHelp(
            summary: "muestra o cambia el idioma de samsa (es o en); se recuerda en esta carpeta",
            details: """
                Elige el idioma de todo lo que escribe samsa: ayuda, pasos, pistas, eventos, errores, `explain` y
                `lab check`. Se guarda en .samsa/language, así que `samsa` y `samsa grade` lo usan la próxima vez
                en esta carpeta. También: `samsa --language es|en`; sin elección, el idioma del sistema (LANG).
                """),
    ]
}
