import Foundation

/// The `inclusio` command line: parses the subcommand and runs it.
public enum Inclusio {
    private typealias Runner = @Sendable (ParsedArguments, Console) throws(CLIError) -> Void
    private static let commands: [(spec: CommandSpec, run: Runner)] = [
        (GenerateCommand.spec, GenerateCommand.run),
        (ValidateCommand.spec, ValidateCommand.run),
    ]

    private static var overview: String {
        let width = commands.map(\.spec.path.count).max() ?? 0
        return """
        OVERVIEW: Inclusio — records of pupils with disabilities: generate, validate.

        USAGE: inclusio <command> [options]

        COMMANDS:
        \(commands.map { "  " + $0.spec.path.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.spec.abstract }.joined(separator: "\n"))

          See 'inclusio help <command>' for a command's options.
        """
    }

    /// Runs the command line `arguments` (without the program name); returns the exit status.
    public static func main(_ arguments: [String]) -> ExitCode {
        var arguments = arguments
        guard let first = arguments.first, !["-h", "--help"].contains(first) else {
            Console(json: false).out(overview)
            return arguments.isEmpty ? .usage : .success
        }
        arguments.removeFirst()
        if first == "help" {
            guard let name = arguments.first else { Console(json: false).out(overview); return .success }
            guard let command = commands.first(where: { $0.spec.path == name }) else {
                return Console(json: false).fail(.usage("Unknown command '\(name)'.", command: nil))
            }
            Console(json: false).out(command.spec.help)
            return .success
        }
        guard let command = commands.first(where: { $0.spec.path == first }) else {
            let console = Console(json: arguments.contains("--json"))
            return console.fail(.usage("Unknown command '\(first)'. Commands: \(commands.map(\.spec.path).joined(separator: ", ")).", command: nil))
        }
        let console = Console(json: arguments.contains("--json"))
        do {
            let parsed = try command.spec.parse(arguments)
            if parsed.helpRequested { console.out(command.spec.help); return .success }
            try command.run(parsed, Console(json: parsed.has(CommandSpec.json)))
            return .success
        } catch {
            return console.fail(error)
        }
    }
}
