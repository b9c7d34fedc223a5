import Archive
import Foundation

/// `inclusio archive rekey`: replace the master key or a scope's keys by re-wrapping (administrators).
enum ArchiveRekeyCommand {
    static let master = Option(flag: ["--master"], help: "Replace the master key (the service must be stopped).")
    static let scope = Option(["--scope"], value: "school|district|jurisdiction",
                              help: "Replace the keys of this school (code or name), district or jurisdiction, and the pupil keys under them.")
    static let keyClass = Option(["--class"], value: "class", help: "With --scope: only the keys of this key class of the policy (e.g. clinical).")
    static let cert = Option(["--cert"], value: "cert",
                             help: "With --master on a local archive, for an operator whose credential is a certificate: their certificate, to seal the new key for.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive rekey",
        abstract: "Replace the master key, or a school's, district's or jurisdiction's keys, by re-wrapping what they wrap (administrators).",
        options: [master, scope, keyClass, cert] + ArchiveOptions.session,
        required: [.oneOf([master, scope])] + ArchiveOptions.login,
        discussion: """
        No document is re-encrypted: --master re-wraps the keys below the master key under a new one and seals it again \
        for the custodians (a served archive: give --custodian-passphrase-file, on the service's machine, with the service \
        stopped) or for you (a local archive; the other operators' key files are removed and they are enrolled again). \
        --scope replaces each scope key and every pupil key under it, re-sealing the pupils' document keys, so a copy of \
        an old key opens nothing filed afterwards. Logged as `rekey`.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("archive rekey takes no files.") }
        let rotatesMaster = arguments.has(master)
        guard rotatesMaster != (arguments.value(scope) != nil) else { throw arguments.usage("Give --master, or --scope SCHOOL|DISTRICT|JURISDICTION (one of them).") }
        if rotatesMaster {
            // The service holds the master key in memory: it must not run while the key changes.
            let lock = try ServeLock(folder: try ArchiveOptions.folder(arguments))
            let holder = try self.holder(arguments)
            let session = try ArchiveOptions.login(arguments)
            let report = try ArchiveOptions.run { () throws(ArchiveError) in try session.rekeyMaster(holder: holder) }
            withExtendedLifetime(lock) {}
            return CommandResult(report) {
                "The master key is replaced; \(report.rewrapped) keys are re-wrapped under it."
                    + (report.toEnrolAgain.isEmpty ? "" : "\nEnrol again (their key files held the old key): \(report.toEnrolAgain.joined(separator: ", ")).")
            }
        }
        let session = try ArchiveOptions.login(arguments)
        let report = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.rekeyScope(arguments.value(scope)!, keyClass: arguments.value(keyClass))
        }
        return CommandResult(report) {
            "Replaced \(report.rotated.count) scope key(s) (\(report.rotated.joined(separator: ", "))): \(report.pupils) pupil key(s) and "
                + "\(report.versions) document key(s) sealed again."
        }
    }

    /// Who keeps the new master key: the custodians (given their passphrase), or the operator running the command.
    private static func holder(_ arguments: ParsedArguments) throws(CLIError) -> MasterHolder {
        if let custodian = try KeyOptions.passphrase(arguments, ArchiveOptions.custodian) { return .custodians(custodian) }
        if arguments.value(cert) != nil { return .operatorCredential(try ArchiveOptions.enrolment(arguments, certificate: cert, passphrase: ArchiveOptions.passphrase)) }
        guard let path = arguments.value(ArchiveOptions.passphrase) else {
            throw arguments.usage("On a local archive, --master seals the new key for you: give --cert YOUR-CERTIFICATE with --key, or use --passphrase-file.")
        }
        return .operatorCredential(.passphrase(try KeyOptions.passphrase(in: path)))
    }
}
