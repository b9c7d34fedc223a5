internal import COpenSSL
import Foundation

/// An Ed25519 signing key (RFC 8032) made from a 32-byte seed; signs log checkpoints.
///
/// The archive derives its seed from the archive key, so the signing key itself is never
/// stored. CMS cannot sign with Ed25519 in OpenSSL 3.0; these are raw signatures.
public struct Ed25519SigningKey: Sendable {
    private let seed: SymmetricKey
    /// The matching public key.
    public let publicKey: Ed25519PublicKey

    /// The key whose 32-byte private seed is `seed`.
    public init(seed: SymmetricKey) throws(CryptographyError) {
        let key = try Self.privateKey(seed)
        defer { EVP_PKEY_free(key) }
        var raw = Data(count: 32)
        var length = 32
        let status = raw.withUnsafeMutableBytes { EVP_PKEY_get_raw_public_key(key, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) }
        guard status == 1, length == 32 else { throw .library(.drain("EVP_PKEY_get_raw_public_key")) }
        self.seed = seed
        self.publicKey = try Ed25519PublicKey(rawRepresentation: raw)
    }

    /// The 64-byte signature of `message`.
    public func signature(for message: some DataProtocol) throws(CryptographyError) -> Data {
        let key = try Self.privateKey(seed)
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { throw .library(.drain("EVP_MD_CTX_new")) }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else { throw .library(.drain("EVP_DigestSignInit")) }
        let input = Data(message)
        var signature = Data(count: 64)
        var length = 64
        let status = input.withUnsafeBytes { bytes in
            signature.withUnsafeMutableBytes { out in
                EVP_DigestSign(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
                               bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
            }
        }
        guard status == 1, length == 64 else { throw .library(.drain("EVP_DigestSign")) }
        return signature
    }

    private static func privateKey(_ seed: SymmetricKey) throws(CryptographyError) -> OpaquePointer {
        let key = seed.bytes.withUnsafeBytes {
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), 32)
        }
        guard let key else { throw .library(.drain("EVP_PKEY_new_raw_private_key")) }
        return key
    }
}

/// An Ed25519 public key: checks checkpoint signatures, and exports as PEM for outside tools.
public struct Ed25519PublicKey: Sendable, Equatable {
    /// The 32 raw key bytes.
    public let rawRepresentation: Data

    /// - Throws: ``CryptographyError/invalidKeyLength(bytes:)`` unless `rawRepresentation` is 32 bytes.
    public init(rawRepresentation: Data) throws(CryptographyError) {
        guard rawRepresentation.count == 32 else { throw .invalidKeyLength(bytes: rawRepresentation.count) }
        self.rawRepresentation = rawRepresentation
    }

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) of an Ed25519 key, as ``pemRepresentation()``
    /// writes it and `openssl pkey -pubout` too; `file` names it in errors.
    /// - Throws: ``CryptographyError/notAnEd25519PublicKey(file:)`` when it is not that.
    public init(pem: String, file: String) throws(CryptographyError) {
        // The DER of an Ed25519 SubjectPublicKeyInfo is this fixed 12-byte prefix, then the 32-byte key (RFC 8410 §4).
        let prefix = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])
        let body = pem.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .drop { $0 != "-----BEGIN PUBLIC KEY-----" }.dropFirst().prefix { $0 != "-----END PUBLIC KEY-----" }.joined()
        guard let der = Data(base64Encoded: body), der.count == 44, der.prefix(12) == prefix else {
            throw .notAnEd25519PublicKey(file: file)
        }
        try self.init(rawRepresentation: Data(der.suffix(32)))
    }

    /// Whether `signature` is this key's signature of `message`.
    public func isValidSignature(_ signature: some DataProtocol, for message: some DataProtocol) -> Bool {
        let signature = Data(signature), input = Data(message)
        guard signature.count == 64, let key = try? publicKey() else { return false }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { OpenSSLError.clear(); return false }
        let status = signature.withUnsafeBytes { sig in
            input.withUnsafeBytes { bytes in
                EVP_DigestVerify(context, sig.baseAddress?.assumingMemoryBound(to: UInt8.self), sig.count,
                                 bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
            }
        }
        OpenSSLError.clear()
        return status == 1
    }

    /// The key as a PEM `PUBLIC KEY` (SubjectPublicKeyInfo), as `openssl pkeyutl -verify -pubin` reads it.
    public func pemRepresentation() throws(CryptographyError) -> String {
        let key = try publicKey()
        defer { EVP_PKEY_free(key) }
        let pem = try MemoryBIO.writing("PEM_write_bio_PUBKEY") { PEM_write_bio_PUBKEY($0, key) }
        return String(decoding: pem, as: UTF8.self)
    }

    private func publicKey() throws(CryptographyError) -> OpaquePointer {
        let key = rawRepresentation.withUnsafeBytes {
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), 32)
        }
        guard let key else { throw .library(.drain("EVP_PKEY_new_raw_public_key")) }
        return key
    }
}
