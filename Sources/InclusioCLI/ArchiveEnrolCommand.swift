import Archive
import Foundation

/// `inclusio archive enrol`: give an operator of the policy their credential.
enum ArchiveEnrolCommand {
    static let cert = CommandSpec.Option(names: ["--cert"], value: "cert", help: "The operator's certificate (credential \"certificate\").")
    static let newPassphrase = CommandSpec.Option(names: ["--new-passphrase-file"], value: "file", help: "The operator's first passphrase (credential \"passphrase\").")

    static let spec = CommandSpec(
        path: "archive enrol",
        abstract: "Enrol an operator of the policy with their certificate or passphrase (administrators).",
        usage: "inclusio archive enrol <operator> (--cert <cert> | --new-passphrase-file <file>) --as <admin> (--key <key> | --passphrase-file <file>) [--path <dir>]",
        options: [cert, newPassphrase] + ArchiveOptions.session,
        discussion: "Enrolling again replaces the operator's credential (a lost key or a forgotten passphrase).")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard arguments.operands.count == 1, let id = arguments.operands.first else { throw .usage("Give the one operator to enrol.", command: spec) }
        let enrolment = try ArchiveOptions.enrolment(certificate: arguments.value(cert), passphraseFile: arguments.value(newPassphrase),
                                                     command: spec, options: "--cert CERT or --new-passphrase-file FILE")
        let session = try ArchiveOptions.login(arguments, command: spec)
        try ArchiveOptions.run { () throws(ArchiveError) in try session.enrol(id, with: enrolment) }
        if console.json { console.emit(["enrolled": id]) } else { console.out("Operator \(id) is enrolled.") }
    }
}
