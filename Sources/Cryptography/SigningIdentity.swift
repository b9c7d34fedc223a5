internal import COpenSSL
import Foundation

/// A signer: certificate, its private key, and the certificates that link it to a root.
public final class SigningIdentity {
    /// The signer's own certificate.
    public let certificate: Certificate
    /// The private key of ``certificate``.
    public let key: PrivateKey
    /// Intermediate certificates to include with signatures (may be empty).
    public let chain: [Certificate]

    /// Pairs `certificate` with `key` after checking they belong together.
    public init(certificate: Certificate, key: PrivateKey, chain: [Certificate] = []) throws(CryptographyError) {
        guard certificate.matches(key) else { throw .keyDoesNotMatchCertificate(key: "the key", certificate: certificate.subject) }
        self.certificate = certificate
        self.key = key
        self.chain = chain
    }

    /// Loads an identity the office already has: a PEM/DER certificate (followed by its chain)
    /// with a separate key file, or a PKCS#12 file holding both (then `key` may be `nil`).
    /// `passphrase` opens an encrypted PEM key or the PKCS#12 file.
    /// - Throws: ``CryptographyError`` naming the file that is wrong and why.
    public static func load(certificate url: URL, key keyURL: URL?, passphrase: Data?) throws(CryptographyError) -> SigningIdentity {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable(file: url.path) }
        let certificates = try Certificate.parse(data)
        if let leaf = certificates.first {
            guard let keyURL else { throw .notAPrivateKey(file: url.path) }
            let key = try PrivateKey.load(contentsOf: keyURL, passphrase: passphrase)
            guard leaf.matches(key) else { throw .keyDoesNotMatchCertificate(key: keyURL.path, certificate: url.path) }
            return try SigningIdentity(certificate: leaf, key: key, chain: Array(certificates.dropFirst())).checkedForSigning(url.path)
        }
        return try pkcs12(data, file: url.path, passphrase: passphrase).checkedForSigning(url.path)
    }

    private static func pkcs12(_ data: Data, file: String, passphrase: Data?) throws(CryptographyError) -> SigningIdentity {
        defer { OpenSSLError.clear() }
        guard let p12 = try MemoryBIO.reading(data, { d2i_PKCS12_bio($0, nil) }) else { throw .notACertificate(file: file) }
        defer { PKCS12_free(p12) }
        var pkey: OpaquePointer?, x509: OpaquePointer?, extra: OpaquePointer?
        let text = (passphrase.map { [UInt8]($0) } ?? []) + [0]
        let parsed = text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                PKCS12_parse(p12, $0, &pkey, &x509, &extra)
            }
        }
        guard parsed == 1 else { throw passphrase == nil ? .passphraseNeeded(file: file) : .wrongPassphrase(file: file) }
        var chain: [Certificate] = []
        if let extra {
            for index in 0..<inclusio_sk_X509_num(extra) {
                if let ca = inclusio_sk_X509_value(extra, index) { X509_up_ref(ca); chain.append(Certificate(taking: ca)) }
            }
            inclusio_sk_X509_pop_free(extra)
        }
        guard let x509 else { pkey.map { EVP_PKEY_free($0) }; throw .notACertificate(file: file) }
        let certificate = Certificate(taking: x509)
        guard let pkey else { throw .notAPrivateKey(file: file) }
        return try SigningIdentity(certificate: certificate, key: PrivateKey(taking: pkey), chain: chain)
    }

    private func checkedForSigning(_ file: String) throws(CryptographyError) -> SigningIdentity {
        guard key.isRSA || key.isEC else { throw .unsupportedKey(file: file, use: "sign in CMS") }
        return self
    }
}

@available(*, unavailable) extension SigningIdentity: Sendable {}
