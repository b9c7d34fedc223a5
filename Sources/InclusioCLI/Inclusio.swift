import Foundation

/// The `inclusio` command line: parses the subcommand and runs it.
public enum Inclusio {
    private typealias Runner = @Sendable (ParsedArguments, Console) throws(CLIError) -> Void
    private static let commands: [(spec: CommandSpec, run: Runner)] = [
        (GenerateCommand.spec, GenerateCommand.run),
        (ValidateCommand.spec, ValidateCommand.run),
        (RenderCommand.spec, RenderCommand.run),
        (KeysInitCommand.spec, KeysInitCommand.run),
        (DossierPackCommand.spec, DossierPackCommand.run),
        (DossierVerifyCommand.spec, DossierVerifyCommand.run),
        (DossierOpenCommand.spec, DossierOpenCommand.run),
        (ArchiveInitCommand.spec, ArchiveInitCommand.run),
        (ArchiveEnrolCommand.spec, ArchiveEnrolCommand.run),
        (ArchivePolicyApplyCommand.spec, ArchivePolicyApplyCommand.run),
        (ArchivePolicyShowCommand.spec, ArchivePolicyShowCommand.run),
        (ArchiveIngestCommand.spec, ArchiveIngestCommand.run),
        (ArchiveListCommand.spec, ArchiveListCommand.run),
        (ArchiveSearchCommand.spec, ArchiveSearchCommand.run),
        (ArchiveShowCommand.spec, ArchiveShowCommand.run),
        (ArchiveGetCommand.spec, ArchiveGetCommand.run),
        (ArchiveRenderCommand.spec, ArchiveRenderCommand.run),
        (ArchiveHoldCommand.spec, ArchiveHoldCommand.run),
        (ArchiveShredCommand.spec, ArchiveShredCommand.run),
        (ArchiveCheckCommand.spec, ArchiveCheckCommand.run),
        (AuditVerifyCommand.spec, AuditVerifyCommand.run),
        (AuditCheckpointCommand.spec, AuditCheckpointCommand.run),
        (AuditProveCommand.spec, AuditProveCommand.run),
        (AuditReportCommand.spec, AuditReportCommand.run),
        (AuditChartCommand.spec, AuditChartCommand.run),
        (CheckPlacementCommand.spec, CheckPlacementCommand.run),
        (CheckSchoolCommand.spec, CheckSchoolCommand.run),
        (AllocationMergerCommand.spec, AllocationMergerCommand.run),
        (AllocationStaffRequestCommand.spec, AllocationStaffRequestCommand.run),
        (TransferPrepareCommand.spec, TransferPrepareCommand.run),
        (TransferReceiveCommand.spec, TransferReceiveCommand.run),
        (TransferConfirmCommand.spec, TransferConfirmCommand.run),
        (DueCommand.spec, DueCommand.run),
    ]

    private static var overview: String {
        let width = commands.map(\.spec.path.count).max() ?? 0
        return """
        OVERVIEW: Inclusio — records of pupils with disabilities: generate, validate, print them as PDF, send them as signed, encrypted dossiers, keep them in a confidential archive, and audit who saw them.

        USAGE: inclusio <command> [options]

        COMMANDS:
        \(commands.map { "  " + $0.spec.path.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.spec.abstract }.joined(separator: "\n"))

          See 'inclusio help <command>' for a command's options.
        """
    }

    /// The command whose words start `arguments`, and the arguments after them.
    private static func command(in arguments: [String]) -> (spec: CommandSpec, run: Runner, rest: [String])? {
        commands.lazy.compactMap { command in
            let words = command.spec.path.split(separator: " ").map(String.init)
            return arguments.starts(with: words) ? (command.spec, command.run, Array(arguments.dropFirst(words.count))) : nil
        }.first
    }

    /// Runs the command line `arguments` (without the program name); returns the exit status.
    public static func main(_ arguments: [String]) -> ExitCode {
        guard let first = arguments.first, !["-h", "--help"].contains(first) else {
            Console(json: false).out(overview)
            return arguments.isEmpty ? .usage : .success
        }
        if first == "help" {
            guard arguments.count > 1 else { Console(json: false).out(overview); return .success }
            guard let command = command(in: Array(arguments.dropFirst())) else {
                return Console(json: false).fail(.usage("Unknown command '\(arguments.dropFirst().joined(separator: " "))'.", command: nil))
            }
            Console(json: false).out(command.spec.help)
            return .success
        }
        let console = Console(json: arguments.contains("--json"))
        guard let command = command(in: arguments) else {
            let group = commands.map(\.spec.path).filter { $0.hasPrefix(first + " ") }
            let known = group.isEmpty ? commands.map(\.spec.path) : group
            return console.fail(.usage("Unknown command '\(arguments.prefix(group.isEmpty ? 1 : 2).joined(separator: " "))'. Commands: \(known.joined(separator: ", ")).", command: nil))
        }
        do {
            let parsed = try command.spec.parse(command.rest)
            if parsed.helpRequested { console.out(command.spec.help); return .success }
            try command.run(parsed, Console(json: parsed.has(CommandSpec.json)))
            return .success
        } catch {
            return console.fail(error)
        }
    }
}
