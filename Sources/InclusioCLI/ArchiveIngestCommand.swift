import Archive
import Dossier
import Foundation
import Intake

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
        let intake = Intake(catalog: try InclusioHome.schemaCatalog(arguments), accepting: [.record, .attachment, .dossier], command: "archive ingest")
        let inputs = intake.files(arguments.operands)
        guard !inputs.isEmpty else { throw .usage("Give the files (or folders) to ingest.", command: spec) }
        let credential = try ArchiveOptions.credential(arguments, command: spec)
        let session = try ArchiveOptions.login(arguments, command: spec, credential: credential)
        let dossier = try dossierSource(arguments, operatorCredential: credential)
        var filed: [IngestedDocument] = []
        var failures: [(file: String, error: CLIError)] = []
        for input in inputs {
            do throws(CLIError) {
                let typed: IngestInput
                do { typed = try intake.ingestInput(input.url, name: input.name) } catch { throw .failed(error) }
                let documents: [IngestedDocument]
                do { documents = try session.ingest(typed, file: input.name, title: input.url.lastPathComponent, pupil: arguments.value(ArchiveOptions.pupil), dossier: dossier) } catch {
                    throw .failed(error)
                }
                filed += documents
                if !console.json {
                    for document in documents {
                        console.out("\(document.file): \(document.isNew ? "filed" : "already filed") as \(document.document) v\(document.version) (\(document.kind)) for pupil \(document.pupil)")
                    }
                }
            } catch {
                // One file, or a failure that every other file would share: the error is the answer.
                if inputs.count == 1 { throw error }
                if case let .failed(failure) = error, case .purposeMissing? = failure as? ArchiveError { throw error }
                failures.append((input.name, error))
                if !console.json { console.err(error.message) }
            }
        }
        if console.json {
            console.emit(IngestJSON(filed: filed, failed: failures.map { .init(file: $0.file, message: String($0.error.message.dropFirst("Error: ".count))) }))
        }
        if let first = failures.first {
            throw .someFailed("\(failures.count) of \(inputs.count) files were not filed (each is listed above); the others were.",
                              code: first.error.exitCode)
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
