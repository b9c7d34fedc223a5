internal import COpenSSL
import Foundation

/// An X.509 certificate; owns its `X509`.
///
/// Not thread-safe to share while OpenSSL caches its extensions; keep one per task.
/// See <https://docs.openssl.org/3.0/man3/X509_new/>.
public final class Certificate {
    let x509: OpaquePointer

    init(taking x509: OpaquePointer) { self.x509 = x509 }
    deinit { X509_free(x509) }

    /// Another reference to the same certificate, for handing to OpenSSL calls that take one.
    func retained() -> OpaquePointer {
        X509_up_ref(x509)
        return x509
    }

    /// Every certificate in `url`: PEM (one or more, leaf first) or a single DER certificate.
    /// - Throws: ``CryptographyError/unreadable(file:)``, ``CryptographyError/notACertificate(file:)``.
    public static func load(contentsOf url: URL) throws(CryptographyError) -> [Certificate] {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable(file: url.path) }
        let certificates = try parse(data)
        guard !certificates.isEmpty else { throw .notACertificate(file: url.path) }
        return certificates
    }

    /// The certificates in `data` (PEM or DER); empty when there are none.
    public static func parse(_ data: Data) throws(CryptographyError) -> [Certificate] {
        defer { OpenSSLError.clear() }
        return try MemoryBIO.reading(data) { bio throws(CryptographyError) in
            // PEM may follow other text (openssl's "Bag Attributes"); DER starts with a SEQUENCE.
            if data.range(of: Data("-----BEGIN".utf8)) != nil {
                var found: [Certificate] = []
                while let x509 = PEM_read_bio_X509(bio, nil, nil, nil) { found.append(Certificate(taking: x509)) }
                return found
            }
            return d2i_X509_bio(bio, nil).map { [Certificate(taking: $0)] } ?? []
        }
    }

    /// The certificate as PEM text.
    public func pem() throws(CryptographyError) -> Data {
        try MemoryBIO.writing("PEM_write_bio_X509") { PEM_write_bio_X509($0, x509) }
    }

    /// The subject, as `CN=…, O=…` in certificate order.
    public var subject: String { Self.describe(X509_get_subject_name(x509)) }
    /// The issuer, as `CN=…, O=…`.
    public var issuer: String { Self.describe(X509_get_issuer_name(x509)) }
    /// Start of validity.
    public var notBefore: Date { Self.date(X509_get0_notBefore(x509)) }
    /// End of validity.
    public var notAfter: Date { Self.date(X509_get0_notAfter(x509)) }

    /// SHA-256 of the DER encoding, lowercase hex.
    public var fingerprint: String {
        guard let der = try? MemoryBIO.writing("i2d_X509_bio", { i2d_X509_bio($0, x509) }) else { return "" }
        return SHA256.hex(der)
    }

    /// SHA-256 of the certificate's public key (its DER SubjectPublicKeyInfo), lowercase hex: what
    /// ``PrivateKey/publicKeyFingerprint`` gives for the private half.
    public var publicKeyFingerprint: String {
        guard let key = X509_get0_pubkey(x509) else { return "" }
        return PrivateKey.fingerprint(ofPublicKey: key)
    }

    /// Whether `key` is the private half of this certificate's public key.
    public func matches(_ key: PrivateKey) -> Bool {
        defer { OpenSSLError.clear() }
        return X509_check_private_key(x509, key.pkey) == 1
    }

    /// `CN=…, O=…` from an `X509_NAME`, values as UTF-8.
    static func describe(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        return (0..<X509_NAME_entry_count(name)).compactMap { index -> String? in
            guard let entry = X509_NAME_get_entry(name, index),
                  let object = X509_NAME_ENTRY_get_object(entry),
                  let value = X509_NAME_ENTRY_get_data(entry) else { return nil }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, value)
            guard length >= 0, let utf8 else { return nil }
            defer { inclusio_OPENSSL_free(utf8) }
            let key = OBJ_nid2sn(OBJ_obj2nid(object)).map { String(cString: $0) } ?? "?"
            return key + "=" + String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
        }.joined(separator: ", ")
    }

    /// An `ASN1_TIME` as a `Date`.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

@available(*, unavailable) extension Certificate: Sendable {}
