import Support

/// The `inclusio` command line: finds the command (or group) the arguments name, runs it,
/// and has ``CommandPrinter`` print what it returns.
public enum Inclusio {
    /// The version `inclusio --version` prints; the one place it is written.
    public static let version = "0.9.0"

    /// Every command, in the order the overview lists them.
    static let commands: [Command] = [
        GenerateCommand.command, ValidateCommand.command, RenderCommand.command, KeysInitCommand.command,
        DossierPackCommand.command, DossierVerifyCommand.command, DossierOpenCommand.command,
        ArchiveInitCommand.command, ArchiveEnrolCommand.command, ArchivePolicyApplyCommand.command, ArchivePolicyShowCommand.command,
        ArchiveMigrateCommand.command,
        ArchiveIngestCommand.command, ArchiveListCommand.command, ArchiveSearchCommand.command, ArchiveShowCommand.command,
        ArchiveGetCommand.command, ArchiveRenderCommand.command, ArchiveHoldCommand.command, ArchiveShredCommand.command,
        ArchiveCheckCommand.command, AuditVerifyCommand.command, AuditCheckpointCommand.command, AuditProveCommand.command,
        AuditReportCommand.command, AuditChartCommand.command, CheckPlacementCommand.command, CheckSchoolCommand.command,
        AllocationMergerCommand.command, AllocationStaffRequestCommand.command, TransferPrepareCommand.command,
        TransferReceiveCommand.command, TransferConfirmCommand.command, DueCommand.command, ServeCommand.command, CommandsCommand.command,
    ]

    /// What each group of commands is for.
    private static let groupAbstracts = [
        "keys": "Demonstration keys and certificates.",
        "dossier": "Signed, encrypted dossiers (ASiC-E): pack, verify, open.",
        "archive": "The confidential archive: set up, file, find, read, print, keep and shred pupils' files.",
        "archive policy": "The archive's policy: who may do what with which documents.",
        "audit": "The access log: verify it, export checkpoints and proofs, report and chart who saw what.",
        "check": "What a jurisdiction's rules say about a case or a school.",
        "allocation": "Staff allocations computed from the rules and the records.",
        "transfer": "Pupils' files sent to their next school at graduation, received and acknowledged.",
    ]

    /// Every group: the first words that several commands share.
    static var groups: [CommandGroup] {
        var paths: [String] = []
        for command in commands {
            for length in stride(from: 1, to: command.words.count, by: 1) {
                let path = command.words.prefix(length).joined(separator: " ")
                if !paths.contains(path) { paths.append(path) }
            }
        }
        return paths.map { path in
            CommandGroup(path: path, abstract: groupAbstracts[path] ?? "The \(path) commands.",
                         commands: commands.filter { $0.spec.path.hasPrefix(path + " ") && !$0.hidden })
        }
    }

    private static var overview: String {
        """
        OVERVIEW: Inclusio \(version) — records of pupils with disabilities: generate, validate, print them as PDF, send them as signed, encrypted dossiers, keep them in a confidential archive, and audit who saw them.

        USAGE: inclusio <command> [options]

        COMMANDS:
        \(CommandGroup.listing(commands.filter { !$0.hidden }))

          See 'inclusio help <command>' for a command's options, 'inclusio help <group>' for a group's commands,
          'inclusio --version' for the version. Every command takes --json.
        """
    }

    /// Runs the command line `arguments` (without the program name); returns the exit status.
    public static func main(_ arguments: [String]) -> ExitCode {
        let json = arguments.contains(Option.json.key)
        let words = arguments.filter { $0 != Option.json.key }
        guard let first = words.first else { return CommandPrinter.print(nil, error: .usage("Give a command.\n\n" + overview, command: nil), json: json) }
        switch first {
        case "--version": return CommandPrinter.print(text(["version": version], "inclusio \(version)"), json: json)
        case "-h", "--help": return CommandPrinter.print(help(overview), json: json)
        case "help": return helpCommand(Array(words.dropFirst()), json: json)
        default: break
        }
        guard let command = command(in: words) else {
            let (group, rest) = group(in: words)
            if let group, rest.isEmpty {
                return CommandPrinter.print(nil, error: .usage("Give one of the \(group.path) commands.\n\n" + group.help, command: nil), json: json)
            }
            if let group, ["-h", "--help"].contains(rest[0]) { return CommandPrinter.print(help(group.help), json: json) }
            return CommandPrinter.print(nil, error: unknown(words, group: group), json: json)
        }
        do {
            let rest = Array(words.dropFirst(command.words.count)) + (json ? [Option.json.key] : [])
            let parsed = try ParsedArguments(rest, spec: command.spec)
            if parsed.helpRequested { return CommandPrinter.print(help(command.spec.help), json: json) }
            // The same command on the archive service: its result comes back and is printed here the same way.
            if parsed.value(ServerOptions.server) != nil { return CommandPrinter.print(try ServiceClient.run(command, rest, parsed: parsed), json: json) }
            return CommandPrinter.print(try command.run(parsed), json: json)
        } catch {
            return CommandPrinter.print(nil, error: error, json: json)
        }
    }

    /// `inclusio help [<group> | <command>]`: stdout, exit 0.
    private static func helpCommand(_ words: [String], json: Bool) -> ExitCode {
        if words.isEmpty { return CommandPrinter.print(help(overview), json: json) }
        if let command = command(in: words), command.words.count == words.count { return CommandPrinter.print(help(command.spec.help), json: json) }
        if case let (group?, rest) = group(in: words), rest.isEmpty { return CommandPrinter.print(help(group.help), json: json) }
        return CommandPrinter.print(nil, error: unknown(words, group: group(in: words).group), json: json)
    }

    /// The command whose words start `arguments`.
    private static func command(in arguments: [String]) -> Command? {
        commands.first { arguments.starts(with: $0.words) }
    }

    /// The longest group whose words start `arguments`, and the arguments after them.
    private static func group(in arguments: [String]) -> (group: CommandGroup?, rest: [String]) {
        let group = groups.filter { arguments.starts(with: $0.path.split(separator: " ").map(String.init)) }.max { $0.path.count < $1.path.count }
        return (group, Array(arguments.dropFirst(group.map { $0.path.split(separator: " ").count } ?? 0)))
    }

    /// "Unknown command 'archive shwo'. Did you mean 'archive show'?", with the commands of the group.
    private static func unknown(_ words: [String], group: CommandGroup?) -> CLIError {
        let depth = (group.map { $0.path.split(separator: " ").count } ?? 0) + 1
        let typed = words.prefix { !$0.hasPrefix("-") }.prefix(depth).joined(separator: " ")
        let candidates = (group?.commands ?? commands.filter { !$0.hidden }).map(\.spec.path) + (group == nil ? groups.map(\.path) : [])
        let near = EditDistance.nearest(to: typed, among: candidates, limit: 3)
        let known = group.map { " The \($0.path) commands: \($0.commands.map(\.spec.path).joined(separator: ", "))." } ?? " See 'inclusio --help'."
        return .usage("Unknown command '\(typed)'." + (near.map { " Did you mean '\($0)'?" } ?? "") + known, command: nil)
    }

    /// A help text as a result: the text on stdout, or `{"help": …}` with `--json`.
    private static func help(_ text: String) -> CommandResult { self.text(["help": text], text) }

    private static func text(_ value: [String: String], _ text: String) -> CommandResult { CommandResult(value) { text } }
}
