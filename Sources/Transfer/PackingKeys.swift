import Cryptography
import Dossier
import Foundation
import Records
import XML

/// The files a batch signs and encrypts with: the sending office's certificate and key, and the
/// receiving school's certificate. Kept as files because each packing worker loads its own copy:
/// OpenSSL handles are not shared across threads.
public struct PackingKeys: Sendable {
    public let certificate: URL
    public let key: URL?
    public let passphrase: Data?
    public let recipient: URL

    public init(certificate: URL, key: URL?, passphrase: Data?, recipient: URL) {
        self.certificate = certificate
        self.key = key
        self.passphrase = passphrase
        self.recipient = recipient
    }

    /// The signing identity and the recipient's certificate (the file's first).
    /// - Throws: ``TransferError/cryptography(_:)``.
    func load() throws(TransferError) -> (SigningIdentity, Certificate) {
        do { return try files() } catch { throw .cryptography(error) }
    }

    /// A packer for one worker.
    func packer(validator: RecordValidator) throws(DossierError) -> DossierPacker {
        do {
            let (identity, recipient) = try files()
            return DossierPacker(identity: identity, recipients: [recipient], passphrase: nil, validator: validator)
        } catch {
            throw .cryptography(error)
        }
    }

    private func files() throws(CryptographyError) -> (SigningIdentity, Certificate) {
        let identity = try SigningIdentity.load(certificate: certificate, key: key, passphrase: passphrase)
        guard let recipient = try Certificate.load(contentsOf: recipient).first else { throw .notACertificate(file: recipient.path) }
        return (identity, recipient)
    }
}
