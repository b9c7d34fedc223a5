import Archive
import Foundation

/// `inclusio archive migrate`: bring an archive made by an earlier Inclusio up to its keys.
enum ArchiveMigrateCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive migrate",
        abstract: "Bring an archive made by an earlier Inclusio up to this one's keys (administrators or custodians).",
        options: [ArchiveOptions.path, ArchiveOptions.operatorId, ArchiveOptions.key, KeyOptions.keyPassphrase, ArchiveOptions.passphrase,
                  ArchiveOptions.custodian, HomeOptions.schemas],
        required: [],
        discussion: """
            A local archive: an administrator with --as and their credential. A served archive: the custodians, with \
            --custodian-passphrase-file, while the service is stopped. Steps: "log authority" gives the access log a key of \
            its own, which no operator holds; nothing in the log is rewritten (its earlier entries stay checked with the \
            earlier key). Running it again does nothing. Back the folder up first.
            """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("archive migrate takes no files; give the archive with --path.") }
        let credential: ConfidentialArchive.MigrationCredential
        if let custodian = try KeyOptions.passphrase(arguments, ArchiveOptions.custodian) {
            credential = .custodians(passphrase: custodian)
        } else {
            guard let id = arguments.value(ArchiveOptions.operatorId) else {
                throw arguments.usage("Say who migrates: an administrator with --as and their credential, or the custodians with --custodian-passphrase-file.")
            }
            credential = .operatorCredential(id: id, credential: try ArchiveOptions.credential(arguments))
        }
        let archive = try ArchiveOptions.open(arguments)
        let done = try ArchiveOptions.run { () throws(ArchiveError) in try archive.migrate(with: credential) }
        return CommandResult(["migrated": done]) {
            done.isEmpty ? "The archive is up to date; nothing was changed." : "Migrated: \(done.joined(separator: ", "))."
        }
    }
}
