import Archive
import Dossier
import Foundation
import Support

/// `inclusio archive ingest`: file records, PDFs and dossiers in pupils' files.
enum ArchiveIngestCommand {
    static let dossierKey = CommandSpec.Option(names: ["--dossier-key"], value: "key", help: "The receiving key that opens dossiers (default: --key).")
    static let dossierPassphrase = CommandSpec.Option(names: ["--dossier-passphrase-file"], value: "file", help: "The passphrase that opens dossiers.")

    static let spec = CommandSpec(
        path: "archive ingest",
        abstract: "File records (validated), PDFs and dossiers (verified, opened) in pupils' files.",
        usage: "inclusio archive ingest <file|dir>... --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text> [--pupil <id>] [--ca <root.pem> [--dossier-key <key>]] [--json]",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, KeyOptions.ca, dossierKey, dossierPassphrase],
        discussion: """
        Records find their pupil by national id (or name and birth date); other files need --pupil. Each file is filed \
        in one transaction, all of it or nothing; the same bytes twice are one version, and a new version of a record \
        supersedes the old one, which stays readable. Files are taken one after another; one that fails is reported \
        and the others are still filed (exit status non-zero).
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let inputs = InputFiles.expand(arguments.operands, extensions: ["xml", "pdf", "asice", "png", "jpg", "jpeg"])
        guard !inputs.isEmpty else { throw .usage("Give the files (or folders) to ingest.", command: spec) }
        let credential = try ArchiveOptions.credential(arguments, command: spec)
        let session = try ArchiveOptions.login(arguments, command: spec, credential: credential)
        let dossier = try dossierSource(arguments, operatorCredential: credential)
        var filed: [IngestedDocument] = []
        var failures: [(file: String, error: ArchiveError)] = []
        for input in inputs {
            do {
                let documents = try session.ingest(input.url, file: input.name, pupil: arguments.value(ArchiveOptions.pupil), dossier: dossier)
                filed += documents
                if !console.json {
                    for document in documents {
                        console.out("\(document.file): \(document.isNew ? "filed" : "already filed") as \(document.document) v\(document.version) (\(document.kind)) for pupil \(document.pupil)")
                    }
                }
            } catch {
                // One file, or a failure that every other file would share: the error is the answer.
                if inputs.count == 1 { throw .failed(error) }
                if case .purposeMissing = error { throw .failed(error) }
                failures.append((input.name, error))
                if !console.json { console.err("Error: \(error)") }
            }
        }
        if console.json {
            console.emit(IngestJSON(filed: filed, failed: failures.map { .init(file: $0.file, message: $0.error.description) }))
        }
        if let first = failures.first {
            throw .someFailed("\(failures.count) of \(inputs.count) files were not filed (each is listed above); the others were.",
                              code: CLIError.exitCode(first.error))
        }
    }

    /// Trusted roots and the key for dossiers, when `--ca` is given: `--dossier-passphrase-file`,
    /// `--dossier-key`, or else the operator's own key (a school's key opens what is sent to it).
    private static func dossierSource(_ arguments: ParsedArguments, operatorCredential: OperatorCredential) throws(CLIError) -> DossierSource? {
        guard arguments.values[KeyOptions.ca.key] != nil else { return nil }
        let roots = try KeyOptions.roots(arguments, command: spec)
        if let passphrase = try KeyOptions.passphrase(arguments, dossierPassphrase) { return DossierSource(roots: roots, key: .passphrase(passphrase)) }
        if let path = arguments.value(dossierKey) {
            return DossierSource(roots: roots, key: .recipient(try ArchiveOptions.privateKey(path, arguments), certificate: nil, file: path))
        }
        guard case let .key(key, file) = operatorCredential else {
            throw .usage("Give the key that opens the dossiers with --dossier-key KEY (or --dossier-passphrase-file).", command: spec)
        }
        return DossierSource(roots: roots, key: .recipient(key, certificate: nil, file: file))
    }
}

private struct IngestJSON: Encodable {
    struct Failure: Encodable { let file: String; let message: String }
    let filed: [IngestedDocument]
    let failed: [Failure]
}
