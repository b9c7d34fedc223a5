import Support

/// Why keys, certificates, signatures or envelopes could not be used, in words a clerk can act on.
public enum CryptographyError: CategorizedError, Sendable {
    /// A key or certificate file could not be read.
    case unreadable(file: String)
    /// The file holds no X.509 certificate (PEM, DER or PKCS#12).
    case notACertificate(file: String)
    /// The file holds no private key (PEM or DER, PKCS#8 or traditional, or PKCS#12).
    case notAPrivateKey(file: String)
    /// The key or PKCS#12 file is protected and no passphrase was given.
    case passphraseNeeded(file: String)
    /// The passphrase does not open the key or PKCS#12 file.
    case wrongPassphrase(file: String)
    /// The private key does not belong to the certificate.
    case keyDoesNotMatchCertificate(key: String, certificate: String)
    /// The key type cannot do what is asked (sign in CMS, or receive an envelope).
    case unsupportedKey(file: String, use: String)
    /// `file` is not an Ed25519 public key in PEM (`-----BEGIN PUBLIC KEY-----`).
    case notAnEd25519PublicKey(file: String)
    /// The signature file is not a CMS signature.
    case malformedSignature(reason: String)
    /// The signature is well formed but does not match the signed content.
    case signatureMismatch
    /// The signer's certificate does not lead to a trusted root, or is not valid now.
    case untrustedSigner(subject: String, problem: String)
    /// The envelope is not CMS enveloped data.
    case malformedEnvelope
    /// None of the envelope's recipients is the given key.
    case notAddressedToKey(file: String)
    /// The envelope was not sealed for a passphrase.
    case noPassphraseRecipient
    /// The passphrase does not open the envelope.
    case wrongEnvelopePassphrase
    /// A symmetric key is not 32 bytes long; carries the length found, never the bytes.
    case invalidKeyLength(bytes: Int)
    /// Sealed data does not verify: it was changed, damaged, cut short, or opened with the
    /// wrong key or for the wrong record.
    case authenticationFailed
    /// Key-derivation settings (scrypt cost, HKDF or scrypt output length) cannot be used.
    case invalidKeyDerivationParameters(reason: String)
    /// A libcrypto call failed for a reason that is not the input's fault.
    case library(OpenSSLError)

    /// A missing key file is missing input; a credential that does not open what was
    /// asked is a permission failure; a libcrypto fault is internal; anything else is a
    /// key, certificate, signature or sealed datum whose content is wrong.
    public var category: FailureCategory {
        switch self {
        case .unreadable: .input
        case .notAddressedToKey, .wrongEnvelopePassphrase, .noPassphraseRecipient, .wrongPassphrase, .passphraseNeeded: .permission
        case .library: .internal
        case .notACertificate, .notAPrivateKey, .keyDoesNotMatchCertificate, .unsupportedKey, .notAnEd25519PublicKey, .malformedSignature,
             .signatureMismatch, .untrustedSigner, .malformedEnvelope, .invalidKeyLength, .authenticationFailed,
             .invalidKeyDerivationParameters: .data
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file): "\(file) cannot be read; check the path and its permissions."
        case let .notACertificate(file): "\(file) holds no X.509 certificate (PEM, DER or PKCS#12 expected)."
        case let .notAPrivateKey(file): "\(file) holds no private key (PEM, DER or PKCS#12 expected)."
        case let .passphraseNeeded(file): "\(file) is protected by a passphrase; give it with --passphrase-file or --key-passphrase-file."
        case let .wrongPassphrase(file): "The passphrase does not open \(file)."
        case let .keyDoesNotMatchCertificate(key, certificate): "The private key \(key) does not belong to the certificate \(certificate)."
        case let .unsupportedKey(file, use): "The key in \(file) cannot be used to \(use); use an RSA (2048 bits or more) or ECDSA P-256 key."
        case let .notAnEd25519PublicKey(file): "\(file) is not an Ed25519 public key in PEM (as `inclusio audit checkpoint --public-key` writes it)."
        case let .malformedSignature(reason): "The signature is damaged (\(reason))."
        case .signatureMismatch: "The signature does not match the signed content: the content was changed after signing."
        case let .untrustedSigner(subject, problem): "The signer \(subject) is not trusted: \(problem)."
        case .malformedEnvelope: "The key envelope is damaged: it is not CMS enveloped data."
        case let .notAddressedToKey(file): "This was not encrypted for the key \(file); use the key of a recipient it was sent to."
        case .noPassphraseRecipient: "This was not encrypted for a passphrase; open it with a recipient's key (--key)."
        case .wrongEnvelopePassphrase: "The passphrase does not open the key envelope."
        case let .invalidKeyLength(bytes): "The key is \(bytes) bytes long where 32 bytes (256 bits) are needed: it is damaged or not a key."
        case .authenticationFailed: "The stored data does not match its seal: it was changed, damaged, or belongs elsewhere."
        case let .invalidKeyDerivationParameters(reason): "The key-derivation settings cannot be used (\(reason)); if they were read from a file, it is damaged or was made by another program."
        case let .library(error): "OpenSSL failed unexpectedly (\(error)); check the libssl installation."
        }
    }
}
