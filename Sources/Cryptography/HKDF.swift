internal import COpenSSL
import Foundation

/// HKDF with SHA-256 (RFC 5869) through OpenSSL's libcrypto: turns one strong secret into
/// independent keys, one per purpose named in `info`.
///
/// HKDF does not slow down guessing; derive from passphrases with ``Scrypt`` instead.
public enum HKDF {
    /// The longest output HKDF-SHA-256 can give: 255 blocks of 32 bytes.
    public static let maximumLength = 255 * 32
    /// The longest `info` accepted: 1 KiB, the least any OpenSSL 3.0 release takes.
    public static let maximumInfoLength = 1024

    /// `length` bytes derived from `inputKeyingMaterial` (extract with `salt`, then expand with `info`).
    /// - Parameters:
    ///   - inputKeyingMaterial: the secret to derive from; at least one byte.
    ///   - salt: optional randomness, may be empty (RFC 5869 then uses 32 zero bytes).
    ///   - info: what the output is for, may be empty, at most ``maximumInfoLength`` bytes;
    ///     different `info` gives unrelated output.
    ///   - length: output bytes, 1 to ``maximumLength``.
    /// - Throws: ``CryptographyError/invalidKeyDerivationParameters(reason:)`` for an empty
    ///   `inputKeyingMaterial`, a `salt` or `inputKeyingMaterial` of 2 GiB or more, an `info` or
    ///   `length` out of range; ``CryptographyError/library(_:)`` when OpenSSL fails.
    public static func deriveKey(from inputKeyingMaterial: Data, salt: Data, info: Data, length: Int = 32) throws(CryptographyError) -> Data {
        guard (1...maximumLength).contains(length) else {
            throw .invalidKeyDerivationParameters(reason: "HKDF-SHA-256 gives 1 to \(maximumLength) bytes, not \(length)")
        }
        guard !inputKeyingMaterial.isEmpty else {
            throw .invalidKeyDerivationParameters(reason: "HKDF needs a secret to derive from, and it is empty")
        }
        guard info.count <= maximumInfoLength else {
            throw .invalidKeyDerivationParameters(reason: "HKDF info may be up to \(maximumInfoLength) bytes, not \(info.count)")
        }
        // OpenSSL takes these lengths as `int`.
        guard salt.count <= Int32.max, inputKeyingMaterial.count <= Int32.max else {
            throw .invalidKeyDerivationParameters(reason: "HKDF salt and secret must each be under 2 GiB")
        }
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else { throw .library(.drain("EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF)")) }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_derive_init(context) == 1 else { throw .library(.drain("EVP_PKEY_derive_init")) }
        guard EVP_PKEY_CTX_set_hkdf_md(context, EVP_sha256()) == 1 else { throw .library(.drain("EVP_PKEY_CTX_set_hkdf_md")) }
        // An empty salt is left unset: RFC 5869 §2.2 treats "not provided" as 32 zero bytes, which
        // gives the same HMAC key as an empty one.
        if !salt.isEmpty {
            guard salt.withUnsafeBytes({ EVP_PKEY_CTX_set1_hkdf_salt(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32($0.count)) }) == 1 else {
                throw .library(.drain("EVP_PKEY_CTX_set1_hkdf_salt"))
            }
        }
        guard inputKeyingMaterial.withUnsafeBytes({ EVP_PKEY_CTX_set1_hkdf_key(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32($0.count)) }) == 1 else {
            throw .library(.drain("EVP_PKEY_CTX_set1_hkdf_key"))
        }
        if !info.isEmpty {
            guard info.withUnsafeBytes({ EVP_PKEY_CTX_add1_hkdf_info(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32($0.count)) }) == 1 else {
                throw .library(.drain("EVP_PKEY_CTX_add1_hkdf_info"))
            }
        }
        var output = Data(count: length)
        var written = length
        let status = output.withUnsafeMutableBytes { EVP_PKEY_derive(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &written) }
        guard status == 1, written == length else { throw .library(.drain("EVP_PKEY_derive")) }
        return output
    }

    /// A 256-bit subkey of `key` for the purpose named by `info` (UTF-8), with an empty salt.
    ///
    /// Use a distinct, fixed `info` per purpose, e.g. `"inclusio dossier index v1"`.
    /// - Throws: ``CryptographyError/invalidKeyDerivationParameters(reason:)`` when `info` is longer
    ///   than ``maximumInfoLength`` bytes of UTF-8; ``CryptographyError/library(_:)`` when OpenSSL fails.
    public static func deriveKey(from key: SymmetricKey, info: String) throws(CryptographyError) -> SymmetricKey {
        try SymmetricKey(bytes: deriveKey(from: key.bytes, salt: Data(), info: Data(info.utf8), length: SymmetricKey.byteCount))
    }
}
