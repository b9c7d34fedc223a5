import Archive
import Cryptography
import Dossier
import Foundation
import Support

/// The options every `archive` command shares: where the archive is, who acts, with which
/// credential, and why.
enum ArchiveOptions {
    static let path = Option(["--path"], value: "dir", help: "The archive folder (default: Archive/ of the Inclusio home).")
    static let operatorId = Option(["--as"], value: "operator", help: "Your operator id in the archive's policy.")
    static let key = Option(["--key"], value: "key", help: "Your private key (operators whose credential is a certificate).")
    static let passphrase = Option(["--passphrase-file"], value: "file",
                                               help: "File holding your passphrase, first line (operators whose credential is a passphrase).")
    static let purpose = Option(["--purpose"], value: "code", help: "Why: a purpose code of the archive's policy, e.g. annual-review, or CODE:CASE-REFERENCE (written into the access log; free text is refused).")
    static let pupil = Option(["--pupil"], value: "id", help: "The pupil: pseudonym (P-…) or national id.")
    static let custodian = Option(["--custodian-passphrase-file"], value: "file",
                                  help: "A served archive, on the service's machine: the custodians' passphrase, to run the command here for the operator of --as.")

    /// The options of a command that acts as an operator.
    static let session = [path, operatorId, key, KeyOptions.keyPassphrase, passphrase, custodian, purpose, HomeOptions.schemas] + ServerOptions.all
    /// Who acts and how they prove it: `--as` and one credential.
    static let login: [CommandSpec.Requirement] = [.option(operatorId), .oneOf([key, passphrase])]
    /// ``login``, with the `--purpose` the access log records.
    static let access: [CommandSpec.Requirement] = login + [.option(purpose)]

    /// The archive folder: `--path`, or `Archive/` of the Inclusio home.
    static func folder(_ arguments: ParsedArguments) throws(CLIError) -> URL {
        if let path = arguments.value(path) { return URL(fileURLWithPath: path, isDirectory: true) }
        let schemas = try InclusioHome.folder(.schemas, explicit: nil)
        return schemas.deletingLastPathComponent().appendingPathComponent("Archive", isDirectory: true)
    }

    static func schemas(_ arguments: ParsedArguments) throws(CLIError) -> ArchiveSchemas {
        let folder = try InclusioHome.folder(.schemas, explicit: arguments.value(HomeOptions.schemas))
        do { return try ArchiveSchemas(directory: folder) } catch { throw .failed(error) }
    }

    /// The archive of `--path`, opened.
    static func open(_ arguments: ParsedArguments) throws(CLIError) -> ConfidentialArchive {
        let folder = try folder(arguments)
        let schemas = try schemas(arguments)
        do { return try ConfidentialArchive(at: folder, schemas: schemas) } catch { throw .failed(error) }
    }

    /// The credential given: `--key` (with `--key-passphrase-file`) or `--passphrase-file`.
    static func credential(_ arguments: ParsedArguments) throws(CLIError) -> OperatorCredential {
        switch (arguments.value(key), arguments.value(passphrase)) {
        case let (path?, nil):
            return .key(try privateKey(path, arguments), file: path)
        case let (nil, path?):
            return .passphrase(try KeyOptions.passphrase(in: path))
        case (.some, .some):
            throw arguments.usage("Give either --key or --passphrase-file, not both.")
        case (nil, nil):
            throw arguments.usage("Prove who you are: give --key YOUR-KEY or --passphrase-file FILE.")
        }
    }

    /// The private key in `path`, opened with `--key-passphrase-file` when given.
    static func privateKey(_ path: String, _ arguments: ParsedArguments) throws(CLIError) -> PrivateKey {
        let keyPassphrase = try KeyOptions.passphrase(arguments, KeyOptions.keyPassphrase)
        do { return try PrivateKey.load(contentsOf: URL(fileURLWithPath: path), passphrase: keyPassphrase) } catch { throw .failed(error) }
    }

    /// The credential an administrator enrols: the certificate of `certificate`, or the
    /// passphrase in the file of `passphrase` (exactly one of the two options).
    static func enrolment(_ arguments: ParsedArguments, certificate: Option, passphrase: Option) throws(CLIError) -> Enrolment {
        switch (arguments.value(certificate), arguments.value(passphrase)) {
        case let (path?, nil):
            do throws(CryptographyError) {
                guard let certificate = try Certificate.load(contentsOf: URL(fileURLWithPath: path)).first else { throw .notACertificate(file: path) }
                return .certificate(certificate)
            } catch {
                throw .failed(error)
            }
        case let (nil, path?): return .passphrase(try KeyOptions.passphrase(in: path))
        default: throw arguments.usage("Give the operator's credential: \(certificate.usage) or \(passphrase.usage) (one of them).")
        }
    }

    /// The operator's session on the archive of `--path`, with `credential` when the caller
    /// already loaded it (from `--key` or `--passphrase-file` otherwise).
    static func login(_ arguments: ParsedArguments, credential given: OperatorCredential? = nil,
                      acceptingEditedPolicy: Bool = false) throws(CLIError) -> ArchiveSession {
        // Run by `inclusio serve`: the session of the operator the request proved, nothing from the arguments.
        if let bound = ServiceBinding.current { return try run { () throws(ArchiveError) in try bound.session(arguments.value(purpose)) } }
        guard let id = arguments.value(operatorId) else { throw arguments.usage("Say who you are with --as OPERATOR.") }
        let credential: OperatorCredential
        if let given { credential = given } else { credential = try self.credential(arguments) }
        let archive = try open(arguments)
        if let custodian = try KeyOptions.passphrase(arguments, custodian) {
            // A served archive: the custodians open the key, the operator's proof is checked against their enrolment.
            let proof: OperatorProof
            switch credential {
            case let .key(key, _): proof = .key(key)
            case let .passphrase(passphrase): proof = .passphrase(passphrase)
            }
            return try run { () throws(ArchiveError) in
                try archive.unlock(custodianPassphrase: custodian).session(operator: id, proof: proof, purpose: arguments.value(purpose))
            }
        }
        do {
            return try archive.login(id, credential: credential, purpose: arguments.value(purpose), acceptingEditedPolicy: acceptingEditedPolicy)
        } catch {
            throw .failed(error)
        }
    }

    /// Writes `data` to a new file at `path` (never replacing one), all or nothing; readable by its owner only by default.
    static func writeNew(_ data: Data, to path: String, mode: mode_t = 0o600) throws(CLIError) {
        // Run by `inclusio serve`: the file goes back to the client in the answer, never onto the service's disk.
        if let bound = ServiceBinding.current { bound.files.collect(path, data, mode: mode); return }
        do { try AtomicFiles.create([(URL(fileURLWithPath: path), data, mode)]) } catch { throw .failed(ArchiveError.cannotWrite(error)) }
    }

    /// Runs `body`, turning ``ArchiveError`` into ``CLIError``.
    static func run<T>(_ body: () throws(ArchiveError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw .failed(error) }
    }
}
