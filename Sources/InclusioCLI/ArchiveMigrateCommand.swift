import Archive
import Foundation

/// `inclusio archive migrate`: move an archive made by an earlier Inclusio to the current format.
enum ArchiveMigrateCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive migrate",
        abstract: "Move an archive of an earlier format to the current one (a log key of its own, keys by scope), nothing lost.",
        options: [ArchiveOptions.path, ArchiveOptions.operatorId, ArchiveOptions.key, KeyOptions.keyPassphrase, ArchiveOptions.passphrase,
                  ArchiveOptions.custodian, HomeOptions.schemas],
        required: [.oneOf([ArchiveOptions.key, ArchiveOptions.passphrase, ArchiveOptions.custodian])],
        discussion: """
        A local archive: an administrator (--as, with --key or --passphrase-file); a served one: the custodians \
        (--custodian-passphrase-file), with the service stopped. Steps: "log authority" gives the access log a key of its \
        own, which no operator holds (nothing in the log is rewritten; its earlier entries stay checked with the earlier \
        key); "keys by scope" moves the index to keys by scope in one transaction, so an interruption leaves it as it was. \
        Back the folder up first, and run `inclusio archive check` before and after. Logged as `migrate`.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("archive migrate takes no files; give the archive with --path.") }
        let lock = try ServeLock(folder: try ArchiveOptions.folder(arguments))
        let holder: MigrationKeyHolder
        if let custodian = try KeyOptions.passphrase(arguments, ArchiveOptions.custodian) {
            holder = .custodians(custodian)
        } else {
            guard let id = arguments.value(ArchiveOptions.operatorId) else { throw arguments.usage("Say which administrator migrates with --as OPERATOR.") }
            holder = .operatorCredential(id, try ArchiveOptions.credential(arguments))
        }
        let archive = try ArchiveOptions.open(arguments)
        let report = try ArchiveOptions.run { () throws(ArchiveError) in try archive.migrate(opening: holder) }
        withExtendedLifetime(lock) {}
        return CommandResult(report) {
            report.steps.isEmpty ? "The archive is already of format \(report.toFormat); nothing to do."
                : "The archive is migrated from format \(report.fromFormat) to \(report.toFormat) (\(report.steps.joined(separator: ", ")))."
        }
    }
}
