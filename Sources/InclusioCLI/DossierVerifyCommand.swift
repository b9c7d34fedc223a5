import Dossier
import Foundation

/// `inclusio dossier verify`: is the dossier complete, unchanged and from a trusted sender?
enum DossierVerifyCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "dossier verify",
        abstract: "Check a dossier's structure, signature, chain, validity dates and (with a key) every digest.",
        operands: .one("file.asice"),
        options: [KeyOptions.ca, KeyOptions.key, KeyOptions.cert, KeyOptions.keyPassphrase, KeyOptions.passphrase],
        required: [.option(KeyOptions.ca)],
        discussion: """
        Without a key, the signature, the signer's chain up to --ca, and the manifest's coverage of every entry are \
        checked; the encrypted entries' digests need the password, and the report says so. With --key or \
        --passphrase-file every digest is checked too. Exit status 0 only when everything checked holds.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let file = arguments.operands.first else { throw arguments.usage("Give one dossier to verify.") }
        let verifier = DossierVerifier(roots: try KeyOptions.roots(arguments))
        let key = try KeyOptions.dossierKey(arguments)
        let report: DossierReport
        do {
            report = try verifier.verify(URL(fileURLWithPath: file), file: file, key: key)
        } catch {
            throw .failed(error)
        }
        return DossierReportPrinter.result(report)
    }
}
