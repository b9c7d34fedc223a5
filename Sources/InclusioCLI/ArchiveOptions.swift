import Archive
import Cryptography
import Dossier
import Foundation
import Support

/// The options every `archive` command shares: where the archive is, who acts, with which
/// credential, and why.
enum ArchiveOptions {
    static let path = CommandSpec.Option(names: ["--path"], value: "dir", help: "The archive folder (default: Archive/ of the Inclusio home).")
    static let operatorId = CommandSpec.Option(names: ["--as"], value: "operator", help: "Your operator id in the archive's policy.")
    static let key = CommandSpec.Option(names: ["--key"], value: "key", help: "Your private key (operators whose credential is a certificate).")
    static let passphrase = CommandSpec.Option(names: ["--passphrase-file"], value: "file",
                                               help: "File holding your passphrase, first line (operators whose credential is a passphrase).")
    static let purpose = CommandSpec.Option(names: ["--purpose"], value: "text", help: "Why (written into the access log), e.g. \"annual review\".")
    static let pupil = CommandSpec.Option(names: ["--pupil"], value: "id", help: "The pupil: pseudonym (P-…) or national id.")

    /// The options of a command that acts as an operator.
    static let session = [path, operatorId, key, KeyOptions.keyPassphrase, passphrase, purpose, CommandSpec.schemas, CommandSpec.json]

    /// The archive folder: `--path`, or `Archive/` of the Inclusio home.
    static func folder(_ arguments: ParsedArguments) throws(CLIError) -> URL {
        if let path = arguments.value(path) { return URL(fileURLWithPath: path, isDirectory: true) }
        let schemas = try InclusioHome.folder("Schemas", explicit: nil)
        return schemas.deletingLastPathComponent().appendingPathComponent("Archive", isDirectory: true)
    }

    static func schemas(_ arguments: ParsedArguments) throws(CLIError) -> ArchiveSchemas {
        let folder = try InclusioHome.folder("Schemas", explicit: arguments.value(CommandSpec.schemas))
        do { return try ArchiveSchemas(directory: folder) } catch { throw .failed(error) }
    }

    /// The archive of `--path`, opened.
    static func open(_ arguments: ParsedArguments) throws(CLIError) -> ConfidentialArchive {
        let folder = try folder(arguments)
        let schemas = try schemas(arguments)
        do { return try ConfidentialArchive(at: folder, schemas: schemas) } catch { throw .failed(error) }
    }

    /// The credential given: `--key` (with `--key-passphrase-file`) or `--passphrase-file`.
    static func credential(_ arguments: ParsedArguments, command: CommandSpec) throws(CLIError) -> OperatorCredential {
        switch (arguments.value(key), arguments.value(passphrase)) {
        case let (path?, nil):
            return .key(try privateKey(path, arguments), file: path)
        case let (nil, path?):
            return .passphrase(try KeyOptions.passphrase(in: path))
        case (.some, .some):
            throw .usage("Give either --key or --passphrase-file, not both.", command: command)
        case (nil, nil):
            throw .usage("Prove who you are: give --key YOUR-KEY or --passphrase-file FILE.", command: command)
        }
    }

    /// The private key in `path`, opened with `--key-passphrase-file` when given.
    static func privateKey(_ path: String, _ arguments: ParsedArguments) throws(CLIError) -> PrivateKey {
        let keyPassphrase = try KeyOptions.passphrase(arguments, KeyOptions.keyPassphrase)
        do { return try PrivateKey.load(contentsOf: URL(fileURLWithPath: path), passphrase: keyPassphrase) } catch { throw .failed(error) }
    }

    /// The credential an administrator enrols: the certificate in `certificate`, or the
    /// passphrase in `passphraseFile` (exactly one of them).
    static func enrolment(certificate: String?, passphraseFile: String?, command: CommandSpec, options: String) throws(CLIError) -> Enrolment {
        switch (certificate, passphraseFile) {
        case let (path?, nil):
            do throws(CryptographyError) {
                guard let certificate = try Certificate.load(contentsOf: URL(fileURLWithPath: path)).first else { throw .notACertificate(file: path) }
                return .certificate(certificate)
            } catch {
                throw .failed(error)
            }
        case let (nil, path?): return .passphrase(try KeyOptions.passphrase(in: path))
        default: throw .usage("Give the operator's credential: \(options) (one of them).", command: command)
        }
    }

    /// The operator's session on the archive of `--path`, with `credential` when the caller
    /// already loaded it (from `--key` or `--passphrase-file` otherwise).
    static func login(_ arguments: ParsedArguments, command: CommandSpec, credential given: OperatorCredential? = nil,
                      acceptingEditedPolicy: Bool = false) throws(CLIError) -> ArchiveSession {
        guard let id = arguments.value(operatorId) else { throw .usage("Say who you are with --as OPERATOR.", command: command) }
        let credential: OperatorCredential
        if let given { credential = given } else { credential = try self.credential(arguments, command: command) }
        let archive = try open(arguments)
        do {
            return try archive.login(id, credential: credential, purpose: arguments.value(purpose), acceptingEditedPolicy: acceptingEditedPolicy)
        } catch {
            throw .failed(error)
        }
    }

    /// Writes `data` to a new file at `path` (never replacing one), all or nothing; readable by its owner only by default.
    static func writeNew(_ data: Data, to path: String, mode: mode_t = 0o600) throws(CLIError) {
        do { try AtomicFiles.create([(URL(fileURLWithPath: path), data, mode)]) } catch { throw .failed(ArchiveError.cannotWrite(error)) }
    }

    /// Runs `body`, turning ``ArchiveError`` into ``CLIError``.
    static func run<T>(_ body: () throws(ArchiveError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw .failed(error) }
    }
}
