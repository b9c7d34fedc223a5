import Cryptography
import Foundation

/// What opens a dossier's password envelope.
public enum DossierKey {
    /// A recipient's private key (with its certificate when known); `file` names it in messages.
    case recipient(PrivateKey, certificate: Certificate?, file: String)
    /// The passphrase the dossier was packed for.
    case passphrase(Data)

    /// Refuses a key the signed `addressees` do not name, as the envelope refuses a key it was not
    /// sealed for: a recipient's key by its public key (and its certificate, when given), a
    /// passphrase when the sender named none.
    func check(addressedBy addressees: DossierAddressees) throws(DossierError) {
        switch self {
        case let .recipient(key, certificate, file):
            let publicKey = key.publicKeyFingerprint, fingerprint = certificate?.fingerprint
            guard addressees.recipients.contains(where: { $0.publicKey == publicKey && (fingerprint == nil || $0.certificate == fingerprint) }) else {
                throw .cryptography(.notAddressedToKey(file: file))
            }
        case .passphrase:
            guard addressees.passphrase else { throw .cryptography(.noPassphraseRecipient) }
        }
    }

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
