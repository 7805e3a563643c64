import ArgumentParser
import CommandLineSupport
import Foundation
import LabKit
import REPL
import Slides

/// A `samsa` subcommand that hands its whole command line, `--help` included, to the command
/// that parses it with ArgumentParser: `LabCommand` (in `samsa-lab` when it is built, since that
/// one links the student's exercises, so the arguments must stay as typed), `SlidesCommand`, or a
/// command of this executable. That command owns its options, its help and its exit status (2 on
/// a usage error for most; `samsa install-tools` has always said 1). Taking everything also keeps
/// `SamsaCommand`'s own options (`--language`, ...) from being read out of a subcommand's line.
protocol ForwardingSubcommand: ParsableCommand {
    var arguments: [String] { get }
    /// Runs `samsa NAME arguments...` and returns its exit status.
    static func run(_ arguments: [String]) -> Int32
}

extension ForwardingSubcommand {
    func run() throws {
        let status = Self.run(self.arguments)
        if status != 0 { throw ExitCode(status) }
    }

    /// No help flags of its own: `--help` belongs to the command it forwards to.
    static var forwardedHelpNames: NameSpecification { [] }
}

extension SamsaCommand {
    struct Grade: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "grade",
            abstract: "Grade a submission, or a folder of them, with the labs' checks (samsa grade --help).",
            helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough, help: "The options `samsa grade --help` lists.")
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 { LabForwarding.run(["grade"] + arguments) }
    }

    struct Lab: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "lab",
            abstract: "Write the student handout (lab export) or a lab's reference (lab solution) (samsa lab --help).",
            helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough, help: "export or solution and their options (samsa lab --help).")
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 { LabForwarding.run(["lab"] + arguments) }
    }

    struct Slides: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "slides", abstract: "Build the course's slides (samsa slides build --help).",
            helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough, help: "build and its options (samsa slides build --help).")
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 {
            AsyncBridge.waitFor { await SlidesCommand.run(arguments: arguments) }
        }
    }

    struct InstallTools: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "install-tools", abstract: InstallToolsCommand.configuration.abstract,
            helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough, help: "[DIR] (samsa install-tools --help).")
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 {
            InstallToolsCommand.run(arguments, usageStatus: InstallToolsCommand.usageStatus)
        }
    }

    struct UI: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "ui", abstract: LiveViewUICommand.configuration.abstract, helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough, help: "The options `samsa ui --help` lists.")
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 {
            LiveViewUICommand.run(arguments, usageStatus: LiveViewUICommand.usageStatus)
        }
    }

    /// Internal: the waiter a lab's `kafka-server-start` leaves behind (`ServerStartRecorder`).
    struct RecordServerStart: ForwardingSubcommand {
        static let configuration = CommandConfiguration(
            commandName: ServerStartRecorder.subcommand, abstract: ServerStartRecorder.Command.configuration.abstract,
            shouldDisplay: false, helpNames: Self.forwardedHelpNames)

        @Argument(parsing: .captureForPassthrough)
        var arguments: [String] = []

        static func run(_ arguments: [String]) -> Int32 {
            ServerStartRecorder.Command.run(arguments, usageStatus: ServerStartRecorder.usageStatus)
        }
    }
}

/// `samsa grade` / `samsa lab …`: through `samsa-lab` (built beside this executable) when it is
/// there, because it links the student's Swift exercises; else LabKit alone, which grades
/// everything but the exercises. Both parse the same `LabCommand`.
enum LabForwarding {
    static func run(_ arguments: [String]) -> Int32 {
        let grader = SamsaMain.ownExecutable().deletingLastPathComponent().appendingPathComponent("samsa-lab")
        guard FileManager.default.isExecutableFile(atPath: grader.path) else {
            return AsyncBridge.waitFor { await LabCommand.run(arguments: arguments) }
        }
        let process = Process()
        process.executableURL = grader
        process.arguments = arguments
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(
                Data("samsa: cannot run \(grader.path): \(error.localizedDescription)\n".utf8))
            return 1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
