import CourseLanguage
import Foundation
import LabKit
import LocalCluster

/// Lab 1, whose servers the student starts by hand: what `lab start` says instead of starting a
/// cluster, and the data an earlier run left behind.
extension Session {
    /// A lab whose servers the student starts by hand (Lab 1) starts no cluster: the REPL's would
    /// hold the ports its config files use. Says so, and what is in the way: a running REPL
    /// cluster, or one kept from earlier work whose topics would be mistaken for this lab's.
    func explainHandStartedLab(_ language: Language) {
        let es = language == .es
        self.console.print(
            es
                ? "Este laboratorio no arranca ningún clúster: los servidores los arrancas tú a mano, como dicen los pasos."
                : "This lab starts no cluster: you start the servers by hand, as its steps say.")
        let layout =
            self.cluster?.layout
            ?? ClusterLayout(name: self.configuration.clusterName, baseDirectory: self.configuration.baseDirectory)
        if let snapshot = self.cluster?.snapshot(), snapshot.isAnythingRunning {
            self.console.print(
                es
                    ? "El clúster «\(layout.name)» del REPL está en marcha y ocupa puertos que usan los pasos: páralo con `cluster stop`."
                    : "The REPL's cluster \"\(layout.name)\" is running on ports the steps use: stop it with `cluster stop`."
            )
        } else if FileManager.default.fileExists(atPath: layout.root.path) {
            self.console.print(
                es
                    ? "El REPL guarda un clúster «\(layout.name)» anterior, con sus topics, en \(layout.displayPath): `cluster destroy` lo borra."
                    : "The REPL keeps an earlier cluster \"\(layout.name)\", topics included, in \(layout.displayPath): `cluster destroy` deletes it."
            )
        }
    }

    /// The data an earlier run of a hand-started lab left in its config files' folders is
    /// deleted, so the lab done again counts the same records (see `HandStartedServers`).
    func clearHandStartedData(_ servers: HandStartedServers, _ number: Int, _ language: Language) {
        let es = language == .es
        switch servers.clearData() {
        case .nothingToClear:
            break
        case .cleared(let folders):
            let list = folders.map(\.path).joined(separator: ", ")
            self.console.print(
                es
                    ? "Borrados los datos de una vez anterior, para que los servidores que arrancas a mano empiecen vacíos: \(list)."
                    : "Deleted the data of an earlier run, so the servers you start by hand start empty: \(list).")
        case .serverRunning(let port):
            self.console.print(
                es
                    ? "Algo escucha en el puerto \(port), que usan los ficheros de config/ de este laboratorio (¿un servidor de una vez anterior?), así que sus datos se quedan. Para empezar de cero, para ese servidor (Ctrl-C) y escribe otra vez `lab start \(number)`."
                    : "Something listens on port \(port), which this lab's config/ files use (a server from an earlier run?), so their data stays. To start from nothing, stop that server (Ctrl-C) and type `lab start \(number)` again."
            )
        }
    }
}
