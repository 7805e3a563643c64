import CourseLanguage
import LocalCluster

/// The cluster errors a student meets at the prompt, in the session's language. The rarer ones
/// (a missing executable, a file that cannot be written) keep LocalCluster's English wording.
extension LocalClusterError {
    func text(_ language: Language) -> String {
        guard language == .es else { return self.description }
        switch self {
        case .noCluster(let name):
            return "no hay ningún clúster «\(name)» en marcha; arranca uno con `cluster start`"
        case .alreadyRunning(let name):
            return "el clúster «\(name)» ya está en marcha; `cluster status` lo muestra, `cluster stop` lo para"
        case .unknownBroker(let id, let known):
            return
                "no hay broker \(id); este clúster tiene los brokers \(known.map(String.init).joined(separator: ", "))"
        case .brokerNotRunning(let id):
            return "el broker \(id) no está en marcha; arráncalo con `broker start \(id)`"
        case .brokerAlreadyRunning(let id, let pid):
            return "el broker \(id) ya está en marcha (pid \(pid)); `broker stop \(id)` lo para"
        case .brokerNotPaused(let id):
            return "el broker \(id) no está en pausa; `broker pause \(id)` lo pausa"
        case .brokerAlreadyPaused(let id):
            return "el broker \(id) ya está en pausa; `broker resume \(id)` lo reanuda"
        case .brokerCountMismatch(let name, let existing, let requested):
            return "el clúster «\(name)» tiene \(existing) brokers, no \(requested); "
                + "haz antes `cluster destroy` para arrancarlo con otro número"
        case .faultsNeedClusterMode(let name):
            return "el clúster «\(name)» tiene brokers standalone, sin replicación ni sesión de metadatos que romper; "
                + "los fallos necesitan un clúster arrancado sin --standalone"
        default:
            return self.description
        }
    }
}
