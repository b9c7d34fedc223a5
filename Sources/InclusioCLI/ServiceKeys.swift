import Cryptography
import Foundation
import Support

/// The keys an education office's (or school's) service holds besides the archive key, given
/// to `inclusio serve` at start and kept on its machine like the unlock passphrase: the signing
/// identity that signs outgoing dossiers, handover registers and receipts (`--sign-cert`,
/// `--sign-key`), and the key that opens dossiers sent to it (`--dossier-key`). Operators use
/// them through `transfer prepare` and `transfer receive` as the policy lets them; none is ever
/// sent to a client, and no client sends one.
///
/// Files, not loaded keys, so that the value is `Sendable`: each request loads them again
/// (checked once at start, so a bad file stops the service before it listens).
struct ServiceKeys: Sendable {
    var signCertificate: URL?
    var signKey: URL?
    var dossierKey: URL?

    static let signCert = Option(["--sign-cert"], value: "cert",
                                 help: "The office's or school's signing certificate (PEM, chain after it): the service signs dossiers, registers and receipts with it.")
    static let signKey = Option(["--sign-key"], value: "key", help: "The private key of --sign-cert (unencrypted PEM, readable by the service's user only).")
    static let dossierKey = Option(["--dossier-key"], value: "key",
                                   help: "The private key that opens transfer dossiers sent to this school (unencrypted PEM), for transfer receive.")

    static let options = [signCert, signKey, dossierKey]

    /// The files of `serve`'s options, each loaded once to refuse a bad one at start.
    static func load(_ arguments: ParsedArguments) throws(CLIError) -> ServiceKeys {
        let keys = ServiceKeys(signCertificate: arguments.value(signCert).map { URL(fileURLWithPath: $0) },
                               signKey: arguments.value(signKey).map { URL(fileURLWithPath: $0) },
                               dossierKey: arguments.value(dossierKey).map { URL(fileURLWithPath: $0) })
        guard (keys.signCertificate == nil) == (keys.signKey == nil) else {
            throw arguments.usage("Give the service's signing identity as --sign-cert CERT with --sign-key KEY (both or neither).")
        }
        do {
            if let certificate = keys.signCertificate { _ = try SigningIdentity.load(certificate: certificate, key: keys.signKey, passphrase: nil) }
            if let key = keys.dossierKey { _ = try PrivateKey.load(contentsOf: key) }
        } catch {
            throw .failed(error)
        }
        return keys
    }

    /// The signing identity's files, for a command the service runs.
    func signer() throws(CLIError) -> (certificate: URL, key: URL?, passphrase: Data?) {
        guard let signCertificate else { throw .failed(ServiceKeysError.noSigningIdentity) }
        return (signCertificate, signKey, nil)
    }

    /// The key that opens dossiers, loaded.
    func openingKey() throws(CLIError) -> (key: PrivateKey, file: String) {
        guard let dossierKey else { throw .failed(ServiceKeysError.noDossierKey) }
        do { return (try PrivateKey.load(contentsOf: dossierKey), dossierKey.path) } catch { throw .failed(error) }
    }
}

/// A command needs a key its service was not started with.
enum ServiceKeysError: CategorizedError {
    case noSigningIdentity
    case noDossierKey

    var category: FailureCategory { .configuration }

    var description: String {
        switch self {
        case .noSigningIdentity:
            "This archive service signs nothing: it was started without a signing identity. Its operator restarts it with --sign-cert CERT --sign-key KEY."
        case .noDossierKey:
            "This archive service opens no dossiers: it was started without the school's key. Its operator restarts it with --dossier-key KEY."
        }
    }
}
