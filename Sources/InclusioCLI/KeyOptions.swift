import Cryptography
import Dossier
import Foundation

/// The key and certificate options the dossier commands share, and how they are loaded.
enum KeyOptions {
    static let ca = Option(["--ca"], value: "root.pem", repeatable: true, help: "Trusted root certificate(s) for the signer's chain (PEM); repeatable.")
    static let key = Option(["--key"], value: "key", help: "A recipient's private key (PEM or DER), to decrypt.")
    static let cert = Option(["--cert"], value: "cert", help: "The certificate of --key (optional; speeds up finding the recipient).")
    static let keyPassphrase = Option(["--key-passphrase-file"], value: "file",
                                                  help: "File holding the passphrase of an encrypted key or PKCS#12 file.")
    static let passphrase = Option(["--passphrase-file"], value: "file",
                                               help: "File holding the dossier passphrase (first line).")

    /// The passphrase in `path`: its first line, without the line break.
    static func passphrase(in path: String) throws(CLIError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw .failed(CryptographyError.unreadable(file: path)) }
        let line = data.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        guard !trimmed.isEmpty else { throw .usage("The passphrase file \(path) is empty.", command: nil) }
        return Data(trimmed)
    }

    /// The passphrase of `option`, when given.
    static func passphrase(_ arguments: ParsedArguments, _ option: Option) throws(CLIError) -> Data? {
        try arguments.value(option).map { path throws(CLIError) in try passphrase(in: path) }
    }

    /// Every certificate in the files given with `option`.
    static func certificates(_ arguments: ParsedArguments, _ option: Option) throws(CLIError) -> [Certificate] {
        var certificates: [Certificate] = []
        for path in arguments.all(option) {
            do { certificates += try Certificate.load(contentsOf: URL(fileURLWithPath: path)) } catch { throw .failed(error) }
        }
        return certificates
    }

    /// The trusted roots (`--ca`, required).
    static func roots(_ arguments: ParsedArguments) throws(CLIError) -> [Certificate] {
        guard arguments.value(ca) != nil else {
            throw arguments.usage("Give the trusted root with --ca ROOT.pem: the signature is only worth checking against a root you trust.")
        }
        return try certificates(arguments, ca)
    }

    /// The key that opens a dossier: `--key` (with `--cert`) or `--passphrase-file`; `nil` when neither is given.
    static func dossierKey(_ arguments: ParsedArguments) throws(CLIError) -> DossierKey? {
        if let path = arguments.value(key) {
            guard arguments.value(passphrase) == nil else { throw arguments.usage("Give either --key or --passphrase-file, not both.") }
            let keyPassphrase = try passphrase(arguments, keyPassphrase)
            let certificate = try certificates(arguments, cert).first
            do {
                return .recipient(try PrivateKey.load(contentsOf: URL(fileURLWithPath: path), passphrase: keyPassphrase),
                                  certificate: certificate, file: path)
            } catch {
                throw .failed(error)
            }
        }
        return try passphrase(arguments, passphrase).map { .passphrase($0) }
    }
}
