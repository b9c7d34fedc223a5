import Cryptography
import Foundation
import Transfer
import XML

/// The options the `transfer` commands share, and how they are loaded.
enum TransferOptions {
    static let signCert = Option(["--sign-cert"], value: "cert",
                                             help: "Your office's or school's signing certificate (PEM, with its chain after it) or PKCS#12 file.")
    static let signKey = Option(["--sign-key"], value: "key", help: "The private key of --sign-cert (default: --key).")
    static let output = Option(["-o", "--output"], value: "dir", help: "The folder to write into.")

    /// The files of the signing identity: `--sign-cert`, with `--sign-key` or else `--key`, and `--key-passphrase-file`.
    /// Run by `inclusio serve`: the service's own identity (`serve --sign-cert`), never one of the request.
    static func signer(_ arguments: ParsedArguments) throws(CLIError) -> (certificate: URL, key: URL?, passphrase: Data?) {
        if let bound = ServiceBinding.current { return try bound.keys.signer() }
        guard let certificate = arguments.value(signCert) else {
            throw arguments.usage("Give the certificate that signs with --sign-cert CERT (its key with --sign-key, or --key).")
        }
        let key = arguments.value(signKey) ?? arguments.value(ArchiveOptions.key)
        return (URL(fileURLWithPath: certificate), key.map { URL(fileURLWithPath: $0) }, try KeyOptions.passphrase(arguments, KeyOptions.keyPassphrase))
    }

    /// The signing identity of ``signer(_:command:)``, loaded.
    static func identity(_ arguments: ParsedArguments) throws(CLIError) -> SigningIdentity {
        let files = try signer(arguments)
        do { return try SigningIdentity.load(certificate: files.certificate, key: files.key, passphrase: files.passphrase) } catch {
            throw .failed(error)
        }
    }

    /// The transfer rules folder: `--rules`, or `Rules/` of the Inclusio home.
    static func rulesFolder(_ arguments: ParsedArguments) throws(CLIError) -> URL {
        do { return try InclusioHome.folder(.rules, explicit: arguments.value(HomeOptions.rules)) } catch {
            guard case let .missingRules(searched) = error else { throw error }
            throw .failed(TransferError.noRules(jurisdiction: "any jurisdiction", expected: "\(searched.joined(separator: ", ")); or give --rules DIR"))
        }
    }

    /// The output folder (`-o`, required).
    static func folder(_ arguments: ParsedArguments) throws(CLIError) -> URL {
        guard let path = arguments.value(output) else { throw arguments.usage("Give the folder to write into with -o DIR.") }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Runs `body`, turning ``TransferError`` into ``CLIError``.
    static func run<T>(_ body: () throws(TransferError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw .failed(error) }
    }
}
