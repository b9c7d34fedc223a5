import Dossier
import Foundation

/// `inclusio dossier open`: verify, then decrypt and extract under the original titles.
enum DossierOpenCommand {
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "dir", help: "Folder to extract into (created if missing).")

    static let spec = CommandSpec(
        path: "dossier open",
        abstract: "Verify a dossier fully, then decrypt and extract its files under their original titles.",
        usage: "inclusio dossier open <file.asice> --ca <root.pem> (--key <key> [--cert <cert>] | --passphrase-file <file>) -o <dir> [--json]",
        options: [KeyOptions.ca, KeyOptions.key, KeyOptions.cert, KeyOptions.keyPassphrase, KeyOptions.passphrase, output, CommandSpec.json],
        discussion: """
        Nothing is extracted from a dossier that fails verification, and no existing file is replaced: \
        a failure leaves the folder as it was.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard arguments.operands.count == 1, let file = arguments.operands.first else { throw .usage("Give one dossier to open.", command: spec) }
        guard let folder = arguments.value(output) else { throw .usage("Give the folder to extract into with -o DIR.", command: spec) }
        let verifier = DossierVerifier(roots: try KeyOptions.roots(arguments, command: spec))
        guard let key = try KeyOptions.dossierKey(arguments, command: spec) else {
            throw .usage("Give the recipient's key with --key KEY, or the dossier passphrase with --passphrase-file FILE.", command: spec)
        }
        let opened: (report: DossierReport, files: [URL])
        do {
            opened = try verifier.open(URL(fileURLWithPath: file), file: file, key: key, into: URL(fileURLWithPath: folder, isDirectory: true))
        } catch {
            throw .failed(error)
        }
        DossierReportPrinter.print(opened.report, on: console, extracted: opened.files)
        if !console.json { console.out("Extracted \(opened.files.count) file\(opened.files.count == 1 ? "" : "s") into \(folder).") }
    }
}
