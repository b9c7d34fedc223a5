import Archive
import Foundation

/// `inclusio archive policy apply`: put a changed policy in force (administrators).
enum ArchivePolicyApplyCommand {
    static let spec = CommandSpec(
        path: "archive policy apply",
        abstract: "Validate a policy file and put it in force (administrators).",
        usage: "inclusio archive policy apply <policy.xml> --as <admin> (--key <key> | --passphrase-file <file>) [--path <dir>]",
        options: ArchiveOptions.session,
        discussion: "Operators the new policy no longer names lose their credential; the archive's policy.xml becomes a copy of the file.")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard arguments.operands.count == 1, let file = arguments.operands.first else { throw .usage("Give the one policy file to apply.", command: spec) }
        guard let data = FileManager.default.contents(atPath: file) else { throw .failed(ArchiveError.cannotRead(file: file)) }
        let session = try ArchiveOptions.login(arguments, command: spec, acceptingEditedPolicy: true)
        try ArchiveOptions.run { () throws(ArchiveError) in try session.applyPolicy(data, file: file) }
        if console.json { console.emit(["applied": file]) } else { console.out("The policy in \(file) is in force.") }
    }
}

/// `inclusio archive policy show`: print the policy in force.
enum ArchivePolicyShowCommand {
    static let spec = CommandSpec(
        path: "archive policy show",
        abstract: "Print the policy in force (to restore policy.xml, or to start an edit).",
        usage: "inclusio archive policy show [--path <dir>]",
        options: [ArchiveOptions.path, CommandSpec.schemas],
        discussion: "")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let archive = try ArchiveOptions.open(arguments)
        FileHandle.standardOutput.write(archive.policy.data)
    }
}
