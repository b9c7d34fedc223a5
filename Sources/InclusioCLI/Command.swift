/// A registered command: what it takes, and how it runs into a ``CommandResult``.
struct Command: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments) throws(CLIError) -> CommandResult
    /// Left out of the overview (`inclusio commands`, for tools).
    var hidden = false

    var words: [String] { spec.path.split(separator: " ").map(String.init) }
}

/// Commands that share their first words: `archive`, `archive policy`, `audit`, …
struct CommandGroup {
    let path: String
    let abstract: String
    let commands: [Command]

    /// `inclusio help archive`: the group's commands with their abstracts.
    var help: String {
        """
        OVERVIEW: \(abstract)

        USAGE: inclusio \(path) <command> [options]

        COMMANDS:
        \(CommandGroup.listing(commands))

          See 'inclusio help \(path) <command>' for a command's options.
        """
    }

    /// One line per command: its path and abstract, aligned.
    static func listing(_ commands: [Command]) -> String {
        let width = commands.map(\.spec.path.count).max() ?? 0
        return commands.map { "  " + $0.spec.path.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.spec.abstract }
            .joined(separator: "\n")
    }
}
