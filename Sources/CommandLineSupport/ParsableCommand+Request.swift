import ArgumentParser
import Foundation

/// What a command line asks for once ArgumentParser has read it: a command to run, or an exit
/// status because there is nothing to run (help was shown, or the line was refused).
public enum CommandLineRequest<Command> {
    case run(Command)
    case exit(Int32)
}

/// The one way Samsa runs a command of its own (not one of Kafka's tools) from a command line it
/// was handed: `samsa-lab` and `samsa grade` share `LabCommand`, `samsa-slides` and `samsa slides`
/// share `SlidesCommand`, and `samsa`'s subcommands run their own roots. Unlike `main()`, it
/// returns the exit status, keeps each command's usage status (Samsa's commands answered 2, or
/// 1, long before ArgumentParser's 64), and lets the caller hand the command what no command line
/// carries (the student's compiled exercises).
extension ParsableCommand {
    /// Parses `arguments` with this type as the root. Help (`--help`, `help SUBCOMMAND`) goes to
    /// standard output with status 0; a line it cannot take, or a group of commands named without
    /// one of them, goes to standard error with `usageStatus`.
    public static func request<Command>(
        _ arguments: [String], running: Command.Type, usageStatus: Int32
    ) -> CommandLineRequest<Command> {
        if let unknown = Self.unknownSubcommand(in: arguments) {
            Self.printError(
                "Error: \(unknown.message)\nUsage: \(Self.usageString(for: unknown.group))\n"
                    + "  See '\(unknown.path) --help' for more information.")
            return .exit(usageStatus)
        }
        var parsed: any ParsableCommand
        do {
            parsed = try Self.parseAsRoot(arguments)
        } catch {
            return .exit(Self.report(error, usageStatus: usageStatus))
        }
        let parsedType = type(of: parsed)
        if !parsedType.configuration.subcommands.isEmpty {
            // `samsa slides` alone: what there is to choose from, as a usage error.
            Self.printError(Self.helpMessage(for: parsedType))
            return .exit(usageStatus)
        }
        if let command = parsed as? Command { return .run(command) }
        do {
            try parsed.run()  // ArgumentParser's `help` command: throws the help it shows
            return .exit(0)
        } catch {
            return .exit(Self.report(error, usageStatus: usageStatus))
        }
    }

    /// Parses and runs a command that needs nothing but its command line.
    public static func run(_ arguments: [String], usageStatus: Int32) -> Int32 {
        switch Self.request(arguments, running: (any ParsableCommand).self, usageStatus: usageStatus) {
        case .exit(let status):
            return status
        case .run(var command):
            do {
                try command.run()
                return 0
            } catch {
                return Self.report(error, usageStatus: usageStatus)
            }
        }
    }

    /// Shows what `error` has to say (help on standard output, the rest on standard error) and
    /// returns the exit status: `ExitCode` as thrown, `usageStatus` for a line that was refused.
    public static func report(_ error: any Error, usageStatus: Int32) -> Int32 {
        let message = Self.fullMessage(for: error)
        let status = Self.exitCode(for: error)
        if status == .success {
            print(message)
            return 0
        }
        if !message.isEmpty { Self.printError(message) }
        return status == .validationFailure ? usageStatus : status.rawValue
    }

    /// ArgumentParser answers `samsa slides show` with "Unexpected argument 'show'"; this names the
    /// subcommands there are instead.
    static func unknownSubcommand(in arguments: [String]) -> (
        message: String, group: any ParsableCommand.Type, path: String
    )? {
        var group: any ParsableCommand.Type = Self.self
        var path: [String] = [Self._commandName]
        for word in arguments {
            let subcommands: [any ParsableCommand.Type] = group.configuration.subcommands
            if word.hasPrefix("-") || subcommands.isEmpty || word == "help" { return nil }
            var next: (any ParsableCommand.Type)?
            var shown: [String] = []
            for subcommand in subcommands {
                let configuration = subcommand.configuration
                if subcommand._commandName == word || configuration.aliases.contains(word) { next = subcommand }
                if configuration.shouldDisplay { shown.append(subcommand._commandName) }
            }
            if let next {
                group = next
                path.append(word)
                continue
            }
            let choices =
                shown.count <= 1
                ? shown.joined() : shown.dropLast().joined(separator: ", ") + " or " + shown[shown.count - 1]
            let named = path.joined(separator: " ")
            return ("\(named) has no subcommand '\(word)'; use \(choices)", group, named)
        }
        return nil
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
