internal import COpenSSL
import Foundation

/// A private key (RSA or EC); owns its `EVP_PKEY`.
/// See <https://docs.openssl.org/3.0/man3/PEM_read_bio_PrivateKey/>.
public final class PrivateKey {
    let pkey: OpaquePointer

    init(taking pkey: OpaquePointer) { self.pkey = pkey }
    deinit { EVP_PKEY_free(pkey) }

    /// The algorithms a new key can use.
    public enum Algorithm: Sendable {
        /// ECDSA / ECDH on NIST P-256: fast, and accepted by CMS for signing and enveloping.
        case p256
        /// RSA with a 2048-bit modulus.
        case rsa2048
    }

    /// A fresh key.
    public static func generate(_ algorithm: Algorithm) throws(CryptographyError) -> PrivateKey {
        let id = algorithm == .p256 ? EVP_PKEY_EC : EVP_PKEY_RSA
        guard let context = EVP_PKEY_CTX_new_id(id, nil) else { throw .library(.drain("EVP_PKEY_CTX_new_id")) }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw .library(.drain("EVP_PKEY_keygen_init")) }
        let configured = switch algorithm {
        case .p256: EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1)
        case .rsa2048: EVP_PKEY_CTX_set_rsa_keygen_bits(context, 2048)
        }
        guard configured == 1 else { throw .library(.drain("EVP_PKEY_CTX_set_keygen parameters")) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen(context, &key) == 1, let key else { throw .library(.drain("EVP_PKEY_keygen")) }
        return PrivateKey(taking: key)
    }

    /// The key in `url`: PEM (PKCS#8 or traditional, encrypted with `passphrase` or not) or unencrypted DER.
    /// - Throws: ``CryptographyError/notAPrivateKey(file:)``, ``CryptographyError/passphraseNeeded(file:)``,
    ///   ``CryptographyError/wrongPassphrase(file:)``.
    public static func load(contentsOf url: URL, passphrase: Data? = nil) throws(CryptographyError) -> PrivateKey {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable(file: url.path) }
        defer { OpenSSLError.clear() }
        let isPEM = data.range(of: Data("-----BEGIN".utf8)) != nil
        let encrypted = data.range(of: Data("ENCRYPTED".utf8)) != nil
        if isPEM && encrypted && passphrase == nil { throw .passphraseNeeded(file: url.path) }
        let key: OpaquePointer? = try MemoryBIO.reading(data) { bio in
            guard isPEM else { return d2i_PrivateKey_bio(bio, nil) }
            guard let passphrase else {
                // A callback that gives no passphrase, so OpenSSL never prompts on the terminal.
                return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in -1 }, nil)
            }
            // With no callback, OpenSSL reads `u` as the NUL-terminated passphrase.
            var text = [UInt8](passphrase) + [0]
            return text.withUnsafeMutableBytes { PEM_read_bio_PrivateKey(bio, nil, nil, $0.baseAddress) }
        }
        guard let key else { throw encrypted ? .wrongPassphrase(file: url.path) : .notAPrivateKey(file: url.path) }
        return PrivateKey(taking: key)
    }

    /// The key as unencrypted PKCS#8 PEM; store it where only its owner can read it.
    public func pem() throws(CryptographyError) -> Data {
        try MemoryBIO.writing("PEM_write_bio_PrivateKey") { PEM_write_bio_PrivateKey($0, pkey, nil, nil, 0, nil, nil) }
    }

    /// SHA-256 of the public half (its DER SubjectPublicKeyInfo), lowercase hex; equal to the
    /// ``Certificate/publicKeyFingerprint`` of the key's certificates.
    public var publicKeyFingerprint: String { Self.fingerprint(ofPublicKey: pkey) }

    /// SHA-256 of `pkey`'s DER SubjectPublicKeyInfo (`i2d_PUBKEY_bio`), lowercase hex; empty on failure.
    static func fingerprint(ofPublicKey pkey: OpaquePointer) -> String {
        guard let der = try? MemoryBIO.writing("i2d_PUBKEY_bio", { i2d_PUBKEY_bio($0, pkey) }) else { return "" }
        return SHA256.hex(der)
    }

    /// Whether this is an RSA key.
    var isRSA: Bool { EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA }
    /// Whether this is an elliptic-curve key.
    var isEC: Bool { EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC }
}

@available(*, unavailable) extension PrivateKey: Sendable {}
