import Archive
import Foundation

/// `inclusio archive hold` / `release`: legal holds that stop shredding.
enum ArchiveHoldCommand {
    static let reason = Option(["--reason"], value: "text", help: "Why the file must be kept (kept sealed).")
    static let release = Option(flag: ["--release"], help: "Release the hold instead.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive hold",
        abstract: "Place (or, with --release, lift) a legal hold on a pupil's file: nothing of it can be shredded meanwhile.",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, reason, release],
        required: [.option(ArchiveOptions.pupil), .oneOf([reason, release])] + ArchiveOptions.access,
        discussion: "")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw arguments.usage("Give the pupil with --pupil.") }
        let releasing = arguments.has(release)
        guard releasing != (arguments.value(reason) != nil) else { throw arguments.usage("Give --reason TEXT to place a hold, or --release to lift it.") }
        let session = try ArchiveOptions.login(arguments)
        try ArchiveOptions.run { () throws(ArchiveError) in
            if releasing { try session.release(pupil) } else { try session.hold(pupil, reason: arguments.value(reason)!) }
        }
        return CommandResult(["pupil": pupil, "hold": releasing ? "released" : "placed"]) { releasing ? "The hold is lifted." : "The file is on hold." }
    }
}

/// `inclusio archive shred`: destroy a pupil's file at the end of retention.
enum ArchiveShredCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive shred",
        abstract: "Destroy a pupil's file by destroying its keys (crypto-shredding), once retention has run out.",
        options: ArchiveOptions.session + [ArchiveOptions.pupil],
        required: [.option(ArchiveOptions.pupil)] + ArchiveOptions.access,
        discussion: """
        Refused while a legal hold or a retention period of the policy is in force. Afterwards nothing of the file can \
        be recovered; the index keeps that it existed, its documents' kinds and dates, and who shredded it when.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw arguments.usage("Give the pupil with --pupil.") }
        let session = try ArchiveOptions.login(arguments)
        let destroyed = try ArchiveOptions.run { () throws(ArchiveError) in try session.shred(pupil) }
        return CommandResult(Shredded(pupil: pupil, versionsDestroyed: destroyed)) {
            "The file is shredded: \(destroyed) document version\(destroyed == 1 ? "" : "s") can no longer be decrypted."
        }
    }

    private struct Shredded: Encodable {
        let pupil: String
        let versionsDestroyed: Int
    }
}

/// `inclusio archive check`: the archive's integrity.
enum ArchiveCheckCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive check",
        abstract: "Check the archive: index integrity, every encrypted file against its digest; with credentials, decrypt everything.",
        options: ArchiveOptions.session,
        discussion: "Without credentials nothing is decrypted. With an operator whose role permits \"audit\", every version is also opened.")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let report: ArchiveCheckReport
        // Served, the operator is the one the request proved: the service's archive is checked for them.
        if arguments.value(ArchiveOptions.operatorId) != nil || ServiceBinding.current != nil {
            let session = try ArchiveOptions.login(arguments)
            report = try ArchiveOptions.run { () throws(ArchiveError) in try session.deepCheck() }
        } else {
            report = try ArchiveOptions.open(arguments).check()
        }
        var result = CommandResult(report) {
            (["\(report.pupils) pupils, \(report.versions) document versions" + (report.decrypted > 0 ? ", \(report.decrypted) decrypted and intact" : "") + "."]
                + report.notes.map { "Note: \($0)" }
                + [report.isSound ? "The archive is sound." : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found."]).joined(separator: "\n")
        }
        result.notes = report.problems.map { "Problem: \($0)" }
        if !report.isSound { result.error = .someFailed("The archive has \(report.problems.count) problem(s), listed above.", code: .dataError) }
        return result
    }
}
