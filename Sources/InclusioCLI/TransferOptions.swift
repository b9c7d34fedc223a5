import Cryptography
import Foundation
import Transfer
import XML

/// The options the `transfer` commands share, and how they are loaded.
enum TransferOptions {
    static let signCert = CommandSpec.Option(names: ["--sign-cert"], value: "cert",
                                             help: "Your office's or school's signing certificate (PEM, with its chain after it) or PKCS#12 file.")
    static let signKey = CommandSpec.Option(names: ["--sign-key"], value: "key", help: "The private key of --sign-cert (default: --key).")
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "dir", help: "The folder to write into.")
    static let rules = CommandSpec.Option(names: ["--rules"], value: "dir", help: "Folder of transfer rules (default: Rules/ of the Inclusio home).")
    static let forms = CommandSpec.Option(names: ["--forms"], value: "dir", help: "Folder of printing forms (default: Forms/ of the Inclusio home).")

    /// The files of the signing identity: `--sign-cert`, with `--sign-key` or else `--key`, and `--key-passphrase-file`.
    static func signer(_ arguments: ParsedArguments, command: CommandSpec) throws(CLIError) -> (certificate: URL, key: URL?, passphrase: Data?) {
        guard let certificate = arguments.value(signCert) else {
            throw .usage("Give the certificate that signs with --sign-cert CERT (its key with --sign-key, or --key).", command: command)
        }
        let key = arguments.value(signKey) ?? arguments.value(ArchiveOptions.key)
        return (URL(fileURLWithPath: certificate), key.map { URL(fileURLWithPath: $0) }, try KeyOptions.passphrase(arguments, KeyOptions.keyPassphrase))
    }

    /// The signing identity of ``signer(_:command:)``, loaded.
    static func identity(_ arguments: ParsedArguments, command: CommandSpec) throws(CLIError) -> SigningIdentity {
        let files = try signer(arguments, command: command)
        do { return try SigningIdentity.load(certificate: files.certificate, key: files.key, passphrase: files.passphrase) } catch {
            throw .failed(error)
        }
    }

    /// The schemas of the transfer's own files (`Schemas/transfer/`).
    static func schemas(_ arguments: ParsedArguments) throws(CLIError) -> SchemaCatalog {
        let folder = try InclusioHome.folder("Schemas", explicit: arguments.value(CommandSpec.schemas)).appendingPathComponent("transfer", isDirectory: true)
        do { return try SchemaCatalog(directory: folder) } catch { throw .failed(error) }
    }

    /// The transfer rules folder: `--rules`, or `Rules/` of the Inclusio home.
    static func rulesFolder(_ arguments: ParsedArguments) throws(CLIError) -> URL {
        do { return try InclusioHome.folder("Rules", explicit: arguments.value(rules)) } catch {
            guard case let .missingSchemas(searched) = error else { throw error }
            throw .failed(TransferError.noRules(jurisdiction: "any jurisdiction", expected: "\(searched.joined(separator: ", ")); or give --rules DIR"))
        }
    }

    /// The output folder (`-o`, required).
    static func folder(_ arguments: ParsedArguments, command: CommandSpec) throws(CLIError) -> URL {
        guard let path = arguments.value(output) else { throw .usage("Give the folder to write into with -o DIR.", command: command) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Runs `body`, turning ``TransferError`` into ``CLIError``.
    static func run<T>(_ body: () throws(TransferError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw .failed(error) }
    }
}
