import Dossier
import Foundation

/// `inclusio dossier open`: verify, then decrypt and extract under the original titles.
enum DossierOpenCommand {
    static let output = Option(["-o", "--output"], value: "dir", help: "Folder to extract into (created if missing).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "dossier open",
        abstract: "Verify a dossier fully, then decrypt and extract its files under their original titles.",
        operands: .one("file.asice"),
        options: [KeyOptions.ca, KeyOptions.key, KeyOptions.cert, KeyOptions.keyPassphrase, KeyOptions.passphrase, output],
        required: [.option(KeyOptions.ca), .oneOf([KeyOptions.key, KeyOptions.passphrase]), .option(output)],
        discussion: """
        Nothing is extracted from a dossier that fails verification, and no existing file is replaced: \
        a failure leaves the folder as it was.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let file = arguments.operands.first else { throw arguments.usage("Give one dossier to open.") }
        guard let folder = arguments.value(output) else { throw arguments.usage("Give the folder to extract into with -o DIR.") }
        let verifier = DossierVerifier(roots: try KeyOptions.roots(arguments))
        guard let key = try KeyOptions.dossierKey(arguments) else {
            throw arguments.usage("Give the recipient's key with --key KEY, or the dossier passphrase with --passphrase-file FILE.")
        }
        let opened: (report: DossierReport, files: [URL])
        do {
            opened = try verifier.open(URL(fileURLWithPath: file), file: file, key: key, into: URL(fileURLWithPath: folder, isDirectory: true))
        } catch {
            throw .failed(error)
        }
        return DossierReportPrinter.result(opened.report, extracted: opened.files,
                                           footer: "Extracted \(opened.files.count) file\(opened.files.count == 1 ? "" : "s") into \(folder).")
    }
}
