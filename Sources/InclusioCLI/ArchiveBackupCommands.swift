import Archive
import Foundation

/// `inclusio archive backup`: a copy whose pupil keys open only with this archive's backup keys.
enum ArchiveBackupCommand {
    static let to = Option(["--to"], value: "dir", help: "The new folder of the copy (must not exist).")
    static let period = Option(["--period"], value: "yyyy-mm", help: "The backup period whose keys wrap the copy's pupil keys (default: this month, UTC).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive backup",
        abstract: "Write a copy of the archive whose pupil keys are wrapped under this period's backup keys (administrators).",
        options: [to, period] + ArchiveOptions.session,
        required: [.option(to)] + ArchiveOptions.login,
        discussion: """
        The copy holds no scope key and no backup key: it opens only through `inclusio archive restore`, on this archive, \
        whose backup keys a shred destroys in every period. Logged as `backup`.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty, let folder = arguments.value(to) else { throw arguments.usage("Give the new folder with --to.") }
        let chosen = arguments.value(period) ?? String(ISO8601DateFormatter().string(from: Date()).prefix(7))
        guard chosen.range(of: #"^[0-9]{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil else {
            throw arguments.usage("--period is a month, as YYYY-MM (for example 2026-12).")
        }
        let session = try ArchiveOptions.login(arguments)
        let report = try ArchiveOptions.run { () throws(ArchiveError) in try session.backup(to: URL(fileURLWithPath: folder, isDirectory: true), period: chosen) }
        return CommandResult(report) { "Backed up \(report.pupils) pupils (\(report.versions) document versions) to \(report.folder), period \(report.period)." }
    }
}

/// `inclusio archive restore`: a backup of this archive made an archive again, with this archive's keys.
enum ArchiveRestoreCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive restore",
        abstract: "Make a backup of this archive (--path) an archive again in a new folder, with this archive's keys (administrators).",
        operands: .one("backup"),
        options: [ArchiveBackupCommand.to] + ArchiveOptions.session,
        required: [.option(ArchiveBackupCommand.to)] + ArchiveOptions.login,
        discussion: """
        Pupils shredded since the backup stay shredded in the restored folder (their backup keys are destroyed), and \
        are listed. Logged as `restore`.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let backup = arguments.operands.first, let folder = arguments.value(ArchiveBackupCommand.to) else {
            throw arguments.usage("Give the one backup folder to restore, and the new folder with --to.")
        }
        let session = try ArchiveOptions.login(arguments)
        let report = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.restore(URL(fileURLWithPath: backup, isDirectory: true), to: URL(fileURLWithPath: folder, isDirectory: true))
        }
        return CommandResult(report) {
            "Restored \(report.restored) pupils of period \(report.period) into \(report.folder)."
                + (report.shredded.isEmpty ? "" : "\nShredded since the backup, not restored: \(report.shredded.joined(separator: ", ")).")
        }
    }
}
