import Archive
import Foundation

/// `inclusio archive enrol`: give an operator of the policy their credential.
enum ArchiveEnrolCommand {
    static let cert = Option(["--cert"], value: "cert", help: "The operator's certificate (credential \"certificate\").")
    static let newPassphrase = Option(["--new-passphrase-file"], value: "file", help: "The operator's first passphrase (credential \"passphrase\").")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive enrol",
        abstract: "Enrol an operator of the policy with their certificate or passphrase (administrators).",
        operands: .one("operator"),
        options: [cert, newPassphrase] + ArchiveOptions.session,
        required: [.oneOf([cert, newPassphrase])] + ArchiveOptions.login,
        discussion: "Enrolling again replaces the operator's credential (a lost key or a forgotten passphrase).")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let id = arguments.operands.first else { throw arguments.usage("Give the one operator to enrol.") }
        let enrolment = try ArchiveOptions.enrolment(arguments, certificate: cert, passphrase: newPassphrase)
        let session = try ArchiveOptions.login(arguments)
        try ArchiveOptions.run { () throws(ArchiveError) in try session.enrol(id, with: enrolment) }
        return CommandResult(["enrolled": id]) { "Operator \(id) is enrolled." }
    }
}
