import Cryptography
import Foundation

/// What an operator presents to open the archive key: their private key (matching the
/// certificate enrolled for them) or their passphrase.
public enum OperatorCredential {
    case key(PrivateKey, file: String)
    case passphrase(Data)

    var kind: ArchivePolicy.Credential { if case .key = self { .certificate } else { .passphrase } }
}

/// What an administrator enrols for an operator: their certificate, or their first passphrase.
public enum Enrolment {
    case certificate(Certificate)
    case passphrase(Data)

    var kind: ArchivePolicy.Credential { if case .certificate = self { .certificate } else { .passphrase } }
}

/// The archive key sealed for one operator: a CMS envelope to their certificate, or an
/// scrypt-derived key sealing it with AES-256-GCM.
///
/// scrypt file: `INCLUSIO-SCRYPT-1\n`, then log2 N, r, p (one byte each), a 16-byte salt,
/// then the GCM seal (nonce, ciphertext, tag) with the header and operator id as associated data.
enum OperatorKeyFile {
    private static let magic = Data("INCLUSIO-SCRYPT-1\n".utf8)
    static let parameters = ScryptParameters.interactive

    /// For a served archive's custodians: N = 2^17 (128 MiB, about half a second), typed once at service start.
    static let custodianParameters = ScryptParameters(n: 1 << 17, r: 8, p: 1)

    static func seal(_ archiveKey: SymmetricKey, for enrolment: Enrolment, operator op: String,
                     parameters: ScryptParameters = OperatorKeyFile.parameters) throws(CryptographyError) -> Data {
        switch enrolment {
        case let .certificate(certificate):
            return try CMSEnvelope.seal(archiveKey.bytes, for: [certificate], passphrase: nil)
        case let .passphrase(passphrase):
            let salt = try SecureRandom.bytes(16)
            let header = magic + [UInt8(parameters.n.trailingZeroBitCount), UInt8(parameters.r), UInt8(parameters.p)] + salt
            let key = try SymmetricKey(bytes: Scrypt.deriveKey(passphrase: passphrase, salt: salt, parameters: parameters))
            return header + (try AESGCM.seal(archiveKey.bytes, key: key, associatedData: header + Data(op.utf8)))
        }
    }

    /// The archive key, or `nil` when the credential does not open `file`.
    static func open(_ file: Data, with credential: OperatorCredential, operator op: String) throws(CryptographyError) -> SymmetricKey? {
        switch credential {
        case let .key(key, keyFile):
            do { return try SymmetricKey(bytes: CMSEnvelope.open(file, key: key, certificate: nil, keyFile: keyFile)) } catch {
                if case .notAddressedToKey = error { return nil }
                throw error
            }
        case let .passphrase(passphrase):
            let headerSize = magic.count + 3 + 16
            guard file.count > headerSize, file.prefix(magic.count) == magic else { throw .malformedEnvelope }
            let header = file.prefix(headerSize)
            let bytes = [UInt8](header.dropFirst(magic.count).prefix(3))   // log2 N, r, p
            // Bounds well above what we write (2^15, 8, 1) but below a run that would seem to hang.
            guard (1...20).contains(bytes[0]), (1...32).contains(bytes[1]), (1...8).contains(bytes[2]) else { throw .malformedEnvelope }
            let parameters = ScryptParameters(n: 1 << Int(bytes[0]), r: Int(bytes[1]), p: Int(bytes[2]))
            let key = try SymmetricKey(bytes: Scrypt.deriveKey(passphrase: passphrase, salt: header.suffix(16), parameters: parameters))
            do {
                return try SymmetricKey(bytes: AESGCM.open(file.suffix(from: file.startIndex + headerSize), key: key, associatedData: header + Data(op.utf8)))
            } catch {
                if case .authenticationFailed = error { return nil }
                throw error
            }
        }
    }
}
