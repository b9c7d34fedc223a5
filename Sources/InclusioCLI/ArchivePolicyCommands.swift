import Archive
import Foundation

/// `inclusio archive policy apply`: put a changed policy in force (administrators).
enum ArchivePolicyApplyCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive policy apply",
        abstract: "Validate a policy file and put it in force (administrators).",
        operands: .one("policy.xml"),
        options: ArchiveOptions.session,
        required: ArchiveOptions.login,
        discussion: "Operators the new policy no longer names lose their credential; the archive's policy.xml becomes a copy of the file.")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let file = arguments.operands.first else { throw arguments.usage("Give the one policy file to apply.") }
        guard let data = FileManager.default.contents(atPath: file) else { throw .failed(ArchiveError.cannotRead(file: file)) }
        let session = try ArchiveOptions.login(arguments, acceptingEditedPolicy: true)
        try ArchiveOptions.run { () throws(ArchiveError) in try session.applyPolicy(data, file: file) }
        return CommandResult(["applied": file]) { "The policy in \(file) is in force." }
    }
}

/// `inclusio archive policy show`: print the policy in force.
enum ArchivePolicyShowCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive policy show",
        abstract: "Print the policy in force (to restore policy.xml, or to start an edit).",
        options: [ArchiveOptions.path, HomeOptions.schemas],
        discussion: "")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("archive policy show takes no files; give the archive with --path.") }
        let policy = String(decoding: try ArchiveOptions.open(arguments).policy.data, as: UTF8.self)
        return CommandResult(["policy": policy]) { policy }
    }
}
