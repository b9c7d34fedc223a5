import Archive
import Foundation

/// `inclusio archive hold` / `release`: legal holds that stop shredding.
enum ArchiveHoldCommand {
    static let reason = CommandSpec.Option(names: ["--reason"], value: "text", help: "Why the file must be kept (kept sealed).")
    static let release = CommandSpec.Option(names: ["--release"], value: nil, help: "Release the hold instead.")

    static let spec = CommandSpec(
        path: "archive hold",
        abstract: "Place (or, with --release, lift) a legal hold on a pupil's file: nothing of it can be shredded meanwhile.",
        usage: "inclusio archive hold --pupil <id> (--reason <text> | --release) --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, reason, release],
        discussion: "")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw .usage("Give the pupil with --pupil.", command: spec) }
        let releasing = arguments.has(release)
        guard releasing != (arguments.value(reason) != nil) else { throw .usage("Give --reason TEXT to place a hold, or --release to lift it.", command: spec) }
        let session = try ArchiveOptions.login(arguments, command: spec)
        try ArchiveOptions.run { () throws(ArchiveError) in
            if releasing { try session.release(pupil) } else { try session.hold(pupil, reason: arguments.value(reason)!) }
        }
        if console.json { console.emit(["pupil": pupil, "hold": releasing ? "released" : "placed"]) } else {
            console.out(releasing ? "The hold is lifted." : "The file is on hold.")
        }
    }
}

/// `inclusio archive shred`: destroy a pupil's file at the end of retention.
enum ArchiveShredCommand {
    static let spec = CommandSpec(
        path: "archive shred",
        abstract: "Destroy a pupil's file by destroying its keys (crypto-shredding), once retention has run out.",
        usage: "inclusio archive shred --pupil <id> --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [ArchiveOptions.pupil],
        discussion: """
        Refused while a legal hold or a retention period of the policy is in force. Afterwards nothing of the file can \
        be recovered; the index keeps that it existed, its documents' kinds and dates, and who shredded it when.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw .usage("Give the pupil with --pupil.", command: spec) }
        let session = try ArchiveOptions.login(arguments, command: spec)
        let destroyed = try ArchiveOptions.run { () throws(ArchiveError) in try session.shred(pupil) }
        if console.json { console.emit(["pupil": pupil, "versionsDestroyed": "\(destroyed)"]) } else {
            console.out("The file is shredded: \(destroyed) document version\(destroyed == 1 ? "" : "s") can no longer be decrypted.")
        }
    }
}

/// `inclusio archive check`: the archive's integrity.
enum ArchiveCheckCommand {
    static let spec = CommandSpec(
        path: "archive check",
        abstract: "Check the archive: index integrity, every encrypted file against its digest; with credentials, decrypt everything.",
        usage: "inclusio archive check [--path <dir>] [--as <operator> (--key <key> | --passphrase-file <file>)] [--json]",
        options: ArchiveOptions.session,
        discussion: "Without credentials nothing is decrypted. With an operator whose role permits \"audit\", every version is also opened.")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let report: ArchiveCheckReport
        if arguments.value(ArchiveOptions.operatorId) != nil {
            let session = try ArchiveOptions.login(arguments, command: spec)
            report = try ArchiveOptions.run { () throws(ArchiveError) in try session.deepCheck() }
        } else {
            report = try ArchiveOptions.open(arguments).check()
        }
        if console.json {
            console.emit(report)
        } else {
            console.out("\(report.pupils) pupils, \(report.versions) document versions" + (report.decrypted > 0 ? ", \(report.decrypted) decrypted and intact" : "") + ".")
            for note in report.notes { console.out("Note: \(note)") }
            for problem in report.problems { console.err("Problem: \(problem)") }
            console.out(report.isSound ? "The archive is sound." : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found.")
        }
        if !report.isSound { throw .someFailed("The archive has \(report.problems.count) problem(s), listed above.", code: .dataError) }
    }
}
