import Archive
import Dossier
import Foundation
import Intake

/// `inclusio archive ingest`: file records, PDFs and dossiers in pupils' files.
enum ArchiveIngestCommand {
    static let dossierKey = Option(["--dossier-key"], value: "key", help: "The receiving key that opens dossiers (default: --key).")
    static let dossierPassphrase = Option(["--dossier-passphrase-file"], value: "file", help: "The passphrase that opens dossiers.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive ingest",
        abstract: "File records (validated), PDFs and dossiers (verified, opened) in pupils' files.",
        operands: .some("file-or-folder"),
        options: ArchiveOptions.session + [ArchiveOptions.pupil, KeyOptions.ca, dossierKey, dossierPassphrase],
        required: ArchiveOptions.access,
        discussion: """
        Records find their pupil by national id (or name and birth date); other files need --pupil. Each file is filed \
        in one transaction, all of it or nothing; the same bytes twice are one version, and a new version of a record \
        supersedes the old one, which stays readable. Files are taken one after another; one that fails is reported \
        and the others are still filed (exit status non-zero).
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let intake = Intake(catalog: try InclusioHome.schemaCatalog(arguments), accepting: [.record, .attachment, .dossier], command: "archive ingest")
        let inputs = intake.files(arguments.operands)
        guard !inputs.isEmpty else { throw arguments.usage("Give the files (or folders) to ingest.") }
        // Served, the operator proved who they are to the service and sent no key.
        let credential = ServiceBinding.current == nil ? try ArchiveOptions.credential(arguments) : nil
        let session = try ArchiveOptions.login(arguments, credential: credential)
        let dossier = try dossierSource(arguments, operatorCredential: credential)
        var filed: [IngestedDocument] = []
        var failures: [InputFailure] = []
        var firstError: CLIError?
        for input in inputs {
            do throws(CLIError) {
                let typed: IngestInput
                do { typed = try intake.ingestInput(input.url, name: input.name) } catch { throw .failed(error) }
                let documents: [IngestedDocument]
                do { documents = try session.ingest(typed, file: input.name, title: input.url.lastPathComponent, pupil: arguments.value(ArchiveOptions.pupil), dossier: dossier) } catch {
                    throw .failed(error)
                }
                filed += documents
                // Printed as each file commits: after a crash, what was printed is filed.
                for document in documents {
                    arguments.live("\(document.file): \(document.isNew ? "filed" : "already filed") as \(document.document) v\(document.version) (\(document.kind)) for pupil \(document.pupil)")
                }
            } catch {
                // One file, or a failure that every other file would share: the error is the answer.
                if inputs.count == 1 { throw error }
                if case let .failed(failure) = error, case .purposeMissing? = failure as? ArchiveError { throw error }
                failures.append(InputFailure(input: input.name, error: error))
                firstError = firstError ?? error
            }
        }
        // The text was printed live, file by file.
        var result = CommandResult(["filed": filed]) { "" }
        result.failures = failures
        result.summarize({ "\($0) of \(inputs.count) files were not filed (each is listed above); the others were." }, first: firstError)
        return result
    }

    /// Trusted roots and the key for dossiers, when `--ca` is given: `--dossier-passphrase-file`,
    /// `--dossier-key`, or else the operator's own key (a school's key opens what is sent to it).
    private static func dossierSource(_ arguments: ParsedArguments, operatorCredential: OperatorCredential?) throws(CLIError) -> DossierSource? {
        guard arguments.value(KeyOptions.ca) != nil else { return nil }
        let roots = try KeyOptions.roots(arguments)
        if let passphrase = try KeyOptions.passphrase(arguments, dossierPassphrase) { return DossierSource(roots: roots, key: .passphrase(passphrase)) }
        if let path = arguments.value(dossierKey) {
            return DossierSource(roots: roots, key: .recipient(try ArchiveOptions.privateKey(path, arguments), certificate: nil, file: path))
        }
        guard case let .key(key, file)? = operatorCredential else {
            throw arguments.usage("Give the key that opens the dossiers with --dossier-key KEY (or --dossier-passphrase-file).")
        }
        return DossierSource(roots: roots, key: .recipient(key, certificate: nil, file: file))
    }
}
