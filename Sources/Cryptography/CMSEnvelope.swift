internal import COpenSSL
import Foundation

/// CMS enveloped data (RFC 5652 §6) holding a small secret (a dossier's password) for
/// certificate holders (RSA-OAEP-SHA256, or ECDH with a SHA-256 KDF) and/or a passphrase
/// (PWRI, RFC 3211, PBKDF2-HMAC-SHA1, ``passphraseIterations``). `openssl cms -decrypt` opens it.
/// See <https://docs.openssl.org/3.0/man3/CMS_encrypt/> and `CMS_decrypt`.
public enum CMSEnvelope {
    /// PBKDF2 iterations for a passphrase recipient.
    ///
    /// OpenSSL 3.0's `CMS_add0_recipient_password` takes the iteration count but always writes
    /// PBKDF2 with its default PRF, HMAC-SHA1 (`PKCS5_pbkdf2_set(iter, NULL, 0, -1, -1)` in
    /// `crypto/cms/cms_pwri.c`; the `pbe_nid` argument only names PBKDF2), so the strength left to
    /// choose is the count: 1,300,000, OWASP's figure for PBKDF2-HMAC-SHA1 (the equivalent of
    /// 600,000 for HMAC-SHA256). OpenSSL's default is 2,048.
    public static let passphraseIterations = 1_300_000

    /// Seals `secret` for every certificate in `recipients` and for `passphrase` when given.
    /// - Throws: ``CryptographyError/unsupportedKey(file:use:)`` for a recipient that is neither RSA nor EC.
    public static func seal(_ secret: Data, for recipients: [Certificate], passphrase: Data?) throws(CryptographyError) -> Data {
        defer { OpenSSLError.clear() }
        let flags = UInt32(CMS_BINARY | CMS_PARTIAL)
        guard let cms = CMS_encrypt(nil, nil, EVP_aes_256_cbc(), flags) else { throw .library(.drain("CMS_encrypt")) }
        defer { CMS_ContentInfo_free(cms) }
        for recipient in recipients { try add(recipient, to: cms) }
        if let passphrase {
            // add0: the ContentInfo takes the OPENSSL_malloc'd copy and frees it.
            let copy = passphrase.withUnsafeBytes { inclusio_OPENSSL_memdup($0.baseAddress, $0.count) }
            guard let copy, CMS_add0_recipient_password(cms, Int32(passphraseIterations), NID_id_alg_PWRI_KEK, NID_id_pbkdf2,
                                                       copy.assumingMemoryBound(to: UInt8.self), passphrase.count, nil) != nil else {
                throw .library(.drain("CMS_add0_recipient_password"))
            }
        }
        let finished = try MemoryBIO.reading(secret) { CMS_final(cms, $0, nil, flags) }
        guard finished == 1 else { throw .library(.drain("CMS_final")) }
        return try MemoryBIO.writing("i2d_CMS_bio") { i2d_CMS_bio($0, cms) }
    }

    /// Adds `certificate` as a recipient, with SHA-256 where OpenSSL's defaults are older.
    private static func add(_ certificate: Certificate, to cms: OpaquePointer) throws(CryptographyError) {
        guard let publicKey = X509_get0_pubkey(certificate.x509) else { throw .unsupportedKey(file: certificate.subject, use: "receive a dossier") }
        let type = EVP_PKEY_get_base_id(publicKey)
        guard type == EVP_PKEY_RSA || type == EVP_PKEY_EC else { throw .unsupportedKey(file: certificate.subject, use: "receive a dossier") }
        guard let info = CMS_add1_recipient_cert(cms, certificate.x509, UInt32(CMS_KEY_PARAM)),
              let context = CMS_RecipientInfo_get0_pkey_ctx(info) else { throw .library(.drain("CMS_add1_recipient_cert")) }
        let configured = type == EVP_PKEY_RSA
            ? (EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1 && EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) == 1)
            : EVP_PKEY_CTX_set_ecdh_kdf_md(context, EVP_sha256()) == 1
        guard configured else { throw .library(.drain("EVP_PKEY_CTX_set parameters")) }
    }

    /// Opens `envelope` with a recipient's `key` (and its certificate, when known).
    /// - Throws: ``CryptographyError/notAddressedToKey(file:)`` when no recipient is that key.
    public static func open(_ envelope: Data, key: PrivateKey, certificate: Certificate?, keyFile: String) throws(CryptographyError) -> Data {
        try decrypt(envelope) { cms, output in
            // CMS_DEBUG_DECRYPT: fail when no recipient matches instead of returning a random key
            // (the countermeasure for online oracles; a local file has none).
            CMS_decrypt(cms, key.pkey, certificate?.x509, nil, output, UInt32(CMS_BINARY | CMS_DEBUG_DECRYPT)) == 1
        } failure: { _ in .notAddressedToKey(file: keyFile) }
    }

    /// Opens `envelope` with the passphrase it was sealed for.
    /// - Throws: ``CryptographyError/noPassphraseRecipient``, ``CryptographyError/wrongEnvelopePassphrase``.
    public static func open(_ envelope: Data, passphrase: Data) throws(CryptographyError) -> Data {
        try decrypt(envelope) { cms, output in
            var copy = [UInt8](passphrase)
            guard copy.withUnsafeMutableBufferPointer({ CMS_decrypt_set1_password(cms, $0.baseAddress, $0.count) }) == 1 else { return false }
            return CMS_decrypt(cms, nil, nil, nil, output, UInt32(CMS_BINARY | CMS_DEBUG_DECRYPT)) == 1
        } failure: { cms in hasPassphraseRecipient(cms) ? .wrongEnvelopePassphrase : .noPassphraseRecipient }
    }

    private static func decrypt(_ envelope: Data, _ body: (OpaquePointer, OpaquePointer) -> Bool,
                                failure: (OpaquePointer) -> CryptographyError) throws(CryptographyError) -> Data {
        defer { OpenSSLError.clear() }
        guard let cms = try MemoryBIO.reading(envelope, { d2i_CMS_bio($0, nil) }),
              OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_enveloped || { CMS_ContentInfo_free(cms); return false }() else {
            throw .malformedEnvelope
        }
        defer { CMS_ContentInfo_free(cms) }
        guard let output = BIO_new(BIO_s_mem()) else { throw .library(.drain("BIO_new")) }
        defer { BIO_free(output) }
        guard body(cms, output) else { throw failure(cms) }
        return MemoryBIO.contents(of: output)
    }

    private static func hasPassphraseRecipient(_ cms: OpaquePointer) -> Bool {
        guard let infos = CMS_get0_RecipientInfos(cms) else { return false }
        return (0..<inclusio_sk_CMS_RecipientInfo_num(infos)).contains {
            CMS_RecipientInfo_type(inclusio_sk_CMS_RecipientInfo_value(infos, $0)) == CMS_RECIPINFO_PASS
        }
    }
}
