import Cryptography
import Foundation

/// What opens a dossier's password envelope.
public enum DossierKey {
    /// A recipient's private key (with its certificate when known); `file` names it in messages.
    case recipient(PrivateKey, certificate: Certificate?, file: String)
    /// The passphrase the dossier was packed for.
    case passphrase(Data)

    /// The dossier password inside `envelope`.
    func unwrap(_ envelope: Data) throws(DossierError) -> String {
        let secret: Data
        do {
            secret = switch self {
            case let .recipient(key, certificate, file): try CMSEnvelope.open(envelope, key: key, certificate: certificate, keyFile: file)
            case let .passphrase(passphrase): try CMSEnvelope.open(envelope, passphrase: passphrase)
            }
        } catch {
            throw .cryptography(error)
        }
        guard let password = String(validating: secret, as: UTF8.self), !password.isEmpty, !password.contains("\0") else {
            throw .wrongPassword
        }
        return password
    }
}

@available(*, unavailable) extension DossierKey: Sendable {}
